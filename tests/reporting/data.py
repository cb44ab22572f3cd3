"""A small, fully known data set: Overijssel's prestatie 5.4.2 in 2016.

The expected numbers in the tests follow from this module; change one and
the other together. Objects are created directly rather than with the
programmes factories, which live on another branch.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from missions.models import Mission, MissionResult, Registration
from participants.models import Organisation
from programmes.models import (
    Action,
    BudgetLine,
    Decision,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    Prestatie,
    Programme,
    ProgressNote,
    Reserve,
    ReserveMutation,
)
from provinces.models import Province
from tests.factories import (
    ContactPersonFactory,
    MissionFactory,
    OrganisationFactory,
    ProvinceFactory,
    RegistrationFactory,
    ThemeFactory,
)

COMPUTED = Indicator.Source.COMPUTED
ENTERED = Indicator.Source.ENTERED
M = Indicator.Metric


@dataclass
class Data:
    province: Province
    prestatie: Prestatie
    action: Action
    programme: Programme
    workplan: Programme
    reserve: Reserve
    missions: list = field(default_factory=list)
    organisations: list = field(default_factory=list)
    registrations: list = field(default_factory=list)


def _indicator(action, name, *, target, metric="", value=None, cumulative=False):
    indicator = Indicator.objects.create(
        action=action,
        name=name,
        source=COMPUTED if metric else ENTERED,
        metric=metric,
        accumulation=(
            Indicator.Accumulation.CUMULATIVE
            if cumulative
            else Indicator.Accumulation.ANNUAL
        ),
    )
    if target is not None:
        IndicatorTarget.objects.create(
            indicator=indicator, year=2016, value=Decimal(target)
        )
    if value is not None:
        IndicatorValue.objects.create(
            indicator=indicator, year=2016, value=Decimal(value), note="Telling loket"
        )
    return indicator


def build_overijssel_2016(province: Province) -> Data:
    """Four realised outgoing missions with 52 participants, and the ledger.

    Organisations O0..O19 (kvk 20000000 + i): O0–O15 SME, O16–O19
    education; O18 and O19 lie in Gelderland. Each attended registration has
    2 seats. M1 Turkey: O0–O5; M2 Germany (Match2Medica): O6–O12; M3 Germany
    (Hannover Messe): O13–O19; M4 China: O0–O5 again.
    """
    gelderland = ProvinceFactory(code="GE", name="Gelderland")
    reserve = Reserve.objects.create(
        province=province, name="Reserve uitvoering Kwaliteit van Overijssel"
    )
    investment = Decision.objects.create(
        province=province,
        body=Decision.Body.PS,
        reference="PS/2016/871",
        date=datetime.date(2016, 11, 9),
        kind=Decision.Kind.INVESTMENT,
        title="#in – Overijssel innoveert en internationaliseert",
    )
    budget_decision = Decision.objects.create(
        province=province,
        body=Decision.Body.PS,
        reference="PS/2015/687",
        date=datetime.date(2015, 11, 4),
        kind=Decision.Kind.BUDGET,
        title="Begroting 2016",
    )
    programme = Programme.objects.create(province=province, name="#in", start_year=2016)
    workplan = Programme.objects.create(
        province=province,
        name="GO4EXPORT",
        kind=Programme.Kind.WORKPLAN,
        parent=programme,
        start_year=2016,
        executing_partner="Oost NL",
    )
    prestatie = Prestatie.objects.create(
        province=province,
        year=2016,
        code="5.4.2",
        title="Bevorderen van export",
        purpose="Meer mkb-bedrijven uit Overijssel exporteren.",
        context="Export draagt bij aan groei en werkgelegenheid.",
        kerntaak_code="5",
        kerntaak_title="Regionale economie",
        doel_code="5.4",
        doel_title="Versterken van het mkb",
        role=Prestatie.Role.FACILITATOR,
        duration=Prestatie.Duration.STRUCTURAL,
        portfolio_holder="Eddy van Hijum",
        relates_to_reserve=True,
        reserve=reserve,
    )
    prestatie.investment_decisions.add(investment)
    action = Action.objects.create(
        prestatie=prestatie,
        number=1,
        text="Wij faciliteren drie handelsmissies. Aan deze handelsmissies "
        "nemen 30 ondernemers deel.",
    )
    action.programmes.add(workplan)
    other_action = Action.objects.create(
        prestatie=prestatie, number=2, text="Wij ondersteunen het exportloket."
    )
    _indicator(action, "Handelsmissies", target=3, metric=M.MISSIONS_REALISED)
    _indicator(action, "Deelnemers", target=30, metric=M.PARTICIPANTS)
    _indicator(action, "Leads", target=10, metric=M.LEADS)
    _indicator(
        action,
        "Deelnemers sinds 2015",
        target=60,
        metric=M.PARTICIPANTS,
        cumulative=True,
    )
    _indicator(other_action, "Bedrijven begeleid", target=10, value=12)
    _indicator(other_action, "Adviesgesprekken", target=20)
    ProgressNote.objects.create(
        action=action, year=2016, text="De missies zijn goed bezocht."
    )
    ProgressNote.objects.create(
        action=action, year=2015, text="Een notitie van een ander jaar."
    )
    BudgetLine.objects.create(
        prestatie=prestatie,
        year=2016,
        planned=Decimal("500000"),
        amended=Decimal("550000"),
        realised=Decimal("316000"),
    )
    ReserveMutation.objects.create(
        reserve=reserve,
        prestatie=prestatie,
        kind=ReserveMutation.Kind.WITHDRAWAL,
        amount=Decimal("234000"),
        budget_year=2017,
        status=ReserveMutation.Status.PROPOSED,
        decision=investment,
    )
    ReserveMutation.objects.create(
        reserve=reserve,
        prestatie=prestatie,
        kind=ReserveMutation.Kind.WITHDRAWAL,
        amount=Decimal("50000"),
        budget_year=2016,
        status=ReserveMutation.Status.DECIDED,
        decided_at=timezone.make_aware(datetime.datetime(2015, 11, 4)),
        decision=budget_decision,
    )
    # Outside the report: a budget year too far ahead.
    ReserveMutation.objects.create(
        reserve=reserve,
        prestatie=prestatie,
        kind=ReserveMutation.Kind.WITHDRAWAL,
        amount=Decimal("1000"),
        budget_year=2019,
    )

    energy = ThemeFactory(slug="seed-energy", name="energie", name_en="energy")
    health = ThemeFactory(slug="seed-health", name="health", name_en="health")
    htsm = ThemeFactory(slug="seed-htsm", name="HTSM", name_en="HTSM")
    emt = ThemeFactory(slug="seed-emt", name="EMT", name_en="EMT")

    organisations = []
    for i in range(20):
        organisations.append(
            OrganisationFactory(
                kvk_number=f"{20000000 + i:08d}",
                name=f"Bedrijf {i:02d}",
                kind=(
                    Organisation.Kind.EDUCATION if i >= 16 else Organisation.Kind.SME
                ),
                sector=(
                    "Onderwijs" if i >= 16 else ("Zorg" if i >= 10 else "Maakindustrie")
                ),
                employees=5 if i < 5 else (300 if i >= 16 else 20),
                province=gelderland if i >= 18 else province,
            )
        )
    for org in organisations:
        ContactPersonFactory(organisation=org, name=f"Contact van {org.name}")

    def mission(title, country, themes, start, **extra):
        m = MissionFactory(
            province=province,
            programme=workplan,
            action=action,
            title=title,
            country=country,
            start_date=start,
            end_date=start + datetime.timedelta(days=3),
            capacity=40,
            status=Mission.Status.COMPLETED,
            **{"region": "", **extra},
        )
        m.themes.set(themes)
        return m

    m1 = mission("Missie Turkije", "TR", [energy], datetime.date(2016, 3, 10))
    m2 = mission(
        "Match2Medica",
        "DE",
        [health],
        datetime.date(2016, 4, 20),
        event="Match2Medica",
    )
    m3 = mission(
        "Hannover Messe 2016",
        "DE",
        [htsm],
        datetime.date(2016, 4, 25),
        event="Hannover Messe",
        highlights="Bouman Industries heeft twee vloeistofscheiders verkocht.",
    )
    m4 = mission(
        "Missie Liaoning",
        "CN",
        [htsm, emt],
        datetime.date(2016, 10, 1),
        region="Liaoning",
        led_by_name="gedeputeerde Eddy van Hijum",
    )
    plan = {m1: range(0, 6), m2: range(6, 13), m3: range(13, 20), m4: range(0, 6)}
    registrations = {}
    for m, indexes in plan.items():
        for i in indexes:
            org = organisations[i]
            registration = RegistrationFactory(
                mission=m,
                organisation=org,
                seats=2,
                status=Registration.Status.ATTENDED,
                first_time_exporter=i in (0, 1, 6),
            )
            registration.contacts.add(org.contacts.first())
            registrations[(m.pk, i)] = registration
    # Registrations that do not count.
    RegistrationFactory(
        mission=m1, organisation=organisations[7], seats=2, status="no_show"
    )
    RegistrationFactory(
        mission=m2, organisation=organisations[0], seats=1, status="accepted"
    )
    cancelled = MissionFactory(
        province=province,
        action=action,
        country="FR",
        start_date=datetime.date(2016, 6, 1),
        end_date=datetime.date(2016, 6, 2),
        status=Mission.Status.CANCELLED,
    )
    RegistrationFactory(
        mission=cancelled, organisation=organisations[1], status="attended"
    )
    earlier = MissionFactory(
        province=province,
        action=action,
        country="BE",
        start_date=datetime.date(2015, 6, 1),
        end_date=datetime.date(2015, 6, 2),
        status=Mission.Status.COMPLETED,
    )
    RegistrationFactory(
        mission=earlier, organisation=organisations[2], seats=2, status="attended"
    )
    limburg = ProvinceFactory(code="LI", name="Limburg")
    elsewhere = MissionFactory(
        province=limburg,
        country="DE",
        start_date=datetime.date(2016, 5, 1),
        end_date=datetime.date(2016, 5, 2),
        status=Mission.Status.COMPLETED,
    )
    RegistrationFactory(mission=elsewhere, seats=2, status="attended")

    after, six = MissionResult.Moment.AFTER, MissionResult.Moment.MONTHS_6
    results = [
        (registrations[(m1.pk, 0)], after, 3, 0, "0", 8),
        (registrations[(m1.pk, 0)], six, 5, 1, "100000", None),
        (registrations[(m2.pk, 6)], after, 2, 1, "50000.50", 9),
        (registrations[(m3.pk, 13)], after, 1, 0, "0", 6),
    ]
    for registration, moment, leads, deals, turnover, mark in results:
        MissionResult.objects.create(
            registration=registration,
            moment=moment,
            meetings=leads * 2,
            leads=leads,
            deals=deals,
            realised_export_turnover=Decimal(turnover),
            expected_export_turnover=Decimal(turnover) * 2,
            satisfaction=mark,
        )
    return Data(
        province=province,
        prestatie=prestatie,
        action=action,
        programme=programme,
        workplan=workplan,
        reserve=reserve,
        missions=[m1, m2, m3, m4],
        organisations=organisations,
        registrations=list(registrations.values()),
    )


def build_scaled(province: Province, *, size: int) -> None:
    """`size` prestaties, each with `size` missions of `size` registrations,
    results and ledger lines: for counting queries on growing data."""
    reserve, _ = Reserve.objects.get_or_create(province=province, name="Reserve")
    theme = ThemeFactory(slug="scaled", name="schaal")
    for p in range(size):
        prestatie = Prestatie.objects.create(
            province=province, year=2016, code=f"9.{p}", title=f"Prestatie {p}"
        )
        action = Action.objects.create(prestatie=prestatie, number=1, text="Actie")
        for metric in (M.MISSIONS_REALISED, M.PARTICIPANTS, M.LEADS):
            _indicator(action, str(metric), target=3, metric=metric)
        _indicator(action, "Ingevoerd", target=3, value=2)
        ProgressNote.objects.create(action=action, year=2016, text="Voortgang")
        BudgetLine.objects.create(prestatie=prestatie, year=2016, planned=1000)
        ReserveMutation.objects.create(
            reserve=reserve,
            prestatie=prestatie,
            kind=ReserveMutation.Kind.WITHDRAWAL,
            amount=Decimal("1000"),
            budget_year=2017,
        )
        for n in range(size):
            mission = MissionFactory(
                province=province,
                action=action,
                country=["DE", "CN", "TR"][n % 3],
                start_date=datetime.date(2016, 3, 1 + n),
                end_date=datetime.date(2016, 3, 2 + n),
                status=Mission.Status.COMPLETED,
            )
            mission.themes.add(theme)
            for _r in range(size):
                registration = RegistrationFactory(
                    mission=mission, status="attended", seats=1
                )
                MissionResult.objects.create(
                    registration=registration, moment="after", leads=1, satisfaction=7
                )
