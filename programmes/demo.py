"""Demo data of the programmes app, from ../shared/seeds. Idempotent.

Every object is looked up by its natural key first and only created when
missing, so a second run writes nothing and adds no history rows. Figures
are those of the seeds; where the seeds are silent (the reserve's starting
balance) the explanation says so, and dates the seeds do not give are left
empty (Begroting 2016, the GS amendment, Limburg's decision of "June 2018":
the news item of 29 June 2018 says "last week" without a date).
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from provinces.models import Province

from .models import (
    Action,
    Decision,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    IntendedResult,
    Prestatie,
    Programme,
    ProgressNote,
    Reserve,
    ReserveMutation,
)

PROVINCES = [
    {
        "code": "OV",
        "name": "Overijssel",
        "display_name": "Provincie Overijssel",
        "contact_email": "handelsmissies@overijssel.example",
        "colour": "#154273",
    },
    {
        "code": "LI",
        "name": "Limburg",
        "display_name": "Provincie Limburg",
        "contact_email": "handelsmissies@limburg.example",
        "colour": "#0b4f6c",
    },
    {
        "code": "UT",
        "name": "Utrecht",
        "display_name": "Provincie Utrecht",
        "contact_email": "handelsmissies@utrecht.example",
        "colour": "#7a1b1b",
    },
]

RESERVE_NAME = "Reserve uitvoering Kwaliteit van Overijssel"

PURPOSE_2016 = (
    "De provincie stimuleert ondernemers om internationale contacten op te doen "
    "om daarmee de mogelijkheid van grensoverschrijdend handeldrijven te "
    "bevorderen en het verdienvermogen van de regio te vergroten. Dit betreft "
    "een verbreding van het beleid handelsmissies."
)
CONTEXT_2016 = (
    "Internationalisering richt zich op internationale handel (import en "
    "export), internationale samenwerking/kennisuitwisseling, internationaal "
    "investeren/outsourcing (van binnen naar buiten) en acquisitie (van buiten "
    "naar binnen)."
)
NOTE_2016 = """In 2016 zijn 4 uitgaande missies gerealiseerd:
- Missie naar Turkije rondom het thema energie
- Missie naar Duitsland rondom het thema health (Match2Medica)
- Missie naar Duitsland rondom het thema HTSM (Hannover Messe)
- Missie naar China, provincie Liaoning rondom de thema's HTSM - Energie en \
milieu technologie (EMT) onder bestuurlijk leiderschap van gedeputeerde Van Hijum.

In totaal hebben meer dan 50 vertegenwoordigers van het regionale MKB en \
onderwijs aan deze missies deelgenomen. Door deze missies hebben de \
deelnemende MKB-ers kennis genomen van de export-mogelijkheden en hebben zij \
contacten daarvoor gelegd. De missie naar China heeft veel publiciteit \
opgeleverd en bedrijvigheid voor de bedrijven. Bouman Industries heeft \
bijvoorbeeld twee vloeistofscheiders verkocht. Het tegenbezoek uit China laat \
ook zien hoeveel belangstelling er is vanuit China."""
FINANCE_2016 = (
    "U heeft op 9 november 2016 ingestemd met het programma #in - Overijssel "
    "innoveert en internationaliseert (PS/2016/871). De realisatie van dit "
    "voorstel loopt in 2017 door."
)
# Under "Relatie met reserve …? Ja. Bijbehorend investeringsvoorstel:".
INVESTMENT_2016 = (
    "Vanuit het Coalitieakkoord ‘Overijssel Werkt!’ is er budget beschikbaar "
    "gesteld voor deze prestatie. Dit is verwerkt in de Begroting 2016. Het "
    "bijbehorende investeringsbesluit is daarmee de Begroting 2016, PS/2015/687."
)
BASIS_2018 = (
    "Op basis van de spelregels van de Reserve uitvoering Kwaliteit van Overijssel"
)
CONTEXT_2018 = (
    "Voor de realisatie van de actielijn internationalisering van het programma "
    '"#In Overijssel innoveert en internationaliseert" is het werkplan Go4export '
    "van Oost NL opgesteld. Dit werkplan omvat acties gericht op intensivering "
    "van bestaande en de ontwikkeling van nieuwe exportactiviteiten voor het "
    "Midden- en Kleinbedrijf. Er wordt op lokaal, regionaal en nationaal niveau "
    "samengewerkt tussen betrokken organisaties, zoals Rijksdienst voor "
    "Ondernemen (RvO), Oost NL, WTC Twente, Kennispoort, Novel-T, andere "
    "provincies, e.d."
)
ACTIONS_2018 = [
    "Wij steunen drie handelsmissies op verzoek van ondernemersorganisaties in "
    "het MKB. Hieraan nemen in totaal minimaal 30 ondernemers deel.",
    "Wij monitoren de resultaten van het im-/exportbureau in China (provincie "
    "Liaoning).",
    "Wij bevorderen een samenwerkingsproject tussen de hoger "
    "onderwijsinstellingen Windesheim, Saxion en UT en het MKB ten aanzien van "
    "werving van internationale studenten. (in samenhang met prestatie 5.4.3.)",
    "Wij steunen Novel-T in de internationale profilering van de HTSM-topsector "
    "in Twente inclusief crossovers, resulterend in de aanstelling van "
    "(tijdelijke) liaison-officers voor het leggen van contacten en "
    "samenwerkingsverbanden tussen Overijssels MKB, Onderzoek & "
    "Onderwijsinstellingen en hun buitenlandse counterparts.",
    "Wij steunen de (hoger) onderwijsinstellingen in het benutten van alumni "
    "populatie als ambassadeurs voor de regio Overijssel voor het aantrekken van "
    "(nieuwe)kenniswerkers en vestiging van of samenwerking met bedrijven in "
    "Overijssel.",
]
# The seed's wording; its typing slips ("ondere", "begeleidt") corrected.
NOTES_2018 = {
    1: "Realisatie van deze acties is opgenomen in het uitvoeringsplan "
    "GO4EXPORT, gefinancierd door de provincie Overijssel, zijn verschillende "
    "internationale activiteiten georganiseerd door onze partners WTC Twente, "
    "Oost NL, VMO en VNO-NCW. Enkele voorbeelden hiervan zijn in 2018 de "
    "Nederlands-Duitse handelsdag, de industriebeurs Duitsland en aanwezigheid "
    "van Overijsselse ondernemers op de internationale beurs Hannover Messe "
    "ondersteunt. In het plan GO4EXPORT zijn onder andere missies gefaciliteerd "
    "naar China, Duitsland en Polen. Aan de missies hebben meer dan 40 "
    "MKB'ers/onderwijsinstellingen deelgenomen.",
    2: "Tijdens de missie naar China in september 2017 is een exportbureau "
    "opgericht. Dit bureau begeleidt ondernemers in hun (verdere) proces "
    "richting China. Dit varieert van het opvolgen van kansrijke leads die "
    "gelegd zijn tijdens de missie naar China tot het uitwerken en pitchen van "
    "concrete business cases. In 2018 zijn 10 bedrijven begeleid door het "
    "exportbureau.",
    3: "In 2018 is een project in uitvoering waarin HBO-studenten (Saxion en "
    "Windesheim) hun afstudeeropdracht bij MKB uitvoeren. Het onderwerp sluit "
    "aan bij de internationaliseringsvraagstukken van het MKB. Aansluitend "
    "krijgen zij een traineeship bij het MKB om hun onderzoek in de praktijk te "
    "brengen. Dit project is onderdeel van het GO4EXPORT programma.",
    4: "Via Oost NL en in samenwerking met Novel-T (voorheen Kennispark) is een "
    "extra impuls gerealiseerd om met meerdere Duitse regio's (Munsterland, Ost "
    "Westfalen Lippe en Ruhrgebied) contacten te leggen voor toekomstige "
    "samenwerking.",
    5: "Samen met de gemeente Enschede, UT en Saxion is een alumni project "
    "opgestart. Doel van dit project is de binding van alumni met de regio "
    "Twente te intensiveren. Met dit project beogen we talent aan de regio te "
    "binden en Twente te profileren als interessante studie en "
    "vestigingsplaats.\n\nInmiddels zijn er diverse evenementen voor alumni "
    "georganiseerd en zijn stakeholders in contact gebracht met alumni. Deze "
    "stakeholders hebben inzicht gekregen in de waarde van het alumni netwerk.",
}
UTRECHT_PURPOSE_2020 = """Het MKB is divers. Naast de innovatieve koplopers \
zijn er starters (start ups), snelle groeiers (scale ups) en het brede MKB. De \
eerste groepen hebben de laatste jaren veel steun gekregen vanuit de \
provincie. Naast oog voor innovatieve bedrijven, starters en groeiers, wil de \
provincie vanuit het coalitieakkoord extra aandacht besteden aan het ‘brede \
MKB’. Veel van deze bedrijven staan voor de uitdaging om zich verder \
toekomstbestendig te maken, bijvoorbeeld op het gebied van digitalisering, de \
toepassingen van data en duurzaamheid/energietransitie. In deze gevallen kan \
een ondersteunende, faciliterende en soms stimulerende rol van de overheid \
zinvol zijn."""
UTRECHT_CONTEXT_2020 = """De roep om beleid gericht op het brede MKB is de \
laatste twee jaar toegenomen. Er is behoefte aan een duidelijk beleid voor het \
brede MKB en in het bijzonder de maakindustrie en de werkgelegenheid op VMBO- \
en MBO-niveau. In de MKB-samenwerkingsagenda 2018-2019 wordt dit nu onderkend \
en hebben partners aangegeven meer aandacht te willen besteden aan het brede \
MKB. Doelstelling is om de werkgelegenheid te bevorderen en de vitaliteit van \
de regionale economie te versterken. Kenmerken van het brede-MKB-beleid zijn:
- Het bieden van ondersteuning bij uitdagingen om het bedrijf verder \
toekomstbestendig te maken.
- Stimuleren dat bedrijven versneld innovatieve (digitale) technologieën \
toepassen en zoeken naar het vergroten van hun afzetmarkt.
- Begeleiden van de versterking van het MKB om werkgelegenheid te behouden en \
te vergroten.
- Het ontwikkelen van een samenhangende aanpak van maatregelen, goed afgestemd \
met het Rijk.
- Het verbeteren van de dienstverlening van de provincie richting MKB. \
Bijvoorbeeld door onze zichtbaarheid bij het MKB te vergroten en ons aanbod \
toegankelijk en efficiënt te organiseren."""
UTRECHT_RESULTS_2020 = [
    "Begin 2020 is het beleidsplan voor het brede MKB vastgesteld door "
    "Provinciale Staten.",
    "Een aantal lopende pilots (denk o.a. aan opvolging (familie)bedrijven en "
    "vroege fase signalering (MKBDoorgaan!)) zijn geëvalueerd en worden (op "
    "basis van uitkomst evaluatie) structureel opgenomen in het provinciale "
    "beleid.",
    "De Smart Industry Hub (samenwerking met provincies Noord-Holland en "
    "Flevoland) is operationeel.",
    "De dienstverlening richting het brede MKB is verbeterd.",
    "Clusterversterking op bedrijventerreinen en een integrale aanpak van "
    "verschillende opgaven die in dit gebied spelen (de provincie ondersteunt "
    "actief de pilot voor dit type samenwerking op de Lage Weide).",
]
LIMBURG_DESCRIPTION = """Het MKB levert een grote bijdrage aan de \
Zuid-Limburgse economie. Door middel van een gezamenlijke aanpak, krijgen \
MKB’ers de mogelijkheid om verder te groeien en vernieuwen. Een van de \
speerpunten van de economische samenwerking in Zuid-Limburg was de \
MKB-aanpak, die is uitgewerkt tot een collectieve aanpak voor de hele \
provincie. Provinciale Staten van Limburg hebben het plan omarmd en kennen 6 \
ton aan het project toe.

De aanpak voorziet in:
- een informatiefunctie waarmee ondernemers terecht kunnen met vragen en om \
informatie over ondersteuning;
- een digitaal platform, waar zowel ondernemers als adviseurs zich kunnen \
presenteren en onderling contacten kunnen leggen;
- een adviesfunctie, waarmee ondernemers met groei- en innovatie-ambities \
worden ondersteund bij het omzetten van deze ambities in een businessplan.

Na de ‘aanjaagfase’ is het plan voor de uitrol overgedragen aan Ondernemend \
Limburg, een samenwerkingsverband tussen MKB Limburg, LWV en LLTB."""


def _decision(province, reference, **defaults):
    return Decision.objects.get_or_create(
        province=province, reference=reference, defaults=defaults
    )[0]


def _mutation(
    reserve, kind, amount, budget_year, decision, *, proposed=False, **defaults
):
    existing = ReserveMutation.objects.filter(
        reserve=reserve, kind=kind, amount=amount, budget_year=budget_year
    ).first()
    if existing:
        return existing
    # Written directly, in this order, so the decided balance never dips
    # below zero (the services would check the same). A proposal ("Wij
    # stellen u voor om …") stays proposed.
    return ReserveMutation.objects.create(
        reserve=reserve,
        kind=kind,
        amount=amount,
        budget_year=budget_year,
        decision=decision,
        status=(
            ReserveMutation.Status.PROPOSED
            if proposed
            else ReserveMutation.Status.DECIDED
        ),
        decided_at=None if proposed else timezone.now(),
        **defaults,
    )


def _fill_if_empty(instance, **values) -> None:
    """Texts added to the demo after it was first loaded: filled in once on
    an object loaded before, never over what someone wrote since."""
    empty = {name: v for name, v in values.items() if not getattr(instance, name)}
    if empty:
        for name, value in empty.items():
            setattr(instance, name, value)
        instance.save(update_fields=list(empty))


def _computed_indicator(action, name: str, metric: str) -> Indicator:
    """A computed indicator of the demo; one loaded before it counted
    entrepreneurs apart (it counted all participants, hogescholen
    included) gets the demo's metric again."""
    indicator, _ = Indicator.objects.get_or_create(
        action=action,
        name=name,
        defaults={"source": Indicator.Source.COMPUTED, "metric": metric},
    )
    if indicator.source == Indicator.Source.COMPUTED and indicator.metric != metric:
        indicator.metric = metric
        indicator.save(update_fields=["metric"])
    return indicator


def _overijssel() -> None:
    ov = Province.objects.get(code="OV")
    in_decision = _decision(
        ov,
        "PS/2016/871",
        body=Decision.Body.PS,
        date=datetime.date(2016, 11, 9),
        kind=Decision.Kind.INVESTMENT,
        title="#in – Overijssel innoveert en internationaliseert",
    )
    budget_2016 = _decision(
        ov,
        "PS/2015/687",
        body=Decision.Body.PS,
        kind=Decision.Kind.BUDGET,
        title="Begroting 2016",
    )
    amendment_2019 = _decision(
        ov,
        "Begrotingswijziging GS jaarschijf 2019, prestatie 5.4.2",
        body=Decision.Body.GS,
        kind=Decision.Kind.AMENDMENT,
        title=(
            "Begrotingswijziging GS: saldo jaarschijf 2018 naar jaarschijf 2019 "
            "van prestatie 5.4.2"
        ),
    )
    programme_in, created = Programme.objects.get_or_create(
        province=ov,
        name="#in – Overijssel innoveert en internationaliseert",
        defaults={
            "kind": Programme.Kind.PROGRAMME,
            "start_year": 2016,
            "description": (
                "Investeringsvoorstel van Provinciale Staten met onder meer de "
                "actielijn internationalisering."
            ),
        },
    )
    if created:
        programme_in.decisions.add(in_decision)
    go4export, _ = Programme.objects.get_or_create(
        province=ov,
        name="GO4EXPORT",
        defaults={
            "kind": Programme.Kind.WORKPLAN,
            "parent": programme_in,
            "executing_partner": "Oost NL",
            "start_year": 2017,
            "description": (
                "Werkplan (uitvoeringsplan) van Oost NL voor de actielijn "
                "internationalisering van #in, uitgevoerd met WTC Twente, VMO "
                "en VNO-NCW."
            ),
        },
    )
    reserve, _ = Reserve.objects.get_or_create(
        province=ov,
        name=RESERVE_NAME,
        defaults={
            "description": (
                "Reserve waaruit onder meer prestatie 5.4.2 (Bevorderen van "
                "export / Internationaliseren) wordt gefinancierd."
            )
        },
    )
    basics = {
        "kerntaak_code": "5",
        "kerntaak_title": "Regionale economie",
        "doel_code": "5.4",
        "role": Prestatie.Role.FACILITATOR,
        "duration": Prestatie.Duration.STRUCTURAL,
        "portfolio_holder": "Eddy van Hijum",
        "relates_to_reserve": True,
        "reserve": reserve,
    }
    p2016, created = Prestatie.objects.get_or_create(
        province=ov,
        year=2016,
        code="5.4.2",
        defaults={
            "title": "Bevorderen van export",
            "purpose": PURPOSE_2016,
            "context": CONTEXT_2016,
            "finance_text": FINANCE_2016,
            "investment_explanation": INVESTMENT_2016,
            **basics,
        },
    )
    if created:
        p2016.investment_decisions.add(budget_2016)
    _fill_if_empty(p2016, investment_explanation=INVESTMENT_2016)
    action, _ = Action.objects.get_or_create(
        prestatie=p2016,
        number=1,
        defaults={
            "text": "Wij faciliteren drie handelsmissies. Aan deze "
            "handelsmissies nemen 30 ondernemers deel."
        },
    )
    for name, metric, target in [
        ("Handelsmissies", Indicator.Metric.MISSIONS_REALISED, 3),
        ("Deelnemende ondernemers", Indicator.Metric.ENTREPRENEURS, 30),
    ]:
        indicator = _computed_indicator(action, name, metric)
        IndicatorTarget.objects.get_or_create(
            indicator=indicator, year=2016, defaults={"value": Decimal(target)}
        )
    # The note lists the missions itself: the report prints it alone.
    ProgressNote.objects.get_or_create(
        action=action,
        year=2016,
        defaults={"text": NOTE_2016, "narrative": ProgressNote.Narrative.OWN},
    )

    p2018, created = Prestatie.objects.get_or_create(
        province=ov,
        year=2018,
        code="5.4.2",
        defaults={
            "title": "Internationaliseren",
            "context": CONTEXT_2018,
            "predecessor": p2016,
            "continuation": Prestatie.Continuation.CHANGED,
            **basics,
        },
    )
    if created:
        p2018.investment_decisions.add(in_decision)
    for number, text in enumerate(ACTIONS_2018, start=1):
        action, created = Action.objects.get_or_create(
            prestatie=p2018, number=number, defaults={"text": text}
        )
        if created:
            action.programmes.add(go4export)
        ProgressNote.objects.get_or_create(
            action=action,
            year=2018,
            defaults={
                "text": NOTES_2018[number],
                "narrative": ProgressNote.Narrative.OWN,
            },
        )
        if number == 1:
            for name, metric, target in [
                ("Handelsmissies", Indicator.Metric.MISSIONS_REALISED, 3),
                ("Deelnemende ondernemers", Indicator.Metric.ENTREPRENEURS, 30),
            ]:
                indicator = _computed_indicator(action, name, metric)
                IndicatorTarget.objects.get_or_create(
                    indicator=indicator, year=2018, defaults={"value": Decimal(target)}
                )
        if number == 2:
            indicator, _ = Indicator.objects.get_or_create(
                action=action,
                name="Bedrijven begeleid door het exportbureau in China",
                defaults={"unit": "bedrijven", "source": Indicator.Source.ENTERED},
            )
            IndicatorValue.objects.get_or_create(
                indicator=indicator,
                year=2018,
                defaults={
                    "value": Decimal("10"),
                    "note": "Exportbureau opgericht in september 2017 (Liaoning).",
                },
            )

    _mutation(
        reserve,
        ReserveMutation.Kind.ADDITION,
        Decimal("500000.00"),
        2016,
        budget_2016,
        explanation=(
            "Beginsaldo voor de demo. Het werkelijke saldo van de reserve staat "
            "niet in de bronnen; dit bedrag is aangenomen zodat de onttrekkingen "
            "hieronder mogelijk zijn."
        ),
    )
    _mutation(
        reserve,
        ReserveMutation.Kind.WITHDRAWAL,
        Decimal("234000.00"),
        2017,
        in_decision,
        proposed=True,
        prestatie=p2016,
        # The prestatie's finance text says why; the sentence is generated.
        explanation="",
    )
    withdrawal_2019 = _mutation(
        reserve,
        ReserveMutation.Kind.WITHDRAWAL,
        Decimal("109000.00"),
        2019,
        amendment_2019,
        prestatie=p2018,
        budget_part=ReserveMutation.BudgetPart.JAARSCHIJF,
        decision_basis=BASIS_2018,
        explanation=(
            "Het saldo van de jaarschijf 2018 is nodig voor het afronden van het "
            "programma."
        ),
    )
    _fill_if_empty(withdrawal_2019, decision_basis=BASIS_2018)


def _limburg() -> None:
    li = Province.objects.get(code="LI")
    decision = _decision(
        li,
        "PS Limburg juni 2018 – MKB-aanpak Zuid-Limburg",
        body=Decision.Body.PS,
        kind=Decision.Kind.OTHER,
        title="Gezamenlijke MKB-aanpak Zuid-Limburg (juni 2018)",
    )
    programme, created = Programme.objects.get_or_create(
        province=li,
        name="MKB-aanpak Zuid-Limburg",
        defaults={
            "kind": Programme.Kind.PROGRAMME,
            "executing_partner": "Ondernemend Limburg",
            "start_year": 2018,
            "granted_amount": Decimal("600000.00"),
            "description": LIMBURG_DESCRIPTION,
        },
    )
    if created:
        programme.decisions.add(decision)


def _utrecht() -> None:
    ut = Province.objects.get(code="UT")
    prestatie, _ = Prestatie.objects.get_or_create(
        province=ut,
        year=2020,
        code="4.3.2",
        defaults={
            "title": "Ondersteunen brede MKB",
            "kerntaak_code": "4a",
            "kerntaak_title": "Economie",
            "role": Prestatie.Role.FACILITATOR,
            "purpose": UTRECHT_PURPOSE_2020,
            "context": UTRECHT_CONTEXT_2020,
        },
    )
    for position, text in enumerate(UTRECHT_RESULTS_2020, start=1):
        IntendedResult.objects.get_or_create(
            prestatie=prestatie, year=2020, position=position, defaults={"text": text}
        )


def load() -> None:
    for data in PROVINCES:
        province, _ = Province.objects.get_or_create(code=data["code"], defaults=data)
        if not province.contact_email:
            # Demo data loaded before provinces had a contact address.
            province.contact_email = data["contact_email"]
            province.save(update_fields=["contact_email"])
    _overijssel()
    _limburg()
    _utrecht()
