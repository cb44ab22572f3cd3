from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import eherkenning  # noqa: F401  (registers its system check)

        # Groups and their permissions follow the models after every migrate.
        post_migrate.connect(_sync_roles, dispatch_uid="accounts.roles_sync")
        # Log-in bookkeeping of the session and the rate limits, not domain
        # logic: allauth announces these steps only by signal.
        from allauth.account.signals import password_reset
        from allauth.mfa.signals import authenticator_added

        from .authentication import (
            clear_failures_on_password_reset,
            record_totp_activation,
        )

        authenticator_added.connect(
            record_totp_activation, dispatch_uid="accounts.totp_activation"
        )
        password_reset.connect(
            clear_failures_on_password_reset, dispatch_uid="accounts.reset_failures"
        )
        # Where accounts (and Django's auth, sessions and admin log) keep
        # personal data, for every erasure.
        from config import personal_data

        from . import scrubbers

        personal_data.register(*scrubbers.SCRUBBERS)
        personal_data.declare_not_personal(scrubbers.NOT_PERSONAL)


def _sync_roles(sender, using="default", **kwargs):
    from django.apps import apps

    from .services import roles_sync

    # Permissions of every app exist once the last app has migrated.
    if sender.name == list(apps.get_app_configs())[-1].name:
        roles_sync(using=using)
