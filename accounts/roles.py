"""The portal's roles. Each role is a Django group of the same name."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CIVIL_SERVANT = "civil_servant", _("Civil servant")
    PORTFOLIO_HOLDER = "portfolio_holder", _("Portfolio holder")
    SME = "sme", _("Entrepreneur")
    ADMINISTRATOR = "administrator", _("Administrator")
    # Staff of an implementing partner organisation (Oost NL, Ondernemend
    # Limburg): they run missions and the desk for the provinces that
    # engage them (participants.Engagement), and see only what they run.
    PARTNER = "partner", _("Implementing partner")


# Roles that work for one province and see only its data.
PROVINCE_ROLES = frozenset({Role.CIVIL_SERVANT, Role.PORTFOLIO_HOLDER})
# Roles that must use two-factor authentication when REQUIRE_STAFF_2FA is on.
# Partner staff handle the same personal data as civil servants.
TWO_FACTOR_ROLES = frozenset({Role.CIVIL_SERVANT, Role.ADMINISTRATOR, Role.PARTNER})
# Roles that work for an implementing partner organisation.
PARTNER_ROLES = frozenset({Role.PARTNER})

# The tenant's own app, provinces, counts as one of ours: its permissions
# are those programmes gave before Province moved out of it (issue 19).
OWN_APPS = (
    "provinces",
    "programmes",
    "participants",
    "missions",
    "showcase",
    "reporting",
)


def role_has_permission(role: str, app_label: str, codename: str) -> bool:
    """Whether a role's group holds the permission app_label.codename.

    Administrators manage everything of ours plus users; civil servants manage
    the data of these apps (and so moderate the showcase); portfolio holders
    read, and may request reports; partner staff work on the missions, desk
    questions and advisory tracks they run (their views check which); SME
    users work on their own objects only, without model permissions.
    """
    action = codename.split("_", 1)[0]
    if role == Role.ADMINISTRATOR:
        # The outbox holds every province's mail: administrators only.
        return app_label in OWN_APPS or app_label in {
            "accounts",
            "auth",
            "outbox",
            "desk",
            "advice",
        }
    if role == Role.CIVIL_SERVANT:
        return app_label in OWN_APPS
    if role == Role.PARTNER:
        return app_label in {"missions", "desk"} and action in {"view", "add", "change"}
    if role == Role.PORTFOLIO_HOLDER:
        return (app_label in OWN_APPS and action == "view") or (
            app_label == "reporting" and codename == "add_reportrun"
        )
    return False
