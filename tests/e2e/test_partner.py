"""Ondernemend Limburg's staff at work on Limburg's information desk.

Limburg engages the partner for its desk; Overijssel does not. Through the
real pages: the partner's desk lists Limburg's questions only, an answer
goes out by e-mail through the outbox, and an Overijssel question is not
found.
"""

from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from desk.models import Question
from desk.services import question_ask
from outbox.models import OutboxMessage
from participants.models import Engagement
from tests.e2e.conftest import login
from tests.factories import (
    EngagementFactory,
    PartnerFactory,
    ProvinceFactory,
    UserFactory,
)


def _ask(province, subject, email):
    return question_ask(
        province=province,
        topic=Question.Topic.EXPORT,
        subject=subject,
        text="Welke steun is er voor een eerste beurs in Duitsland?",
        language="nl",
        name="Ilse Hendriks",
        email=email,
    )


def test_ondernemend_limburg_answers_limburg_questions_and_cannot_open_overijssels(
    page, live_server
):
    limburg = ProvinceFactory(code="LI", name="Limburg")
    overijssel = ProvinceFactory(code="OV", name="Overijssel")
    partner = PartnerFactory(name="Ondernemend Limburg", province=limburg)
    EngagementFactory(province=limburg, partner=partner, task=Engagement.Task.DESK)
    staff = UserFactory(
        partner_staff=True, partner=partner, email="olga@ondernemendlimburg.example"
    )
    beurs = _ask(limburg, "Beurs in Düsseldorf", "ilse@kozijnen.example")
    _ask(limburg, "Lening voor een machine", "tom@metaal.example")
    twente = _ask(overijssel, "Missie naar Polen", "gerrit@bouw.example")
    assert beurs.partner == partner and twente.partner is None

    login(page, staff.email)
    page.get_by_role("link", name="Vraagbaak").first.click()
    page.wait_for_load_state()
    rows = page.locator("main table tbody tr")
    expect(rows).to_have_count(2)
    expect(page.locator("main")).to_contain_text("Beurs in Düsseldorf")
    expect(page.locator("main")).to_contain_text("Lening voor een machine")
    expect(page.locator("main")).not_to_contain_text("Missie naar Polen")

    page.get_by_role("link", name="Beurs in Düsseldorf").click()
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text("Ondernemend Limburg")
    page.locator("#id_answer-answer").fill(
        "U kunt mee op het Nederlandse paviljoen; wij sturen u de voorwaarden."
    )
    page.locator("form:has(input[name=action][value=answer]) [type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text("Beantwoord")

    beurs.refresh_from_db()
    assert beurs.status == Question.Status.ANSWERED
    assert beurs.answered_by == staff
    # In the history with who did it.
    assert beurs.history.latest().history_user == staff
    # The answer went out once, through the outbox, to the asker.
    sent = OutboxMessage.objects.get(
        key__startswith=f"desk:question:{beurs.pk}:closed:"
    )
    assert sent.recipient == "ilse@kozijnen.example"
    assert sent.state == OutboxMessage.State.SENT
    [message] = mail.outbox
    assert message.to == ["ilse@kozijnen.example"]
    assert "Nederlandse paviljoen" in message.body

    # Overijssel's question is not there for the partner: 404.
    response = page.goto(live_server.url + reverse("desk:detail", args=[twente.pk]))
    assert response.status == 404
