"""One small, complete set of data for the tests that sweep every page.

The access matrix (tests/test_access_matrix.py), the accessibility audit
(tests/e2e/test_accessibility.py) and the hostile-input tests all need the
same people and a few objects of two provinces and two organisations, so an
object URL can be tried with somebody else's id. Apps add their objects in
`build_world` (one function per app below) and name them in
`World.objects`, e.g. `world.objects["mission_ov"]`.
"""

from dataclasses import dataclass, field
from typing import Any

from accounts.models import User
from participants.models import Organisation
from programmes.models import Province
from tests.factories import (
    OrganisationFactory,
    ProvinceFactory,
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
        SME_A: sme_user_of(organisation_a, email="sme-a@example.org"),
        SME_B: sme_user_of(organisation_b, email="sme-b@example.org"),
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
    return world
