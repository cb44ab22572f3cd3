"""Demo data of the advisory tracks: Limburg's MKB-aanpak. Idempotent.

The seeds (003, Zuid-Limburg) describe an advisory function that helps
entrepreneurs with growth and innovation ambitions to a business plan, and
name no advisers, companies or tracks: everything here is made up. The
adviser's and companies' KvK numbers are placeholders (95… and 94…) and
their addresses end in .example. Three tracks in different stages: one
application waiting for the desk, one running (intake and analysis done),
one finished with a business plan and financing, all in 2018, the year of
the € 600.000 decision, so the Limburg 2018 dashboard and report count
them. Two demo accounts let a person try both sides:
ondernemer@heuvelland.example (entrepreneur) and
adviseur@maasvallei.example (adviser), with the demo password.
"""

import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import Role
from participants.demo import MAASVALLEI_KVK
from participants.models import ContactPerson, Organisation
from provinces.models import Province

from .models import Track, TrackNote, TrackStep

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

ADVISER_KVK = MAASVALLEI_KVK
COMPANIES = [
    ("94000002", "Geuldal Metaalwerken BV", "Valkenburg aan de Geul", "6301 AA"),
    ("94000003", "Mergelland Zorgtechniek BV", "Heerlen", "6411 AB"),
]
HEUVELLAND_KVK = "94000001"
# (email, name, KvK number of the organisation they act for)
MEMBERS = [
    ("ondernemer@heuvelland.example", "Sanne Crombach", HEUVELLAND_KVK),
    ("adviseur@maasvallei.example", "Mark Maasvallei", ADVISER_KVK),
]
# As load_demo lists them: (email, name, role, province code).
ACCOUNTS = [(email, name, Role.SME, "LI") for email, name, _kvk in MEMBERS]


def _at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, 10, tzinfo=AMSTERDAM)


def _account(email, name, organisation):
    from allauth.account.models import EmailAddress

    from accounts.demo import DEMO_PASSWORD

    user, created = User.objects.get_or_create(
        email=email, defaults={"name": name, "mfa_exempt": True}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        user.groups.add(Group.objects.get_or_create(name=Role.SME)[0])
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    ContactPerson.objects.get_or_create(
        organisation=organisation,
        user=user,
        defaults={
            "name": name,
            "email": email,
            "is_admin": True,
            "verified_via": ContactPerson.VerifiedVia.ADMINISTRATOR,
        },
    )
    return user


def _track(organisation, applicant, *, ambition, kind, description, created):
    track, made = Track.objects.get_or_create(
        organisation=organisation,
        ambition=ambition,
        defaults={
            "province": organisation.province,
            "applicant": applicant,
            "applicant_name": applicant.name if applicant else "Directie",
            "applicant_email": (
                applicant.email
                if applicant
                else f"directie@{organisation.kvk_number}.example"
            ),
            "language": "nl",
            "kind": kind,
            "description": description,
            "created_at": _at(created),
        },
    )
    return track, made


def _start(track, adviser, desk, *, started, steps):
    track.status = Track.Status.ACTIVE
    track.adviser = adviser
    track.decided_by = desk
    track.decided_at = track.started_at = _at(started)
    track.save()
    for position, kind in enumerate(TrackStep.ORDER, start=1):
        planned, done = steps.get(kind, (None, None))
        TrackStep.objects.create(
            track=track,
            kind=kind,
            position=position,
            planned_on=planned,
            done_on=done,
        )


def load() -> None:
    limburg = Province.objects.get(code="LI")
    # Made by participants.demo, its public profile by showcase.demo.
    adviser = Organisation.objects.get(kvk_number=ADVISER_KVK)
    companies = {}
    for kvk, name, town, postcode in COMPANIES:
        companies[kvk], _created = Organisation.objects.get_or_create(
            kvk_number=kvk,
            defaults={
                "name": name,
                "kind": Organisation.Kind.SME,
                "municipality": town,
                "postcode": postcode,
                "province": limburg,
            },
        )
    heuvelland = Organisation.objects.get(kvk_number=HEUVELLAND_KVK)
    users = {
        kvk: _account(email, name, Organisation.objects.get(kvk_number=kvk))
        for email, name, kvk in MEMBERS
    }
    adviser_user = users[ADVISER_KVK]
    desk = User.objects.filter(email="ambtenaar@limburg.example").first()

    # 1. Waiting for the desk.
    _track(
        heuvelland,
        users[HEUVELLAND_KVK],
        ambition="Een productlijn voor de Duitse supermarkten",
        kind=Track.Kind.GROWTH,
        description=(
            "Wij maken sauzen en dressings voor de horeca. Wij willen ook in "
            "Duitse supermarkten liggen en zoeken hulp bij het plan."
        ),
        created=datetime.date(2018, 11, 20),
    )
    # 2. Running: intake and analysis done, business plan planned.
    track, made = _track(
        companies["94000002"],
        None,
        ambition="Lasrobots voor kleine series",
        kind=Track.Kind.INNOVATION,
        description=(
            "Wij willen kleine series laten lassen door een robot en zoeken "
            "uit of dat rendabel is."
        ),
        created=datetime.date(2018, 9, 3),
    )
    if made:
        _start(
            track,
            adviser,
            desk,
            started=datetime.date(2018, 9, 10),
            steps={
                TrackStep.Kind.INTAKE: (
                    datetime.date(2018, 9, 17),
                    datetime.date(2018, 9, 17),
                ),
                TrackStep.Kind.ANALYSIS: (
                    datetime.date(2018, 10, 15),
                    datetime.date(2018, 10, 29),
                ),
                TrackStep.Kind.BUSINESS_PLAN: (datetime.date(2019, 1, 31), None),
                TrackStep.Kind.CLOSING: (datetime.date(2019, 2, 28), None),
            },
        )
        TrackNote.objects.create(
            track=track,
            text="Analyse klaar: twee robotleveranciers vergeleken, terugverdientijd "
            "ongeveer vier jaar.",
            author=adviser_user,
            author_name=adviser_user.name,
            created_at=_at(datetime.date(2018, 10, 29)),
        )
    # 3. Finished: plan delivered, financing found.
    track, made = _track(
        companies["94000003"],
        None,
        ambition="Groeien met thuiszorgsensoren in België",
        kind=Track.Kind.GROWTH,
        description="Onze sensoren voor thuiszorg ook in Vlaanderen verkopen.",
        created=datetime.date(2018, 7, 2),
    )
    if made:
        done = {
            TrackStep.Kind.INTAKE: datetime.date(2018, 7, 16),
            TrackStep.Kind.ANALYSIS: datetime.date(2018, 8, 27),
            TrackStep.Kind.BUSINESS_PLAN: datetime.date(2018, 10, 22),
            TrackStep.Kind.CLOSING: datetime.date(2018, 11, 12),
        }
        _start(
            track,
            adviser,
            desk,
            started=datetime.date(2018, 7, 9),
            steps={kind: (day, day) for kind, day in done.items()},
        )
        track.status = Track.Status.FINISHED
        track.finished_at = _at(datetime.date(2018, 11, 12))
        track.plan_finished = True
        track.financing_found = True
        track.follow_up = (
            "Lening van een regionaal investeringsfonds; deelname aan een "
            "handelsmissie naar Vlaanderen overwogen."
        )
        track.save()
