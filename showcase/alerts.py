"""The opt-in e-mail when a mission matching an organisation is published."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from missions.models import Mission
from participants.mail import absolute, mail_once

from .mail import organisation_recipients
from .selectors import profiles_for_mission_alert


def mission_match_alerts(*, mission_id: int) -> int:
    """Mail each organisation that asked for it about a newly published
    mission matching its markets or themes; once per organisation and
    mission. Returns the number of organisations mailed."""
    mission = Mission.objects.select_related("province").filter(pk=mission_id).first()
    if mission is None or mission.status != Mission.Status.PUBLISHED:
        return 0
    sent = 0
    for profile in profiles_for_mission_alert(mission=mission):
        organisation = profile.organisation

        def render(organisation=organisation):
            context = {
                "mission": mission,
                "organisation": organisation,
                "mission_url": absolute(mission.get_absolute_url()),
                "showcase_url": absolute(reverse("mine_showcase:index")),
                "site_name": settings.SITE_NAME,
            }
            subject = _("A trade mission that matches you: %(mission)s") % {
                "mission": mission.title
            }
            return subject, render_to_string("showcase/email/match.txt", context)

        if mail_once(
            key=f"mission:{mission.pk}:organisation:{organisation.pk}",
            recipients=organisation_recipients(organisation),
            render=render,
        ):
            sent += 1
    return sent
