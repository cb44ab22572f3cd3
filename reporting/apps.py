from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = _("Reports and dashboards")

    def ready(self):
        from .dashboard import invalidation

        invalidation.connect()
        # Reports hold no personal data; the fields that look so say why.
        from config import personal_data

        from . import scrubbers

        personal_data.declare_not_personal(scrubbers.NOT_PERSONAL)
        # The prestatie page shows the realised figures the reports count.
        from programmes import realised

        from .figures.realised import realised_for_actions

        realised.register_provider(realised_for_actions)
