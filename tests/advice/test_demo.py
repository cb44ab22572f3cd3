import pytest
from django.core.management import call_command

from accounts.models import User
from advice import selectors
from advice.models import Track, TrackNote, TrackStep
from provinces.models import Province
from reporting.figures import figures_for

pytestmark = pytest.mark.django_db


def history_counts():
    return (
        Track.history.count(),
        TrackStep.history.count(),
        TrackNote.history.count(),
    )


def test_limburg_has_three_tracks_in_different_stages_loaded_idempotently():
    call_command("load_demo")
    first = history_counts()
    call_command("load_demo")
    assert history_counts() == first

    limburg = Province.objects.get(code="LI")
    tracks = Track.objects.filter(province=limburg)
    assert sorted(tracks.values_list("status", flat=True)) == [
        "active",
        "applied",
        "finished",
    ]
    paired = tracks.exclude(adviser=None)
    assert {t.adviser.kind for t in paired} == {"adviser"}
    assert all(t.adviser.public_profile.is_public for t in paired)
    # The demo adviser sees the two paired tracks, the entrepreneur his own.
    adviser = User.objects.get(email="adviseur@maasvallei.example")
    assert set(selectors.tracks_for(adviser)) == set(paired)
    entrepreneur = User.objects.get(email="ondernemer@heuvelland.example")
    assert list(
        selectors.tracks_for(entrepreneur).values_list("status", flat=True)
    ) == ["applied"]
    support = figures_for(province=limburg, year=2018).support
    assert (support.tracks_started, support.tracks_finished) == (2, 1)
    assert support.plans_delivered == 1
