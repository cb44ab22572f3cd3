"""Erasing an SME user and the retention job leave published figures alone."""

from datetime import timedelta

import pytest
from django.utils import timezone

from missions.tasks import contact_persons_anonymise_task
from participants.models import ContactPerson
from participants.services import ANONYMISED_NAME, user_erase
from reporting.figures import figures_for
from reporting.models import ReportRun
from reporting.services import report_run_request
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _contents(run):
    result = {}
    for name in ReportRun.FILE_FIELDS:
        with getattr(run, name).open("rb") as handle:
            result[name] = handle.read()
    return result


def _figures(data):
    return figures_for(
        province=data.province, year=2016, as_of=timezone.localdate()
    ).to_dict()


@pytest.fixture
def sme_users(data):
    """Every organisation's contact person has an account."""
    users = []
    for contact in ContactPerson.objects.filter(organisation__in=data.organisations):
        user = UserFactory(sme=True, email=f"ondernemer-{contact.pk}@example.test")
        contact.user = user
        contact.save()
        users.append(user)
    return users


@pytest.fixture
def generated(data, sme_users, civil_servant, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run, _created = report_run_request(
            province=data.province, year=2016, requested_by=civil_servant
        )
    run.refresh_from_db()
    assert run.status == ReportRun.Status.SUCCEEDED
    return run


def test_erasing_accounts_changes_neither_the_report_nor_the_figures(
    generated, data, sme_users
):
    frozen, contents, live = generated.figures, _contents(generated), _figures(data)

    for user in sme_users:
        user_erase(user=user)

    assert not ContactPerson.objects.exclude(name=ANONYMISED_NAME).exists()
    generated.refresh_from_db()
    assert generated.figures == frozen
    assert _contents(generated) == contents
    # Live figures too: they count registrations, which stay.
    assert _figures(data) == live


def test_the_retention_job_changes_neither_the_report_nor_the_figures(generated, data):
    frozen, contents, live = generated.figures, _contents(generated), _figures(data)
    long_ago = timezone.now() - timedelta(days=20 * 365)
    ContactPerson.objects.update(created_at=long_ago)
    ContactPerson.history.update(history_date=long_ago)
    from missions.models import MissionResult, Registration

    Registration.objects.update(updated_at=long_ago)
    MissionResult.objects.update(updated_at=long_ago)

    assert contact_persons_anonymise_task() == ContactPerson.objects.count()

    generated.refresh_from_db()
    assert generated.figures == frozen
    assert _contents(generated) == contents
    assert _figures(data) == live
