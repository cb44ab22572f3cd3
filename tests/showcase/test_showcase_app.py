"""The showcase as an app of its own (issue 19): what moving it out of
participants and missions must keep working."""

from importlib import import_module
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from accounts.roles import Role, role_has_permission
from config import personal_data
from outbox.models import OutboxMessage
from showcase.personal_data import showcase_export

MOVE = import_module("showcase.migrations.0001_initial")
SCHEMA_EDITOR = SimpleNamespace(connection=connection)

pytestmark = pytest.mark.django_db


def test_the_showcase_adds_its_part_to_the_download_and_a_second_part_is_refused():
    assert personal_data.organisation_export_parts()["showcase"] is showcase_export
    with pytest.raises(ImproperlyConfigured):
        personal_data.register_organisation_export("showcase", lambda orgs: {})


def test_civil_servants_moderate_and_portfolio_holders_only_read_the_showcase():
    assert role_has_permission(Role.CIVIL_SERVANT, "showcase", "change_exportstory")
    assert role_has_permission(Role.PORTFOLIO_HOLDER, "showcase", "view_exportstory")
    assert not role_has_permission(
        Role.PORTFOLIO_HOLDER, "showcase", "change_exportstory"
    )
    assert not role_has_permission(Role.SME, "showcase", "view_exportstory")


def test_moving_takes_the_content_types_with_their_permissions_along():
    """A database of before the move has the models' content types under
    participants; the migration moves them, permissions and all, and back."""
    ContentType.objects.filter(app_label="showcase", model="exportstory").update(
        app_label="participants"
    )
    ContentType.objects.clear_cache()
    moved = ContentType.objects.get(app_label="participants", model="exportstory")
    permissions = set(moved.permission_set.values_list("pk", flat=True))
    assert permissions

    MOVE.content_types_to_showcase(apps, SCHEMA_EDITOR)
    ContentType.objects.clear_cache()
    assert ContentType.objects.get_for_model(apps.get_model("showcase.ExportStory"))
    assert ContentType.objects.get(app_label="showcase", model="exportstory").pk == (
        moved.pk
    )
    assert set(
        Permission.objects.filter(content_type=moved).values_list("pk", flat=True)
    ) == (permissions)

    MOVE.content_types_to_participants(apps, SCHEMA_EDITOR)
    assert ContentType.objects.filter(app_label="participants", model="exportstory")
    ContentType.objects.clear_cache()


def test_jobs_waiting_in_the_outbox_run_the_tasks_at_their_new_place():
    def job(key, task, state):
        return OutboxMessage.objects.create(
            kind="job", key=key, task_name=task, task_kwargs={}, state=state
        )

    waiting = job("a", "participants.tasks.contact_request_notify_task", "pending")
    alert = job("b", "missions.tasks.mission_match_alerts_task", "failed")
    done = job("c", "participants.tasks.moderation_notify_task", "sent")
    other = job("d", "missions.tasks.registration_notify_task", "pending")

    MOVE.jobs_to_showcase(apps, SCHEMA_EDITOR)
    names = dict(OutboxMessage.objects.values_list("key", "task_name"))
    assert names == {
        waiting.key: "showcase.tasks.contact_request_notify_task",
        alert.key: "showcase.tasks.mission_match_alerts_task",
        done.key: "participants.tasks.moderation_notify_task",
        other.key: "missions.tasks.registration_notify_task",
    }
    MOVE.jobs_to_old_places(apps, SCHEMA_EDITOR)
    assert OutboxMessage.objects.get(key="a").task_name == (
        "participants.tasks.contact_request_notify_task"
    )
