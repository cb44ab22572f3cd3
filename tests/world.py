"""One small, complete set of data for the tests that sweep every page.

The access matrix (tests/test_access_matrix.py), the accessibility audit
(tests/e2e/test_accessibility.py) and the hostile-input tests all need the
same people and a few objects of two provinces and two organisations, so an
object URL can be tried with somebody else's id. Apps add their objects in
`build_world` (one function per app below) and name them in
`World.objects`, e.g. `world.objects["mission_ov"]`.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from accounts.models import User
from participants.models import Organisation
from programmes.models import Province
from tests.factories import (
    ActionFactory,
    BudgetLineFactory,
    ContactPersonFactory,
    ContactRequestFactory,
    DecisionFactory,
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
ADMINISTRATOR = "administrator"

# Every role the sweeps try, in the order of the access matrix's columns.
ROLES = (
    ANONYMOUS,
    SME_A,
    SME_B,
    CIVIL_SERVANT_OV,
    CIVIL_SERVANT_LI,
    PORTFOLIO_HOLDER_OV,
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
        ADMINISTRATOR: UserFactory(administrator=True, email="admin@example.org"),
    }
    world = World(
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
    completed one (A or B attended, so its results form is due)."""
    for suffix, province, organisation in (
        ("ov", world.overijssel, world.organisation_a),
        ("li", world.limburg, world.organisation_b),
    ):
        letter = "a" if suffix == "ov" else "b"
        mission = MissionFactory(province=province, open=True)
        world.objects[f"mission_{suffix}"] = mission
        world.objects[f"draft_mission_{suffix}"] = MissionFactory(province=province)
        world.objects[f"registration_{letter}"] = RegistrationFactory(
            mission=mission, organisation=organisation
        )
        done = MissionFactory(province=province, completed=True)
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
