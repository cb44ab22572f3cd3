"""The civil servant's daily digest (issue 17, item 1): the home page's work
list by e-mail through the outbox, once a day, only when something waits,
and never to who turned it off."""

import pytest
from django.urls import reverse
from django.utils import timezone

from outbox.models import OutboxMessage
from reporting.digest import civil_servant_digest_send, civil_servant_digests_send
from reporting.tasks import civil_servant_digests_send_task
from tests.factories import RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sign_up(overijssel):
    return RegistrationFactory(submitted=True, mission__province=overijssel)


def test_digest_lists_what_waits_with_links(civil_servant, sign_up, settings):
    settings.PORTAL_URL = "https://portaal.example.nl"
    assert civil_servant_digest_send(user_id=civil_servant.pk) is True
    message = OutboxMessage.objects.get(recipient=civil_servant.email)
    assert "Overijssel" in message.subject
    assert "Aanmeldingen om over te beslissen: 1" in message.body
    assert "https://portaal.example.nl" + reverse("missions_backoffice:list") in (
        message.body
    )
    # Nothing else of the list is mentioned: only what waits.
    assert "Reservemutaties" not in message.body


def test_digest_is_in_the_users_language(overijssel, sign_up):
    user = UserFactory(civil_servant=True, province=overijssel, language="en")
    civil_servant_digest_send(user_id=user.pk)
    body = OutboxMessage.objects.get(recipient=user.email).body
    assert "Sign-ups to decide: 1" in body
    assert "/en/beheer/missies/" in body


def test_nothing_waiting_sends_nothing(civil_servant):
    assert civil_servant_digest_send(user_id=civil_servant.pk) is False
    assert not OutboxMessage.objects.exists()


def test_turned_off_digest_is_not_sent(civil_servant, sign_up):
    civil_servant.daily_digest = False
    civil_servant.save()
    assert civil_servant_digest_send(user_id=civil_servant.pk) is False
    assert not OutboxMessage.objects.exists()


def test_only_civil_servants_of_a_province_get_it(overijssel, sign_up):
    others = [
        UserFactory(portfolio_holder=True, province=overijssel),
        UserFactory(sme=True),
        UserFactory(administrator=True),
        UserFactory(civil_servant=True, province=overijssel, is_active=False),
    ]
    for user in others:
        assert civil_servant_digest_send(user_id=user.pk) is False
    assert not OutboxMessage.objects.exists()


def test_the_daily_job_sends_each_once_a_day(
    civil_servant, civil_servant_limburg, sign_up
):
    """Limburg has nothing waiting; Overijssel's digest is queued once even
    when the job runs twice."""
    assert civil_servant_digests_send_task() == 1
    civil_servant_digests_send()
    assert list(OutboxMessage.objects.values_list("recipient", flat=True)) == [
        civil_servant.email
    ]
    tomorrow = timezone.localdate() + timezone.timedelta(days=1)
    assert civil_servant_digests_send(today=tomorrow) == 1
    assert OutboxMessage.objects.count() == 2


def test_civil_servant_turns_the_digest_off_and_on_from_home(client, civil_servant):
    client.force_login(civil_servant)
    home = client.get(reverse("home")).content.decode()
    assert 'name="daily_digest" id="id_daily_digest" checked' in home
    response = client.post(reverse("digest_preference"), {})
    assert response.status_code == 302
    civil_servant.refresh_from_db()
    assert civil_servant.daily_digest is False
    home = client.get(reverse("home")).content.decode()
    assert 'id="id_daily_digest">' in home
    client.post(reverse("digest_preference"), {"daily_digest": "on"})
    civil_servant.refresh_from_db()
    assert civil_servant.daily_digest is True


def test_other_roles_cannot_change_the_digest(client, portfolio_holder):
    client.force_login(portfolio_holder)
    response = client.post(reverse("digest_preference"), {})
    assert response.status_code == 403
    portfolio_holder.refresh_from_db()
    assert portfolio_holder.daily_digest is True


def test_the_digest_runs_from_beat_every_morning(settings):
    from celery.schedules import crontab

    from config.celery_app import app

    entry = settings.CELERY_BEAT_SCHEDULE["civil-servant-digests"]
    assert entry["task"] in app.tasks
    assert entry["schedule"] == crontab(hour=7, minute=0)
