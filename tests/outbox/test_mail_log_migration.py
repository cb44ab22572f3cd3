"""The two old logs of mails sent once (missions.Notification and
participants.ShowcaseMail) move into outbox.SentMail (missions 0008,
participants 0012): every row survives with its key, recipients, languages
and time, and migrating back moves them back."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from missions.notifications import notification_key, reminders_due
from outbox.models import SentMail
from tests.factories import MissionFactory, RegistrationFactory

BEFORE = [
    ("missions", "0007_province_moved_to_provinces"),
    ("participants", "0011_showcase_models_to_showcase_app"),
]
TWO = "a@bedrijf.example, b@bedrijf.example"
LONG_AGO = datetime(2024, 3, 1, 9, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
LATER = datetime(2025, 1, 15, 14, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


def _migrate(targets):
    """Migrate the test database to `targets`; the apps of that state."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def at_the_old_logs(transactional_db):
    """The database before the move; afterwards back at the latest state."""
    try:
        yield _migrate(BEFORE)
    finally:
        _migrate(_latest())


def _old_rows(old_apps, accepted, reminded):
    Notification = old_apps.get_model("missions", "Notification")
    ShowcaseMail = old_apps.get_model("participants", "ShowcaseMail")
    Notification.objects.create(
        registration_id=accepted.pk,
        kind="accepted",
        recipients=TWO,
        language="en, nl",
    )
    Notification.objects.create(
        registration_id=reminded.pk,
        kind="reminder",
        recipients="c@bedrijf.example",
        language="nl",
    )
    ShowcaseMail.objects.create(key="request:7:received", recipients="d@x.example")
    ShowcaseMail.objects.create(key="mission:5:organisation:3", recipients="")
    # auto_now_add on both old models: their times are set afterwards.
    Notification.objects.filter(kind="accepted").update(sent_at=LONG_AGO)
    Notification.objects.filter(kind="reminder").update(sent_at=LATER)
    ShowcaseMail.objects.update(sent_at=LATER)


def test_rows_of_both_old_logs_survive_the_move_and_the_way_back(
    at_the_old_logs, settings
):
    settings.MISSION_REMINDER_DAYS = 7
    soon = MissionFactory(open=True, start_date=timezone.localdate() + timedelta(3))
    accepted = RegistrationFactory(mission=soon)
    reminded = RegistrationFactory(mission=soon)
    _old_rows(at_the_old_logs, accepted, reminded)

    _migrate(_latest())

    rows = SentMail.objects.order_by("key").values_list(
        "key", "recipients", "language", "sent_at"
    )
    assert list(rows) == [
        ("mission:5:organisation:3", "", "", LATER),
        (f"registration:{accepted.pk}:accepted", TWO, "en, nl", LONG_AGO),
        (f"registration:{reminded.pk}:reminder", "c@bedrijf.example", "nl", LATER),
        ("request:7:received", "d@x.example", "", LATER),
    ]
    # The keys are the ones the mails are claimed with, and the due-list's
    # key built in SQL finds the moved reminder: only the other one is due.
    assert notification_key(accepted.pk, "accepted") == rows[1][0]
    assert reminders_due() == [accepted.pk]

    old_apps = _migrate(BEFORE)

    Notification = old_apps.get_model("missions", "Notification")
    ShowcaseMail = old_apps.get_model("participants", "ShowcaseMail")
    assert sorted(
        Notification.objects.values_list(
            "registration_id", "kind", "recipients", "language", "sent_at"
        )
    ) == sorted(
        [
            (accepted.pk, "accepted", TWO, "en, nl", LONG_AGO),
            (reminded.pk, "reminder", "c@bedrijf.example", "nl", LATER),
        ]
    )
    assert sorted(ShowcaseMail.objects.values_list("key", "recipients", "sent_at")) == [
        ("mission:5:organisation:3", "", LATER),
        ("request:7:received", "d@x.example", LATER),
    ]
    assert not SentMail.objects.exists()
