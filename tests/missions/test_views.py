from datetime import date, timedelta

import pytest
from django.urls import reverse

from missions.models import Mission, MissionResult, Registration
from participants.models import Organisation
from tests.factories import (
    PASSWORD,
    MissionFactory,
    OrganisationFactory,
    RegistrationFactory,
    ThemeFactory,
    UserFactory,
    sme_user_of,
)

pytestmark = pytest.mark.django_db
Status = Registration.Status


def login(client, user):
    assert client.login(email=user.email, password=PASSWORD)
    return client


# --- public calendar ------------------------------------------------------


def test_calendar_shows_upcoming_published_missions_without_login(client):
    published = MissionFactory(open=True, title="Naar Hannover")
    MissionFactory(title="Nog een concept")
    MissionFactory(completed=True, title="Al geweest")
    response = client.get(reverse("missions:calendar"))
    assert response.status_code == 200
    assert list(response.context["missions"]) == [published]
    assert "Nog een concept" not in response.text


def test_calendar_filters_by_country_theme_and_month(client):
    energy = ThemeFactory(slug="energy-x")
    start = date.today() + timedelta(days=40)
    turkey = MissionFactory(open=True, country="TR", start_date=start)
    turkey.themes.add(energy)
    germany = MissionFactory(open=True, country="DE", start_date=start)
    url = reverse("missions:calendar")
    assert list(client.get(url, {"country": "TR"}).context["missions"]) == [turkey]
    assert list(client.get(url, {"theme": "energy-x"}).context["missions"]) == [turkey]
    month = start.strftime("%Y-%m")
    assert set(client.get(url, {"month": month}).context["missions"]) == {
        turkey,
        germany,
    }
    other_month = (start + timedelta(days=62)).strftime("%Y-%m")
    assert list(client.get(url, {"month": other_month}).context["missions"]) == []


def test_calendar_runs_the_same_number_of_queries_for_more_missions(
    client, django_assert_max_num_queries
):
    def make(count):
        for _ in range(count):
            mission = MissionFactory(open=True)
            mission.themes.add(ThemeFactory())
            RegistrationFactory(mission=mission)

    make(2)
    url = reverse("missions:calendar")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url)
    make(10)
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)


def test_draft_mission_page_is_not_found(client):
    assert (
        client.get(reverse("missions:detail", args=[MissionFactory().pk])).status_code
        == 404
    )


def test_published_mission_page_has_a_sign_up_button(client):
    mission = MissionFactory(open=True)
    response = client.get(reverse("missions:detail", args=[mission.pk]))
    assert response.status_code == 200
    assert reverse("missions:signup", args=[mission.pk]) in response.text


# --- sign-up --------------------------------------------------------------


def test_sign_up_needs_login(client):
    mission = MissionFactory(open=True)
    response = client.get(reverse("missions:signup", args=[mission.pk]))
    assert response.status_code == 302
    assert "login" in response.url


def test_sign_up_without_organisation_asks_for_the_profile_first(client):
    mission = MissionFactory(open=True)
    login(client, UserFactory(sme=True))
    response = client.get(reverse("missions:signup", args=[mission.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mine:organisation"))


def test_sme_signs_up_and_is_told_at_once(client, sme_user, organisation):
    mission = MissionFactory(open=True, capacity=2)
    login(client, sme_user)
    response = client.post(
        reverse("missions:signup", args=[mission.pk]),
        {
            "organisation": organisation.pk,
            "seats": 2,
            "de_minimis_declared": "on",
            "de_minimis_aid_received": "0",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "U bent aangemeld" in response.text
    registration = Registration.objects.get()
    assert (registration.status, registration.seats) == (Status.ACCEPTED, 2)


def test_sme_on_a_full_mission_hears_its_waiting_list_position(
    client, sme_user, organisation
):
    mission = MissionFactory(open=True, capacity=1)
    RegistrationFactory(mission=mission)
    login(client, sme_user)
    response = client.post(
        reverse("missions:signup", args=[mission.pk]),
        {
            "organisation": organisation.pk,
            "seats": 1,
            "de_minimis_declared": "on",
            "de_minimis_aid_received": "0",
        },
        follow=True,
    )
    assert "wachtlijst op plaats 1" in response.text


def test_sign_up_with_too_many_seats_is_a_400(client, sme_user, organisation):
    mission = MissionFactory(open=True, max_seats_per_organisation=1)
    login(client, sme_user)
    response = client.post(
        reverse("missions:signup", args=[mission.pk]),
        {
            "organisation": organisation.pk,
            "seats": 3,
            "de_minimis_declared": "on",
            "de_minimis_aid_received": "0",
        },
    )
    assert response.status_code == 400
    assert not Registration.objects.exists()
    # The form comes back with the free seats, as on the first view.
    assert f"Er zijn {mission.capacity} plaatsen vrij" in response.content.decode()


def test_second_sign_up_is_a_400_with_a_message(client, sme_user, organisation):
    mission = MissionFactory(open=True)
    RegistrationFactory(mission=mission, organisation=organisation)
    login(client, sme_user)
    response = client.post(
        reverse("missions:signup", args=[mission.pk]),
        {
            "organisation": organisation.pk,
            "seats": 1,
            "de_minimis_declared": "on",
            "de_minimis_aid_received": "0",
        },
    )
    assert response.status_code == 400
    assert "al aangemeld" in response.text


def test_sme_cannot_sign_up_another_organisation(client, sme_user):
    mission = MissionFactory(open=True)
    other = OrganisationFactory()
    login(client, sme_user)
    response = client.post(
        reverse("missions:signup", args=[mission.pk]),
        {
            "organisation": other.pk,
            "seats": 1,
            "de_minimis_declared": "on",
            "de_minimis_aid_received": "0",
        },
    )
    assert response.status_code == 400
    assert not Registration.objects.exists()


# --- /mijn/ -----------------------------------------------------------------


def test_mine_lists_only_own_registrations(client, sme_user, organisation):
    own = RegistrationFactory(organisation=organisation)
    other = RegistrationFactory()
    login(client, sme_user)
    response = client.get(reverse("mine:index"))
    assert list(response.context["registrations"]) == [own]
    assert other.mission.title not in response.text


def test_withdrawing_another_organisations_registration_is_404(client, sme_user):
    other = RegistrationFactory()
    login(client, sme_user)
    url = reverse("mine:withdraw", args=[other.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    other.refresh_from_db()
    assert other.status == Status.ACCEPTED


def test_withdrawal_promotes_the_next_and_emails_them(
    client, sme_user, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    mission = MissionFactory(open=True, capacity=1)
    own = RegistrationFactory(mission=mission, organisation=organisation)
    waiting = RegistrationFactory(mission=mission, waitlisted=True, waitlist_position=1)
    waiting_user = sme_user_of(waiting.organisation)
    login(client, sme_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("mine:withdraw", args=[own.pk]))
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == Status.ACCEPTED
    promoted = [m for m in mailoutbox if waiting_user.email in m.to]
    assert len(promoted) == 1


def test_profile_with_a_known_kvk_asks_to_join_that_organisation(client):
    known = OrganisationFactory(kvk_number="06012345")
    user = UserFactory(sme=True)
    login(client, user)
    response = client.post(
        reverse("mine:organisation"),
        {
            "kvk_number": "06012345",
            "name": "Dubbel BV",
            "kind": "sme",
            "export_experience": "none",
        },
    )
    assert response.status_code == 302
    assert Organisation.objects.count() == 1
    # A request, not a membership (issue 14): the organisation's admin or
    # province decides.
    assert not known.contacts.exists()
    assert known.membership_requests.get().user == user


def test_profile_with_an_invalid_kvk_is_a_400(client):
    login(client, UserFactory(sme=True))
    response = client.post(
        reverse("mine:organisation"),
        {"kvk_number": "12ab", "name": "X", "kind": "sme", "export_experience": "none"},
    )
    assert response.status_code == 400
    assert "8 cijfers" in response.text
    assert not Organisation.objects.exists()


def test_profile_of_another_organisation_is_404(client, sme_user):
    login(client, sme_user)
    other = OrganisationFactory()
    response = client.get(reverse("mine:organisation_edit", args=[other.pk]))
    assert response.status_code == 404


def test_results_form_opens_when_due_and_saves(client, sme_user, organisation):
    mission = MissionFactory(completed=True)
    registration = RegistrationFactory(
        mission=mission, organisation=organisation, attended=True
    )
    login(client, sme_user)
    url = reverse("mine:results", args=[registration.pk, "after"])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "meetings": 4,
            "leads": 2,
            "deals": 1,
            "expected_export_turnover": "50000",
            "realised_export_turnover": "0",
            "satisfaction": 8,
        },
    )
    assert response.status_code == 302
    assert MissionResult.objects.get().deals == 1
    not_due = reverse("mine:results", args=[registration.pk, "6_months"])
    assert client.get(not_due).status_code == 404


# --- back office ----------------------------------------------------------


def test_back_office_needs_a_civil_servant(client, sme_user):
    url = reverse("missions_backoffice:list")
    assert client.get(url).status_code == 302
    login(client, sme_user)
    assert client.get(url).status_code == 403


def test_back_office_of_another_province_is_404(client, civil_servant_limburg):
    mission = MissionFactory(open=True)
    registration = RegistrationFactory(mission=mission)
    login(client, civil_servant_limburg)
    for url in (
        reverse("missions_backoffice:detail", args=[mission.pk]),
        reverse("missions_backoffice:edit", args=[mission.pk]),
        reverse("missions_backoffice:register", args=[mission.pk]),
        reverse("missions_backoffice:export", args=[mission.pk, "xlsx"]),
        reverse("missions_backoffice:import", args=[mission.pk]),
        reverse("missions_backoffice:reject", args=[registration.pk]),
    ):
        assert client.get(url).status_code == 404, url
    response = client.post(
        reverse("missions_backoffice:transition", args=[mission.pk, "cancel"])
    )
    assert response.status_code == 404
    response = client.post(
        reverse(
            "missions_backoffice:registration_action",
            args=[registration.pk, "withdraw"],
        )
    )
    assert response.status_code == 404
    mission.refresh_from_db()
    assert mission.status == Mission.Status.PUBLISHED


def test_back_office_list_shows_own_province_with_constant_queries(
    client, civil_servant
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def make(count):
        for _ in range(count):
            mission = MissionFactory(province=civil_servant.province)
            RegistrationFactory(mission=mission)

    make(2)
    MissionFactory(title="Limburgse missie")
    login(client, civil_servant)
    url = reverse("missions_backoffice:list")
    with CaptureQueriesContext(connection) as small:
        response = client.get(url)
    assert "Limburgse missie" not in response.text
    make(10)
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)


def test_back_office_mission_page_queries_are_constant(client, civil_servant):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    mission = MissionFactory(province=civil_servant.province, open=True, capacity=50)
    for _ in range(2):
        sme_user_of(RegistrationFactory(mission=mission).organisation)
    login(client, civil_servant)
    url = reverse("missions_backoffice:detail", args=[mission.pk])
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for _ in range(10):
        registration = RegistrationFactory(mission=mission)
        sme_user_of(registration.organisation)
        registration.contacts.set(registration.organisation.contacts.all())
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large) == len(small)


def test_back_office_mission_page_shows_registrations_fifty_at_a_time(
    client, civil_servant
):
    mission = MissionFactory(province=civil_servant.province, open=True, capacity=80)
    registrations = [RegistrationFactory(mission=mission) for _ in range(55)]
    login(client, civil_servant)
    url = reverse("missions_backoffice:detail", args=[mission.pk])

    first = client.get(url)
    second = client.get(url, {"page": 2})
    beyond = client.get(url, {"page": "nine"})

    names = [r.organisation.kvk_number for r in registrations]
    on_first = [n for n in names if n in first.text]
    on_second = [n for n in names if n in second.text]
    assert len(on_first) == 50
    assert sorted(on_first + on_second) == sorted(names)
    assert "1 / 2" in first.text and "page=2" in first.text
    assert beyond.status_code == 200


def test_civil_servant_creates_and_publishes_a_mission(client, civil_servant):
    login(client, civil_servant)
    start = date.today() + timedelta(days=60)
    response = client.post(
        reverse("missions_backoffice:create"),
        {
            "title": "Handelsmissie Polen",
            "direction": "outgoing",
            "country": "PL",
            "start_date": start.isoformat(),
            "end_date": (start + timedelta(days=3)).isoformat(),
            "format": "physical",
            "capacity": 15,
            "max_seats_per_organisation": 2,
            "participation_fee": "250",
            "province_contribution_per_seat": "500",
            "approval_mode": "first_come",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    mission = Mission.objects.get()
    assert mission.province == civil_servant.province
    response = client.post(
        reverse("missions_backoffice:transition", args=[mission.pk, "publish"])
    )
    assert response.status_code == 302
    mission.refresh_from_db()
    assert mission.status == Mission.Status.PUBLISHED


def test_mission_form_refuses_end_before_start_with_400(client, civil_servant):
    login(client, civil_servant)
    response = client.post(
        reverse("missions_backoffice:create"),
        {
            "title": "X",
            "direction": "outgoing",
            "country": "PL",
            "start_date": "2030-05-10",
            "end_date": "2030-05-01",
            "format": "physical",
            "capacity": 15,
            "max_seats_per_organisation": 2,
            "participation_fee": "0",
            "province_contribution_per_seat": "0",
            "approval_mode": "first_come",
        },
    )
    assert response.status_code == 400
    assert "einddatum" in response.text
    assert not Mission.objects.exists()


def test_capacity_below_accepted_seats_is_a_400(client, civil_servant):
    mission = MissionFactory(province=civil_servant.province, open=True, capacity=3)
    RegistrationFactory(mission=mission, seats=2)
    login(client, civil_servant)
    data = {
        "title": mission.title,
        "direction": "outgoing",
        "country": "DE",
        "start_date": mission.start_date.isoformat(),
        "end_date": mission.end_date.isoformat(),
        "format": "physical",
        "capacity": 1,
        "max_seats_per_organisation": 1,
        "participation_fee": "0",
        "province_contribution_per_seat": "0",
        "approval_mode": "first_come",
    }
    response = client.post(reverse("missions_backoffice:edit", args=[mission.pk]), data)
    assert response.status_code == 400
    assert "al zijn toegekend" in response.text
    mission.refresh_from_db()
    assert mission.capacity == 3


def test_refused_transition_is_a_400_with_the_reason(client, civil_servant):
    mission = MissionFactory(province=civil_servant.province, open=True)
    login(client, civil_servant)
    response = client.post(
        reverse("missions_backoffice:transition", args=[mission.pk, "complete"])
    )
    assert response.status_code == 400
    assert "pas worden afgerond" in response.text


def test_civil_servant_adds_a_participant_by_kvk(client, civil_servant):
    mission = MissionFactory(province=civil_servant.province, open=True)
    known = OrganisationFactory(kvk_number="06012345", name="Bouman Industries")
    login(client, civil_servant)
    # Bouman is of another province: its whole number finds it, a part not.
    search = client.get(
        reverse("missions_backoffice:register", args=[mission.pk]),
        {"q": "06012345"},
    )
    assert "Bouman Industries" in search.text
    search = client.get(
        reverse("missions_backoffice:register", args=[mission.pk]), {"q": "0601"}
    )
    assert "Bouman Industries" not in search.text
    response = client.post(
        reverse("missions_backoffice:register", args=[mission.pk]),
        {
            "kvk_number": "06012345",
            "seats": 1,
            "contact_name": "Bart",
            "contact_email": "bart@bouman.example",
        },
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.organisation == known
    assert registration.source == Registration.Source.BACK_OFFICE
    assert registration.contacts.get().email == "bart@bouman.example"


def test_civil_servant_adds_a_new_company(client, civil_servant):
    mission = MissionFactory(province=civil_servant.province, open=True)
    login(client, civil_servant)
    url = reverse("missions_backoffice:register", args=[mission.pk])
    response = client.post(url, {"kvk_number": "87654321", "seats": 1})
    assert response.status_code == 400
    assert not Organisation.objects.exists()
    response = client.post(
        url, {"kvk_number": "87654321", "name": "Nieuw BV", "seats": 1}
    )
    assert response.status_code == 302
    assert Organisation.objects.get().name == "Nieuw BV"


def test_bad_kvk_in_back_office_is_a_400(client, civil_servant):
    mission = MissionFactory(province=civil_servant.province, open=True)
    login(client, civil_servant)
    response = client.post(
        reverse("missions_backoffice:register", args=[mission.pk]),
        {"kvk_number": "123", "name": "X", "seats": 1},
    )
    assert response.status_code == 400
    assert "8 cijfers" in response.text


def test_civil_servant_rejects_with_reason_and_accepts(client, civil_servant):
    mission = MissionFactory(province=civil_servant.province, review=True)
    first = RegistrationFactory(mission=mission, submitted=True)
    second = RegistrationFactory(mission=mission, submitted=True)
    login(client, civil_servant)
    url = reverse("missions_backoffice:reject", args=[first.pk])
    assert client.post(url, {"reason": ""}).status_code == 400
    assert client.post(url, {"reason": "Geen exportplannen"}).status_code == 302
    response = client.post(
        reverse("missions_backoffice:registration_action", args=[second.pk, "accept"])
    )
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.rejection_reason) == (
        Status.REJECTED,
        "Geen exportplannen",
    )
    assert second.status == Status.ACCEPTED


def test_civil_servant_marks_attendance_and_records_results(client, civil_servant):
    mission = MissionFactory(province=civil_servant.province, closed=True, past=True)
    registration = RegistrationFactory(mission=mission)
    login(client, civil_servant)
    client.post(
        reverse(
            "missions_backoffice:registration_action",
            args=[registration.pk, "attended"],
        )
    )
    client.post(
        reverse("missions_backoffice:transition", args=[mission.pk, "complete"])
    )
    response = client.post(
        reverse("missions_backoffice:results", args=[registration.pk, "after"]),
        {
            "meetings": 3,
            "leads": 2,
            "deals": 2,
            "expected_export_turnover": "0",
            "realised_export_turnover": "120000",
            "satisfaction": 9,
        },
    )
    assert response.status_code == 302
    result = MissionResult.objects.get()
    assert (result.deals, result.submitted_by) == (2, civil_servant)


def test_unknown_registration_action_is_404(client, civil_servant):
    registration = RegistrationFactory(
        mission=MissionFactory(province=civil_servant.province, open=True)
    )
    login(client, civil_servant)
    response = client.post(
        reverse("missions_backoffice:registration_action", args=[registration.pk, "x"])
    )
    assert response.status_code == 404


def test_highlights_of_a_completed_mission_can_be_edited(client, civil_servant):
    mission = MissionFactory(province=civil_servant.province, completed=True)
    login(client, civil_servant)
    url = reverse("missions_backoffice:edit", args=[mission.pk])
    form = client.get(url).context["form"]
    data = {
        name: value
        for name, value in ((field.html_name, field.value()) for field in form)
        if value is not None
    }
    data["themes"] = []
    data["highlights"] = "Twee vloeistofscheiders verkocht."
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    mission.refresh_from_db()
    assert mission.highlights == "Twee vloeistofscheiders verkocht."
    data["capacity"] = 99
    assert client.post(url, data).status_code == 400


def test_sign_up_page_shows_the_free_seats(client, sme_user):
    mission = MissionFactory(open=True, capacity=5, max_seats_per_organisation=2)
    RegistrationFactory(mission=mission, seats=2)
    login(client, sme_user)
    response = client.get(reverse("missions:signup", args=[mission.pk]))
    assert "Er zijn 3 plaatsen vrij" in response.text


def test_mine_runs_the_same_number_of_queries_for_more_registrations(
    client, sme_user, organisation
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    RegistrationFactory(organisation=organisation)
    login(client, sme_user)
    url = reverse("mine:index")
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for _ in range(6):
        RegistrationFactory(
            organisation=organisation,
            mission=MissionFactory(completed=True),
            attended=True,
        )
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert len(response.context["registrations"]) == 7
    assert len(large) == len(small)


def test_english_sign_up_makes_the_emails_english(client, sme_user, organisation):
    mission = MissionFactory(open=True)
    login(client, sme_user)
    client.post(
        "/en" + reverse("missions:signup", args=[mission.pk]),
        {
            "organisation": organisation.pk,
            "seats": 1,
            "de_minimis_declared": "on",
            "de_minimis_aid_received": "0",
        },
    )
    assert organisation.contacts.get(user=sme_user).language == "en"


def test_sme_edits_own_contact_details_and_consent(client, sme_user, organisation):
    login(client, sme_user)
    url = reverse("mine:contact", args=[organisation.pk])
    response = client.post(
        url,
        {
            "name": "Bart Bouman",
            "email": "bart@bouman.example",
            "phone": "0612345678",
            "role": "Directeur",
            "consent_future_missions": "on",
        },
    )
    assert response.status_code == 302
    contact = organisation.contacts.get(user=sme_user)
    assert contact.consent_future_missions
    assert contact.phone == "0612345678"
    other = OrganisationFactory()
    assert client.get(reverse("mine:contact", args=[other.pk])).status_code == 404
    assert client.post(url, {"name": "", "email": "x"}).status_code == 400


def test_back_office_offers_results_for_each_due_moment(client, civil_servant):
    mission = MissionFactory(
        province=civil_servant.province,
        completed=True,
        start_date=date.today() - timedelta(days=400),
        end_date=date.today() - timedelta(days=398),
    )
    registration = RegistrationFactory(mission=mission, attended=True)
    login(client, civil_servant)
    response = client.get(reverse("missions_backoffice:detail", args=[mission.pk]))
    for moment in ("after", "6_months", "12_months"):
        assert (
            reverse("missions_backoffice:results", args=[registration.pk, moment])
            in response.text
        )


def test_sign_up_for_a_closed_mission_is_refused(client, sme_user, organisation):
    mission = MissionFactory(closed=True)
    login(client, sme_user)
    url = reverse("missions:signup", args=[mission.pk])
    assert client.get(url).status_code == 302
    response = client.post(
        url,
        {
            "organisation": organisation.pk,
            "seats": 1,
            "de_minimis_declared": "on",
            "de_minimis_aid_received": "0",
        },
    )
    assert response.status_code == 400
    assert "gesloten" in response.text
    assert not Registration.objects.exists()


def test_organisation_profile_of_an_sme_is_403_for_a_civil_servant(
    client, civil_servant, organisation
):
    # The role check comes before the lookup: 403, as on every SME page,
    # not a 404 telling whether the organisation exists.
    client.force_login(civil_servant)
    url = reverse("mine:organisation_edit", kwargs={"pk": organisation.pk})
    assert client.get(url).status_code == 403
    assert client.post(url, {"name": "X"}).status_code == 403
