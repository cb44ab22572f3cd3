"""Reference lists and weights behind the synthetic benchmark data.

Weights are rough shares, not statistics: enough to give the pages and
reports the spread they meet in practice (most missions to neighbouring
countries, most participants micro and small firms, the big provinces
busier than the small ones).
"""

# code, name, weight (share of missions and organisations), municipalities
# with a postcode prefix each.
PROVINCES = [
    (
        "GR",
        "Groningen",
        4,
        [("Groningen", "97"), ("Veendam", "96"), ("Delfzijl", "99")],
    ),
    ("FR", "Fryslân", 4, [("Leeuwarden", "89"), ("Sneek", "86"), ("Drachten", "92")]),
    ("DR", "Drenthe", 3, [("Assen", "94"), ("Emmen", "78"), ("Hoogeveen", "79")]),
    ("OV", "Overijssel", 9, [("Enschede", "75"), ("Zwolle", "80"), ("Deventer", "74")]),
    ("FL", "Flevoland", 3, [("Almere", "13"), ("Lelystad", "82"), ("Emmeloord", "83")]),
    (
        "GE",
        "Gelderland",
        12,
        [("Arnhem", "68"), ("Nijmegen", "65"), ("Apeldoorn", "73")],
    ),
    (
        "UT",
        "Utrecht",
        8,
        [("Utrecht", "35"), ("Amersfoort", "38"), ("Veenendaal", "39")],
    ),
    (
        "NH",
        "Noord-Holland",
        14,
        [("Amsterdam", "10"), ("Haarlem", "20"), ("Alkmaar", "18")],
    ),
    (
        "ZH",
        "Zuid-Holland",
        16,
        [("Rotterdam", "30"), ("Den Haag", "25"), ("Leiden", "23")],
    ),
    (
        "ZE",
        "Zeeland",
        3,
        [("Middelburg", "43"), ("Vlissingen", "44"), ("Terneuzen", "45")],
    ),
    (
        "NB",
        "Noord-Brabant",
        13,
        [("Eindhoven", "56"), ("Tilburg", "50"), ("Breda", "48")],
    ),
    ("LI", "Limburg", 7, [("Maastricht", "62"), ("Venlo", "59"), ("Heerlen", "64")]),
]

# country code, weight, region or city, trade fair (may be empty)
COUNTRIES = [
    ("DE", 25, "Hannover", "Hannover Messe"),
    ("DE", 0, "Düsseldorf", "MEDICA"),
    ("BE", 10, "Antwerpen", ""),
    ("FR", 6, "Parijs", "VivaTech"),
    ("GB", 6, "Londen", ""),
    ("US", 6, "Boston", ""),
    ("CN", 5, "Shenyang", ""),
    ("PL", 4, "Poznań", ""),
    ("DK", 3, "Kopenhagen", ""),
    ("SE", 3, "Stockholm", ""),
    ("NO", 2, "Oslo", "Nor-Shipping"),
    ("ES", 3, "Barcelona", "Smart City Expo"),
    ("IT", 3, "Milaan", ""),
    ("AT", 2, "Wenen", ""),
    ("CH", 2, "Zürich", ""),
    ("JP", 3, "Tokio", ""),
    ("KR", 2, "Seoul", ""),
    ("IN", 3, "Bangalore", ""),
    ("AE", 3, "Dubai", "Gulfood"),
    ("SG", 2, "Singapore", ""),
    ("CA", 2, "Toronto", ""),
    ("BR", 2, "São Paulo", ""),
    ("ZA", 2, "Johannesburg", ""),
    ("TR", 2, "Istanbul", ""),
    ("VN", 1, "Ho Chi Minhstad", ""),
    ("ID", 1, "Jakarta", ""),
    ("MX", 1, "Mexico-Stad", ""),
    ("KE", 1, "Nairobi", ""),
    ("GH", 1, "Accra", ""),
    ("AU", 1, "Melbourne", ""),
]

# slug, Dutch name, English name, weight
THEMES = [
    ("energy", "Energie", "Energy", 14),
    (
        "health",
        "Gezondheid (Life Sciences & Health)",
        "Health (Life Sciences & Health)",
        12,
    ),
    (
        "htsm",
        "HTSM (hightech systemen en materialen)",
        "HTSM (high-tech systems and materials)",
        18,
    ),
    (
        "emt",
        "EMT (energie- en milieutechnologie)",
        "EMT (energy and environmental technology)",
        8,
    ),
    ("agrifood", "Agrifood", "Agrifood", 14),
    ("water", "Water", "Water", 8),
    ("logistics", "Logistiek", "Logistics", 7),
    ("maritime", "Maritiem", "Maritime", 5),
    ("creative", "Creatieve industrie", "Creative industry", 4),
    ("chemistry", "Chemie", "Chemistry", 5),
]

# SBI code, sector, weight
SECTORS = [
    ("2829", "Machinebouw", 14),
    ("2511", "Metaalconstructie", 8),
    ("1089", "Voedingsmiddelenindustrie", 9),
    ("0113", "Tuinbouw", 6),
    ("2120", "Farmaceutische industrie", 3),
    ("3250", "Medische instrumenten", 5),
    ("2651", "Meet- en regelinstrumenten", 5),
    ("2611", "Elektronische componenten", 4),
    ("6201", "Softwareontwikkeling", 12),
    ("7112", "Ingenieursbureau", 9),
    ("4690", "Groothandel", 8),
    ("4941", "Wegvervoer en logistiek", 5),
    ("2016", "Kunststoffen", 3),
    ("3011", "Scheepsbouw", 2),
    ("4322", "Installatietechniek", 7),
]

# organisation kind, weight
KINDS = [
    ("sme", 88),
    ("large", 4),
    ("education", 3),
    ("knowledge", 2),
    ("government", 1),
    ("partner", 2),
]

# employees range, weight: about the spread of Dutch exporting firms
# (micro and small firms the majority).
HEADCOUNTS = [
    ((1, 9), 50),
    ((10, 49), 32),
    ((50, 249), 14),
    ((250, 2000), 4),
]

NAME_PARTS = ["Noord", "Zuid", "Oost", "West", "Delta", "Polder", "Rivier", "Kust"] + [
    "Brug",
    "Dijk",
    "Veld",
    "Haven",
    "Molen",
    "Toren",
    "Heide",
    "Duin",
]
NAME_TRADES = [
    "Techniek",
    "Systems",
    "Machines",
    "Foods",
    "Solutions",
    "Engineering",
    "Medical",
    "Software",
    "Logistics",
    "Kassen",
    "Energie",
    "Water",
    "Instruments",
    "Components",
    "Design",
]
NAME_FORMS = ["BV", "B.V.", "Holding BV", "VOF", "NV"]

PROGRAMME_NAMES = [
    "Internationaal ondernemen",
    "Exportversneller",
    "Go4Export",
    "MKB Internationaal",
    "Grensregio Handel",
    "Innovatie en export",
    "Trade Accelerator",
    "Agrifood Export",
]

PRESTATIE_TITLES = [
    "Bevorderen van export",
    "Internationaliseren",
    "Ondersteunen brede mkb",
    "Versterken internationale positie",
    "Buitenlandse handel en investeringen",
]

ACTION_TEXTS = [
    "Wij faciliteren handelsmissies met ondernemers uit de provincie.",
    "Wij bereiken nieuwe exporteurs en unieke mkb-bedrijven.",
    "Wij ondersteunen afstudeerprojecten van studenten bij mkb-bedrijven.",
    "Wij zetten liaisons in voor de internationale profilering van de topsectoren.",
    "Wij monitoren het exportbureau in het buitenland.",
    "Wij organiseren inkomende bezoeken van buitenlandse delegaties.",
]

PORTFOLIO_HOLDERS = [
    "A. de Vries",
    "B. Jansen",
    "C. van den Berg",
    "D. Bakker",
    "E. Visser",
    "F. Smit",
    "G. Meijer",
    "H. de Boer",
]
