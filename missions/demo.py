"""Demo missions from the seeds, and two upcoming ones. Idempotent.

- 2016, Overijssel, prestatie 5.4.2 action 1: four completed outgoing
  missions (Turkey/energy; Germany/health at Match2Medica; Germany/HTSM at
  Hannover Messe; China, Liaoning/HTSM and EMT, led by gedeputeerde Eddy van
  Hijum) with 52 representatives of SMEs and education, Bouman Industries
  among them with its two liquid separators sold.
- 2018, GO4EXPORT: completed missions to China, Germany and Poland with 42
  participants.
- Two published missions ahead, open for sign-up; the dates move along with
  today so they stay upcoming. The first has one seat left, so a sign-up
  after Bouman's lands on the waiting list and Bouman's withdrawal promotes it.

Participants are fictitious (see participants/demo.py) except Bouman
Industries. Rows are written directly, not through the services, so that
loading sends no e-mails; the waiting-list rules hold all the same.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from accounts.models import User
from participants.demo import BOUMAN_KVK, ORGANISATIONS
from participants.models import Organisation
from programmes.models import Action, Programme
from provinces.models import Province

from .models import Mission, MissionResult, Registration, Theme

THEMES = [
    ("energy", "Energie", "Energy"),
    (
        "health",
        "Gezondheid (Life Sciences & Health)",
        "Health (Life Sciences & Health)",
    ),
    (
        "htsm",
        "HTSM (hightech systemen en materialen)",
        "HTSM (high-tech systems and materials)",
    ),
    (
        "emt",
        "EMT (energie- en milieutechnologie)",
        "EMT (energy and environmental technology)",
    ),
    ("agrifood", "Agrifood", "Agrifood"),
]

BOUMAN_HIGHLIGHT = "Bouman Industries heeft twee vloeistofscheiders verkocht."

# title, country, region, event, start, end, themes, kvk prefixes, seats
MISSIONS_2016 = [
    (
        "Handelsmissie Turkije: energie",
        "TR",
        "Istanbul",
        "",
        date(2016, 5, 17),
        date(2016, 5, 20),
        ["energy"],
        12,
    ),
    (
        "Handelsmissie Duitsland: health (Match2Medica)",
        "DE",
        "Düsseldorf",
        "Match2Medica (MEDICA)",
        date(2016, 11, 14),
        date(2016, 11, 17),
        ["health"],
        10,
    ),
    (
        "Handelsmissie Duitsland: HTSM (Hannover Messe)",
        "DE",
        "Hannover",
        "Hannover Messe",
        date(2016, 4, 25),
        date(2016, 4, 29),
        ["htsm"],
        14,
    ),
    (
        "Handelsmissie China, provincie Liaoning: HTSM en EMT",
        "CN",
        # One level of brackets in the report: "China (Liaoning)".
        "Liaoning",
        "",
        date(2016, 9, 19),
        date(2016, 9, 24),
        ["htsm", "emt"],
        16,
    ),
]
MISSIONS_2018 = [
    (
        "Handelsmissie China, Liaoning: exportbureau en HTSM",
        "CN",
        "Shenyang",
        "",
        date(2018, 9, 10),
        date(2018, 9, 15),
        ["htsm", "emt"],
        15,
    ),
    (
        "Handelsmissie Duitsland: Hannover Messe 2018",
        "DE",
        "Hannover",
        "Hannover Messe",
        date(2018, 4, 23),
        date(2018, 4, 27),
        ["htsm", "energy"],
        14,
    ),
    (
        "Handelsmissie Polen: industrie en agrifood",
        "PL",
        "Poznań",
        "",
        date(2018, 6, 11),
        date(2018, 6, 14),
        ["agrifood", "htsm"],
        13,
    ),
]


def _aware(day: date, hour: int = 12) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _themes() -> dict[str, Theme]:
    themes = {}
    for slug, name, name_en in THEMES:
        themes[slug], _created = Theme.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en}
        )
    return themes


def _action(year: int) -> Action | None:
    """Action 1 of prestatie 5.4.2 of that year, when the programmes demo has it."""
    return Action.objects.filter(
        prestatie__province__code="OV",
        prestatie__code="5.4.2",
        prestatie__year=year,
        number=1,
    ).first()


def _programme(*names: str) -> Programme | None:
    return Programme.objects.filter(province__code="OV", name__in=names).first()


def _mission(province, title, start, end, themes, **defaults) -> Mission:
    mission, created = Mission.objects.get_or_create(
        province=province, title=title, start_date=start, defaults=defaults
    )
    if created:
        mission.themes.set(themes)
        return mission
    # The programmes demo may arrive after the missions were first loaded.
    links = {
        field: defaults[field]
        for field in ("action", "programme")
        if defaults.get(field) and getattr(mission, f"{field}_id") is None
    }
    if links:
        for field, value in links.items():
            setattr(mission, field, value)
        mission.save()
    return mission


def _upcoming_mission(province, title, start, end, themes, **defaults) -> Mission:
    """Keyed on the title alone; dates move ahead only once they have passed."""
    mission = Mission.objects.filter(province=province, title=title).first()
    if mission is None:
        return _mission(province, title, start, end, themes, end_date=end, **defaults)
    if mission.start_date <= timezone.localdate():
        mission.start_date, mission.end_date = start, end
        mission.signup_closes_at = defaults.get("signup_closes_at")
        mission.save()
    return mission


def _register(mission, organisation, status, seats=1, **extra) -> Registration:
    registration, created = Registration.objects.get_or_create(
        mission=mission,
        organisation=organisation,
        defaults={"status": status, "seats": seats, **extra},
    )
    if created:
        contacts = list(organisation.contacts.all()[:1])
        if contacts:
            registration.contacts.set(contacts)
    return registration


def _result(registration, moment, **figures) -> None:
    MissionResult.objects.get_or_create(
        registration=registration, moment=moment, defaults=figures
    )


def _past_missions(province, themes, rows, year, participants, **common):
    """Completed missions; participants are handed out in turn."""
    missions = []
    cursor = 0
    for title, country, region, event, start, end, slugs, count in rows:
        mission = _mission(
            province,
            title,
            start,
            end,
            [themes[slug] for slug in slugs],
            country=country,
            region=region,
            event=event,
            end_date=end,
            capacity=count + 4,
            max_seats_per_organisation=2,
            status=Mission.Status.COMPLETED,
            published_at=_aware(start - timedelta(days=90)),
            completed_at=_aware(end + timedelta(days=3)),
            signup_opens_at=_aware(start - timedelta(days=90)),
            signup_closes_at=_aware(start - timedelta(days=21)),
            participation_fee=Decimal("350"),
            province_contribution_per_seat=Decimal("750"),
            description=(
                f"Uitgaande handelsmissie van de provincie Overijssel ({year}) "
                "voor mkb-bedrijven en onderwijsinstellingen."
            ),
            **common,
        )
        for number in range(count):
            organisation = participants[cursor % len(participants)]
            cursor += 1
            registration = _register(
                mission,
                organisation,
                Registration.Status.ATTENDED,
                first_time_exporter=number % 3 == 0,
                de_minimis_declared=True,
                source=Registration.Source.BACK_OFFICE,
                decided_at=_aware(start - timedelta(days=30)),
            )
            if number % 2 == 0:
                _result(
                    registration,
                    MissionResult.Moment.AFTER,
                    meetings=3 + number % 5,
                    leads=1 + number % 4,
                    deals=number % 3 // 2,
                    expected_export_turnover=Decimal(25000 * (1 + number % 4)),
                    satisfaction=7 + number % 3,
                )
        missions.append(mission)
    return missions


def load() -> None:
    province = Province.objects.get(code="OV")
    themes = _themes()
    leader = User.objects.filter(email="gedeputeerde@overijssel.example").first()
    bouman = Organisation.objects.get(kvk_number=BOUMAN_KVK)
    by_kvk = {
        o.kvk_number: o
        for o in Organisation.objects.filter(
            kvk_number__in=[row[0] for row in ORGANISATIONS]
        )
    }
    companies = [by_kvk[row[0]] for row in ORGANISATIONS if row[0] in by_kvk]
    smes = [o for o in companies if o.kind == Organisation.Kind.SME]
    schools = [o for o in companies if o.kind == Organisation.Kind.EDUCATION]

    # 2016: 51 fictitious participants plus Bouman Industries = 52 seats.
    participants_2016 = smes[:45] + schools
    missions_2016 = _past_missions(
        province,
        themes,
        MISSIONS_2016[:3] + [(*MISSIONS_2016[3][:7], MISSIONS_2016[3][7] - 1)],
        2016,
        participants_2016,
        action=_action(2016),
        programme=_programme("#in"),
        organiser="Provincie Overijssel, Oost NL",
    )
    china_2016 = missions_2016[3]
    wanted = {
        "led_by": leader or china_2016.led_by,
        "led_by_name": "Gedeputeerde Eddy van Hijum",
        "partners": "Provincie Liaoning, Oost NL, WTC Twente",
        "highlights": BOUMAN_HIGHLIGHT,
        "description": (
            "Uitgaande handelsmissie van de provincie Overijssel (2016) onder "
            "bestuurlijk leiderschap van gedeputeerde Van Hijum. De missie kreeg "
            "veel publiciteit; een tegenbezoek uit China volgde."
        ),
    }
    if any(getattr(china_2016, field) != value for field, value in wanted.items()):
        for field, value in wanted.items():
            setattr(china_2016, field, value)
        china_2016.save()
    bouman_2016 = _register(
        china_2016,
        bouman,
        Registration.Status.ATTENDED,
        de_minimis_declared=True,
        source=Registration.Source.BACK_OFFICE,
        target_markets="China",
    )
    _result(
        bouman_2016,
        MissionResult.Moment.AFTER,
        meetings=9,
        leads=4,
        deals=2,
        satisfaction=9,
        remarks="Twee vloeistofscheiders verkocht.",
    )

    # 2018 (GO4EXPORT): 42 participants.
    _past_missions(
        province,
        themes,
        MISSIONS_2018,
        2018,
        list(reversed(smes)) + schools,
        action=_action(2018),
        programme=_programme("GO4EXPORT", "Uitvoeringsplan GO4EXPORT"),
        organiser="WTC Twente, Oost NL, VMO, VNO-NCW (GO4EXPORT)",
    )

    _upcoming(province, themes, smes)
    _run_by_oost_nl(province)


def _upcoming(province, themes, smes) -> None:
    today = timezone.localdate()
    now = timezone.now()
    # Dates are fixed the first time, then left alone: a second load the
    # next day changes nothing.
    almost_full = _upcoming_mission(
        province,
        "Handelsmissie Noorwegen: offshore wind en waterstof",
        today + timedelta(days=45),
        today + timedelta(days=48),
        [themes["energy"]],
        country="NO",
        region="Stavanger",
        event="ONS energiebeurs",
        capacity=10,
        max_seats_per_organisation=2,
        status=Mission.Status.PUBLISHED,
        published_at=now,
        signup_closes_at=now + timedelta(days=30),
        participation_fee=Decimal("495"),
        province_contribution_per_seat=Decimal("850"),
        approval_mode=Mission.ApprovalMode.FIRST_COME,
        organiser="Oost NL",
        description=(
            "Maak kennis met de Noorse energiemarkt: bedrijfsbezoeken, "
            "matchmaking en een Nederlands paviljoen."
        ),
    )
    # Nine of ten seats taken: the next sign-up gets the last seat.
    for organisation, seats in zip(smes[:6], (2, 2, 1, 2, 1, 1), strict=True):
        _register(
            almost_full,
            organisation,
            Registration.Status.ACCEPTED,
            seats=seats,
            de_minimis_declared=True,
            decided_at=now,
        )
    reviewed = _upcoming_mission(
        province,
        "Hannover Messe: Overijssels paviljoen",
        today + timedelta(days=120),
        today + timedelta(days=124),
        [themes["htsm"]],
        country="DE",
        region="Hannover",
        event="Hannover Messe",
        capacity=20,
        max_seats_per_organisation=3,
        status=Mission.Status.PUBLISHED,
        published_at=now,
        signup_closes_at=now + timedelta(days=90),
        participation_fee=Decimal("750"),
        province_contribution_per_seat=Decimal("1000"),
        approval_mode=Mission.ApprovalMode.REVIEW,
        organiser="WTC Twente, Oost NL",
        description=(
            "Stand op het Overijssels paviljoen van de Hannover Messe. Elke "
            "aanmelding wordt beoordeeld: voorrang voor bedrijven uit de regio."
        ),
    )
    for organisation in smes[10:13]:
        _register(
            reviewed,
            organisation,
            Registration.Status.SUBMITTED,
            motivation="Wij willen onze eerste Duitse klanten vinden.",
            de_minimis_declared=True,
        )
    _register(
        reviewed,
        smes[13],
        Registration.Status.ACCEPTED,
        seats=2,
        de_minimis_declared=True,
        decided_at=now,
    )


def _run_by_oost_nl(province) -> None:
    """Oost NL runs the Overijssel missions it organises since Overijssel
    engaged it (GO4EXPORT under #in, 9 November 2016): its demo account sees
    and handles them."""
    from participants.demo import OOST_NL_KVK

    oost_nl = Organisation.objects.filter(kvk_number=OOST_NL_KVK).first()
    if oost_nl is None:
        return
    for mission in Mission.objects.filter(
        province=province,
        organiser__contains="Oost NL",
        start_date__gte=date(2016, 11, 9),
        run_by__isnull=True,
    ):
        mission.run_by = oost_nl
        mission.save(update_fields=["run_by"])
