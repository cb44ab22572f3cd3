"""Demo data of the programmes app, from ../shared/seeds. Idempotent."""

from .models import Province

PROVINCES = [
    {
        "code": "OV",
        "name": "Overijssel",
        "display_name": "Provincie Overijssel",
        "colour": "#154273",
    },
    {
        "code": "LI",
        "name": "Limburg",
        "display_name": "Provincie Limburg",
        "colour": "#0b4f6c",
    },
    {
        "code": "UT",
        "name": "Utrecht",
        "display_name": "Provincie Utrecht",
        "colour": "#7a1b1b",
    },
]


def load() -> None:
    for data in PROVINCES:
        Province.objects.get_or_create(code=data["code"], defaults=data)
