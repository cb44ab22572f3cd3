from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from missions import services
from missions.models import Mission, MissionResult, Registration
from missions.notifications import NotificationKind, notification_key
from outbox.models import SentMail
from tests.factories import (
    MissionFactory,
    OrganisationFactory,
    RegistrationFactory,
    ThemeFactory,
    sme_user_of,
)

pytestmark = pytest.mark.django_db
Status = Registration.Status
TODAY = date.today()


def sign_up(mission, seats=1, organisation=None, **kwargs):
    organisation = organisation or OrganisationFactory(province=mission.province)
    user = sme_user_of(organisation)
    return services.registration_create(
        mission=mission, organisation=organisation, by=user, seats=seats, **kwargs
    )


# --- missions -------------------------------------------------------------


def test_mission_create_starts_as_draft_with_themes(overijssel, civil_servant):
    energy = ThemeFactory(slug="energie-test")
    mission = services.mission_create(
        province=overijssel,
        by=civil_servant,
        themes=[energy],
        title="Energiemissie Turkije",
        country="TR",
        start_date=TODAY,
        end_date=TODAY + timedelta(days=2),
        capacity=12,
    )
    assert mission.status == Mission.Status.DRAFT
    assert list(mission.themes.all()) == [energy]
    assert mission.created_by == civil_servant


def test_mission_create_refuses_end_before_start(overijssel, civil_servant):
    with pytest.raises(ValidationError) as error:
        services.mission_create(
            province=overijssel,
            by=civil_servant,
            title="X",
            country="DE",
            start_date=TODAY,
            end_date=TODAY - timedelta(days=1),
            capacity=5,
        )
    assert "einddatum" in str(error.value.message_dict["end_date"])
    assert not Mission.objects.exists()


def test_mission_create_refuses_max_seats_above_capacity(overijssel, civil_servant):
    with pytest.raises(ValidationError) as error:
        services.mission_create(
            province=overijssel,
            by=civil_servant,
            title="X",
            country="DE",
            start_date=TODAY,
            end_date=TODAY,
            capacity=2,
            max_seats_per_organisation=3,
        )
    assert "max_seats_per_organisation" in error.value.message_dict


def test_mission_create_refuses_unknown_fields(overijssel, civil_servant):
    with pytest.raises(ValidationError):
        services.mission_create(
            province=overijssel, by=civil_servant, status="completed", title="X"
        )


def test_mission_life_cycle_publish_close_complete(civil_servant):
    mission = MissionFactory(past=True, province=civil_servant.province)
    services.mission_publish(mission=mission, by=civil_servant)
    mission.refresh_from_db()
    assert mission.status == Mission.Status.PUBLISHED
    assert mission.published_at
    services.mission_close(mission=mission, by=civil_servant)
    services.mission_complete(mission=mission, by=civil_servant)
    mission.refresh_from_db()
    assert mission.status == Mission.Status.COMPLETED
    assert mission.is_realised


def test_publishing_twice_is_refused(civil_servant):
    mission = MissionFactory(open=True)
    with pytest.raises(ValidationError) as error:
        services.mission_publish(mission=mission, by=civil_servant)
    assert "concept" in error.value.messages[0]


def test_a_future_mission_cannot_be_completed(civil_servant):
    mission = MissionFactory(open=True)
    with pytest.raises(ValidationError):
        services.mission_complete(mission=mission, by=civil_servant)
    mission.refresh_from_db()
    assert mission.status == Mission.Status.PUBLISHED


def test_a_cancelled_mission_cannot_be_completed_or_cancelled_again(civil_servant):
    mission = MissionFactory(cancelled=True, past=True)
    with pytest.raises(ValidationError):
        services.mission_complete(mission=mission, by=civil_servant)
    with pytest.raises(ValidationError):
        services.mission_cancel(mission=mission, by=civil_servant)


def test_cancelling_emails_everyone_still_signed_up(
    civil_servant, mailoutbox, django_capture_on_commit_callbacks
):
    mission = MissionFactory(open=True, capacity=1)
    accepted = sign_up(mission)
    waiting = sign_up(mission)
    withdrawn = sign_up(mission)
    services.registration_withdraw(
        registration=withdrawn, by=withdrawn.organisation.contacts.first().user
    )
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.mission_cancel(mission=mission, by=civil_servant)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        r.organisation.contacts.first().email for r in (accepted, waiting)
    )
    assert all("geannuleerd" in m.subject for m in mailoutbox)


def test_capacity_below_accepted_seats_is_refused(civil_servant):
    mission = MissionFactory(open=True, capacity=4)
    sign_up(mission, seats=2)
    sign_up(mission, seats=2)
    with pytest.raises(ValidationError) as error:
        services.mission_update(mission=mission, by=civil_servant, capacity=3)
    assert "4" in error.value.message_dict["capacity"][0]
    mission.refresh_from_db()
    assert mission.capacity == 4


def test_more_capacity_promotes_from_the_waiting_list(civil_servant):
    mission = MissionFactory(open=True, capacity=1)
    sign_up(mission)
    waiting = sign_up(mission)
    services.mission_update(mission=mission, by=civil_servant, capacity=2)
    waiting.refresh_from_db()
    assert waiting.status == Status.ACCEPTED
    assert waiting.waitlist_position is None


def test_a_completed_mission_only_accepts_highlights(civil_servant):
    mission = MissionFactory(completed=True)
    services.mission_update(
        mission=mission, by=civil_servant, highlights="Twee deals gesloten."
    )
    with pytest.raises(ValidationError):
        services.mission_update(mission=mission, by=civil_servant, capacity=99)
    mission.refresh_from_db()
    assert mission.highlights == "Twee deals gesloten."
    assert mission.capacity == 10


# --- sign-up --------------------------------------------------------------


def test_first_come_sign_up_is_accepted_while_seats_last_then_waitlisted():
    mission = MissionFactory(open=True, capacity=3)
    first = sign_up(mission, seats=2)
    second = sign_up(mission, seats=1)
    third = sign_up(mission, seats=1)
    fourth = sign_up(mission, seats=2)
    assert (first.status, second.status) == (Status.ACCEPTED, Status.ACCEPTED)
    assert (third.status, third.waitlist_position) == (Status.WAITLISTED, 1)
    assert (fourth.status, fourth.waitlist_position) == (Status.WAITLISTED, 2)
    assert services.seats_taken(mission) == 3


def test_sign_up_links_the_signing_user_as_contact():
    mission = MissionFactory(open=True)
    registration = sign_up(mission)
    assert registration.contacts.get().user == registration.registered_by
    assert registration.source == Registration.Source.SELF


def test_review_mission_sign_up_is_submitted():
    mission = MissionFactory(review=True, capacity=2)
    registration = sign_up(mission, seats=2)
    assert registration.status == Status.SUBMITTED
    assert services.seats_taken(mission) == 0


def test_full_review_mission_refuses_sign_up(civil_servant):
    mission = MissionFactory(review=True, capacity=2)
    services.registration_accept(registration=sign_up(mission, 2), by=civil_servant)
    with pytest.raises(ValidationError) as error:
        sign_up(mission, seats=1)
    assert "vol" in error.value.messages[0]
    assert mission.registrations.count() == 1


@pytest.mark.parametrize("trait", ["closed", "completed", "cancelled"])
def test_sign_up_is_refused_unless_published(trait):
    mission = MissionFactory(**{trait: True})
    with pytest.raises(ValidationError) as error:
        sign_up(mission)
    assert "gesloten" in error.value.messages[0]
    assert not mission.registrations.exists()


def test_sign_up_is_refused_outside_the_window():
    now = timezone.now()
    early = MissionFactory(open=True, signup_opens_at=now + timedelta(days=1))
    late = MissionFactory(open=True, signup_closes_at=now - timedelta(hours=1))
    with pytest.raises(ValidationError, match="opent"):
        sign_up(early)
    with pytest.raises(ValidationError, match="gesloten"):
        sign_up(late)


@pytest.mark.parametrize("seats", [0, 3])
def test_sign_up_refuses_seats_outside_one_to_maximum(seats):
    mission = MissionFactory(open=True, max_seats_per_organisation=2)
    with pytest.raises(ValidationError) as error:
        sign_up(mission, seats=seats)
    assert "tussen 1 en 2" in error.value.message_dict["seats"][0]


def test_second_active_sign_up_of_same_organisation_is_refused():
    mission = MissionFactory(open=True)
    first = sign_up(mission)
    with pytest.raises(ValidationError) as error:
        sign_up(mission, organisation=first.organisation)
    assert "al aangemeld" in error.value.messages[0]
    assert mission.registrations.count() == 1


def test_database_refuses_two_active_registrations_of_one_organisation():
    registration = RegistrationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(
            mission=registration.mission,
            organisation=registration.organisation,
            status=Status.SUBMITTED,
        )


def test_after_withdrawing_the_organisation_may_sign_up_again():
    mission = MissionFactory(open=True)
    first = sign_up(mission)
    user = first.organisation.contacts.first().user
    services.registration_withdraw(registration=first, by=user)
    again = services.registration_create(
        mission=mission, organisation=first.organisation, by=user
    )
    assert again.status == Status.ACCEPTED


def test_an_sme_user_cannot_sign_up_another_organisation():
    mission = MissionFactory(open=True)
    other = OrganisationFactory()
    stranger = sme_user_of(OrganisationFactory())
    with pytest.raises(PermissionDenied):
        services.registration_create(mission=mission, organisation=other, by=stranger)
    assert not mission.registrations.exists()


def test_civil_servant_may_add_participants_after_sign_up_closed(civil_servant):
    mission = MissionFactory(closed=True, review=False, approval_mode="review")
    registration = services.registration_create(
        mission=mission,
        organisation=OrganisationFactory(),
        by=civil_servant,
        source=Registration.Source.BACK_OFFICE,
    )
    assert registration.status == Status.ACCEPTED
    assert registration.registered_by == civil_servant


def test_contacts_of_another_organisation_are_refused(civil_servant):
    from tests.factories import ContactPersonFactory

    mission = MissionFactory(open=True)
    with pytest.raises(ValidationError):
        services.registration_create(
            mission=mission,
            organisation=OrganisationFactory(),
            by=civil_servant,
            contacts=[ContactPersonFactory()],
            source=Registration.Source.BACK_OFFICE,
        )


# --- decisions and the waiting list ---------------------------------------


def test_accepting_a_submitted_sign_up(civil_servant):
    mission = MissionFactory(review=True, capacity=2)
    registration = services.registration_accept(
        registration=sign_up(mission, 2), by=civil_servant
    )
    assert registration.status == Status.ACCEPTED
    assert registration.decided_by == civil_servant


def test_accepting_more_seats_than_free_is_refused(civil_servant):
    mission = MissionFactory(open=True, capacity=1)
    sign_up(mission)
    waiting = sign_up(mission)
    with pytest.raises(ValidationError) as error:
        services.registration_accept(registration=waiting, by=civil_servant)
    assert "Niet genoeg plaatsen" in error.value.messages[0]
    waiting.refresh_from_db()
    assert waiting.status == Status.WAITLISTED


def test_promoting_from_the_waiting_list_renumbers_the_rest(civil_servant):
    mission = MissionFactory(open=True, capacity=1)
    sign_up(mission)
    first, second, third = (sign_up(mission) for _ in range(3))
    services.mission_update(mission=mission, by=civil_servant, capacity=5)
    mission.capacity = 5
    assert all(
        r.status == Status.ACCEPTED
        for r in Registration.objects.filter(pk__in=[first.pk, second.pk, third.pk])
    )


def test_civil_servant_moves_one_from_the_waiting_list(civil_servant):
    # Seats that are free while people wait: e.g. after a capacity change
    # made in the admin, which does not promote.
    mission = MissionFactory(open=True, capacity=2, max_seats_per_organisation=2)
    sign_up(mission, seats=1)
    big = RegistrationFactory(
        mission=mission, seats=2, status="waitlisted", waitlist_position=1
    )
    small = RegistrationFactory(
        mission=mission, seats=1, status="waitlisted", waitlist_position=2
    )
    services.registration_accept(registration=small, by=civil_servant)
    big.refresh_from_db()
    assert big.waitlist_position == 1
    small.refresh_from_db()
    assert small.status == Status.ACCEPTED


def test_rejection_needs_a_reason(civil_servant):
    registration = sign_up(MissionFactory(review=True))
    with pytest.raises(ValidationError) as error:
        services.registration_reject(
            registration=registration, by=civil_servant, reason=" "
        )
    assert "reden" in error.value.message_dict["reason"][0]
    registration.refresh_from_db()
    assert registration.status == Status.SUBMITTED


def test_rejecting_an_accepted_registration_promotes_the_next(civil_servant):
    mission = MissionFactory(open=True, capacity=1)
    accepted = sign_up(mission)
    waiting = sign_up(mission)
    services.registration_reject(
        registration=accepted, by=civil_servant, reason="Geen mkb-bedrijf"
    )
    accepted.refresh_from_db()
    waiting.refresh_from_db()
    assert accepted.status == Status.REJECTED
    assert accepted.rejection_reason == "Geen mkb-bedrijf"
    assert waiting.status == Status.ACCEPTED


def test_withdrawal_promotes_first_on_waiting_list_that_fits(
    mailoutbox, django_capture_on_commit_callbacks
):
    mission = MissionFactory(open=True, capacity=2, max_seats_per_organisation=2)
    leaving = sign_up(mission, seats=1)
    sign_up(mission, seats=1)
    too_big = sign_up(mission, seats=2)
    fits = sign_up(mission, seats=1)
    behind = sign_up(mission, seats=1)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_withdraw(
            registration=leaving, by=leaving.organisation.contacts.first().user
        )
    for registration in (leaving, too_big, fits, behind):
        registration.refresh_from_db()
    assert leaving.status == Status.WITHDRAWN
    assert fits.status == Status.ACCEPTED
    assert (too_big.status, too_big.waitlist_position) == (Status.WAITLISTED, 1)
    assert (behind.status, behind.waitlist_position) == (Status.WAITLISTED, 2)
    assert services.seats_taken(mission) == 2
    promoted_mail = [
        m for m in mailoutbox if fits.organisation.contacts.first().email in m.to
    ]
    assert len(promoted_mail) == 1
    assert "plaats vrijgekomen" in promoted_mail[0].subject


def test_withdrawing_from_the_waiting_list_renumbers():
    mission = MissionFactory(open=True, capacity=1)
    sign_up(mission)
    first, second = sign_up(mission), sign_up(mission)
    services.registration_withdraw(
        registration=first, by=first.organisation.contacts.first().user
    )
    second.refresh_from_db()
    assert second.waitlist_position == 1


def test_withdrawing_someone_elses_registration_is_refused():
    registration = sign_up(MissionFactory(open=True))
    stranger = sme_user_of(OrganisationFactory())
    with pytest.raises(PermissionDenied):
        services.registration_withdraw(registration=registration, by=stranger)
    registration.refresh_from_db()
    assert registration.status == Status.ACCEPTED


def test_withdrawing_twice_is_refused():
    registration = sign_up(MissionFactory(open=True))
    user = registration.organisation.contacts.first().user
    services.registration_withdraw(registration=registration, by=user)
    with pytest.raises(ValidationError):
        services.registration_withdraw(registration=registration, by=user)


def test_attendance_is_recorded_for_accepted_registrations(civil_servant):
    registration = RegistrationFactory(mission=MissionFactory(closed=True, past=True))
    services.registration_mark_attendance(
        registration=registration, attended=False, by=civil_servant
    )
    registration.refresh_from_db()
    assert registration.status == Status.NO_SHOW
    services.registration_mark_attendance(
        registration=registration, attended=True, by=civil_servant
    )
    registration.refresh_from_db()
    assert registration.status == Status.ATTENDED


def test_attendance_before_the_mission_starts_is_refused(civil_servant):
    registration = RegistrationFactory()
    with pytest.raises(ValidationError):
        services.registration_mark_attendance(
            registration=registration, attended=True, by=civil_servant
        )


def test_attendance_of_a_waitlisted_registration_is_refused(civil_servant):
    registration = RegistrationFactory(
        waitlisted=True, mission=MissionFactory(closed=True, past=True)
    )
    with pytest.raises(ValidationError):
        services.registration_mark_attendance(
            registration=registration, attended=True, by=civil_servant
        )


# --- results ----------------------------------------------------------------


def completed_registration(days_ago=10):
    mission = MissionFactory(
        completed=True,
        start_date=TODAY - timedelta(days=days_ago + 2),
        end_date=TODAY - timedelta(days=days_ago),
    )
    return RegistrationFactory(mission=mission, attended=True)


def test_results_right_after_can_be_saved_and_corrected(civil_servant):
    registration = completed_registration()
    services.mission_result_save(
        registration=registration,
        moment=MissionResult.Moment.AFTER,
        by=civil_servant,
        meetings=5,
        leads=3,
        deals=2,
        expected_export_turnover="150000",
        satisfaction=9,
    )
    services.mission_result_save(
        registration=registration,
        moment=MissionResult.Moment.AFTER,
        by=civil_servant,
        meetings=6,
        deals=2,
        satisfaction=8,
    )
    result = MissionResult.objects.get()
    assert (result.meetings, result.deals, result.satisfaction) == (6, 2, 8)
    assert result.expected_export_turnover == Decimal("0")


def test_six_month_results_are_not_due_yet(civil_servant):
    registration = completed_registration(days_ago=10)
    assert services.result_moments_due(registration) == ["after"]
    with pytest.raises(ValidationError, match="vanaf"):
        services.mission_result_save(
            registration=registration,
            moment=MissionResult.Moment.MONTHS_6,
            by=civil_servant,
        )


def test_all_moments_are_due_a_year_later():
    registration = completed_registration(days_ago=370)
    assert services.result_moments_due(registration) == [
        "after",
        "6_months",
        "12_months",
    ]


@pytest.mark.parametrize("satisfaction", [0, 11])
def test_satisfaction_outside_one_to_ten_is_refused(civil_servant, satisfaction):
    with pytest.raises(ValidationError):
        services.mission_result_save(
            registration=completed_registration(),
            moment="after",
            by=civil_servant,
            satisfaction=satisfaction,
        )
    assert not MissionResult.objects.exists()


def test_negative_numbers_are_refused(civil_servant):
    with pytest.raises(ValidationError):
        services.mission_result_save(
            registration=completed_registration(),
            moment="after",
            by=civil_servant,
            realised_export_turnover="-5",
        )


def test_results_only_for_attended_registrations(civil_servant):
    registration = completed_registration()
    registration.status = Status.NO_SHOW
    registration.save()
    with pytest.raises(ValidationError):
        services.mission_result_save(
            registration=registration, moment="after", by=civil_servant
        )


def test_database_refuses_satisfaction_out_of_range():
    registration = completed_registration()
    with pytest.raises(IntegrityError), transaction.atomic():
        MissionResult.objects.create(
            registration=registration, moment="after", satisfaction=11
        )


def test_completing_invites_attended_participants(
    civil_servant, mailoutbox, django_capture_on_commit_callbacks
):
    mission = MissionFactory(closed=True, past=True)
    attended = RegistrationFactory(mission=mission, attended=True)
    sme_user_of(attended.organisation)
    RegistrationFactory(mission=mission, status=Status.NO_SHOW)
    with django_capture_on_commit_callbacks(execute=True):
        services.mission_complete(mission=mission, by=civil_servant)
    assert len(mailoutbox) == 1
    assert SentMail.objects.get().key == notification_key(
        attended.pk, NotificationKind.RESULTS_AFTER
    )


def test_sign_up_over_the_de_minimis_ceiling_is_refused(settings):
    settings.DE_MINIMIS_CEILING = Decimal("300000")
    mission = MissionFactory(open=True, province_contribution_per_seat=Decimal("1000"))
    with pytest.raises(ValidationError) as error:
        sign_up(mission, seats=2, de_minimis_aid_received=Decimal("299000"))
    message = error.value.message_dict["de_minimis_aid_received"][0]
    assert "€ 301.000" in message
    assert "€ 300.000" in message
    assert not mission.registrations.exists()
    assert sign_up(mission, seats=1, de_minimis_aid_received=Decimal("299000"))


def test_the_de_minimis_refusal_writes_amounts_dutch_style_in_english_too(
    settings,
):
    """The message uses the portal's one money formatter: Dutch style on an
    English page too, as every other amount on the portal's pages."""
    settings.DE_MINIMIS_CEILING = Decimal("300000")
    mission = MissionFactory(open=True, province_contribution_per_seat=Decimal("1000"))
    with translation.override("en"), pytest.raises(ValidationError) as error:
        sign_up(mission, seats=2, de_minimis_aid_received=Decimal("299000.50"))
    message = error.value.message_dict["de_minimis_aid_received"][0]
    assert "€ 301.000,50" in message
    assert "€ 300.000" in message
