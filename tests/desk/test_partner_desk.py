"""The desk run by an implementing partner (issue 18, item 1): questions are
routed to the partner a province engages for its desk; its staff see,
assign, answer and refer those only; the province's civil servants still
see everything of their province; every write names who did it."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from desk import selectors, services
from desk.models import Question
from participants.models import Engagement
from tests.factories import (
    PASSWORD,
    EngagementFactory,
    PartnerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
Status = Question.Status


@pytest.fixture
def partner(limburg):
    organisation = PartnerFactory(name="Ondernemend Limburg", province=limburg)
    EngagementFactory(province=limburg, partner=organisation, task=Engagement.Task.DESK)
    return organisation


@pytest.fixture
def staff(partner):
    return UserFactory(partner_staff=True, partner=partner)


def _ask(province, subject="Beurs"):
    return services.question_ask(
        province=province,
        topic=Question.Topic.EXPORT,
        subject=subject,
        text="Welke steun is er?",
        language="nl",
        name="Ilse Hendriks",
        email="ilse@example.org",
    )


def test_a_question_goes_to_the_partner_running_the_provinces_desk(
    limburg, overijssel, partner
):
    assert _ask(limburg).partner == partner
    assert _ask(overijssel).partner is None


def test_an_ended_or_future_engagement_routes_nothing(limburg):
    today = timezone.localdate()
    EngagementFactory(
        province=limburg,
        task=Engagement.Task.DESK,
        since=today - timedelta(days=100),
        until=today - timedelta(days=1),
    )
    EngagementFactory(
        province=limburg, task=Engagement.Task.DESK, since=today + timedelta(days=1)
    )
    # Missions engagements do not run the desk.
    EngagementFactory(province=limburg, task=Engagement.Task.MISSIONS)
    assert _ask(limburg).partner is None


def test_two_partners_cannot_run_one_desk_at_the_same_time(limburg, partner):
    other = Engagement(
        province=limburg,
        partner=PartnerFactory(),
        task=Engagement.Task.DESK,
        since=timezone.localdate(),
    )
    with pytest.raises(ValidationError) as error:
        other.full_clean()
    assert "since" in error.value.message_dict


def test_only_a_partner_organisation_can_be_engaged(limburg):
    from tests.factories import OrganisationFactory

    engagement = Engagement(
        province=limburg,
        partner=OrganisationFactory(),
        task=Engagement.Task.MISSIONS,
        since=timezone.localdate(),
    )
    with pytest.raises(ValidationError) as error:
        engagement.full_clean()
    assert "partner" in error.value.message_dict


def test_partner_staff_see_only_the_questions_routed_to_them(
    client, limburg, overijssel, partner, staff, civil_servant_limburg
):
    routed = _ask(limburg, "Routed")
    kept = Question.objects.create(
        province=limburg,
        topic="export",
        subject="Kept",
        text="x",
        asker_name="A",
        asker_email="a@example.org",
        language="nl",
    )
    elsewhere = _ask(overijssel, "Elsewhere")
    assert list(selectors.desk_questions(user=staff)) == [routed]
    # The province's civil servants see their province's, routed or not.
    assert set(selectors.desk_questions(user=civil_servant_limburg)) == {routed, kept}
    client.login(email=staff.email, password=PASSWORD)
    assert client.get(reverse("desk:detail", args=[routed.pk])).status_code == 200
    assert client.get(reverse("desk:detail", args=[kept.pk])).status_code == 404
    assert client.get(reverse("desk:detail", args=[elsewhere.pk])).status_code == 404
    listed = client.get(reverse("desk:list")).content.decode()
    assert "Routed" in listed and "Kept" not in listed and "Elsewhere" not in listed


def test_when_the_engagement_ends_the_partner_sees_no_more(limburg, partner, staff):
    question = _ask(limburg)
    Engagement.objects.update(
        since=timezone.localdate() - timedelta(days=30),
        until=timezone.localdate() - timedelta(days=1),
    )
    assert not selectors.desk_questions(user=staff).filter(pk=question.pk).exists()


def test_partner_staff_assign_answer_and_the_history_names_them(
    client,
    limburg,
    partner,
    staff,
    civil_servant_limburg,
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    colleague = UserFactory(partner_staff=True, partner=partner)
    stranger = UserFactory(partner_staff=True)  # works for another partner
    question = _ask(limburg)
    assignable = set(services.assignable_users(question))
    assert assignable == {staff, colleague, civil_servant_limburg}
    assert stranger not in assignable

    client.login(email=staff.email, password=PASSWORD)
    detail = reverse("desk:detail", args=[question.pk])
    refused = client.post(detail, {"action": "assign", "assign-assignee": stranger.pk})
    assert refused.status_code == 400
    response = client.post(
        detail, {"action": "assign", "assign-assignee": colleague.pk}
    )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            detail, {"action": "refer", "refer-referral_note": "Adviseur Brightlands"}
        )
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.status, question.assigned_to, question.answered_by) == (
        Status.REFERRED,
        colleague,
        staff,
    )
    assert [m.to for m in mailoutbox] == [["ilse@example.org"]]
    # Both writes are in the history with the partner's staff as author.
    authors = list(
        question.history.order_by("history_date").values_list("history_user", flat=True)
    )
    assert authors[-2:] == [staff.pk, staff.pk]


def test_partner_home_page_counts_open_questions(client, limburg, staff):
    _ask(limburg)
    client.login(email=staff.email, password=PASSWORD)
    page = client.get(reverse("home")).content.decode()
    assert 'id="work-desk"' in page
    assert reverse("desk:list") in page


def test_the_partners_desk_list_runs_a_fixed_number_of_queries(
    client, limburg, staff, django_assert_max_num_queries
):
    for number in range(3):
        _ask(limburg, f"Vraag {number}")
    client.login(email=staff.email, password=PASSWORD)
    url = reverse("desk:list")
    client.get(url)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    for number in range(3, 20):
        _ask(limburg, f"Vraag {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
