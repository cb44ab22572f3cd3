from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvincesConfig(AppConfig):
    name = "provinces"
    verbose_name = _("Provinces")

    def ready(self):
        # Where this app keeps personal data, for every erasure.
        from config import personal_data

        from . import scrubbers

        personal_data.declare_not_personal(scrubbers.NOT_PERSONAL)
