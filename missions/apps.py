from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MissionsConfig(AppConfig):
    name = "missions"
    verbose_name = _("Trade missions")

    def ready(self):
        # Where this app keeps personal data, for every erasure, and its
        # part of the download of one's own data (participants.personal_data).
        from config import personal_data

        from . import scrubbers
        from .personal_data import registrations_export

        personal_data.register(*scrubbers.SCRUBBERS)
        personal_data.declare_not_personal(scrubbers.NOT_PERSONAL)
        personal_data.register_organisation_export(
            "registrations", registrations_export
        )
