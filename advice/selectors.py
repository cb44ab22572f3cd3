"""Reads of the advisory tracks; each page a fixed number of queries.

Who sees which track is decided in ONE place, ``tracks_for(user)``: the
desk pages, the entrepreneur's and the adviser's pages, the document
downloads and the services all start from it.
"""

from django.db.models import Prefetch, Q, QuerySet

from participants.models import Engagement, Organisation
from participants.selectors import engaged_province_ids
from participants.services.organisations import organisations_of_user

from .models import Track, TrackDocument, TrackNote, TrackStep


def tracks_for(user) -> QuerySet[Track]:
    """The tracks `user` may see: administrators all; civil servants those
    of their province; staff of an implementing partner those of the
    provinces that engage their organisation for advisory tracks today; an
    entrepreneur those of his organisations; an adviser those his
    organisation was paired with. Nobody else any."""
    tracks = Track.objects.all()
    if not user.is_authenticated:
        return tracks.none()
    if user.is_administrator:
        return tracks
    scope = Q(pk__in=[])
    if user.is_civil_servant and user.province_id:
        scope |= Q(province_id=user.province_id)
    if user.is_partner and user.partner_id:
        scope |= Q(province_id__in=_advice_provinces(user))
    if user.is_sme:
        own = organisations_of_user(user).values("pk")
        scope |= Q(organisation__in=own) | Q(adviser__in=own)
    return tracks.filter(scope)


def _advice_provinces(user):
    return engaged_province_ids(partner_id=user.partner_id, task=Engagement.Task.ADVICE)


def is_desk_of(user, track: Track) -> bool:
    """Whether `user` decides on the track for its province's desk: its
    civil servants, or the staff of the partner it engages for advice."""
    return user.is_authenticated and (
        user.is_administrator
        or (user.is_civil_servant and user.province_id == track.province_id)
        or (
            user.is_partner
            and user.partner_id is not None
            and _advice_provinces(user).filter(province_id=track.province_id).exists()
        )
    )


def is_adviser_of(user, track: Track) -> bool:
    return (
        track.adviser_id is not None
        and user.is_authenticated
        and user.is_sme
        and organisations_of_user(user).filter(pk=track.adviser_id).exists()
    )


def is_entrepreneur_of(user, track: Track) -> bool:
    return (
        user.is_authenticated
        and user.is_sme
        and organisations_of_user(user).filter(pk=track.organisation_id).exists()
    )


def _listed(tracks):
    return tracks.select_related("province", "organisation", "adviser").order_by(
        "-created_at", "-pk"
    )


def desk_tracks(*, user, status: str = "") -> QuerySet[Track]:
    """The tracks on the desk of the civil servant's province, or of the
    provinces that engage the partner's organisation for advice."""
    tracks = tracks_for(user)
    if user.is_civil_servant and not user.is_administrator:
        tracks = tracks.filter(province_id=user.province_id)
    if status:
        tracks = tracks.filter(status=status)
    return _listed(tracks)


def own_tracks(*, user) -> QuerySet[Track]:
    """The tracks of the user's organisations and those he advises on."""
    return _listed(tracks_for(user))


def track_detail(*, user, pk: int) -> Track:
    """One visible track with its steps, documents and notes (DoesNotExist
    else)."""
    return (
        tracks_for(user)
        .select_related(
            "province", "organisation", "adviser", "adviser__public_profile"
        )
        .prefetch_related(
            Prefetch("steps", queryset=TrackStep.objects.order_by("position")),
            Prefetch(
                "documents",
                queryset=TrackDocument.objects.order_by("-uploaded_at", "-pk"),
            ),
            Prefetch("notes", queryset=TrackNote.objects.order_by("created_at", "pk")),
        )
        .get(pk=pk)
    )


def track_document(*, user, track_pk: int, pk: int) -> TrackDocument:
    """A document of a visible track (DoesNotExist else)."""
    return TrackDocument.objects.select_related("track").get(
        pk=pk, track_id=track_pk, track__in=tracks_for(user)
    )


def advisers():
    """Adviser organisations with a published, not hidden public profile:
    the ones the desk may pair an entrepreneur with."""
    return (
        Organisation.objects.filter(
            kind=Organisation.Kind.ADVISER,
            public_profile__is_published=True,
            public_profile__visibility="visible",
        )
        .select_related("public_profile")
        .order_by("name")
    )
