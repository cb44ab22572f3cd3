"""Demo organisations. Fictitious, except those the seeds name. Idempotent.

Bouman Industries is named in the seeds (it sold two liquid separators after
the 2016 China mission). Every other organisation, its KvK number and its
contact person are made up; the KvK numbers start with 90 to 93 and the
e-mail addresses end in .example.
"""

from datetime import date
from decimal import Decimal

from accounts.demo import account_get_or_create
from accounts.roles import Role
from provinces.models import Province

from .models import ContactPerson, Engagement, Organisation

BOUMAN_KVK = "06012345"
# The adviser of Limburg's advisory tracks (advice/demo.py); its public
# profile is made by showcase/demo.py.
MAASVALLEI_KVK = "95000007"
# The implementing partners of the seeds (fictitious KvK numbers).
ONDERNEMEND_LIMBURG_KVK = "90090001"
OOST_NL_KVK = "90090002"
PARTNERS = [
    # (KvK, name, province code, town, postcode, engagements: (province,
    # task, since, note))
    (
        ONDERNEMEND_LIMBURG_KVK,
        "Ondernemend Limburg (MKB Limburg, LWV, LLTB)",
        "LI",
        "Maastricht",
        "6221 AA",
        [
            (
                "LI",
                task,
                date(2018, 6, 1),
                "MKB-aanpak Zuid-Limburg, besluit Provinciale Staten juni 2018",
            )
            for task in (
                Engagement.Task.MISSIONS,
                Engagement.Task.DESK,
                Engagement.Task.ADVICE,
            )
        ],
    ),
    (
        OOST_NL_KVK,
        "Oost NL",
        "OV",
        "Enschede",
        "7522 NB",
        [
            (
                "OV",
                Engagement.Task.MISSIONS,
                date(2016, 11, 9),
                "GO4EXPORT, uitvoeringsplan onder #in (PS/2016/871)",
            )
        ],
    ),
]

# The demo entrepreneur, who registered Bouman Industries (listed by
# load_demo with the staff accounts of accounts/demo.py).
ACCOUNTS = [
    ("ondernemer@bouman.example", "Bart Bouman", Role.SME, None),
]
# The staff of each implementing partner, with the partner's KvK number.
PARTNER_ACCOUNTS = [
    (
        "medewerker@ondernemendlimburg.example",
        "Olga Ondernemend",
        ONDERNEMEND_LIMBURG_KVK,
    ),
    ("medewerker@oostnl.example", "Otto Oost", OOST_NL_KVK),
]
ACCOUNTS += [
    (email, name, Role.PARTNER, None) for email, name, _kvk in PARTNER_ACCOUNTS
]

SME = Organisation.Kind.SME
EDUCATION = Organisation.Kind.EDUCATION
KNOWLEDGE = Organisation.Kind.KNOWLEDGE
LARGE = Organisation.Kind.LARGE

# (KvK, name, kind, sector, employees, municipality, postcode)
ORGANISATIONS = [
    (
        "90010001",
        "Twentse Zonnedaken BV",
        SME,
        "Installatietechniek",
        18,
        "Enschede",
        "7521 AB",
    ),
    (
        "90010002",
        "Vechtdal Warmtepompen BV",
        SME,
        "Installatietechniek",
        32,
        "Ommen",
        "7731 CD",
    ),
    (
        "90010003",
        "Sallandse Biogas Techniek BV",
        SME,
        "Energie",
        9,
        "Raalte",
        "8102 EF",
    ),
    (
        "90010004",
        "IJsselwind Engineering BV",
        SME,
        "Ingenieursbureau",
        24,
        "Deventer",
        "7411 GH",
    ),
    (
        "90010005",
        "Hengelo Grid Solutions BV",
        SME,
        "Elektrotechniek",
        41,
        "Hengelo",
        "7551 JK",
    ),
    (
        "90010006",
        "Kampen Waterstof Systemen BV",
        SME,
        "Energie",
        12,
        "Kampen",
        "8261 LM",
    ),
    ("90010007", "Almelo Isolatie Groep BV", SME, "Bouw", 55, "Almelo", "7607 NP"),
    ("90010008", "Rijssen Energieopslag BV", SME, "Energie", 7, "Rijssen", "7461 RS"),
    ("90010009", "Zwolle Smart Meters BV", SME, "Elektronica", 28, "Zwolle", "8011 TV"),
    ("90010010", "Dinkelland Duurzaam Advies", SME, "Advies", 4, "Denekamp", "7591 WX"),
    (
        "90020001",
        "MedTwente Diagnostics BV",
        SME,
        "Medische technologie",
        22,
        "Enschede",
        "7522 AB",
    ),
    (
        "90020002",
        "Sensicare Zorgtechniek BV",
        SME,
        "Medische technologie",
        15,
        "Hengelo",
        "7553 CD",
    ),
    (
        "90020003",
        "Ortho Oost Implants BV",
        SME,
        "Medische hulpmiddelen",
        38,
        "Deventer",
        "7412 EF",
    ),
    ("90020004", "VitaalData BV", SME, "Software", 11, "Zwolle", "8012 GH"),
    (
        "90020005",
        "Revalidatie Robotics Overijssel BV",
        SME,
        "Medische technologie",
        19,
        "Enschede",
        "7523 JK",
    ),
    (
        "90020006",
        "Labtech Salland BV",
        SME,
        "Laboratoriumapparatuur",
        26,
        "Raalte",
        "8103 LM",
    ),
    ("90020007", "Zorgkompas Apps BV", SME, "Software", 6, "Hardenberg", "7771 NP"),
    (
        "90030001",
        "Precisie Frezerij Twente BV",
        SME,
        "Metaalbewerking",
        47,
        "Almelo",
        "7608 RS",
    ),
    (
        "90030002",
        "Hightech Motion Hengelo BV",
        SME,
        "Mechatronica",
        63,
        "Hengelo",
        "7554 TV",
    ),
    ("90030003", "Fotonica Oost BV", SME, "Optica", 21, "Enschede", "7524 WX"),
    ("90030004", "Vision Robotics Zwolle BV", SME, "Robotica", 34, "Zwolle", "8013 AB"),
    (
        "90030005",
        "Dunne Lagen Technologie BV",
        SME,
        "Materialen",
        17,
        "Enschede",
        "7525 CD",
    ),
    (
        "90030006",
        "Aandrijftechniek Haaksbergen BV",
        SME,
        "Machinebouw",
        88,
        "Haaksbergen",
        "7481 EF",
    ),
    (
        "90030007",
        "Sensorfabriek Oldenzaal BV",
        SME,
        "Elektronica",
        29,
        "Oldenzaal",
        "7571 GH",
    ),
    (
        "90030008",
        "Composiet Werken Nijverdal BV",
        SME,
        "Materialen",
        44,
        "Nijverdal",
        "7442 JK",
    ),
    (
        "90030009",
        "Lasertechniek Vriezenveen BV",
        SME,
        "Metaalbewerking",
        13,
        "Vriezenveen",
        "7671 LM",
    ),
    (
        "90030010",
        "Automatisering Staphorst BV",
        SME,
        "Industriële automatisering",
        52,
        "Staphorst",
        "7951 NP",
    ),
    (
        "90030011",
        "Kunststof Spuitgiet Steenwijk BV",
        SME,
        "Kunststofindustrie",
        71,
        "Steenwijk",
        "8331 RS",
    ),
    (
        "90030012",
        "Meettechniek Deventer BV",
        SME,
        "Meet- en regeltechniek",
        16,
        "Deventer",
        "7413 TV",
    ),
    (
        "90040001",
        "Milieutechniek Oost BV",
        SME,
        "Milieutechnologie",
        23,
        "Hengelo",
        "7555 WX",
    ),
    (
        "90040002",
        "Waterzuivering Twente BV",
        SME,
        "Watertechnologie",
        37,
        "Enschede",
        "7526 AB",
    ),
    (
        "90040003",
        "Luchtfilter Systemen Zwolle BV",
        SME,
        "Milieutechnologie",
        14,
        "Zwolle",
        "8014 CD",
    ),
    (
        "90040004",
        "Recycling Innovaties Kampen BV",
        SME,
        "Recycling",
        48,
        "Kampen",
        "8262 EF",
    ),
    (
        "90040005",
        "Bodemsanering Salland BV",
        SME,
        "Milieutechnologie",
        31,
        "Deventer",
        "7414 GH",
    ),
    (
        "90040006",
        "Slibverwerking Oost BV",
        SME,
        "Watertechnologie",
        19,
        "Almelo",
        "7609 JK",
    ),
    (
        "90050001",
        "Agrifood Vechtdal BV",
        SME,
        "Voedingsmiddelen",
        42,
        "Dalfsen",
        "7721 LM",
    ),
    (
        "90050002",
        "Zuivel Innovatie Twente BV",
        SME,
        "Voedingsmiddelen",
        58,
        "Borne",
        "7621 NP",
    ),
    (
        "90050003",
        "Kas Klimaat Systemen BV",
        SME,
        "Agrotechniek",
        27,
        "Hardenberg",
        "7772 RS",
    ),
    (
        "90050004",
        "Veevoer Techniek Raalte BV",
        SME,
        "Agrotechniek",
        35,
        "Raalte",
        "8104 TV",
    ),
    (
        "90060001",
        "Logistiek Knooppunt Hengelo BV",
        SME,
        "Logistiek",
        66,
        "Hengelo",
        "7556 WX",
    ),
    ("90060002", "Houtbouw Systemen Wierden BV", SME, "Bouw", 39, "Wierden", "7642 AB"),
    (
        "90060003",
        "Textiel Innovatie Enschede BV",
        SME,
        "Textiel",
        24,
        "Enschede",
        "7527 CD",
    ),
    (
        "90060004",
        "Drukwerk Digitaal Zwolle BV",
        SME,
        "Grafische industrie",
        12,
        "Zwolle",
        "8015 EF",
    ),
    (
        "90060005",
        "Export Adviesbureau Oost BV",
        SME,
        "Advies",
        5,
        "Deventer",
        "7415 GH",
    ),
    (
        "90060006",
        "Industriële Koeling Tubbergen BV",
        SME,
        "Installatietechniek",
        46,
        "Tubbergen",
        "7651 JK",
    ),
    (
        "90060007",
        "Staalconstructies Hellendoorn BV",
        SME,
        "Metaalbewerking",
        81,
        "Hellendoorn",
        "7447 LM",
    ),
    (
        "90060008",
        "Verpakkingstechniek Losser BV",
        SME,
        "Verpakkingen",
        33,
        "Losser",
        "7581 NP",
    ),
    (
        "90060009",
        "Pompen en Kleppen Genemuiden BV",
        SME,
        "Machinebouw",
        57,
        "Genemuiden",
        "8281 RS",
    ),
    (
        "90060010",
        "Software voor Zorg Deventer BV",
        SME,
        "Software",
        20,
        "Deventer",
        "7416 TV",
    ),
    (
        "90060011",
        "Elektromotoren Rijssen BV",
        SME,
        "Elektrotechniek",
        74,
        "Rijssen",
        "7462 WX",
    ),
    (
        "90060012",
        "Glasvezel Netwerken Oost BV",
        SME,
        "Telecom",
        25,
        "Almelo",
        "7602 AB",
    ),
    (
        "91000001",
        "Hogeschool Twente-Salland (fictief)",
        EDUCATION,
        "Hoger onderwijs",
        2400,
        "Enschede",
        "7511 CD",
    ),
    (
        "91000002",
        "Hogeschool IJsseldelta (fictief)",
        EDUCATION,
        "Hoger onderwijs",
        1900,
        "Zwolle",
        "8017 EF",
    ),
    (
        "91000003",
        "ROC Oost-Overijssel (fictief)",
        EDUCATION,
        "Middelbaar beroepsonderwijs",
        1500,
        "Hengelo",
        "7557 GH",
    ),
    (
        "92000001",
        "Technische Kennisinstelling Oost (fictief)",
        KNOWLEDGE,
        "Onderzoek",
        3100,
        "Enschede",
        "7522 JK",
    ),
    (
        "93000001",
        "Machinefabriek Twente Groep NV",
        LARGE,
        "Machinebouw",
        420,
        "Hengelo",
        "7558 LM",
    ),
]


FIRST_NAMES = [
    "Anouk",
    "Bram",
    "Carlijn",
    "Daan",
    "Eva",
    "Freek",
    "Gerrit",
    "Hanneke",
    "Ingrid",
    "Jeroen",
    "Karin",
    "Lars",
    "Marieke",
    "Niels",
    "Olga",
]
SURNAMES = [
    "Ter Horst",
    "Nijhuis",
    "Oude Vrielink",
    "Kamphuis",
    "Bosch",
    "Wolters",
    "Brinkman",
    "Hofstede",
    "Lansink",
    "Pierik",
    "Scholten",
    "Velthuis",
]


def _slug(name: str) -> str:
    keep = "".join(ch.lower() if ch.isalnum() else "-" for ch in name)
    return "-".join(part for part in keep.split("-") if part and part != "bv")[:40]


def load() -> None:
    overijssel = Province.objects.get(code="OV")
    bouman, _created = Organisation.objects.get_or_create(
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
    for index, (kvk, name, kind, sector, employees, town, postcode) in enumerate(
        ORGANISATIONS
    ):
        organisation, _created = Organisation.objects.get_or_create(
            kvk_number=kvk,
            defaults={
                "name": name,
                "kind": kind,
                "sector": sector,
                "employees": employees,
                "annual_turnover": Decimal(employees * 140000),
                "postcode": postcode,
                "municipality": town,
                "province": overijssel,
                "export_experience": (
                    Organisation.ExportExperience.NONE,
                    Organisation.ExportExperience.OCCASIONAL,
                    Organisation.ExportExperience.STRUCTURAL,
                )[index % 3],
                "website": f"https://{_slug(name)}.example",
            },
        )
        ContactPerson.objects.get_or_create(
            organisation=organisation,
            email=f"contact@{_slug(name)}.example",
            defaults={
                "name": f"{FIRST_NAMES[index % len(FIRST_NAMES)]} "
                f"{SURNAMES[(index * 7) % len(SURNAMES)]}",
                "role": "Directeur" if kind == SME else "Coördinator internationaal",
                "consent_future_missions": index % 2 == 0,
            },
        )
    _partners()
    _bouman_member(bouman)
    Organisation.objects.get_or_create(
        kvk_number=MAASVALLEI_KVK,
        defaults={
            "name": "Maasvallei Bedrijfsadvies",
            "kind": Organisation.Kind.ADVISER,
            "municipality": "Maastricht",
            "province": Province.objects.filter(code="LI").first(),
        },
    )
    return bouman


def _partners() -> None:
    """The implementing partners and the provinces that engage them."""
    provinces = {p.code: p for p in Province.objects.all()}
    for kvk, name, code, town, postcode, engagements in PARTNERS:
        partner, _created = Organisation.objects.get_or_create(
            kvk_number=kvk,
            defaults={
                "name": name,
                "kind": Organisation.Kind.PARTNER,
                "municipality": town,
                "postcode": postcode,
                "province": provinces.get(code),
            },
        )
        for province_code, task, since, note in engagements:
            if province_code not in provinces:
                continue
            Engagement.objects.get_or_create(
                province=provinces[province_code],
                partner=partner,
                task=task,
                since=since,
                defaults={"note": note},
            )
    for email, name, kvk in PARTNER_ACCOUNTS:
        account_get_or_create(
            email=email,
            name=name,
            role=Role.PARTNER,
            partner=Organisation.objects.get(kvk_number=kvk),
        )


def _bouman_member(bouman) -> None:
    """Bouman's contact registered it: its first member and admin."""
    email, name, role, _province = ACCOUNTS[0]
    user = account_get_or_create(email=email, name=name, role=role)
    ContactPerson.objects.get_or_create(
        organisation=bouman,
        user=user,
        defaults={
            "name": user.name,
            "email": user.email,
            "role": "Directeur",
            "consent_future_missions": True,
            "is_admin": True,
            "verified_via": ContactPerson.VerifiedVia.FIRST_MEMBER,
        },
    )
