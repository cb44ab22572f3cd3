"""Mail that lets participants plan around a mission (issue 17, item 5):
the calendar file with the acceptance, the reminder before the start, the
mail when date, place or programme change, and a civil servant's message
to all participants."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from missions import services
from missions.models import MissionMessage
from missions.notifications import (
    NotificationKind,
    notification_key,
    registration_notify,
    reminders_due,
)
from missions.tasks import (
    mission_message_deliver_task,
    mission_reminders_sweep_task,
)
from outbox.models import OutboxMessage, SentMail
from tests.factories import (
    PASSWORD,
    ContactPersonFactory,
    MissionFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db
Kind = NotificationKind


def registration_with_contact(email="info@bedrijf.example", language="nl", **kwargs):
    registration = RegistrationFactory(**kwargs)
    registration.contacts.add(
        ContactPersonFactory(
            organisation=registration.organisation, email=email, language=language
        )
    )
    return registration


# --- the calendar file with the acceptance ----------------------------------


def test_acceptance_mail_links_the_missions_calendar_file(
    mailoutbox, outbox_sends_at_once, settings
):
    settings.PORTAL_URL = "https://export.example.nl"
    registration = registration_with_contact()
    registration_notify(registration_id=registration.pk, kind=Kind.ACCEPTED)
    (message,) = mailoutbox
    ics = reverse("missions:ics", args=[registration.mission_id])
    assert f"https://export.example.nl{ics}" in message.body
    assert "Zet de missie in uw agenda:" in message.body


def test_rejection_mail_has_no_calendar_link(mailoutbox, outbox_sends_at_once):
    registration = registration_with_contact(rejected=True)
    registration_notify(registration_id=registration.pk, kind=Kind.REJECTED)
    assert "agenda.ics" not in mailoutbox[0].body


# --- the reminder -------------------------------------------------------------


def test_reminder_goes_once_to_accepted_participants_within_the_days(
    mailoutbox, outbox_sends_at_once, settings
):
    settings.MISSION_REMINDER_DAYS = 7
    today = timezone.localdate()
    soon = MissionFactory(open=True, start_date=today + timedelta(days=7))
    later = MissionFactory(open=True, start_date=today + timedelta(days=8))
    due = registration_with_contact(mission=soon, email="a@bedrijf.example")
    registration_with_contact(mission=later, email="b@bedrijf.example")
    registration_with_contact(mission=soon, waitlisted=True, email="c@x.example")
    registration_with_contact(mission=soon, withdrawn=True, email="d@x.example")
    assert reminders_due() == [due.pk]
    assert mission_reminders_sweep_task() == 1
    assert mission_reminders_sweep_task() == 0
    (message,) = mailoutbox
    assert message.to == ["a@bedrijf.example"]
    assert message.subject == f"{soon.title} begint binnenkort"
    assert "agenda.ics" in message.body
    assert (
        SentMail.objects.filter(key=notification_key(due.pk, Kind.REMINDER)).count()
        == 1
    )


def test_reminder_days_is_a_setting_and_zero_sends_none(settings):
    today = timezone.localdate()
    mission = MissionFactory(open=True, start_date=today + timedelta(days=10))
    registration = registration_with_contact(mission=mission)
    settings.MISSION_REMINDER_DAYS = 7
    assert reminders_due() == []
    settings.MISSION_REMINDER_DAYS = 14
    assert reminders_due() == [registration.pk]
    settings.MISSION_REMINDER_DAYS = 0
    assert reminders_due() == []


def test_no_reminder_for_cancelled_or_started_missions(settings):
    settings.MISSION_REMINDER_DAYS = 7
    today = timezone.localdate()
    cancelled = MissionFactory(cancelled=True, start_date=today + timedelta(days=3))
    started = MissionFactory(open=True, start_date=today - timedelta(days=1))
    registration_with_contact(mission=cancelled)
    late = registration_with_contact(mission=started)
    assert reminders_due() == []
    # A task that runs late does not remind of what already began.
    assert not registration_notify(registration_id=late.pk, kind=Kind.REMINDER)


def test_reminder_beat_job_is_scheduled(settings):
    schedule = settings.CELERY_BEAT_SCHEDULE["mission-reminders"]
    assert schedule["task"] == "missions.tasks.mission_reminders_sweep_task"


# --- a change of date, place or programme -----------------------------------


def test_changing_the_dates_mails_accepted_participants_once(
    mailoutbox, outbox_sends_at_once, civil_servant
):
    mission = MissionFactory(open=True, province=civil_servant.province)
    registration_with_contact(mission=mission, email="a@bedrijf.example")
    registration_with_contact(
        mission=mission, email="en@bedrijf.example", language="en"
    )
    registration_with_contact(mission=mission, rejected=True, email="r@x.example")
    registration_with_contact(mission=mission, submitted=True, email="s@x.example")
    new_start = mission.start_date + timedelta(days=7)
    services.mission_update(
        mission=mission,
        by=civil_servant,
        start_date=new_start,
        end_date=new_start + timedelta(days=2),
    )
    assert sorted(m.to[0] for m in mailoutbox) == [
        "a@bedrijf.example",
        "en@bedrijf.example",
    ]
    dutch = next(m for m in mailoutbox if m.to == ["a@bedrijf.example"])
    english = next(m for m in mailoutbox if m.to == ["en@bedrijf.example"])
    assert dutch.subject == f"{mission.title} is gewijzigd"
    assert "Gewijzigd: begindatum, einddatum" in dutch.body
    assert f"{new_start.day} " in dutch.body
    assert "agenda.ics" in dutch.body
    assert english.subject == f"{mission.title} has changed"
    assert "Changed: start date, end date" in english.body


def test_changing_place_and_programme_is_mailed_each_time(
    mailoutbox, outbox_sends_at_once, civil_servant
):
    mission = MissionFactory(open=True, province=civil_servant.province)
    registration_with_contact(mission=mission)
    services.mission_update(mission=mission, by=civil_servant, region="Keulen")
    services.mission_update(
        mission=mission, by=civil_servant, description="Dag 1: beurs. Dag 2: bezoek."
    )
    assert len(mailoutbox) == 2
    assert "Keulen" in mailoutbox[0].body
    assert "Dag 1: beurs. Dag 2: bezoek." in mailoutbox[1].body


def test_other_changes_and_drafts_mail_nobody(
    mailoutbox, outbox_sends_at_once, civil_servant
):
    mission = MissionFactory(open=True, province=civil_servant.province)
    registration_with_contact(mission=mission)
    services.mission_update(mission=mission, by=civil_servant, title="Andere titel")
    services.mission_update(mission=mission, by=civil_servant, capacity=20)
    draft = MissionFactory(province=civil_servant.province)
    services.mission_update(mission=draft, by=civil_servant, region="Keulen")
    assert mailoutbox == []


def test_change_mail_job_is_written_with_the_change(civil_servant):
    mission = MissionFactory(open=True, province=civil_servant.province)
    registration_with_contact(mission=mission)
    services.mission_update(mission=mission, by=civil_servant, region="Keulen")
    job = OutboxMessage.objects.get(
        task_name="missions.tasks.mission_changed_notify_task"
    )
    assert job.task_kwargs["fields"] == ["region"]


# --- a civil servant's message to all participants -------------------------


def test_message_goes_once_to_each_accepted_and_attended_contact(
    mailoutbox, outbox_sends_at_once, civil_servant
):
    mission = MissionFactory(open=True, province=civil_servant.province)
    accepted = registration_with_contact(mission=mission, email="a@bedrijf.example")
    # The same person for two organisations gets the message once.
    accepted.contacts.add(
        ContactPersonFactory(organisation=accepted.organisation, email="b@x.example")
    )
    registration_with_contact(mission=mission, attended=True, email="b@x.example")
    registration_with_contact(mission=mission, waitlisted=True, email="w@x.example")
    registration_with_contact(mission=mission, rejected=True, email="r@x.example")
    message = services.mission_message_send(
        mission=mission,
        by=civil_servant,
        subject="Verzamelen op Schiphol",
        body="We verzamelen om 7.00 uur bij vertrekhal 2.",
    )
    assert sorted(m.to[0] for m in mailoutbox) == ["a@bedrijf.example", "b@x.example"]
    assert all(m.subject == "Verzamelen op Schiphol" for m in mailoutbox)
    assert "vertrekhal 2" in mailoutbox[0].body
    # The job runs again (a retried task): nobody gets it twice.
    assert mission_message_deliver_task(message.pk) == 0
    assert len(mailoutbox) == 2
    message.refresh_from_db()
    assert message.recipient_count == 2


def test_message_needs_subject_and_text_and_participants(civil_servant):
    from django.core.exceptions import ValidationError

    mission = MissionFactory(open=True, province=civil_servant.province)
    with pytest.raises(ValidationError):
        services.mission_message_send(
            mission=mission, by=civil_servant, subject=" ", body="Tekst"
        )
    with pytest.raises(ValidationError):
        services.mission_message_send(
            mission=MissionFactory(province=civil_servant.province),
            by=civil_servant,
            subject="Onderwerp",
            body="Tekst",
        )
    assert not MissionMessage.objects.exists()


def login(client, user):
    assert client.login(email=user.email, password=PASSWORD)
    return client


def test_backoffice_form_sends_the_message(
    client, civil_servant, mailoutbox, outbox_sends_at_once
):
    mission = MissionFactory(open=True, province=civil_servant.province)
    registration_with_contact(mission=mission)
    login(client, civil_servant)
    url = reverse("missions_backoffice:message", args=[mission.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "1 geaccepteerde of deelgenomen aanmelding" in page.text
    response = client.post(url, {"subject": "Programma", "body": "Zie bijlage."})
    assert response.status_code == 302
    assert response.url == reverse("missions_backoffice:detail", args=[mission.pk])
    assert len(mailoutbox) == 1
    assert "Programma" in client.get(url).text


def test_backoffice_form_refuses_empty_input_with_400(client, civil_servant):
    mission = MissionFactory(open=True, province=civil_servant.province)
    login(client, civil_servant)
    url = reverse("missions_backoffice:message", args=[mission.pk])
    response = client.post(url, {"subject": "", "body": ""})
    assert response.status_code == 400
    assert not MissionMessage.objects.exists()


def test_backoffice_form_of_another_province_is_not_found(
    client, civil_servant_limburg
):
    mission = MissionFactory(open=True)
    login(client, civil_servant_limburg)
    url = reverse("missions_backoffice:message", args=[mission.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"subject": "x", "body": "y"}).status_code == 404
    assert not MissionMessage.objects.exists()


def test_entrepreneurs_cannot_send_messages(client, sme_user):
    mission = MissionFactory(open=True)
    login(client, sme_user)
    url = reverse("missions_backoffice:message", args=[mission.pk])
    assert client.post(url, {"subject": "x", "body": "y"}).status_code == 403
    assert not MissionMessage.objects.exists()
