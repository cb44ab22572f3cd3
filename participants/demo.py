"""Demo organisations. Fictitious, except those the seeds name. Idempotent."""

from decimal import Decimal

from programmes.models import Province

from .models import Organisation

BOUMAN_KVK = "06012345"


def load() -> None:
    overijssel = Province.objects.get(code="OV")
    Organisation.objects.get_or_create(
        kvk_number=BOUMAN_KVK,
        defaults={
            "name": "Bouman Industries",
            "kind": Organisation.Kind.SME,
            "sbi_code": "2829",
            "sector": "Machinebouw",
            "employees": 45,
            "annual_turnover": Decimal("8500000"),
            "postcode": "7602 KR",
            "municipality": "Almelo",
            "province": overijssel,
            "export_experience": Organisation.ExportExperience.OCCASIONAL,
            "export_markets": "Duitsland, China",
        },
    )
