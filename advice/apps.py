from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdviceConfig(AppConfig):
    name = "advice"
    verbose_name = _("Advisory tracks")

    def ready(self):
        # Where this app keeps personal data, for every erasure and export.
        from config import personal_data

        from . import scrubbers

        personal_data.register(*scrubbers.SCRUBBERS)
        personal_data.declare_not_personal(scrubbers.NOT_PERSONAL)
        personal_data.register_export("advisory_tracks", scrubbers.tracks_export)
