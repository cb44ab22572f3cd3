from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    name = "desk"
    verbose_name = _("Information desk")

    def ready(self):
        # Where this app keeps personal data, for every erasure.
        from config import personal_data

        from . import scrubbers

        personal_data.register(*scrubbers.SCRUBBERS)
        personal_data.declare_not_personal(scrubbers.NOT_PERSONAL)
        personal_data.register_export("desk_questions", scrubbers.questions_export)
