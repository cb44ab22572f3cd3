"""Advisory tracks: applying, the desk's decision and pairing, steps,
documents, notes and result; who sees and may do what."""

import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from advice import selectors, services
from advice.models import Track, TrackStep
from outbox.models import OutboxMessage
from participants.models import Organisation
from tests.factories import (
    PASSWORD,
    OrganisationFactory,
    PublicProfileFactory,
    sme_user_of,
)

pytestmark = pytest.mark.django_db
Status = Track.Status
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types><Override ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
    return buffer.getvalue()


def login(client, user):
    assert client.login(email=user.email, password=PASSWORD)
    return client


@pytest.fixture
def entrepreneur_org(limburg):
    return OrganisationFactory(province=limburg, name="Maas Metaal BV")


@pytest.fixture
def entrepreneur(entrepreneur_org):
    return sme_user_of(entrepreneur_org, email="ondernemer@example.org")


@pytest.fixture
def adviser_org(limburg):
    org = OrganisationFactory(
        province=limburg, name="Zuid Advies", kind=Organisation.Kind.ADVISER
    )
    PublicProfileFactory(
        organisation=org, published=True, helps_with="Businessplannen voor groei."
    )
    return org


@pytest.fixture
def adviser(adviser_org):
    return sme_user_of(adviser_org, email="adviseur@example.org")


@pytest.fixture
def desk_li(civil_servant_limburg):
    return civil_servant_limburg


def apply(organisation, user, **extra):
    values = {
        "organisation": organisation,
        "kind": Track.Kind.GROWTH,
        "ambition": "Groeien  in\nDuitsland",
        "description": "Een tweede productielijn.",
        "language": "nl",
        "user": user,
    }
    values.update(extra)
    return services.track_apply(**values)


@pytest.fixture
def applied(entrepreneur_org, entrepreneur):
    return apply(entrepreneur_org, entrepreneur)


@pytest.fixture
def running(applied, adviser_org, adviser, desk_li):
    return services.track_accept(track=applied, adviser=adviser_org, by=desk_li)


# --- applying -----------------------------------------------------------------


def test_an_application_lands_on_the_desk_of_the_organisations_province(
    applied, limburg, entrepreneur
):
    assert applied.province == limburg
    assert applied.status == Status.APPLIED
    assert applied.ambition == "Groeien in Duitsland"
    assert applied.applicant_email == entrepreneur.email
    assert applied.history.count() == 1


def test_nobody_applies_for_an_organisation_he_does_not_act_for(entrepreneur):
    other = OrganisationFactory()
    with pytest.raises(ValidationError) as caught:
        apply(other, entrepreneur)
    assert "organisation" in caught.value.message_dict


def test_an_adviser_organisation_cannot_apply(adviser_org, adviser):
    with pytest.raises(ValidationError):
        apply(adviser_org, adviser)


# --- the desk's decision ------------------------------------------------------


def test_accepting_pairs_starts_four_steps_and_mails_both_sides(
    running, adviser_org, adviser, entrepreneur
):
    assert running.status == Status.ACTIVE
    assert running.adviser == adviser_org
    assert running.started_at is not None
    assert [s.kind for s in running.steps.order_by("position")] == list(TrackStep.ORDER)
    recipients = set(OutboxMessage.objects.values_list("recipient", flat=True))
    assert recipients == {entrepreneur.email, adviser.email}
    mail = OutboxMessage.objects.get(recipient=entrepreneur.email)
    assert "Zuid Advies" in mail.body


def test_an_application_is_decided_once(running, adviser_org, desk_li):
    with pytest.raises(ValidationError):
        services.track_accept(track=running, adviser=adviser_org, by=desk_li)
    with pytest.raises(ValidationError):
        services.track_decline(track=running, reason="Nee", by=desk_li)


def test_only_an_adviser_with_a_published_profile_can_be_paired(applied, desk_li):
    hidden = OrganisationFactory(kind=Organisation.Kind.ADVISER)
    PublicProfileFactory(organisation=hidden)  # not published
    company = OrganisationFactory()
    for organisation in (hidden, company):
        with pytest.raises(ValidationError) as caught:
            services.track_accept(track=applied, adviser=organisation, by=desk_li)
        assert "adviser" in caught.value.message_dict
    applied.refresh_from_db()
    assert applied.status == Status.APPLIED


def test_another_provinces_civil_servant_may_not_decide(
    applied, adviser_org, civil_servant
):
    with pytest.raises(PermissionDenied):
        services.track_accept(track=applied, adviser=adviser_org, by=civil_servant)


def test_declining_needs_a_reason_and_mails_it(applied, desk_li, entrepreneur):
    with pytest.raises(ValidationError):
        services.track_decline(track=applied, reason="  ", by=desk_li)
    track = services.track_decline(
        track=applied, reason="Past niet in de regeling.", by=desk_li
    )
    assert track.status == Status.DECLINED
    mail = OutboxMessage.objects.get(recipient=entrepreneur.email)
    assert "Past niet in de regeling." in mail.body


def test_pairing_with_another_adviser(running, desk_li, limburg):
    other = OrganisationFactory(
        province=limburg, name="Tweede Advies", kind=Organisation.Kind.ADVISER
    )
    PublicProfileFactory(organisation=other, published=True)
    track = services.track_pair(track=running, adviser=other, by=desk_li)
    assert track.adviser == other
    with pytest.raises(ValidationError):
        services.track_pair(track=track, adviser=other, by=desk_li)


# --- steps, documents, notes, result -----------------------------------------


def test_the_adviser_plans_and_ticks_off_steps(running, adviser, entrepreneur):
    step = running.steps.get(kind=TrackStep.Kind.INTAKE)
    today = timezone.localdate()
    step = services.step_update(step=step, planned_on=today, done_on=today, by=adviser)
    assert step.done_on == today
    with pytest.raises(ValidationError):
        services.step_update(
            step=step,
            planned_on=today,
            done_on=today + timezone.timedelta(days=1),
            by=adviser,
        )
    with pytest.raises(PermissionDenied):
        services.step_update(step=step, planned_on=today, done_on=None, by=entrepreneur)


def test_another_adviser_sees_nothing_and_may_do_nothing(running, limburg):
    stranger_org = OrganisationFactory(province=limburg, kind=Organisation.Kind.ADVISER)
    stranger = sme_user_of(stranger_org)
    assert not selectors.tracks_for(stranger).exists()
    with pytest.raises(PermissionDenied):
        services.note_add(track=running, text="Hallo", by=stranger)


def test_entrepreneur_and_adviser_add_notes_and_documents(
    running, entrepreneur, adviser
):
    plan = services.document_add(
        track=running,
        title="Businessplan 2018",
        file=SimpleUploadedFile("plan.pdf", PDF),
        is_business_plan=True,
        by=entrepreneur,
    )
    services.document_add(
        track=running,
        title="Analyse",
        file=SimpleUploadedFile("analyse.docx", docx_bytes()),
        is_business_plan=False,
        by=adviser,
    )
    note = services.note_add(track=running, text="Intake op 3 mei.", by=adviser)
    assert plan.file.read() == PDF
    assert note.author_name
    assert running.documents.count() == 2


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("plan.pdf", b"<html><script>alert(1)</script></html>"),
        ("plan.exe", b"MZ\x00\x00"),
        ("plan.svg", b"<svg onload=alert(1)>"),
        ("plan.docx", b"PK\x03\x04 not a zip"),
    ],
)
def test_a_document_that_is_not_pdf_or_word_is_refused(
    running, entrepreneur, name, content
):
    with pytest.raises(ValidationError):
        services.document_add(
            track=running,
            title="Plan",
            file=SimpleUploadedFile(name, content),
            is_business_plan=True,
            by=entrepreneur,
        )
    assert not running.documents.exists()


def test_a_document_over_the_limit_is_refused(running, entrepreneur, settings):
    settings.UPLOAD_MAX_BYTES = 100
    with pytest.raises(ValidationError):
        services.document_add(
            track=running,
            title="Plan",
            file=SimpleUploadedFile("plan.pdf", PDF + b"x" * 200),
            is_business_plan=True,
            by=entrepreneur,
        )


def test_no_documents_before_the_track_started(applied, entrepreneur):
    with pytest.raises(ValidationError):
        services.note_add(track=applied, text="Vast iets", by=entrepreneur)


def test_finishing_records_the_result(running, adviser, entrepreneur):
    with pytest.raises(PermissionDenied):
        services.track_finish(
            track=running,
            plan_finished=True,
            financing_found=False,
            follow_up="",
            by=entrepreneur,
        )
    track = services.track_finish(
        track=running,
        plan_finished=True,
        financing_found=True,
        follow_up="Lening bij LIOF.",
        by=adviser,
    )
    assert track.status == Status.FINISHED
    assert track.finished_at is not None
    assert track.plan_finished and track.financing_found
    assert track.history.first().history_type == "~"
    with pytest.raises(ValidationError):
        services.track_finish(
            track=track,
            plan_finished=True,
            financing_found=True,
            follow_up="",
            by=adviser,
        )


# --- who sees which track -----------------------------------------------------


def test_tracks_for_each_kind_of_user(
    running, entrepreneur, adviser, desk_li, civil_servant, administrator
):
    assert list(selectors.tracks_for(entrepreneur)) == [running]
    assert list(selectors.tracks_for(adviser)) == [running]
    assert list(selectors.tracks_for(desk_li)) == [running]
    assert not selectors.tracks_for(civil_servant).exists()
    assert list(selectors.tracks_for(administrator)) == [running]


def test_pages_of_the_entrepreneur_and_the_adviser(
    client, running, adviser, entrepreneur
):
    url = reverse("advice:track", args=[running.pk])
    page = login(client, entrepreneur).get(url).content.decode()
    assert "Zuid Advies" in page
    assert "Businessplannen voor groei." in page
    assert "Intake" in page
    assert 'name="document-file"' in page
    assert 'name="step-' not in page  # the entrepreneur does not plan steps
    client.logout()
    page = login(client, adviser).get(url).content.decode()
    assert 'name="step-' in page
    assert 'name="finish-follow_up"' in page


def test_another_provinces_civil_servant_gets_404(client, running, civil_servant):
    login(client, civil_servant)
    assert client.get(reverse("advice:detail", args=[running.pk])).status_code == 404


def test_the_desk_accepts_on_its_page(client, applied, adviser_org, desk_li):
    login(client, desk_li)
    url = reverse("advice:detail", args=[applied.pk])
    page = client.get(url).content.decode()
    assert "Zuid Advies" in page
    response = client.post(url, {"action": "accept", "accept-adviser": adviser_org.pk})
    assert response.status_code == 302
    applied.refresh_from_db()
    assert applied.status == Status.ACTIVE
    # A second decision is refused with a message, not a 500.
    response = client.post(url, {"action": "decline", "decline-reason": "Nee"})
    assert response.status_code == 403


def test_a_bad_upload_on_the_page_is_a_400_with_a_message(
    client, running, entrepreneur
):
    login(client, entrepreneur)
    url = reverse("advice:track", args=[running.pk])
    response = client.post(
        url,
        {
            "action": "document",
            "document-title": "Plan",
            "document-file": SimpleUploadedFile("plan.pdf", b"<html></html>"),
        },
    )
    assert response.status_code == 400
    assert "PDF" in response.content.decode()


def test_the_document_is_served_to_who_sees_the_track(
    client, running, entrepreneur, desk_li, civil_servant
):
    document = services.document_add(
        track=running,
        title="Plan",
        file=SimpleUploadedFile("plan.pdf", PDF),
        is_business_plan=True,
        by=entrepreneur,
    )
    url = reverse("advice:document", args=[running.pk, document.pk])
    login(client, desk_li)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    client.logout()
    login(client, civil_servant)
    assert client.get(url).status_code == 404


def test_the_desk_list_takes_a_fixed_number_of_queries(
    client, desk_li, entrepreneur_org, entrepreneur, django_assert_num_queries
):
    apply(entrepreneur_org, entrepreneur)
    login(client, desk_li)
    url = reverse("advice:list")
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as first:
        client.get(url)
    for _ in range(5):
        apply(entrepreneur_org, entrepreneur)
    with django_assert_num_queries(len(first)):
        client.get(url)


def test_a_portfolio_holder_sees_no_tracks(client, portfolio_holder):
    login(client, portfolio_holder)
    assert client.get(reverse("advice:list")).status_code == 403


def test_the_adviser_ticks_off_a_step_on_the_page(client, running, adviser):
    step = running.steps.get(kind=TrackStep.Kind.INTAKE)
    login(client, adviser)
    url = reverse("advice:track", args=[running.pk])
    response = client.post(
        url,
        {
            "action": f"step-{step.pk}",
            f"step-{step.pk}-planned_on": "2018-09-17",
            f"step-{step.pk}-done_on": "2018-09-18",
        },
    )
    assert response.status_code == 302
    step.refresh_from_db()
    assert step.done_on.isoformat() == "2018-09-18"
    page = client.get(url).content.decode()
    assert 'value="2018-09-17"' in page
    response = client.post(url, {"action": "step-999999"})
    assert response.status_code == 400


# --- implementing partners (issue 18, item 1) ---------------------------------


def test_partner_staff_run_the_tracks_of_a_province_that_engages_them_for_advice(
    applied, adviser_org, limburg, overijssel
):
    from participants.models import Engagement
    from tests.factories import EngagementFactory, UserFactory

    staff = UserFactory(partner_staff=True)
    # Engaged by Limburg for missions only: no tracks, no decisions.
    EngagementFactory(province=limburg, partner=staff.partner)
    assert not selectors.tracks_for(staff).exists()
    with pytest.raises(PermissionDenied):
        services.track_accept(track=applied, adviser=adviser_org, by=staff)

    EngagementFactory(province=overijssel, partner=staff.partner, task="advice")
    assert not selectors.tracks_for(staff).exists()

    EngagementFactory(
        province=limburg, partner=staff.partner, task=Engagement.Task.ADVICE
    )
    assert list(selectors.desk_tracks(user=staff)) == [applied]
    track = services.track_accept(track=applied, adviser=adviser_org, by=staff)
    assert track.status == Status.ACTIVE
