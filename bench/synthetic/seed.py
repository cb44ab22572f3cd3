"""Synthetic data at national scale for the benchmarks (manage.py seed_bench).

Scale 1 is all twelve provinces over ten years: about 40 programmes, 1,200
missions, 20,000 organisations, 50,000 registrations with their results and
2,000 reserve mutations, with prestaties, actions, indicators, targets and
budget lines around them. Scale 10 is ten times as much.

Rows go in with bulk_create in batches, so no history rows are written and
no e-mails are sent; the invariants the services keep still hold (capacity
never exceeded, waiting list numbered in arrival order, decided reserve
balances never below zero). The same seed gives the same data.
"""

from __future__ import annotations

import random
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock
from decimal import Decimal

from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from missions.models import Mission, MissionResult, Registration, Theme
from participants.models import ContactPerson, Organisation, sme_class_for
from programmes.models import (
    Action,
    BudgetLine,
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
from provinces.models import Province

from . import catalogue

BATCH = 2000
YEARS = 10
# The bench user accounts; the benchmark logs in as them.
STAFF_EMAIL = "bench-{role}-{code}@bench.example"
SME_EMAIL = "bench-sme@bench.example"
BIG_MISSION_REGISTRATIONS = 300
KVK_BASE = 70_000_000


def staff_email(role: str, code: str) -> str:
    short = {"civil_servant": "cs", "portfolio_holder": "ph"}[role]
    return STAFF_EMAIL.format(role=short, code=code.lower())


@dataclass
class Plan:
    """How many of each thing a scale asks for."""

    scale: float
    programmes: int = 0
    missions: int = 0
    organisations: int = 0
    registrations: int = 0
    mutations: int = 0
    prestaties_per_year: int = 1
    reserves_per_province: int = 1

    @classmethod
    def for_scale(cls, scale: float) -> Plan:
        return cls(
            scale=scale,
            programmes=max(1, round(40 * scale)),
            missions=max(12, round(1200 * scale)),
            organisations=max(2 * BIG_MISSION_REGISTRATIONS, round(20_000 * scale)),
            registrations=max(BIG_MISSION_REGISTRATIONS, round(50_000 * scale)),
            mutations=max(12, round(2000 * scale)),
            prestaties_per_year=max(1, round(2 * scale)),
            reserves_per_province=max(1, round(2 * scale)),
        )


@dataclass
class _Province:
    obj: Province
    weight: int
    towns: list[tuple[str, str]]
    programmes: list[int] = field(default_factory=list)
    reserves: list[int] = field(default_factory=list)
    organisations: list[int] = field(default_factory=list)
    # year -> ids of the decisions GS took on the budget that year
    amendments: dict[int, list[int]] = field(default_factory=dict)
    # year -> [(prestatie id, id of its missions action)]
    prestaties: dict[int, list[tuple[int, int]]] = field(default_factory=dict)


def _weighted(rng: random.Random, items, weights):
    return rng.choices(items, weights=weights, k=1)[0]


def _aware(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, clock(hour)))


@contextmanager
def _explicit_timestamps(*models):
    """Let bulk_create keep the historical dates set on the rows.

    auto_now(_add) would stamp every row with today; a ledger or a waiting
    list ordered by created_at needs the dates the data describes.
    """
    fields = [
        f
        for model in models
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


class BenchSeeder:
    """Fills an empty portal with synthetic data; see the module docstring."""

    def __init__(self, *, scale: float, seed: int = 1, today: date | None = None):
        self.plan = Plan.for_scale(scale)
        self.rng = random.Random(seed)
        self.today = today or timezone.localdate()
        self.last_year = self.today.year
        self.years = list(range(self.last_year - YEARS + 1, self.last_year + 1))
        self.counts: dict[str, int] = {}
        self.timings: dict[str, float] = {}
        self.org_registrations: dict[int, int] = {}

    # -- helpers -----------------------------------------------------------

    def _bulk(self, model, rows: list, *, label: str | None = None) -> list:
        created = model.objects.bulk_create(rows, batch_size=BATCH)
        label = label or model._meta.verbose_name_plural
        self.counts[str(label)] = self.counts.get(str(label), 0) + len(rows)
        return created

    def _date_in(self, start: date, end: date) -> date:
        return start + timedelta(days=self.rng.randint(0, (end - start).days))

    # -- steps ---------------------------------------------------------------

    def run(self) -> dict[str, int]:
        steps = [
            ("reference", self._reference),
            ("programmes", self._programmes),
            ("planning", self._planning),
            ("ledger", self._ledger),
            ("organisations", self._organisations),
            ("users", self._users),
            ("missions", self._missions),
            ("registrations", self._registrations),
        ]
        models = (
            Mission,
            Registration,
            MissionResult,
            Organisation,
            ContactPerson,
            ProgressNote,
            ReserveMutation,
        )
        with _explicit_timestamps(*models), transaction.atomic():
            for name, step in steps:
                started = time.monotonic()
                step()
                self.timings[name] = time.monotonic() - started
        if connection.vendor == "postgresql":
            # Fresh statistics, so the first benchmark runs see real plans.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        return self.counts

    def _reference(self):
        self.provinces: list[_Province] = []
        for code, name, weight, towns in catalogue.PROVINCES:
            province, _created = Province.objects.get_or_create(
                code=code,
                defaults={"name": name, "display_name": f"Provincie {name}"},
            )
            self.provinces.append(_Province(province, weight, towns))
        self.province_weights = [p.weight for p in self.provinces]
        self.themes = []
        for slug, name, name_en, _weight in catalogue.THEMES:
            theme, _created = Theme.objects.get_or_create(
                slug=slug, defaults={"name": name, "name_en": name_en}
            )
            self.themes.append(theme.pk)
        self.theme_weights = [t[3] for t in catalogue.THEMES]
        self.theme_names = {t[0]: t[1] for t in catalogue.THEMES}

    def _spread(self, total: int) -> list[int]:
        """`total` split over the provinces by weight, each at least one."""
        weight_sum = sum(self.province_weights)
        shares = [max(1, total * w // weight_sum) for w in self.province_weights]
        index = 0
        while sum(shares) < total:
            shares[index % len(shares)] += 1
            index += 1
        return shares

    def _programmes(self):
        rng = self.rng
        decisions, programmes = [], []
        for p, count in zip(
            self.provinces, self._spread(self.plan.programmes), strict=True
        ):
            code = p.obj.code
            for year in self.years:
                decisions.append(
                    Decision(
                        province=p.obj,
                        body=Decision.Body.PS,
                        reference=f"PS/{year - 1}/B{code}",
                        date=date(year - 1, 11, 10),
                        kind=Decision.Kind.BUDGET,
                        title=f"Begroting {year}",
                    )
                )
                for n in range(1, max(2, round(3 * self.plan.scale)) + 1):
                    decisions.append(
                        Decision(
                            province=p.obj,
                            body=Decision.Body.GS,
                            reference=f"GS/{year}/{code}-{n:03d}",
                            date=date(year, min(12, 2 + n % 10), 15),
                            kind=Decision.Kind.AMENDMENT,
                            amendment_number=n,
                            title=f"{n}e begrotingswijziging {year}",
                        )
                    )
            for n in range(count):
                start = rng.choice(self.years[:-2])
                decisions.append(
                    Decision(
                        province=p.obj,
                        body=Decision.Body.PS,
                        reference=f"PS/{start - 1}/I{code}{n:03d}",
                        date=date(start - 1, rng.randint(1, 12), rng.randint(1, 28)),
                        kind=Decision.Kind.INVESTMENT,
                        title="Investeringsvoorstel "
                        + catalogue.PROGRAMME_NAMES[n % 8],
                    )
                )
                programmes.append(
                    Programme(
                        province=p.obj,
                        name=f"{catalogue.PROGRAMME_NAMES[n % 8]} {p.obj.name} {n + 1}",
                        kind=rng.choice(Programme.Kind.values),
                        executing_partner=rng.choice(
                            ["", "Oost NL", "BOM", "LIOF", "InnovationQuarter"]
                        ),
                        start_year=start,
                        end_year=rng.choice([None, start + 4, start + 8]),
                        granted_amount=Decimal(rng.randrange(200, 5000) * 1000),
                        description="Synthetisch programma voor de benchmark.",
                    )
                )
        self._bulk(Decision, decisions)
        self._bulk(Programme, programmes)
        by_province = {p.obj.pk: p for p in self.provinces}
        for programme in programmes:
            by_province[programme.province_id].programmes.append(programme.pk)
        for decision in decisions:
            if decision.kind == Decision.Kind.AMENDMENT:
                owner = by_province[decision.province_id]
                owner.amendments.setdefault(decision.date.year, []).append(decision.pk)
        self.investment_decisions = {
            p.obj.pk: [
                d.pk
                for d in decisions
                if d.province_id == p.obj.pk and d.kind == Decision.Kind.INVESTMENT
            ]
            for p in self.provinces
        }
        reserves = [
            Reserve(
                province=p.obj,
                name=f"Reserve {name} {p.obj.name}",
                description="Synthetische reserve voor de benchmark.",
            )
            for p in self.provinces
            for name in (
                ["Economie en innovatie", "Internationalisering", "Ruimte"]
                + [f"Fonds {n}" for n in range(4, 100)]
            )[: self.plan.reserves_per_province]
        ]
        self._bulk(Reserve, reserves)
        for reserve in reserves:
            by_province[reserve.province_id].reserves.append(reserve.pk)

    def _planning(self):
        """Prestaties per province and year, with their actions and figures."""
        rng = self.rng
        previous: dict[tuple[int, int], int] = {}
        for year in self.years:
            prestaties = []
            for p in self.provinces:
                for n in range(self.plan.prestaties_per_year):
                    reserve = rng.choice(p.reserves) if rng.random() < 0.6 else None
                    prestaties.append(
                        Prestatie(
                            province=p.obj,
                            year=year,
                            code=f"5.4.{n + 1}",
                            title=catalogue.PRESTATIE_TITLES[
                                (n + year) % len(catalogue.PRESTATIE_TITLES)
                            ],
                            purpose="De provincie stimuleert ondernemers om "
                            "internationale contacten op te doen.",
                            context="Synthetische prestatie voor de benchmark.",
                            kerntaak_code="5",
                            kerntaak_title="Regionale economie",
                            doel_code="5.4",
                            doel_title="Versterken van de economie",
                            portfolio_holder=rng.choice(catalogue.PORTFOLIO_HOLDERS),
                            relates_to_reserve=reserve is not None,
                            reserve_id=reserve,
                            predecessor_id=previous.get((p.obj.pk, n)),
                            continuation=(
                                Prestatie.Continuation.CONTINUED
                                if (p.obj.pk, n) in previous
                                else Prestatie.Continuation.NEW
                            ),
                        )
                    )
            self._bulk(Prestatie, prestaties)
            for index, prestatie in enumerate(prestaties):
                n = index % self.plan.prestaties_per_year
                previous[(prestatie.province_id, n)] = prestatie.pk
            self._prestatie_details(year, prestaties)

    def _prestatie_details(self, year: int, prestaties: list[Prestatie]):
        rng = self.rng
        by_province = {p.obj.pk: p for p in self.provinces}
        actions = []
        for prestatie in prestaties:
            for number in range(1, rng.randint(3, 5) + 1):
                actions.append(
                    Action(
                        prestatie=prestatie,
                        number=number,
                        text=catalogue.ACTION_TEXTS[
                            (number - 1) % len(catalogue.ACTION_TEXTS)
                        ],
                    )
                )
        self._bulk(Action, actions)
        links, indicators, notes = [], [], []
        through = Action.programmes.through
        for action in actions:
            owner = by_province[action.prestatie.province_id]
            if action.number == 1:
                owner.prestaties.setdefault(year, []).append(
                    (action.prestatie_id, action.pk)
                )
            if owner.programmes and rng.random() < 0.7:
                links.append(
                    through(
                        action_id=action.pk, programme_id=rng.choice(owner.programmes)
                    )
                )
            if action.number == 1:
                specs = [
                    ("Gerealiseerde missies", Indicator.Metric.MISSIONS_REALISED),
                    ("Deelnemende ondernemers", Indicator.Metric.PARTICIPANTS),
                ]
            elif action.number == 2:
                specs = [
                    ("Unieke organisaties", Indicator.Metric.UNIQUE_ORGANISATIONS),
                    ("Nieuwe exporteurs", Indicator.Metric.FIRST_TIME_EXPORTERS),
                ]
            else:
                specs = [("Begeleide bedrijven", "")]
            for name, metric in specs:
                indicators.append(
                    Indicator(
                        action=action,
                        name=name,
                        source=(
                            Indicator.Source.COMPUTED
                            if metric
                            else Indicator.Source.ENTERED
                        ),
                        metric=metric,
                    )
                )
            created = _aware(date(year, 12, rng.randint(1, 20)))
            notes.append(
                ProgressNote(
                    action=action,
                    year=year,
                    text="Voortgang volgens planning; zie de missies van dit jaar.",
                    created_at=created,
                    updated_at=created,
                )
            )
        self._bulk(through, links, label="action programme links")
        self._bulk(Indicator, indicators)
        self._bulk(ProgressNote, notes)
        targets, values = [], []
        for indicator in indicators:
            base = {
                Indicator.Metric.MISSIONS_REALISED: 3 * self.plan.scale,
                Indicator.Metric.PARTICIPANTS: 40 * self.plan.scale,
            }.get(indicator.metric, 10 * self.plan.scale)
            targets.append(
                IndicatorTarget(
                    indicator=indicator,
                    year=year,
                    value=Decimal(max(1, round(base * rng.uniform(0.6, 1.6)))),
                )
            )
            if indicator.source == Indicator.Source.ENTERED and year < self.last_year:
                values.append(
                    IndicatorValue(
                        indicator=indicator,
                        year=year,
                        value=Decimal(rng.randint(0, 15)),
                    )
                )
        self._bulk(IndicatorTarget, targets)
        self._bulk(IndicatorValue, values)
        results, budgets, decision_links = [], [], []
        for prestatie in prestaties:
            for position in range(2):
                results.append(
                    IntendedResult(
                        prestatie=prestatie,
                        year=year,
                        position=position,
                        text=rng.choice(
                            [
                                "Beleidsplan vastgesteld door Provinciale Staten.",
                                "Pilots geëvalueerd.",
                                "Betere dienstverlening aan het mkb.",
                                "Clusteraanpak op bedrijventerreinen gestart.",
                            ]
                        ),
                        status=rng.choice(IntendedResult.Status.values)
                        if year < self.last_year
                        else IntendedResult.Status.PLANNED,
                    )
                )
            planned = Decimal(rng.randrange(100, 2000) * 1000)
            budgets.append(
                BudgetLine(
                    prestatie=prestatie,
                    year=year,
                    planned=planned,
                    amended=planned + Decimal(rng.randrange(-50, 150) * 1000)
                    if rng.random() < 0.5
                    else None,
                    realised=planned * Decimal(rng.randrange(70, 105)) / 100
                    if year < self.last_year
                    else None,
                )
            )
            options = self.investment_decisions[prestatie.province_id]
            if options:
                decision_links.append(
                    Prestatie.investment_decisions.through(
                        prestatie_id=prestatie.pk, decision_id=rng.choice(options)
                    )
                )
        self._bulk(IntendedResult, results)
        self._bulk(BudgetLine, budgets)
        self._bulk(
            Prestatie.investment_decisions.through,
            decision_links,
            label="prestatie decision links",
        )

    def _ledger(self):
        """Reserve mutations: a first storting per reserve, then the years.

        Decided withdrawals never exceed the decided balance, as the ledger
        service guarantees; proposed ones are the newest.
        """
        rng = self.rng
        reserves = [(p, r) for p in self.provinces for r in p.reserves]
        per_reserve = max(1, self.plan.mutations // len(reserves))
        extra = self.plan.mutations - per_reserve * len(reserves)
        rows = []
        for index, (p, reserve) in enumerate(reserves):
            count = per_reserve + (1 if index < extra else 0)
            balance = Decimal(0)
            days = sorted(
                self._date_in(date(self.years[0], 1, 10), self.today)
                for _n in range(count)
            )
            for number, day in enumerate(days):
                prestaties = p.prestaties.get(day.year, [])
                proposed = day > self.today - timedelta(days=60) and rng.random() < 0.5
                amount = Decimal(rng.randrange(10, 400) * 1000)
                if number == 0:
                    kind, amount = ReserveMutation.Kind.ADDITION, amount * 20
                elif rng.random() < 0.75 and amount <= balance:
                    kind = ReserveMutation.Kind.WITHDRAWAL
                else:
                    kind = ReserveMutation.Kind.ADDITION
                if not proposed:
                    balance += amount if kind == "addition" else -amount
                decisions = p.amendments.get(day.year, [])
                at = _aware(day, rng.randint(8, 17))
                rows.append(
                    ReserveMutation(
                        reserve_id=reserve,
                        prestatie_id=rng.choice(prestaties)[0] if prestaties else None,
                        kind=kind,
                        amount=amount,
                        budget_year=day.year + rng.choice([0, 0, 1]),
                        status="proposed" if proposed else "decided",
                        decision_id=rng.choice(decisions)
                        if decisions and not proposed
                        else None,
                        decided_at=None if proposed else at,
                        explanation="Synthetische mutatie voor de benchmark.",
                        created_at=at,
                    )
                )
        self._bulk(ReserveMutation, rows)

    def _organisations(self):
        rng = self.rng
        sectors = catalogue.SECTORS
        sector_weights = [s[2] for s in sectors]
        kinds = [k for k, _w in catalogue.KINDS]
        kind_weights = [w for _k, w in catalogue.KINDS]
        ranges = [r for r, _w in catalogue.HEADCOUNTS]
        range_weights = [w for _r, w in catalogue.HEADCOUNTS]
        first_names = ["Jan", "Anna", "Pieter", "Sanne", "Mohamed", "Eva", "Tim"]
        surnames = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Mulder"]
        self.org_experience: dict[int, str] = {}
        self.org_contacts: dict[int, int] = {}
        for start in range(0, self.plan.organisations, BATCH * 5):
            chunk = []
            homes = []
            for i in range(start, min(start + BATCH * 5, self.plan.organisations)):
                p = _weighted(rng, self.provinces, self.province_weights)
                town, prefix = rng.choice(p.towns)
                sbi, sector, _w = _weighted(rng, sectors, sector_weights)
                low, high = _weighted(rng, ranges, range_weights)
                employees = rng.randint(low, high)
                turnover = Decimal(employees * rng.randrange(80, 400) * 1000)
                balance = (turnover * rng.randrange(30, 90) / 100).quantize(
                    Decimal("1")
                )
                name = (
                    f"{rng.choice(catalogue.NAME_PARTS)}"
                    f"{rng.choice(catalogue.NAME_TRADES).lower()} "
                    f"{rng.choice(catalogue.NAME_FORMS)} {i + 1}"
                )
                chunk.append(
                    Organisation(
                        kvk_number=f"{KVK_BASE + i:08d}",
                        name=name,
                        kind=_weighted(rng, kinds, kind_weights),
                        sbi_code=sbi,
                        sector=sector,
                        employees=employees,
                        annual_turnover=turnover,
                        balance_total=balance,
                        # bulk_create skips save(), which derives it.
                        sme_class=sme_class_for(employees, turnover, balance),
                        postcode=f"{prefix}{rng.randint(10, 99)} "
                        f"{rng.choice('ABCEFGHJKLMNPRTVWXZ')}"
                        f"{rng.choice('ABCEFGHJKLMNPRTVWXZ')}",
                        municipality=town,
                        province=p.obj,
                        website="",
                        export_experience=rng.choices(
                            Organisation.ExportExperience.values, weights=[35, 40, 25]
                        )[0],
                        created_at=_aware(
                            date(self.years[0] - 1, 1, 1)
                            + timedelta(days=rng.randint(0, 3650))
                        ),
                    )
                )
                homes.append(p)
            self._bulk(Organisation, chunk)
            contacts = []
            for org, p in zip(chunk, homes, strict=True):
                p.organisations.append(org.pk)
                self.org_experience[org.pk] = org.export_experience
                for n in range(2 if rng.random() < 0.2 else 1):
                    contacts.append(
                        ContactPerson(
                            organisation=org,
                            name=f"{rng.choice(first_names)} {rng.choice(surnames)}",
                            email=f"contact{n}.{org.kvk_number}@bench.example",
                            role=rng.choice(["Directeur", "Export manager", "Sales"]),
                            consent_future_missions=rng.random() < 0.6,
                            language="en" if rng.random() < 0.1 else "nl",
                            created_at=org.created_at,
                        )
                    )
            self._bulk(ContactPerson, contacts)
            for contact in contacts:
                self.org_contacts.setdefault(contact.organisation_id, contact.pk)
        self.all_organisations = [o for p in self.provinces for o in p.organisations]

    def _users(self):
        """A civil servant and a portfolio holder per province (to log in as)."""
        groups = {
            role: Group.objects.get_or_create(name=role)[0]
            for role in (Role.CIVIL_SERVANT, Role.PORTFOLIO_HOLDER, Role.SME)
        }
        for p in self.provinces:
            for role in (Role.CIVIL_SERVANT, Role.PORTFOLIO_HOLDER):
                user, _created = User.objects.get_or_create(
                    email=staff_email(role, p.obj.code),
                    defaults={"name": f"Bench {role} {p.obj.code}", "province": p.obj},
                )
                user.set_unusable_password()
                user.save(update_fields=["password"])
                user.groups.add(groups[role])
        sme, _created = User.objects.get_or_create(
            email=SME_EMAIL, defaults={"name": "Bench ondernemer"}
        )
        sme.groups.add(groups[Role.SME])
        self.sme_user = sme

    def _missions(self):
        rng = self.rng
        countries = catalogue.COUNTRIES
        country_weights = [max(1, c[1]) for c in countries]
        first = date(self.years[0], 1, 15)
        horizon = self.today + timedelta(days=365)
        self.missions: list[Mission] = []
        rows, theme_rows = [], []
        for _n in range(self.plan.missions):
            p = _weighted(rng, self.provinces, self.province_weights)
            day = self._date_in(first, horizon)
            rows.append(self._mission(p, day, countries, country_weights))
        # The page with many registrations: a big trade fair last year in the
        # busiest province (the one the benchmark logs in to).
        busiest = max(self.provinces, key=lambda p: p.weight)
        big = self._mission(
            busiest, date(self.last_year - 1, 4, 20), countries[:1], [1]
        )
        big.capacity = 260
        big.status = Mission.Status.COMPLETED
        big.completed_at = _aware(big.end_date + timedelta(days=7))
        big.title = f"Handelsmissie Duitsland: Hannover Messe {self.last_year - 1}"
        rows.append(big)
        self._bulk(Mission, rows)
        for mission in rows:
            for theme in dict.fromkeys(
                rng.choices(self.themes, self.theme_weights, k=2)
            ):
                theme_rows.append(
                    Mission.themes.through(mission_id=mission.pk, theme_id=theme)
                )
        self._bulk(Mission.themes.through, theme_rows, label="mission theme links")
        self.missions = rows
        self.big_mission = big

    def _mission(self, p: _Province, start: date, countries, weights) -> Mission:
        rng = self.rng
        country, _w, region, event = _weighted(rng, countries, weights)
        theme_slug = _weighted(
            rng, [t[0] for t in catalogue.THEMES], self.theme_weights
        )
        end = start + timedelta(days=rng.randint(1, 5))
        opens = _aware(start - timedelta(days=rng.randint(60, 120)))
        closes = _aware(start - timedelta(days=rng.randint(10, 30)))
        if end < self.today:
            status = rng.choices(
                [Mission.Status.COMPLETED, Mission.Status.CANCELLED, "closed"],
                weights=[92, 5, 3]
                if end > self.today - timedelta(days=60)
                else [95, 5, 0],
            )[0]
        else:
            status = rng.choices(
                [Mission.Status.PUBLISHED, Mission.Status.CLOSED, "draft", "cancelled"],
                weights=[70, 10, 15, 5],
            )[0]
        if status == Mission.Status.PUBLISHED and closes.date() < self.today:
            status = Mission.Status.CLOSED
        actions = p.prestaties.get(start.year) or p.prestaties.get(self.last_year, [])
        created = opens - timedelta(days=14)
        contribution = Decimal(rng.choice([0, 250, 500, 750, 1000]))
        return Mission(
            province=p.obj,
            programme_id=rng.choice(p.programmes) if p.programmes else None,
            action_id=rng.choice(actions)[1] if actions else None,
            title=f"Handelsmissie {region}: {self.theme_names[theme_slug]}",
            direction="incoming" if rng.random() < 0.1 else "outgoing",
            country=country,
            region=region,
            event=event if rng.random() < 0.5 else "",
            start_date=start,
            end_date=end,
            format="online" if rng.random() < 0.08 else "physical",
            organiser=rng.choice(["", "Oost NL", "BOM", "RVO", p.obj.display_name]),
            led_by_name=rng.choice(catalogue.PORTFOLIO_HOLDERS)
            if rng.random() < 0.2
            else "",
            capacity=rng.choice([12, 15, 20, 25, 30, 40, 50, 60]),
            max_seats_per_organisation=2,
            signup_opens_at=opens,
            signup_closes_at=closes,
            participation_fee=Decimal(rng.choice([0, 250, 495, 750, 1250])),
            province_contribution_per_seat=contribution,
            approval_mode="review" if rng.random() < 0.2 else "first_come",
            description="Een synthetische missie voor de benchmark.",
            highlights="",
            status=status,
            published_at=None if status == "draft" else opens,
            completed_at=_aware(end + timedelta(days=7))
            if status == Mission.Status.COMPLETED
            else None,
            cancelled_at=_aware(start - timedelta(days=5))
            if status == Mission.Status.CANCELLED
            else None,
            created_at=created,
            updated_at=created,
        )

    def _registrations(self):
        """Registrations spread over missions by capacity, written in chunks.

        Each mission's sign-ups are replayed in arrival order through the
        rules of the sign-up service: withdrawn ones hold no seat, the rest
        are accepted while seats last and waitlisted (numbered) after that.
        """
        open_missions = [
            m
            for m in self.missions
            if m.status != "draft" and m is not self.big_mission
        ]
        wanted = self.plan.registrations - BIG_MISSION_REGISTRATIONS
        weight_sum = sum(m.capacity for m in open_missions)
        counts = [wanted * m.capacity // weight_sum for m in open_missions]
        for index in range(wanted - sum(counts)):
            counts[index % len(counts)] += 1
        plan = list(zip(open_missions, counts, strict=True))
        plan.append((self.big_mission, BIG_MISSION_REGISTRATIONS))
        by_province = {p.obj.pk: p for p in self.provinces}
        pending: list[tuple[Mission, list[Registration]]] = []
        size = 0
        for mission, count in plan:
            chosen = self._participants(by_province[mission.province_id], count)
            regs = self._replay(mission, chosen)
            pending.append((mission, regs))
            size += len(regs)
            if size >= BATCH * 5:
                self._write_registrations(pending)
                pending, size = [], 0
        self._write_registrations(pending)
        # The /mijn/ page: the bench SME works for a busy organisation.
        org_id = max(self.org_registrations, key=self.org_registrations.get)
        ContactPerson.objects.get_or_create(
            organisation_id=org_id,
            user=self.sme_user,
            defaults={
                "name": "Bench ondernemer",
                "email": SME_EMAIL,
                "created_at": timezone.now(),
            },
        )

    def _participants(self, p: _Province, count: int) -> list[int]:
        """Distinct organisations, three in four from the mission's province."""
        rng = self.rng
        count = min(count, len(self.all_organisations))
        own = min(len(p.organisations), round(count * 0.75))
        # A dict, not a set: its order does not depend on the ids, so the
        # same seed picks the same organisations in another database.
        chosen = dict.fromkeys(rng.sample(p.organisations, own))
        while len(chosen) < count:
            chosen[rng.choice(self.all_organisations)] = None
        result = list(chosen)
        rng.shuffle(result)
        return result

    def _replay(self, mission: Mission, organisations: list[int]) -> list[Registration]:
        rng = self.rng
        opens, closes = mission.signup_opens_at, mission.signup_closes_at
        window = max(60, int((closes - opens).total_seconds()))
        arrivals = sorted(rng.randrange(window) for _o in organisations)
        past = mission.end_date < self.today
        completed = mission.status == Mission.Status.COMPLETED
        reviewed = mission.approval_mode == "review"
        free = mission.capacity
        position = 0
        regs = []
        for org, offset in zip(organisations, arrivals, strict=True):
            at = opens + timedelta(seconds=offset)
            seats = 2 if rng.random() < 0.15 else 1
            if mission is self.big_mission:
                seats = 1
            reg = Registration(
                mission=mission,
                organisation_id=org,
                seats=seats,
                motivation=rng.choice(
                    ["", "Wij zoeken distributeurs.", "Nieuwe markt verkennen."]
                ),
                goals=rng.choice(["", "Drie gesprekken met afnemers.", "Een agent."]),
                target_markets=mission.country.code,
                first_time_exporter=self.org_experience[org] == "none"
                and rng.random() < 0.7,
                de_minimis_declared=True,
                de_minimis_aid_received=Decimal(rng.choice([0, 0, 5000, 20000])),
                source=rng.choices(
                    ["self", "back_office", "import"], weights=[80, 15, 5]
                )[0],
                created_at=at,
                updated_at=at,
            )
            if rng.random() < 0.05 and mission is not self.big_mission:
                reg.status = Registration.Status.WITHDRAWN
                reg.withdrawn_at = at + timedelta(days=3)
            elif reviewed and not past and mission.status != "completed":
                reg.status = Registration.Status.SUBMITTED
            elif seats <= free and not (reviewed and rng.random() < 0.1):
                free -= seats
                reg.status = Registration.Status.ACCEPTED
                reg.decided_at = at
                if completed:
                    reg.status = rng.choices(
                        [Registration.Status.ATTENDED, Registration.Status.NO_SHOW],
                        weights=[95, 5],
                    )[0]
            elif past or reviewed:
                reg.status = Registration.Status.REJECTED
                reg.rejection_reason = "De missie was vol."
                reg.decided_at = at + timedelta(days=2)
            else:
                position += 1
                reg.status = Registration.Status.WAITLISTED
                reg.waitlist_position = position
            regs.append(reg)
        return regs

    def _write_registrations(self, pending):
        rng = self.rng
        if not pending:
            return
        rows = [reg for _mission, regs in pending for reg in regs]
        self._bulk(Registration, rows)
        links, results = [], []
        through = Registration.contacts.through
        for reg in rows:
            self.org_registrations[reg.organisation_id] = (
                self.org_registrations.get(reg.organisation_id, 0) + 1
            )
            links.append(
                through(
                    registration_id=reg.pk,
                    contactperson_id=self.org_contacts[reg.organisation_id],
                )
            )
            if reg.status != Registration.Status.ATTENDED:
                continue
            end = reg.mission.end_date
            for moment, days, chance in (
                (MissionResult.Moment.AFTER, 7, 0.85),
                (MissionResult.Moment.MONTHS_6, 182, 0.6),
                (MissionResult.Moment.MONTHS_12, 365, 0.45),
            ):
                day = end + timedelta(days=days)
                if day > self.today or rng.random() > chance:
                    continue
                meetings = rng.randint(0, 10)
                leads = rng.randint(0, meetings)
                deals = rng.randint(0, leads // 2)
                expected = Decimal(rng.randrange(0, 50) * 1000 + deals * 40_000)
                at = _aware(day)
                results.append(
                    MissionResult(
                        registration=reg,
                        moment=moment,
                        meetings=meetings,
                        leads=leads,
                        deals=deals,
                        expected_export_turnover=expected,
                        realised_export_turnover=(
                            expected * Decimal(rng.randrange(0, 120)) / 100
                        ).quantize(Decimal("0.01"))
                        if moment != MissionResult.Moment.AFTER
                        else Decimal(0),
                        satisfaction=rng.choices(
                            [None, 5, 6, 7, 8, 9, 10], [5, 3, 8, 25, 35, 18, 6]
                        )[0],
                        created_at=at,
                        updated_at=at,
                    )
                )
        self._bulk(through, links, label="registration contact links")
        self._bulk(MissionResult, results)
