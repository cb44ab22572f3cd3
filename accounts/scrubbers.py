"""Personal data of user accounts and how it is erased.

Registered in ``AccountsConfig.ready()`` (see config/personal_data.py).
Who may be erased is decided by the service that asks for it
(``participants.services.user_erase``: entrepreneurs only).
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from config.personal_data import Erasure, Scrubber

from .models import User


def erased_email(user_id: int) -> str:
    # Unique like the address it replaces; .invalid never receives mail.
    return f"verwijderd-{user_id}@verwijderd.invalid"


def _accounts_erase(erasure: Erasure) -> None:
    """The account stays as an empty, inactive row, so that the audit trail
    still says "a (deleted) account did this"; its addresses, second
    factors and roles go, and the admin log names it by its new address."""
    if not erasure.user_ids:
        return
    EmailAddress.objects.filter(user_id__in=erasure.user_ids).delete()
    Authenticator.objects.filter(user_id__in=erasure.user_ids).delete()
    # The eHerkenning link: the broker's claims (name, KvK number) and its
    # tokens go with it.
    SocialAccount.objects.filter(user_id__in=erasure.user_ids).delete()
    for user in User.objects.filter(pk__in=erasure.user_ids):
        user.email = erased_email(user.pk)
        user.name = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()
        user.groups.clear()
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(User),
            object_id=str(user.pk),
        ).update(object_repr=str(user)[:200])


SCRUBBERS = (
    Scrubber(
        identifier="accounts.users",
        description=(
            "User accounts, their addresses, second factors and eHerkenning links."
        ),
        fields=(
            "accounts.User.email",
            "accounts.User.name",
            "account.EmailAddress.email",
            "mfa.Authenticator.data",
            "socialaccount.SocialAccount.extra_data",
            "socialaccount.SocialToken.token",
            "socialaccount.SocialToken.token_secret",
            "admin.LogEntry.object_repr",
        ),
        erase=_accounts_erase,
    ),
)

NOT_PERSONAL = {
    "auth.Group.name": "the name of a role",
    "auth.Permission.name": "the name of a permission, made by Django",
    "auth.Permission.codename": "the code of a permission, made by Django",
    "sessions.Session.session_data": (
        "the account's id and log-in state, no name or address; an erased "
        "account's sessions stop working at once, because its password hash "
        "changes, and expire after SESSION_COOKIE_AGE"
    ),
    "admin.LogEntry.object_id": "the id of the object changed",
    "socialaccount.SocialApp.name": (
        "the name of an eHerkenning broker; the portal configures it from the "
        "environment and stores none (accounts/eherkenning.py)"
    ),
    "socialaccount.SocialApp.settings": "see SocialApp.name",
}
