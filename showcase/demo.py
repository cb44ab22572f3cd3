"""Demo data of the exporters' showcase. Idempotent; loaded by load_demo
after participants.demo, whose organisations it shows.

- Bouman Industries (named in the seeds: two liquid separators sold after
  the 2016 China mission) publishes its profile and a story. The story's
  details (people, dates, the trade fair) are made up.
- A handful of the fictitious demo companies publish profiles.
- The advisers and partner organisations the seeds name (Oost NL, WTC
  Twente, Novel-T, RVO, Ondernemend Limburg) and the Kamer van Koophandel
  publish what they help with. Their KvK numbers here are placeholders
  starting with 95 and their addresses end in .example: they are not the
  organisations' real numbers or addresses.
- One fictitious Limburg company (KvK starting with 94), so that the region
  filter has more than one province to show.
"""

from django.utils import timezone

from participants.demo import BOUMAN_KVK, MAASVALLEI_KVK
from participants.models import ContactPerson, Organisation

from .models import ExportStory, PublicProfile, Theme

BOUMAN_STORY_TITLE = "Hoe wij twee vloeistofscheiders in China verkochten"
BOUMAN_STORY = """\
In 2016 gingen wij mee met de handelsmissie van de provincie Overijssel naar \
de provincie Liaoning in China. Wij hadden nog nooit buiten Europa verkocht. \
Onze vloeistofscheiders halen olie en vuil uit proceswater; in Noordoost-China \
staan veel fabrieken die daar mee worstelen.

Voor de reis hebben wij met Oost NL en WTC Twente onze doelen scherp gemaakt: \
drie gesprekken met fabrieken die al met waterzuivering bezig waren, en één \
lokale partner voor onderhoud. Een brochure in het Chinees bleek belangrijker \
dan wij dachten.

In Shenyang hadden wij negen gesprekken. Twee fabrikanten wilden een \
proefopstelling zien. Een half jaar later tekenden zij allebei voor een \
scheider. Het tegenbezoek uit China hielp: zij zagen onze werkplaats in Almelo \
en spraken met onze monteurs.

Wat wij anders zouden doen: eerder nadenken over onderhoud op afstand, en \
meer tijd nemen voor het contract. Wilt u ook naar China? Vraag ons gerust \
naar onze ervaring."""

# The adviser of Limburg's advisory tracks (advice/demo.py).
MAASVALLEI_PROFILE = {
    "description": (
        "Adviesbureau voor het Limburgse mkb. Werkt voor de MKB-aanpak "
        "Zuid-Limburg aan adviestrajecten voor groei en vernieuwing."
    ),
    "helps_with": (
        "Van ambitie naar ondernemingsplan: intake, analyse van markt en "
        "bedrijf, het businessplan en de weg naar financiering."
    ),
}
BOUMAN_PROFILE = {
    "description": (
        "Familiebedrijf in Almelo. Wij ontwerpen en bouwen vloeistofscheiders "
        "voor de procesindustrie en de scheepvaart."
    ),
    "export_markets": ["DE", "CN"],
    "target_markets": ["PL"],
    "experience": (
        "Wij verkopen al jaren in Duitsland. Na de handelsmissie naar China in "
        "2016 verkochten wij er twee vloeistofscheiders."
    ),
    "open_to_questions": True,
    "themes": ["machinery", "htsm", "emt"],
}

# KvK of a demo company → its public profile.
COMPANY_PROFILES = {
    "90010002": {
        "description": "Warmtepompen voor utiliteitsbouw, gemaakt in Ommen.",
        "export_markets": ["DE", "BE"],
        "target_markets": ["NO"],
        "experience": "Wij leveren via installateurs in Noordrijn-Westfalen.",
        "themes": ["energy", "construction"],
    },
    "90010005": {
        "description": "Meet- en regeltechniek voor elektriciteitsnetten.",
        "export_markets": ["DE", "TR"],
        "target_markets": ["PL"],
        "experience": "De missie naar Turkije leverde ons een eerste distributeur op.",
        "themes": ["energy", "htsm"],
    },
    "90020001": {
        "description": "Snelle diagnostische tests voor huisartsen en klinieken.",
        "export_markets": ["DE"],
        "target_markets": ["US", "GB"],
        "experience": "Op Match2Medica vonden wij onze Duitse partner.",
        "themes": ["health"],
    },
    "90010009": {
        "description": "Slimme meters en software voor warmtenetten.",
        "export_markets": ["BE"],
        "target_markets": ["DE", "DK"],
        "experience": "Wij zijn starters in export en zoeken ervaringen van anderen.",
        "themes": ["energy", "ict"],
    },
}

# (KvK, name, kind, province code, municipality, profile)
ADVISERS = [
    (
        "95000001",
        "Oost NL",
        Organisation.Kind.PARTNER,
        "OV",
        "Enschede",
        {
            "description": (
                "Ontwikkelingsmaatschappij voor Oost-Nederland. Voert het "
                "werkplan GO4EXPORT uit voor mkb'ers in Overijssel."
            ),
            "helps_with": (
                "Een exportplan maken, handelsmissies voorbereiden, contacten "
                "in Duitsland en China."
            ),
            "export_markets": ["DE", "CN", "PL"],
            "themes": ["htsm", "energy", "health", "agrifood"],
        },
    ),
    (
        "95000002",
        "WTC Twente",
        Organisation.Kind.PARTNER,
        "OV",
        "Hengelo",
        {
            "description": "World Trade Center Twente: netwerk voor ondernemers "
            "die internationaal zakendoen.",
            "helps_with": (
                "Handelsmissies en beurzen, contacten met buitenlandse "
                "bedrijven, bijeenkomsten met andere exporteurs."
            ),
            "export_markets": ["DE", "CN", "TR"],
            "themes": ["htsm", "machinery"],
        },
    ),
    (
        "95000003",
        "Novel-T",
        Organisation.Kind.PARTNER,
        "OV",
        "Enschede",
        {
            "description": "Stimuleert innovatie en ondernemerschap in Twente.",
            "helps_with": (
                "Contacten met kennisinstellingen en met Duitse regio's "
                "(Münsterland, Ostwestfalen-Lippe, Ruhrgebied) voor hightech "
                "bedrijven."
            ),
            "export_markets": ["DE"],
            "themes": ["htsm"],
        },
    ),
    (
        "95000004",
        "Rijksdienst voor Ondernemend Nederland (RVO)",
        Organisation.Kind.PARTNER,
        None,
        "Den Haag",
        {
            "description": "Uitvoeringsorganisatie van de Rijksoverheid voor "
            "ondernemers.",
            "helps_with": (
                "Subsidies en regelingen voor internationaal ondernemen, zoals "
                "de SIB-missievoucher, en informatie over buitenlandse markten."
            ),
            "themes": ["business-services"],
        },
    ),
    (
        "95000005",
        "Ondernemend Limburg",
        Organisation.Kind.PARTNER,
        "LI",
        "Maastricht",
        {
            "description": (
                "Samenwerking van MKB Limburg, LWV en LLTB. Voert de MKB-aanpak "
                "Zuid-Limburg uit."
            ),
            "helps_with": (
                "Informatiepunt voor ondernemers, advies over ondernemingsplannen "
                "en een plek waar ondernemers en adviseurs elkaar vinden."
            ),
            "export_markets": ["DE", "BE"],
            "themes": ["business-services", "agrifood", "health"],
        },
    ),
    (
        "95000006",
        "Kamer van Koophandel",
        Organisation.Kind.PARTNER,
        None,
        "Utrecht",
        {
            "description": "Informatie en advies voor ondernemers in Nederland.",
            "helps_with": (
                "Exportdocumenten, regels voor zakendoen over de grens en een "
                "eerste gesprek over uw exportplannen."
            ),
            "themes": ["business-services"],
        },
    ),
]

LIMBURG_COMPANY = (
    "94000001",
    "Heuvelland Voedingstechniek BV",
    "Gulpen-Wittem",
    "6271 AB",
    {
        "description": "Machines voor kleine zuivel- en vleesverwerkers.",
        "export_markets": ["BE", "DE"],
        "target_markets": ["FR"],
        "experience": "Wij verkopen vooral in de Euregio Maas-Rijn.",
        "themes": ["agrifood", "machinery"],
    },
)


def _themes(slugs) -> list[Theme]:
    return list(Theme.objects.filter(slug__in=slugs))


def _publish(organisation: Organisation, data: dict) -> PublicProfile:
    data = dict(data)
    slugs = data.pop("themes", [])
    now = timezone.now()
    profile, created = PublicProfile.objects.get_or_create(
        organisation=organisation,
        defaults={
            **data,
            "is_published": True,
            "published_at": now,
            "changed_at": now,
        },
    )
    if created:
        profile.themes.set(_themes(slugs))
    return profile


def load() -> None:
    bouman = Organisation.objects.get(kvk_number=BOUMAN_KVK)
    province_model = Organisation._meta.get_field("province").related_model
    provinces = {p.code: p for p in province_model.objects.all()}
    _publish(bouman, BOUMAN_PROFILE)
    ExportStory.objects.get_or_create(
        organisation=bouman,
        title=BOUMAN_STORY_TITLE,
        defaults={"body": BOUMAN_STORY, "changed_at": timezone.now()},
    )
    for organisation in Organisation.objects.filter(kvk_number__in=COMPANY_PROFILES):
        _publish(organisation, COMPANY_PROFILES[organisation.kvk_number])
    maasvallei = Organisation.objects.filter(kvk_number=MAASVALLEI_KVK).first()
    if maasvallei is not None:
        _publish(maasvallei, MAASVALLEI_PROFILE)

    kvk, name, town, postcode, profile = LIMBURG_COMPANY
    limburg_company, _created = Organisation.objects.get_or_create(
        kvk_number=kvk,
        defaults={
            "name": name,
            "kind": Organisation.Kind.SME,
            "sector": "Machinebouw",
            "employees": 14,
            "municipality": town,
            "postcode": postcode,
            "province": provinces.get("LI"),
            "export_experience": Organisation.ExportExperience.OCCASIONAL,
        },
    )
    ContactPerson.objects.get_or_create(
        organisation=limburg_company,
        email="info@heuvelland-voedingstechniek.example",
        defaults={"name": "Sanne Crombach", "role": "Directeur"},
    )
    _publish(limburg_company, profile)

    for kvk, name, kind, province_code, town, profile in ADVISERS:
        adviser, _created = Organisation.objects.get_or_create(
            kvk_number=kvk,
            defaults={
                "name": name,
                "kind": kind,
                "municipality": town,
                "province": provinces.get(province_code),
                "export_experience": Organisation.ExportExperience.STRUCTURAL,
            },
        )
        slug = "".join(ch for ch in name.lower() if ch.isalnum())[:20]
        ContactPerson.objects.get_or_create(
            organisation=adviser,
            email=f"internationaal@{slug}.example",
            defaults={"name": "Team internationaal ondernemen"},
        )
        _publish(adviser, profile)
