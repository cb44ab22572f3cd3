"""The public FAQ: the desk publishes an answered question, rewritten
without personal data, on the province's page (issue 18, item 2)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from config.personal_data import Erasure, erase
from desk import services
from desk.models import FaqEntry, Question
from participants.models import Engagement
from tests.factories import PASSWORD, EngagementFactory, PartnerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(limburg, civil_servant_limburg):
    question = services.question_ask(
        province=limburg,
        topic=Question.Topic.FINANCING,
        subject="Lening",
        text="Ik ben Vera Bezoeker van Bakkerij Vera; waar vind ik een lening?",
        language="nl",
        name="Vera Bezoeker",
        email="vera@example.org",
    )
    return services.question_answer(
        question=question,
        answer="Bij de regionale ontwikkelingsmaatschappij.",
        by=civil_servant_limburg,
    )


def test_the_desk_publishes_an_answered_question_on_the_provinces_page(
    client, answered, civil_servant_limburg
):
    client.login(email=civil_servant_limburg.email, password=PASSWORD)
    detail = reverse("desk:detail", args=[answered.pk])
    response = client.post(
        detail,
        {
            "action": "faq",
            "faq-question": "Waar vind ik een lening voor mijn bakkerij?",
            "faq-answer": "Bij de regionale ontwikkelingsmaatschappij.",
        },
    )
    assert response.status_code == 302
    entry = FaqEntry.objects.get()
    assert (entry.province, entry.topic, entry.published_by) == (
        answered.province,
        "financing",
        civil_servant_limburg,
    )
    assert entry.history.get().history_user == civil_servant_limburg
    client.logout()
    page = client.get(reverse("desk:faq_province", args=["li"])).content.decode()
    assert "Waar vind ik een lening voor mijn bakkerij?" in page
    assert "Financiering" in page
    assert "Limburg" in client.get(reverse("desk:faq")).content.decode()
    # Overijssel's page does not show Limburg's questions.
    other = client.get(reverse("desk:faq_province", args=["ov"])).content.decode()
    assert "bakkerij" not in other


def test_a_text_that_still_names_the_asker_is_refused(answered, civil_servant_limburg):
    for text in ("Vraag van Vera over een lening", "Mail vera@example.org"):
        with pytest.raises(ValidationError, match="naam of het e-mailadres"):
            services.faq_entry_publish(
                question=answered,
                faq_question=text,
                faq_answer="Bij de bank.",
                by=civil_servant_limburg,
            )
    assert not FaqEntry.objects.exists()


def test_only_answered_questions_once_and_withdrawn_entries_leave_the_page(
    client, answered, limburg, civil_servant_limburg
):
    open_question = services.question_ask(
        province=limburg,
        topic="other",
        subject="x",
        text="y",
        language="nl",
        name="A B",
        email="a@example.org",
    )
    with pytest.raises(ValidationError):
        services.faq_entry_publish(
            question=open_question, faq_question="q", faq_answer="a", by=None
        )
    entry = services.faq_entry_publish(
        question=answered, faq_question="Lening?", faq_answer="Bij de bank.", by=None
    )
    with pytest.raises(ValidationError):
        services.faq_entry_publish(
            question=answered, faq_question="Again", faq_answer="a", by=None
        )
    client.login(email=civil_servant_limburg.email, password=PASSWORD)
    response = client.post(
        reverse("desk:detail", args=[answered.pk]), {"action": "faq_withdraw"}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.published_at is None
    assert (
        "Lening?"
        not in client.get(reverse("desk:faq_province", args=["li"])).content.decode()
    )


def test_partner_staff_publish_faq_of_questions_they_handle(client, limburg):
    partner = PartnerFactory()
    EngagementFactory(province=limburg, partner=partner, task=Engagement.Task.DESK)
    staff = UserFactory(partner_staff=True, partner=partner)
    question = services.question_ask(
        province=limburg,
        topic="export",
        subject="Beurs",
        text="Steun voor een beurs?",
        language="nl",
        name="Ilse Hendriks",
        email="ilse@example.org",
    )
    services.question_answer(question=question, answer="Ja, via de regeling.", by=staff)
    client.login(email=staff.email, password=PASSWORD)
    response = client.post(
        reverse("desk:detail", args=[question.pk]),
        {"action": "faq", "faq-question": "Steun voor een beurs?", "faq-answer": "Ja."},
    )
    assert response.status_code == 302
    assert FaqEntry.objects.get().published_by == staff


def test_the_faq_outlives_the_askers_erasure(answered):
    entry = services.faq_entry_publish(
        question=answered, faq_question="Lening?", faq_answer="Bij de bank.", by=None
    )
    erase(Erasure.of(emails=["vera@example.org"]))
    entry.refresh_from_db()
    assert (entry.question, entry.answer) == ("Lening?", "Bij de bank.")
    assert entry.published_at is not None


def test_the_faq_page_runs_a_fixed_number_of_queries(
    client, answered, limburg, django_assert_max_num_queries
):
    services.faq_entry_publish(
        question=answered, faq_question="Lening?", faq_answer="Bij de bank.", by=None
    )
    url = reverse("desk:faq_province", args=["li"])
    client.get(url)
    with django_assert_max_num_queries(6):
        client.get(url)
