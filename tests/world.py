"""One small, complete set of data for the tests that sweep every page.

The access matrix (tests/test_access_matrix.py), the accessibility audit
(tests/e2e/test_accessibility.py) and the hostile-input tests all need the
same people and a few objects of two provinces and two organisations, so an
object URL can be tried with somebody else's id. Apps add their objects in
`build_world` (one function per app below) and name them in
`World.objects`, e.g. `world.objects["mission_ov"]`.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from accounts.models import User
from participants.models import Engagement, Organisation
from provinces.models import Province
from tests.factories import (
    ActionFactory,
    BudgetLineFactory,
    ContactPersonFactory,
    ContactRequestFactory,
    DecisionFactory,
    EngagementFactory,
    ExportStoryFactory,
    IndicatorFactory,
    IndicatorTargetFactory,
    IndicatorValueFactory,
    IntendedResultFactory,
    MembershipRequestFactory,
    MissionFactory,
    OrganisationFactory,
    PrestatieFactory,
    ProgrammeFactory,
    ProgressNoteFactory,
    ProvinceFactory,
    PublicProfileFactory,
    RegistrationFactory,
    ReportRunFactory,
    ReserveFactory,
    ReserveMutationFactory,
    UserFactory,
    sme_user_of,
)

ANONYMOUS = "anonymous"
SME_A = "sme_a"
SME_B = "sme_b"
CIVIL_SERVANT_OV = "civil_servant_ov"
CIVIL_SERVANT_LI = "civil_servant_li"
PORTFOLIO_HOLDER_OV = "portfolio_holder_ov"
# Staff of the implementing partner Limburg engages for missions and its
# desk: the Limburg missions it runs and the questions on Limburg's desk.
PARTNER_LI = "partner_li"
ADMINISTRATOR = "administrator"

# Every role the sweeps try, in the order of the access matrix's columns.
ROLES = (
    ANONYMOUS,
    SME_A,
    SME_B,
    CIVIL_SERVANT_OV,
    CIVIL_SERVANT_LI,
    PORTFOLIO_HOLDER_OV,
    PARTNER_LI,
    ADMINISTRATOR,
)


@dataclass
class World:
    overijssel: Province
    limburg: Province
    # Organisation A is in Overijssel, B in Limburg: trying A's ids as B (or
    # as Limburg's civil servant) covers both organisation and province.
    organisation_a: Organisation
    organisation_b: Organisation
    # Ondernemend Limburg: Limburg engages it for missions and the desk.
    partner_li: Organisation
    users: dict[str, User | None]
    objects: dict[str, Any] = field(default_factory=dict)

    def user(self, role: str) -> User | None:
        return self.users[role]


def build_world() -> World:
    """Create the people and objects of both provinces; cheap enough per test."""
    overijssel = ProvinceFactory(code="OV", name="Overijssel")
    limburg = ProvinceFactory(code="LI", name="Limburg")
    organisation_a = OrganisationFactory(province=overijssel, name="Alfa Export BV")
    organisation_b = OrganisationFactory(province=limburg, name="Beta Handel BV")
    partner_li = OrganisationFactory(
        province=limburg, name="Ondernemend Limburg", kind=Organisation.Kind.PARTNER
    )
    for task in Engagement.Task.values:
        EngagementFactory(province=limburg, partner=partner_li, task=task)
    users = {
        ANONYMOUS: None,
        # Each the admin of its organisation, as its first member would be.
        SME_A: sme_user_of(organisation_a, admin=True, email="sme-a@example.org"),
        SME_B: sme_user_of(organisation_b, admin=True, email="sme-b@example.org"),
        CIVIL_SERVANT_OV: UserFactory(
            civil_servant=True, province=overijssel, email="cs-ov@example.org"
        ),
        CIVIL_SERVANT_LI: UserFactory(
            civil_servant=True, province=limburg, email="cs-li@example.org"
        ),
        PORTFOLIO_HOLDER_OV: UserFactory(
            portfolio_holder=True, province=overijssel, email="ph-ov@example.org"
        ),
        PARTNER_LI: UserFactory(
            partner_staff=True, partner=partner_li, email="partner-li@example.org"
        ),
        ADMINISTRATOR: UserFactory(administrator=True, email="admin@example.org"),
    }
    world = World(
        partner_li=partner_li,
        overijssel=overijssel,
        limburg=limburg,
        organisation_a=organisation_a,
        organisation_b=organisation_b,
        users=users,
    )
    # Apps with object pages add a function `_<app>(world)` to this module that
    # creates one object per province (and per organisation where objects
    # belong to one) and names them in world.objects; call it here.
    _programmes(world)
    _missions(world)
    _reporting(world)
    _showcase(world)
    _membership(world)
    _desk(world)
    _advice(world)
    return world


def _programmes(world: World) -> None:
    """Per province: a programme, decision, reserve with a proposed and a
    decided mutation, and a prestatie with everything under it."""
    for suffix, province in (("ov", world.overijssel), ("li", world.limburg)):
        objects = world.objects
        objects[f"programme_{suffix}"] = programme = ProgrammeFactory(province=province)
        objects[f"decision_{suffix}"] = DecisionFactory(province=province)
        objects[f"reserve_{suffix}"] = reserve = ReserveFactory(province=province)
        ReserveMutationFactory(
            reserve=reserve, addition=True, decided=True, amount=Decimal("50000")
        )
        objects[f"mutation_{suffix}"] = ReserveMutationFactory(reserve=reserve)
        objects[f"prestatie_{suffix}"] = prestatie = PrestatieFactory(province=province)
        objects[f"action_{suffix}"] = action = ActionFactory(prestatie=prestatie)
        action.programmes.add(programme)
        objects[f"indicator_{suffix}"] = indicator = IndicatorFactory(action=action)
        objects[f"target_{suffix}"] = IndicatorTargetFactory(indicator=indicator)
        objects[f"value_{suffix}"] = IndicatorValueFactory(indicator=indicator)
        objects[f"note_{suffix}"] = ProgressNoteFactory(action=action)
        objects[f"result_{suffix}"] = IntendedResultFactory(prestatie=prestatie)
        objects[f"budgetline_{suffix}"] = BudgetLineFactory(prestatie=prestatie)


def _missions(world: World) -> None:
    """Per province: an open mission (organisation A or B signed up) and a
    completed one (A or B attended, so its results form is due). Limburg's
    two are run by its partner; Limburg's draft is not."""
    for suffix, province, organisation in (
        ("ov", world.overijssel, world.organisation_a),
        ("li", world.limburg, world.organisation_b),
    ):
        letter = "a" if suffix == "ov" else "b"
        run_by = world.partner_li if suffix == "li" else None
        mission = MissionFactory(province=province, open=True, run_by=run_by)
        world.objects[f"mission_{suffix}"] = mission
        world.objects[f"draft_mission_{suffix}"] = MissionFactory(province=province)
        world.objects[f"registration_{letter}"] = RegistrationFactory(
            mission=mission, organisation=organisation
        )
        done = MissionFactory(province=province, completed=True, run_by=run_by)
        world.objects[f"completed_mission_{suffix}"] = done
        world.objects[f"attended_{letter}"] = RegistrationFactory(
            mission=done, organisation=organisation, attended=True
        )


def _reporting(world: World) -> None:
    """Per province a failed report run: a finished run needs real figures
    and files, which the report tests build (tests/reporting/)."""
    for suffix, province in (("ov", world.overijssel), ("li", world.limburg)):
        world.objects[f"report_{suffix}"] = ReportRunFactory(
            province=province, failed=True
        )


def _showcase(world: World) -> None:
    """Both organisations published with a story; a third organisation's
    profile unpublished; requests from a third organisation to A and to B."""
    stranger = OrganisationFactory(province=world.overijssel, name="Gamma BV")
    for letter in ("a", "b"):
        organisation = getattr(world, f"organisation_{letter}")
        world.objects[f"profile_{letter}"] = PublicProfileFactory(
            organisation=organisation, published=True
        )
        world.objects[f"story_{letter}"] = ExportStoryFactory(organisation=organisation)
        world.objects[f"request_to_{letter}"] = ContactRequestFactory(
            sender=stranger, receiver=organisation
        )
    world.objects["unpublished_profile"] = PublicProfileFactory(
        organisation=OrganisationFactory(province=world.overijssel)
    )


def _membership(world: World) -> None:
    """Per organisation a second, ordinary member and a stranger's pending
    request to join; SME B asks to join A; a Limburg organisation without
    admin has a request the Limburg civil servant decides."""
    for letter in ("a", "b"):
        organisation = getattr(world, f"organisation_{letter}")
        member = sme_user_of(organisation, email=f"member-{letter}@example.org")
        world.objects[f"member_{letter}"] = organisation.contacts.get(user=member)
        world.objects[f"membership_request_{letter}"] = MembershipRequestFactory(
            organisation=organisation
        )
    # SME B asks to join A too: its /mijn/ shows a request pending.
    world.objects["membership_request_b_to_a"] = MembershipRequestFactory(
        organisation=world.organisation_a, user=world.user(SME_B)
    )
    without_admin = OrganisationFactory(province=world.limburg, name="Delta BV")
    ContactPersonFactory(organisation=without_admin)
    world.objects["membership_request_no_admin"] = MembershipRequestFactory(
        organisation=without_admin
    )


def _desk(world: World) -> None:
    """A question on each province's desk: SME A asks Overijssel, SME B
    Limburg; a visitor's question waits on Limburg's desk too. Limburg's
    partner runs its desk, so Limburg's questions go to the partner."""
    from desk.services import question_answer, question_ask

    for suffix, province, role in (
        ("ov", world.overijssel, SME_A),
        ("li", world.limburg, SME_B),
    ):
        world.objects[f"question_{suffix}"] = question_ask(
            province=province,
            topic="export",
            subject=f"Beurssubsidie {province.name}",
            text="Welke steun is er voor een beurs?",
            language="nl",
            user=world.user(role),
        )
    world.objects["question_visitor_li"] = question_ask(
        province=world.limburg,
        topic="financing",
        subject="Lening",
        text="Waar vind ik een lening?",
        language="nl",
        name="Vera Bezoeker",
        email="vera@example.org",
    )
    # An answered question Overijssel's desk may publish as an FAQ.
    answered = question_ask(
        province=world.overijssel,
        topic="export",
        subject="Exportdocumenten",
        text="Welke papieren heb ik nodig?",
        language="nl",
        name="Olaf Vrager",
        email="olaf@example.org",
    )
    world.objects["question_answered_ov"] = question_answer(
        question=answered,
        answer="Een exportcertificaat en een douaneaangifte.",
        by=world.user(CIVIL_SERVANT_OV),
    )


# --- the back office as it looks after a season of work --------------------

BUSY_MISSION_MIX = (
    # (status, how many): a completed mission with 300 registrations, in the
    # attention order of the back-office page (missions/selectors.py), 50
    # rows a page: page 1 accepted and attended (attendance buttons, results
    # links), page 5 no-shows and the waiting list, page 6 the waiting list,
    # rejections with their reason and withdrawals.
    ("accepted", 20),
    ("attended", 170),
    ("no_show", 30),
    ("waitlisted", 40),
    ("rejected", 25),
    ("withdrawn", 15),
)
BUSY_MISSION_PAGES = (1, 5, 6)


def add_back_office_data(world: World) -> None:
    """What a civil servant of Overijssel finds after a season: a completed
    mission with 300 registrations in every state (`busy_mission_ov`), an
    open mission under review with a decision to make on every row
    (`review_mission_ov`), a rejected registration, hidden showcase items and
    changes in the history of the programmes' objects.

    Separate from build_world, which every access-matrix test pays for; the
    300 rows are bulk-inserted (about a second). Calling it again does
    nothing.
    """
    if "busy_mission_ov" in world.objects:
        return
    from missions.models import MissionResult, Registration
    from participants.models import ContactPerson, sme_class_for

    civil_servant = world.user(CIVIL_SERVANT_OV)
    province = world.overijssel
    today = timezone.localdate()

    mission = MissionFactory(
        province=province,
        completed=True,
        title="Handelsmissie Hannover Messe",
        start_date=today - timedelta(days=400),
        end_date=today - timedelta(days=396),
        capacity=220,
        max_seats_per_organisation=1,
        highlights="Twaalf bedrijven sloten een contract met Duitse afnemers.",
    )
    mission.region = "Hannover & Hamburg"
    mission._history_user = civil_servant
    mission.save()
    world.objects["busy_mission_ov"] = mission

    total = sum(count for _status, count in BUSY_MISSION_MIX)
    organisations = Organisation.objects.bulk_create(
        Organisation(
            kvk_number=f"{70000000 + number:08d}",
            # An ampersand in some names: every row must escape once.
            name=(
                f"Jansen & Zonen {number} B.V."
                if number % 7 == 0
                else f"Exportbedrijf Twente {number} B.V."
            ),
            kind=Organisation.Kind.SME,
            employees=10 + number % 200,
            sme_class=sme_class_for(10 + number % 200, None, None),
            province=province,
        )
        for number in range(total)
    )
    contacts = ContactPerson.objects.bulk_create(
        ContactPerson(
            organisation=organisation,
            name=f"Contactpersoon {number}",
            # Some contacts have no e-mail address, as imported ones do.
            email="" if number % 11 == 0 else f"contact{number}@busy.example",
        )
        for number, organisation in enumerate(organisations)
    )
    statuses = [status for status, count in BUSY_MISSION_MIX for _ in range(count)]
    position = iter(range(1, total + 1))
    sources = list(Registration.Source)
    registrations = Registration.objects.bulk_create(
        Registration(
            mission=mission,
            organisation=organisation,
            status=status,
            waitlist_position=next(position) if status == "waitlisted" else None,
            rejection_reason=(
                "Geen concrete exportplannen voor Duitsland."
                if status == "rejected"
                else ""
            ),
            first_time_exporter=number % 3 == 0,
            source=sources[number % len(sources)],
            motivation="Wij willen distributeurs in Noord-Duitsland vinden.",
        )
        for number, (organisation, status) in enumerate(
            zip(organisations, statuses, strict=True)
        )
    )
    Registration.contacts.through.objects.bulk_create(
        Registration.contacts.through(registration=registration, contactperson=contact)
        for registration, contact in zip(registrations, contacts, strict=True)
    )
    attended = [r for r in registrations if r.status == "attended"]
    MissionResult.objects.bulk_create(
        [
            MissionResult(
                registration=registration,
                moment=moment,
                meetings=4,
                leads=number % 5,
                deals=number % 3,
                satisfaction=8,
                submitted_by=civil_servant,
            )
            for number, registration in enumerate(attended)
            for moment in ("after", "6_months")[: 1 + number % 2]
            if number % 4 != 3  # a quarter has not reported yet
        ]
    )

    # An open mission that needs decisions: accept, promote, reject, withdraw.
    review = MissionFactory(
        province=province, review=True, title="Handelsmissie Vietnam", capacity=6
    )
    world.objects["review_mission_ov"] = review
    for traits in (
        {"submitted": True},
        {"submitted": True},
        {},  # accepted
        {"waitlisted": True},
        {"withdrawn": True},
    ):
        registration = RegistrationFactory(mission=review, **traits)
        registration.contacts.set(
            [ContactPersonFactory(organisation=registration.organisation)]
        )
    world.objects["rejected_registration_ov"] = rejected = RegistrationFactory(
        mission=review,
        organisation=world.organisation_a,
        rejected=True,
        rejection_reason="Uw bedrijf valt buiten de doelgroep van deze missie.",
    )
    rejected.contacts.set(world.organisation_a.contacts.all())

    # Changes in the history, with who made them (old → new on the pages).
    for name, field_name, value in (
        ("programme_ov", "name", "Internationaal ondernemen Overijssel"),
        ("prestatie_ov", "title", "Meer mkb-bedrijven exporteren"),
        ("reserve_ov", "name", "Reserve Internationalisering"),
    ):
        obj = world.objects[name]
        setattr(obj, field_name, value)
        obj._history_user = civil_servant
        obj.save()

    # Moderation: a hidden profile and a hidden story next to the published.
    world.objects["hidden_profile"] = PublicProfileFactory(
        organisation=OrganisationFactory(province=province, name="Delta & Co"),
        hidden=True,
    )
    world.objects["hidden_story"] = ExportStoryFactory(
        organisation=world.organisation_a, hidden=True
    )

    # A ready report, generated as the worker does (all four files).
    from reporting.services import report_run_generate

    queued = ReportRunFactory(province=province, year=2016)
    world.objects["ready_report_ov"] = report_run_generate(run_id=queued.pk)


PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def _advice(world: World) -> None:
    """An adviser organisation (published profile, one member) paired with
    a running track of organisation A (Overijssel) and of B (Limburg),
    each with the business plan uploaded; B also has an application the
    Limburg desk has not decided yet."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from advice import services

    adviser = OrganisationFactory(
        province=world.limburg,
        name="Raad & Daad Advies",
        kind=Organisation.Kind.ADVISER,
    )
    PublicProfileFactory(organisation=adviser, published=True)
    world.objects["adviser_organisation"] = adviser
    world.objects["adviser_user"] = sme_user_of(
        adviser, admin=True, email="adviseur@example.org"
    )
    desk = {"ov": CIVIL_SERVANT_OV, "li": CIVIL_SERVANT_LI}
    for suffix, letter in (("ov", "a"), ("li", "b")):
        organisation = getattr(world, f"organisation_{letter}")
        user = world.user(f"sme_{letter}")
        track = services.track_apply(
            organisation=organisation,
            kind="growth",
            ambition=f"Groeien in Duitsland ({suffix})",
            description="Een tweede productielijn voor de Duitse markt.",
            language="nl",
            user=user,
        )
        track = services.track_accept(
            track=track, adviser=adviser, by=world.user(desk[suffix])
        )
        world.objects[f"track_{suffix}"] = track
        world.objects[f"track_document_{suffix}"] = services.document_add(
            track=track,
            title="Businessplan",
            file=SimpleUploadedFile("plan.pdf", PDF_BYTES),
            is_business_plan=True,
            by=user,
        )
    world.objects["track_applied_li"] = services.track_apply(
        organisation=world.organisation_b,
        kind="innovation",
        ambition="Een nieuw product ontwikkelen",
        description="Een slimme sensor voor de landbouw.",
        language="nl",
        user=world.user(SME_B),
    )
