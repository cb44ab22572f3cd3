"""Advisory tracks in the personal-data download and the erasure (AVG):
the person's data goes, the figures stay."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from advice import services
from advice.models import Track, TrackDocument, TrackNote
from participants.models import Organisation
from participants.personal_data import personal_data_export
from participants.services import user_erase
from reporting.figures import figures_for
from tests.factories import OrganisationFactory, PublicProfileFactory, sme_user_of

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def running(limburg, civil_servant_limburg):
    company = OrganisationFactory(province=limburg, name="Maas BV")
    entrepreneur = sme_user_of(company, email="petra@maas.example")
    adviser = OrganisationFactory(province=limburg, kind=Organisation.Kind.ADVISER)
    PublicProfileFactory(organisation=adviser, published=True)
    adviser_user = sme_user_of(adviser, email="adviseur@advies.example")
    track = services.track_apply(
        organisation=company,
        kind="growth",
        ambition="Petra's groeiplan",
        description="Petra wil groeien in België.",
        language="nl",
        user=entrepreneur,
    )
    track = services.track_accept(
        track=track, adviser=adviser, by=civil_servant_limburg
    )
    services.note_add(track=track, text="Petra belt dinsdag.", by=entrepreneur)
    services.note_add(track=track, text="Analyse gestart.", by=adviser_user)
    services.document_add(
        track=track,
        title="Plan van Petra",
        file=SimpleUploadedFile("plan.pdf", PDF),
        is_business_plan=True,
        by=entrepreneur,
    )
    track = services.track_finish(
        track=track,
        plan_finished=True,
        financing_found=False,
        follow_up="Petra gaat naar de bank.",
        by=adviser_user,
    )
    return track, entrepreneur


def test_the_download_holds_the_users_tracks_and_his_own_notes(
    running, django_assert_num_queries
):
    track, entrepreneur = running
    with CaptureQueriesContext(connection) as first:
        personal_data_export(user=entrepreneur)
    for number in range(3):
        more = services.track_apply(
            organisation=track.organisation,
            kind="innovation",
            ambition=f"Nog een plan {number}",
            description="Meer.",
            language="nl",
            user=entrepreneur,
        )
        TrackNote.objects.create(
            track=more, text="Notitie", author=entrepreneur, author_name="P"
        )
    # The same queries for more tracks: the tracks, their steps, their
    # documents and the user's notes.
    with django_assert_num_queries(len(first)):
        data = personal_data_export(user=entrepreneur)
    assert len(data["advisory_tracks"]) == 4
    data["advisory_tracks"] = data["advisory_tracks"][:1]
    [exported] = data["advisory_tracks"]
    assert exported["ambition"] == "Petra's groeiplan"
    assert exported["adviser"] == track.adviser.name
    assert [s["step"] for s in exported["steps"]][0] == "intake"
    assert exported["documents"][0]["title"] == "Plan van Petra"
    assert [n["text"] for n in exported["notes"]] == ["Petra belt dinsdag."]


def test_erasing_the_entrepreneur_blanks_his_data_and_keeps_the_figures(
    running, limburg
):
    track, entrepreneur = running
    year = track.finished_at.year
    before = figures_for(province=limburg, year=year).support
    document = track.documents.get()
    storage = document.file.storage
    name = document.file.name
    assert storage.exists(name)

    user_erase(user=entrepreneur)

    track = Track.objects.get(pk=track.pk)
    assert track.applicant is None
    assert track.applicant_email == ""
    assert "Petra" not in track.ambition + track.description + track.follow_up
    for row in Track.history.filter(id=track.pk):
        assert "Petra" not in row.ambition + row.description + row.applicant_name
    assert not TrackNote.objects.filter(text__contains="Petra").exists()
    assert not TrackNote.history.filter(text__contains="Petra").exists()
    # The adviser's note is his, not the entrepreneur's: it stays.
    assert TrackNote.objects.filter(text="Analyse gestart.").exists()
    assert not storage.exists(name)
    assert not TrackDocument.history.filter(file=name).exists()
    assert track.status == Track.Status.FINISHED and track.plan_finished
    assert figures_for(province=limburg, year=year).support == before
