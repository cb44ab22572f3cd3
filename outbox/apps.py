from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "outbox"
    verbose_name = _("Outbox")

    def ready(self):
        # Erasing a person reaches the mails addressed to him.
        from config import personal_data

        from . import scrubbers

        personal_data.register(*scrubbers.SCRUBBERS)
        personal_data.declare_not_personal(scrubbers.NOT_PERSONAL)
