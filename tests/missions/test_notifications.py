from datetime import date, timedelta

import pytest

from missions.notifications import (
    NotificationKind,
    notification_key,
    registration_notify,
    results_invitations_due,
)
from missions.services.results import add_months
from missions.tasks import registration_notify_task, results_invitations_sweep_task
from outbox.models import SentMail
from tests.factories import (
    ContactPersonFactory,
    MissionFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db
Kind = NotificationKind


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    """Mails leave through the outbox once the transaction commits: run
    what the block queued for after its commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def registration_with_contact(language="nl", **kwargs):
    registration = RegistrationFactory(**kwargs)
    registration.contacts.add(
        ContactPersonFactory(
            organisation=registration.organisation,
            email="info@bedrijf.example",
            language=language,
        )
    )
    return registration


def test_an_email_kind_is_sent_only_once(mailoutbox, after_commit):
    registration = registration_with_contact()
    with after_commit():
        assert registration_notify(registration_id=registration.pk, kind=Kind.ACCEPTED)
        assert not registration_notify(
            registration_id=registration.pk, kind=Kind.ACCEPTED
        )
        registration_notify_task.delay(registration.pk, Kind.ACCEPTED)
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["info@bedrijf.example"]
    assert "U doet mee" in mailoutbox[0].subject
    assert SentMail.objects.get().recipients == "info@bedrijf.example"


def test_email_follows_the_contacts_language(mailoutbox, after_commit):
    registration = registration_with_contact(language="en", waitlisted=True)
    with after_commit():
        registration_notify(registration_id=registration.pk, kind=Kind.WAITLISTED)
    message = mailoutbox[0]
    assert message.subject.startswith("You are on the waiting list")
    assert "position" in message.body
    assert "/en/mijn/" in message.body


def test_rejection_email_contains_the_reason(mailoutbox, after_commit):
    registration = registration_with_contact(rejected=True)
    registration.rejection_reason = "Alleen bedrijven uit Overijssel"
    registration.save()
    with after_commit():
        registration_notify(registration_id=registration.pk, kind=Kind.REJECTED)
    assert "Alleen bedrijven uit Overijssel" in mailoutbox[0].body


def test_old_news_is_not_sent(mailoutbox):
    registration = registration_with_contact(withdrawn=True)
    assert not registration_notify(registration_id=registration.pk, kind=Kind.ACCEPTED)
    assert mailoutbox == []
    assert not SentMail.objects.exists()


def test_without_contacts_the_organisations_users_are_mailed(mailoutbox, after_commit):
    from tests.factories import sme_user_of

    registration = RegistrationFactory()
    user = sme_user_of(registration.organisation)
    with after_commit():
        registration_notify(registration_id=registration.pk, kind=Kind.ACCEPTED)
    assert mailoutbox[0].to == [user.email]


def completed(days_ago):
    end = date.today() - timedelta(days=days_ago)
    mission = MissionFactory(
        completed=True, start_date=end - timedelta(days=2), end_date=end
    )
    return registration_with_contact(mission=mission, attended=True)


def test_sweep_finds_each_due_invitation_once(mailoutbox, after_commit):
    today = date.today()
    six_months = completed((today - add_months(today, -6)).days + 1)
    SentMail.objects.create(key=notification_key(six_months.pk, Kind.RESULTS_AFTER))
    year = completed((today - add_months(today, -12)).days)
    SentMail.objects.create(key=notification_key(year.pk, Kind.RESULTS_AFTER))
    SentMail.objects.create(key=notification_key(year.pk, Kind.RESULTS_6))
    fresh = completed(1)
    assert set(results_invitations_due()) == {
        (six_months.pk, Kind.RESULTS_6),
        (year.pk, Kind.RESULTS_12),
        (fresh.pk, Kind.RESULTS_AFTER),
    }
    with after_commit():
        assert results_invitations_sweep_task() == 3
    assert len(mailoutbox) == 3
    with after_commit():
        assert results_invitations_sweep_task() == 0
    assert len(mailoutbox) == 3


def test_sweep_leaves_missions_of_long_ago_alone():
    completed(3 * 365)
    assert results_invitations_due() == []


def test_sweep_skips_participants_who_did_not_attend():
    registration = completed(1)
    registration.status = "no_show"
    registration.save()
    assert results_invitations_due() == []
