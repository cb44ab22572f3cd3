"""Spam protection of the visitor's question form: a honeypot field and a
limit per address (DESK_VISITOR_QUESTION_RATE)."""

import pytest
from django.urls import reverse

from desk.models import Question
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _visitor_question(limburg, **extra):
    return {
        "province": limburg.pk,
        "topic": "export",
        "subject": "Beurs",
        "text": "Welke steun is er?",
        "name": "Vera Bezoeker",
        "email": "vera@example.org",
        **extra,
    }


def test_the_honeypot_is_hidden_from_people_and_only_asked_of_visitors(
    client, limburg, sme_user
):
    page = client.get(reverse("desk:ask")).content.decode()
    assert '<div class="d-none" aria-hidden="true">' in page
    assert 'name="homepage"' in page
    client.login(email=sme_user.email, password=PASSWORD)
    assert 'name="homepage"' not in client.get(reverse("desk:ask")).content.decode()


def test_a_filled_in_honeypot_is_refused_with_a_message(client, limburg):
    response = client.post(
        reverse("desk:ask"),
        _visitor_question(limburg, homepage="http://cheap-pills.example"),
    )
    assert response.status_code == 400
    assert "kon niet worden verstuurd" in response.content.decode()
    assert not Question.objects.exists()


def test_a_visitor_address_may_ask_only_so_many_questions(client, limburg, settings):
    settings.DESK_VISITOR_QUESTION_RATE = "2/h/ip"
    for _number in range(2):
        response = client.post(reverse("desk:ask"), _visitor_question(limburg))
        assert response.status_code == 302
    response = client.post(reverse("desk:ask"), _visitor_question(limburg))
    assert response.status_code == 429
    assert Question.objects.count() == 2
    # Another address is not held back by this one.
    response = client.post(
        reverse("desk:ask"), _visitor_question(limburg), REMOTE_ADDR="192.0.2.7"
    )
    assert response.status_code == 302


def test_invalid_posts_do_not_use_up_the_limit(client, limburg, settings):
    settings.DESK_VISITOR_QUESTION_RATE = "1/h/ip"
    for _number in range(3):
        response = client.post(
            reverse("desk:ask"), _visitor_question(limburg, email="")
        )
        assert response.status_code == 400
    response = client.post(reverse("desk:ask"), _visitor_question(limburg))
    assert response.status_code == 302


def test_logged_in_askers_are_not_limited_per_address(
    client, limburg, sme_user, settings
):
    settings.DESK_VISITOR_QUESTION_RATE = "1/h/ip"
    client.login(email=sme_user.email, password=PASSWORD)
    for _number in range(3):
        response = client.post(
            reverse("desk:ask"),
            {"province": limburg.pk, "topic": "other", "subject": "x", "text": "y"},
        )
        assert response.status_code == 302
    assert Question.objects.count() == 3
