"""The information desk: asking, the desk's work, the asker's page."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from config.personal_data import Erasure, erase
from desk import services
from desk.models import Question
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
Status = Question.Status


def login(client, user):
    assert client.login(email=user.email, password=PASSWORD)
    return client


def _ask(province, *, user=None, language="nl", **extra):
    values = {
        "province": province,
        "topic": Question.Topic.EXPORT,
        "subject": "Subsidie voor een beurs",
        "text": "Welke steun is er voor een beurs in Duitsland?",
        "language": language,
        "user": user,
        "name": "Bezoeker Jansen",
        "email": "Bezoeker@Example.org",
    }
    values.update(extra)
    return services.question_ask(**values)


def test_entrepreneur_asks_desk_assigns_answers_and_the_mail_goes_once(
    client, sme_user, limburg, django_capture_on_commit_callbacks, mailoutbox
):
    """Ask → assign → answer through the pages; the answer is mailed to the
    asker once, even when the answer is posted a second time."""
    login(client, sme_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("desk:ask"),
            {
                "province": limburg.pk,
                "topic": "financing",
                "subject": "Lening voor groei",
                "text": "Waar vind ik financiering?",
            },
        )
    assert response.status_code == 302
    assert response["Location"] == reverse("desk:mine")
    question = Question.objects.get()
    assert question.province == limburg
    assert question.asked_by == sme_user
    assert question.asker_email == sme_user.email
    assert question.status == Status.NEW

    servant = UserFactory(civil_servant=True, province=limburg)
    colleague = UserFactory(civil_servant=True, province=limburg)
    client.logout()
    login(client, servant)
    detail = reverse("desk:detail", args=[question.pk])
    response = client.post(
        detail, {"action": "assign", "assign-assignee": colleague.pk}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.status, question.assigned_to) == (Status.IN_PROGRESS, colleague)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            detail, {"action": "answer", "answer-answer": "Kijk bij de regeling."}
        )
        again = client.post(
            detail, {"action": "answer", "answer-answer": "Nog een keer."}
        )
    assert response.status_code == 302
    assert again.status_code == 400
    question.refresh_from_db()
    assert question.status == Status.ANSWERED
    assert question.answer == "Kijk bij de regeling."
    assert question.answered_by == servant
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [sme_user.email]
    assert "Kijk bij de regeling." in mailoutbox[0].body
    # Every step is in the history.
    assert question.history.count() == 3

    client.logout()
    login(client, sme_user)
    page = client.get(reverse("desk:mine"))
    assert "Kijk bij de regeling." in page.content.decode()


def test_visitor_asks_with_name_and_address_and_gets_the_referral_in_english(
    client, limburg, civil_servant_limburg, mailoutbox, outbox_sends_at_once
):
    with translation.override("en"):
        url = reverse("desk:ask")
    response = client.post(
        url,
        {
            "province": limburg.pk,
            "topic": "innovation",
            "subject": "Prototype",
            "text": "Who helps with a prototype?",
            "name": "Vera Visitor",
            "email": "vera@example.org",
        },
    )
    assert response.status_code == 302
    question = Question.objects.get()
    assert (question.asked_by, question.asker_name, question.language) == (
        None,
        "Vera Visitor",
        "en",
    )
    question = services.question_refer(
        question=question,
        referral_note="Brightlands adviser X",
        by=civil_servant_limburg,
    )
    assert question.status == Status.REFERRED
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["vera@example.org"]
    assert mailoutbox[0].subject == "Answer to your question: Prototype"
    assert "Brightlands adviser X" in mailoutbox[0].body


def test_visitor_must_leave_name_and_address(client, limburg):
    response = client.post(
        reverse("desk:ask"),
        {"province": limburg.pk, "topic": "other", "subject": "x", "text": "y"},
    )
    assert response.status_code == 400
    assert not Question.objects.exists()


def test_other_province_civil_servant_gets_404_and_portfolio_holder_403(
    client, limburg, civil_servant, portfolio_holder
):
    question = _ask(limburg)
    detail = reverse("desk:detail", args=[question.pk])
    login(client, civil_servant)
    assert client.get(detail).status_code == 404
    post = client.post(detail, {"action": "answer", "answer-answer": "Nee"})
    assert post.status_code == 404
    assert question.subject not in client.get(reverse("desk:list")).content.decode()
    client.logout()
    login(client, portfolio_holder)
    assert client.get(reverse("desk:list")).status_code == 403
    question.refresh_from_db()
    assert question.status == Status.NEW


def test_sme_sees_only_own_questions(client, sme_user, limburg):
    _ask(limburg, subject="Vraag van een ander")
    _ask(limburg, user=sme_user, subject="Mijn eigen vraag")
    login(client, sme_user)
    page = client.get(reverse("desk:mine")).content.decode()
    assert "Mijn eigen vraag" in page
    assert "Vraag van een ander" not in page


def test_assigning_to_a_civil_servant_of_another_province_is_refused(
    limburg, civil_servant, civil_servant_limburg
):
    question = _ask(limburg)
    with pytest.raises(ValidationError):
        services.question_assign(
            question=question, assignee=civil_servant, by=civil_servant_limburg
        )


def test_open_questions_older_than_the_target_are_marked_overdue(
    client, limburg, civil_servant_limburg, settings
):
    settings.DESK_RESPONSE_DAYS = 5
    old = _ask(limburg, subject="Oude vraag")
    Question.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=6)
    )
    fresh = _ask(limburg, subject="Verse vraag")
    answered_old = _ask(limburg, subject="Oud maar beantwoord")
    Question.objects.filter(pk=answered_old.pk).update(
        created_at=timezone.now() - timedelta(days=9)
    )
    services.question_answer(
        question=answered_old, answer="Klaar", by=civil_servant_limburg
    )
    old.refresh_from_db()
    answered_old.refresh_from_db()
    assert old.is_overdue
    assert not fresh.is_overdue
    assert not answered_old.is_overdue

    login(client, civil_servant_limburg)
    page = client.get(reverse("desk:list")).content.decode()
    rows = {
        subject: page.split(subject)[0].rsplit("<tr", 1)[1]
        for subject in ("Oude vraag", "Verse vraag", "Oud maar beantwoord")
    }
    assert "table-warning" in rows["Oude vraag"]
    assert "table-warning" not in rows["Verse vraag"]
    assert "table-warning" not in rows["Oud maar beantwoord"]
    assert page.count("Te laat") == 1


def test_desk_list_takes_a_fixed_number_of_queries(
    client, limburg, civil_servant_limburg
):
    login(client, civil_servant_limburg)
    _ask(limburg)
    client.get(reverse("desk:list"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("desk:list"))
    for _ in range(5):
        question = _ask(limburg)
        services.question_assign(
            question=question,
            assignee=UserFactory(civil_servant=True, province=limburg),
            by=civil_servant_limburg,
        )
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("desk:list"))
    assert len(many) == len(few)


def test_erasure_blanks_visitor_and_account_questions_and_their_history(
    limburg, sme_user
):
    visitor = _ask(limburg, text="Ik ben Jan van Bakkerij Jansen")
    own = _ask(limburg, user=sme_user)
    stays = _ask(limburg, email="iemand@example.org")
    erase(Erasure.of(emails=["bezoeker@example.org"], user_ids=[sme_user.pk]))
    for question in (visitor, own):
        question.refresh_from_db()
        assert question.asker_email == ""
        assert question.text == ""
        assert question.asked_by is None
    assert not Question.history.filter(text__contains="Bakkerij").exists()
    stays.refresh_from_db()
    assert stays.asker_email == "iemand@example.org"


def test_subject_and_name_are_kept_on_one_line_for_the_mail_headers(limburg):
    question = _ask(limburg, subject="Beurs\r\n\r\nSet-Cookie: x=1", name="Jan\nJansen")
    assert question.subject == "Beurs Set-Cookie: x=1"
    assert question.asker_name == "Jan Jansen"


def test_the_download_holds_the_users_questions_asked_logged_in_or_by_address(
    limburg, sme_user, civil_servant_limburg
):
    """Issue 18, item 5: the personal-data download (AVG art. 15 and 20)
    holds the questions the user asked, with the desk's answer."""
    from participants.personal_data import personal_data_export

    own = _ask(limburg, user=sme_user, subject="Beurs in Keulen")
    services.question_answer(
        question=own, answer="Ja, via de collectieve stand.", by=civil_servant_limburg
    )
    _ask(limburg, email=sme_user.email.upper(), subject="Als bezoeker gevraagd")
    _ask(limburg, email="iemand@example.org", subject="Van een ander")
    exported = personal_data_export(user=sme_user)["desk_questions"]
    assert sorted(q["subject"] for q in exported) == [
        "Als bezoeker gevraagd",
        "Beurs in Keulen",
    ]
    assert {q["province"] for q in exported} == {"Limburg"}
    answered = next(q for q in exported if q["subject"] == "Beurs in Keulen")
    assert answered["answer"] == "Ja, via de collectieve stand."
