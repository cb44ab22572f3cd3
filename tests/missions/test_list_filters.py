"""Search and filters of the back-office lists (issue 17, item 6): the
right rows, the province scope kept, a filter it cannot read refused, and
a fixed number of queries whatever the size of the list."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from participants.models import Organisation
from tests.factories import (
    PASSWORD,
    MissionFactory,
    OrganisationFactory,
    PrestatieFactory,
    RegistrationFactory,
    ReserveFactory,
    ReserveMutationFactory,
)

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(email=user.email, password=PASSWORD)
    return client


# --- missions -----------------------------------------------------------------


def test_mission_list_searches_title_region_and_country(client, civil_servant):
    own = civil_servant.province
    poland = MissionFactory(province=own, title="Bouwmissie", country="PL")
    germany = MissionFactory(province=own, title="Agrofood", region="Keulen")
    MissionFactory(title="Bouwmissie Limburg")  # another province
    login(client, civil_servant)
    url = reverse("missions_backoffice:list")

    def found(**params):
        return set(client.get(url, params).context["missions"])

    assert found(q="bouw") == {poland}
    assert found(q="keulen") == {germany}
    assert found(q="Polen") == {poland}  # the country's Dutch name
    assert found(q="  ") == {poland, germany}


def test_mission_list_filters_status_year_and_sign_ups_to_review(client, civil_servant):
    own = civil_servant.province
    draft = MissionFactory(province=own, start_date=date(2027, 5, 10))
    published = MissionFactory(province=own, open=True, start_date=date(2028, 3, 1))
    RegistrationFactory(mission=published, submitted=True)
    accepted_only = MissionFactory(province=own, open=True)
    RegistrationFactory(mission=accepted_only)
    login(client, civil_servant)
    url = reverse("missions_backoffice:list")

    def found(**params):
        return set(client.get(url, params).context["missions"])

    assert found(status="draft") == {draft}
    assert found(year=2028) == {published}
    assert found(attention="on") == {published}
    # One row per mission, its counts unchanged by the filter.
    rows = client.get(url, {"attention": "on"}).context["missions"]
    assert [m.submitted_count for m in rows] == [1]


def test_mission_list_filters_what_the_home_page_counts(client, civil_servant):
    """The work list's links: sign-ups to decide only on missions still to
    come, missions starting within some days, results overdue."""
    own = civil_servant.province
    today = timezone.localdate()
    past = MissionFactory(
        province=own,
        status="completed",
        start_date=today - timedelta(days=80),
        end_date=today - timedelta(days=79),
    )
    RegistrationFactory(mission=past, submitted=True)  # stale, not to decide
    RegistrationFactory(mission=past, attended=True)  # results overdue
    recent = MissionFactory(
        province=own,
        status="completed",
        start_date=today - timedelta(days=3),
        end_date=today - timedelta(days=2),
    )
    RegistrationFactory(mission=recent, attended=True)  # not overdue yet
    soon = MissionFactory(province=own, open=True, start_date=today + timedelta(3))
    RegistrationFactory(mission=soon, submitted=True)
    later = MissionFactory(province=own, open=True, start_date=today + timedelta(30))
    login(client, civil_servant)
    url = reverse("missions_backoffice:list")

    def found(**params):
        response = client.get(url, params)
        assert response.status_code == 200
        return set(response.context["missions"])

    assert found(attention="on") == {soon}
    assert found(starting_within=14) == {soon}
    assert found(starting_within=30) == {soon, later}
    assert found(results_overdue="on") == {past}


def test_mission_list_filter_form_is_labelled(client, civil_servant):
    login(client, civil_servant)
    response = client.get(reverse("missions_backoffice:list"))
    html = response.text
    for name in (
        "q",
        "status",
        "year",
        "attention",
        "starting_within",
        "results_overdue",
    ):
        assert f'for="id_{name}"' in html
        assert f'id="id_{name}"' in html
    assert 'role="search"' in html


@pytest.mark.parametrize(
    "params",
    [
        {"status": "bogus"},
        {"year": "abc"},
        {"year": "20270"},
        {"starting_within": "-1"},
        {"starting_within": "soon"},
    ],
)
def test_mission_list_refuses_a_filter_it_cannot_read(client, civil_servant, params):
    MissionFactory(province=civil_servant.province)
    login(client, civil_servant)
    response = client.get(reverse("missions_backoffice:list"), params)
    assert response.status_code == 400
    assert list(response.context["missions"]) == []
    assert 'class="invalid-feedback d-block"' in response.text


@pytest.mark.parametrize("size", [2, 12])
def test_filtered_mission_list_takes_fixed_queries(
    client, civil_servant, size, django_assert_num_queries
):
    for _ in range(size):
        mission = MissionFactory(
            province=civil_servant.province, title="Bouw", open=True
        )
        RegistrationFactory(mission=mission, submitted=True)
    login(client, civil_servant)
    url = reverse("missions_backoffice:list")
    # session, user, count, page of missions (with counts), themes.
    with django_assert_num_queries(MISSION_LIST_QUERIES):
        response = client.get(url, {"q": "bouw", "attention": "on"})
    assert len(response.context["missions"]) == size


MISSION_LIST_QUERIES = 5


# --- organisations --------------------------------------------------------------


def test_organisation_list_keeps_the_province_scope(client, civil_servant, limburg):
    own = civil_servant.province
    home = OrganisationFactory(province=own, name="Twentse Kaas")
    # From Limburg, but signed up for one of Overijssel's missions: seen.
    guest = OrganisationFactory(province=limburg, name="Maaskaas")
    RegistrationFactory(mission=MissionFactory(province=own), organisation=guest)
    # From Limburg, only in Limburg's missions: not seen, not even by KvK.
    stranger = OrganisationFactory(province=limburg, name="Vlaaikaas")
    RegistrationFactory(mission=MissionFactory(province=limburg), organisation=stranger)
    login(client, civil_servant)
    url = reverse("missions_backoffice:organisations")

    def found(**params):
        return set(client.get(url, params).context["organisations"])

    assert found() == {home, guest}
    assert found(q="kaas") == {home, guest}
    assert found(q=stranger.kvk_number) == set()
    assert found(q=home.kvk_number[:4]) >= {home}
    assert "Vlaaikaas" not in client.get(url).text


def test_organisation_list_filters_kind_and_experience(client, civil_servant):
    own = civil_servant.province
    sme = OrganisationFactory(
        province=own,
        kind=Organisation.Kind.SME,
        export_experience=Organisation.ExportExperience.NONE,
    )
    partner = OrganisationFactory(
        province=own,
        kind=Organisation.Kind.PARTNER,
        export_experience=Organisation.ExportExperience.STRUCTURAL,
    )
    login(client, civil_servant)
    url = reverse("missions_backoffice:organisations")
    assert list(client.get(url, {"kind": "partner"}).context["organisations"]) == [
        partner
    ]
    assert list(client.get(url, {"experience": "none"}).context["organisations"]) == [
        sme
    ]
    assert client.get(url, {"kind": "<script>"}).status_code == 400


def test_organisation_list_is_for_the_back_office_only(
    client, sme_user, portfolio_holder
):
    url = reverse("missions_backoffice:organisations")
    assert login(client, sme_user).get(url).status_code == 403
    client.logout()
    assert login(client, portfolio_holder).get(url).status_code == 403


@pytest.mark.parametrize("size", [2, 12])
def test_organisation_list_takes_fixed_queries(
    client, civil_servant, limburg, size, django_assert_num_queries
):
    for _ in range(size):
        OrganisationFactory(province=civil_servant.province, name="Kaas BV")
        guest = OrganisationFactory(province=limburg, name="Kaas uit Limburg")
        RegistrationFactory(
            mission=MissionFactory(province=civil_servant.province),
            organisation=guest,
        )
    login(client, civil_servant)
    url = reverse("missions_backoffice:organisations")
    with django_assert_num_queries(ORGANISATION_LIST_QUERIES):
        response = client.get(url, {"q": "kaas"})
    assert len(response.context["organisations"]) == 2 * size


ORGANISATION_LIST_QUERIES = 4


# --- prestaties and the ledger ---------------------------------------------


def test_prestatie_list_searches_number_and_title(client, civil_servant):
    own = civil_servant.province
    export = PrestatieFactory(province=own, code="5.4.2", title="Internationaliseren")
    PrestatieFactory(province=own, code="3.1.1", title="Bereikbaarheid")
    login(client, civil_servant)
    url = reverse("programmes:prestatie_list")
    assert [row for row, _ in client.get(url, {"q": "5.4"}).context["rows"]] == [export]
    assert [row for row, _ in client.get(url, {"q": "internat"}).context["rows"]] == [
        export
    ]


def test_ledger_filters_status_kind_and_search(client, civil_servant):
    reserve = ReserveFactory(province=civil_servant.province, name="Reserve Export")
    proposed = ReserveMutationFactory(reserve=reserve, explanation="Beurs Hannover")
    decided = ReserveMutationFactory(reserve=reserve, decided=True, addition=True)
    login(client, civil_servant)
    url = reverse("programmes:mutation_list")

    def found(**params):
        return {row for row, _ in client.get(url, params).context["rows"]}

    assert found(status="proposed") == {proposed}
    assert found(kind="addition") == {decided}
    assert found(q="hannover") == {proposed}
    assert found(q="reserve export") == {proposed, decided}


@pytest.mark.parametrize("size", [2, 12])
def test_filtered_ledger_and_prestaties_take_fixed_queries(
    client, civil_servant, size, django_assert_num_queries
):
    reserve = ReserveFactory(province=civil_servant.province)
    for number in range(size):
        prestatie = PrestatieFactory(
            province=civil_servant.province, code=f"5.4.{number}", year=2027
        )
        ReserveMutationFactory(reserve=reserve, prestatie=prestatie, budget_year=2027)
    login(client, civil_servant)
    with django_assert_num_queries(PRESTATIE_LIST_QUERIES):
        client.get(reverse("programmes:prestatie_list"), {"q": "5.4", "year": 2027})
    with django_assert_num_queries(LEDGER_QUERIES):
        response = client.get(
            reverse("programmes:mutation_list"), {"q": "5.4", "status": "proposed"}
        )
    assert len(response.context["rows"]) == size


PRESTATIE_LIST_QUERIES = 5
LEDGER_QUERIES = 5
