"""Personal data of the advisory tracks: how it is erased and exported.

Registered in ``AdviceConfig.ready()`` (see config/personal_data.py). A
track is the organisation's, applied for by one of its members: erasing
that person blanks his name and address as applicant and the texts he gave
(the ambition, the description, the desk's reason and the follow-up may
name him and his business), in the track and in its history. Notes he
wrote are blanked and documents he uploaded deleted, file and history
alike. The province, kind, status, dates and result stay, so the figures
(tracks started, finished, plans delivered) stay the same.
"""

from django.db.models import Prefetch, Q

from config.personal_data import Erasure, Scrubber

from .models import Track, TrackDocument, TrackNote, TrackStep

# Stored instead of names and texts. Data, not interface text.
ANONYMISED = "Geanonimiseerd"
_TRACK = {
    "applicant_name": ANONYMISED,
    "applicant_email": "",
    "ambition": ANONYMISED,
    "description": "",
    "decline_reason": "",
    "follow_up": "",
}
_NOTE = {"text": "", "author_name": ANONYMISED}
_DOCUMENT = {"title": ANONYMISED, "file": ""}


def _tracks_erase(erasure: Erasure) -> None:
    match = Q(applicant_id__in=erasure.user_ids)
    if erasure.emails:
        match |= Q(applicant__isnull=True, applicant_email__in=erasure.emails)
    ids = list(Track.objects.filter(match).values_list("pk", flat=True))
    if ids:
        Track.objects.filter(pk__in=ids).update(applicant=None, **_TRACK)
        Track.history.filter(id__in=ids).update(applicant=None, **_TRACK)
    note_ids = list(
        TrackNote.objects.filter(author_id__in=erasure.user_ids).values_list(
            "pk", flat=True
        )
    )
    if note_ids:
        TrackNote.objects.filter(pk__in=note_ids).update(author=None, **_NOTE)
        TrackNote.history.filter(id__in=note_ids).update(author=None, **_NOTE)
    documents = list(TrackDocument.objects.filter(uploaded_by_id__in=erasure.user_ids))
    if documents:
        names = {d.file.name for d in documents if d.file.name}
        names |= set(
            TrackDocument.history.filter(id__in=[d.pk for d in documents])
            .exclude(file="")
            .values_list("file", flat=True)
        )
        storage = TrackDocument._meta.get_field("file").storage
        for name in names:
            storage.delete(name)
        ids = [d.pk for d in documents]
        TrackDocument.objects.filter(pk__in=ids).update(uploaded_by=None, **_DOCUMENT)
        TrackDocument.history.filter(id__in=ids).update(uploaded_by=None, **_DOCUMENT)


SCRUBBERS = (
    Scrubber(
        identifier="advice.tracks",
        description=(
            "Applicants of advisory tracks, their texts, notes and documents, "
            "with their history."
        ),
        fields=tuple(
            f"advice.{model}.{name}"
            for models, names in (
                (("Track", "HistoricalTrack"), _TRACK),
                (("TrackNote", "HistoricalTrackNote"), _NOTE),
                (("TrackDocument", "HistoricalTrackDocument"), _DOCUMENT),
            )
            for model in models
            for name in names
            # The ambition and a document's title are blanked too but are
            # short CharFields, which the sweep of tests/privacy does not
            # count as personal.
            if name not in ("ambition", "title")
        ),
        erase=_tracks_erase,
    ),
)

NOT_PERSONAL: dict[str, str] = {}

_EXPORTED = (
    "kind",
    "ambition",
    "description",
    "status",
    "decline_reason",
    "created_at",
    "decided_at",
    "started_at",
    "finished_at",
    "plan_finished",
    "financing_found",
    "follow_up",
)


def tracks_export(user) -> list[dict]:
    """The tracks the user applied for or of his organisations, with the
    adviser (an organisation), the steps, the documents by title and the
    notes he wrote. Three queries."""
    from participants.services.organisations import organisations_of_user

    tracks = (
        Track.objects.filter(
            Q(applicant=user) | Q(organisation__in=organisations_of_user(user))
        )
        .select_related("organisation", "adviser", "province")
        .prefetch_related(
            Prefetch("steps", queryset=TrackStep.objects.order_by("position")),
            Prefetch(
                "documents", queryset=TrackDocument.objects.order_by("uploaded_at")
            ),
        )
        .order_by("created_at", "pk")
    )
    own_notes: dict[int, list] = {}
    rows = []
    for track in tracks:
        rows.append(track)
        own_notes[track.pk] = []
    for note in TrackNote.objects.filter(author=user, track_id__in=list(own_notes)):
        own_notes[note.track_id].append(
            {"text": note.text, "created_at": note.created_at}
        )
    return [
        {
            "organisation": track.organisation.name,
            "province": track.province.name,
            **{name: getattr(track, name) for name in _EXPORTED},
            "adviser": track.adviser.name if track.adviser_id else "",
            "steps": [
                {
                    "step": step.kind,
                    "planned_on": step.planned_on,
                    "done_on": step.done_on,
                }
                for step in track.steps.all()
            ],
            "documents": [
                {"title": d.title, "uploaded_at": d.uploaded_at}
                for d in track.documents.all()
            ],
            "notes": own_notes[track.pk],
        }
        for track in rows
    ]
