from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipantsConfig(AppConfig):
    name = "participants"
    verbose_name = _("Organisations and contact persons")

    def ready(self):
        # Where this app keeps personal data, for every erasure.
        from config import personal_data

        from . import scrubbers

        personal_data.register(*scrubbers.SCRUBBERS)
        personal_data.declare_not_personal(scrubbers.NOT_PERSONAL)
