"""Back office pages: who may read and write, and the main paths through them."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programmes.models import (
    Action,
    Indicator,
    IndicatorTarget,
    Prestatie,
    ProgressNote,
    ReserveMutation,
)
from tests.factories import (
    ActionFactory,
    BudgetLineFactory,
    DecisionFactory,
    IndicatorFactory,
    IndicatorTargetFactory,
    IndicatorValueFactory,
    IntendedResultFactory,
    PrestatieFactory,
    ProgrammeFactory,
    ProgressNoteFactory,
    ReserveFactory,
    ReserveMutationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"programmes:{name}", args=args)


@pytest.fixture
def ov(overijssel):
    """One object of each kind in Overijssel."""
    prestatie = PrestatieFactory(province=overijssel, year=2016, code="5.4.2")
    action = ActionFactory(prestatie=prestatie, number=1)
    indicator = IndicatorFactory(action=action)
    reserve = ReserveFactory(province=overijssel)
    return {
        "prestatie": prestatie,
        "action": action,
        "indicator": indicator,
        "target": IndicatorTargetFactory(indicator=indicator),
        "value": IndicatorValueFactory(indicator=indicator),
        "note": ProgressNoteFactory(action=action),
        "result": IntendedResultFactory(prestatie=prestatie),
        "budgetline": BudgetLineFactory(prestatie=prestatie),
        "programme": ProgrammeFactory(province=overijssel),
        "decision": DecisionFactory(province=overijssel),
        "reserve": reserve,
        "mutation": ReserveMutationFactory(reserve=reserve),
    }


LISTS = [
    "index",
    "prestatie_list",
    "action_list",
    "indicator_list",
    "value_list",
    "note_list",
    "result_list",
    "budgetline_list",
    "programme_list",
    "decision_list",
    "reserve_list",
    "mutation_list",
]
TOP_LEVEL_CREATE = [
    "prestatie_create",
    "programme_create",
    "decision_create",
    "reserve_create",
]
CHILD_CREATE = [
    ("action_create", "prestatie"),
    ("result_create", "prestatie"),
    ("budgetline_create", "prestatie"),
    ("indicator_create", "action"),
    ("note_create", "action"),
    ("target_create", "indicator"),
    ("value_create", "indicator"),
    ("mutation_create", "reserve"),
]


def detail_urls(ov):
    return [url(f"{name}_detail", obj.pk) for name, obj in ov.items()]


def write_urls(ov):
    urls = [url(f"{name}_update", obj.pk) for name, obj in ov.items()]
    urls += [url(name, ov[parent].pk) for name, parent in CHILD_CREATE]
    urls += [url("mutation_decide", ov["mutation"].pk)]
    return urls


def test_civil_servant_reads_every_page_of_their_province(client, civil_servant, ov):
    client.force_login(civil_servant)
    for page in [url(name) for name in LISTS] + detail_urls(ov):
        response = client.get(page)
        assert response.status_code == 200, page
        assert response.content.decode().count("<h1") == 1, page


def test_civil_servant_opens_every_form(client, civil_servant, ov):
    client.force_login(civil_servant)
    pages = [url(name) for name in TOP_LEVEL_CREATE] + write_urls(ov)
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert "<form" in response.content.decode(), page


def test_civil_servant_of_another_province_gets_404_on_every_object(
    client, civil_servant_limburg, ov
):
    client.force_login(civil_servant_limburg)
    for page in detail_urls(ov) + write_urls(ov):
        assert client.get(page).status_code == 404, page
    assert (
        client.post(url("prestatie_update", ov["prestatie"].pk), {}).status_code == 404
    )


def test_another_province_sees_none_of_it_in_lists(client, civil_servant_limburg, ov):
    client.force_login(civil_servant_limburg)
    html = client.get(url("prestatie_list")).content.decode()
    assert ov["prestatie"].title not in html
    html = client.get(url("reserve_list")).content.decode()
    assert ov["reserve"].name not in html


def test_portfolio_holder_reads_but_never_writes(client, portfolio_holder, ov):
    client.force_login(portfolio_holder)
    for page in [url(name) for name in LISTS] + detail_urls(ov):
        assert client.get(page).status_code == 200, page
    for page in [url(name) for name in TOP_LEVEL_CREATE] + write_urls(ov):
        assert client.get(page).status_code == 403, page
        assert client.post(page, {}).status_code == 403, page
    assert (
        client.post(url("mutation_counter", ov["mutation"].pk), {}).status_code == 403
    )
    html = client.get(url("prestatie_detail", ov["prestatie"].pk)).content.decode()
    assert url("prestatie_update", ov["prestatie"].pk) not in html


def test_sme_user_is_forbidden_everywhere(client, sme_user, ov):
    client.force_login(sme_user)
    pages = [url(name) for name in LISTS + TOP_LEVEL_CREATE]
    for page in pages + detail_urls(ov) + write_urls(ov):
        assert client.get(page).status_code == 403, page


def test_anonymous_is_asked_to_log_in(client, ov):
    pages = [url(name) for name in LISTS + TOP_LEVEL_CREATE]
    for page in pages + detail_urls(ov) + write_urls(ov):
        response = client.get(page)
        assert response.status_code == 302, page
        assert response.url.startswith(reverse("account_login")), page


def test_administrator_sees_every_province(client, administrator, ov, limburg):
    other = PrestatieFactory(province=limburg)
    client.force_login(administrator)
    assert client.get(url("prestatie_detail", other.pk)).status_code == 200
    assert client.get(url("prestatie_detail", ov["prestatie"].pk)).status_code == 200


def test_administrator_chooses_the_province_of_a_new_reserve(
    client, administrator, limburg
):
    client.force_login(administrator)
    response = client.post(
        url("reserve_create"), {"province": limburg.pk, "name": "Reserve Limburg"}
    )
    assert response.status_code == 302
    assert limburg.reserves.get().name == "Reserve Limburg"


# Happy paths --------------------------------------------------------------


def test_enter_a_prestatie_with_action_target_note_and_withdrawal(
    client, civil_servant, overijssel
):
    """The 'done when' of the issue, through the forms alone."""
    client.force_login(civil_servant)
    reserve = ReserveFactory(
        province=overijssel, name="Reserve uitvoering Kwaliteit van Overijssel"
    )
    decision = DecisionFactory(province=overijssel, reference="PS/2016/871")
    ReserveMutationFactory(
        reserve=reserve, addition=True, decided=True, amount=Decimal("300000")
    )

    response = client.post(
        url("prestatie_create"),
        {
            "year": 2016,
            "code": "5.4.2",
            "title": "Bevorderen van export",
            "role": "faciliteerder",
            "duration": "structural",
            "portfolio_holder": "Eddy van Hijum",
            "relates_to_reserve": "on",
            "reserve": reserve.pk,
            "investment_decisions": [decision.pk],
            "continuation": "new",
        },
    )
    assert response.status_code == 302
    prestatie = Prestatie.objects.get(code="5.4.2")
    assert response.url == prestatie.get_absolute_url()

    response = client.post(
        url("action_create", prestatie.pk),
        {"number": 1, "text": "Wij faciliteren drie handelsmissies."},
    )
    action = Action.objects.get(prestatie=prestatie)
    response = client.post(
        url("indicator_create", action.pk),
        {
            "name": "Handelsmissies",
            "accumulation": "annual",
            "source": "computed",
            "metric": "missions_realised",
        },
    )
    indicator = Indicator.objects.get(action=action)
    response = client.post(
        url("target_create", indicator.pk), {"year": 2016, "value": "3"}
    )
    assert response.status_code == 302
    assert IndicatorTarget.objects.get(indicator=indicator).value == Decimal("3")
    client.post(
        url("note_create", action.pk),
        {"year": 2016, "text": "In 2016 zijn 4 uitgaande missies gerealiseerd."},
    )
    assert ProgressNote.objects.get(action=action).author == civil_servant

    response = client.post(
        url("mutation_create", reserve.pk),
        {
            "kind": "withdrawal",
            "amount": "234.000",
            "budget_year": 2017,
            "prestatie": prestatie.pk,
            "decision": decision.pk,
            "already_decided": "on",
        },
    )
    assert response.status_code == 302
    mutation = ReserveMutation.objects.get(kind="withdrawal")
    assert (mutation.amount, mutation.status) == (Decimal("234000.00"), "decided")

    html = client.get(prestatie.get_absolute_url()).content.decode()
    assert "Wij faciliteren drie handelsmissies." in html
    assert "In 2016 zijn 4 uitgaande missies gerealiseerd." in html
    assert (
        "€ 234.000 onttrokken aan Reserve uitvoering Kwaliteit van Overijssel en "
        "toegevoegd aan de exploitatie 2017 van prestatie 5.4.2."
    ) in html
    assert "Eddy van Hijum" in html
    assert "Geschiedenis" in html

    html = client.get(reserve.get_absolute_url()).content.decode()
    assert "€ 66.000" in html
    assert "Geschiedenis" in html


def test_overdraw_in_the_form_shows_the_message_and_saves_nothing(
    client, civil_servant, overijssel
):
    client.force_login(civil_servant)
    reserve = ReserveFactory(
        province=overijssel, name="Reserve uitvoering Kwaliteit van Overijssel"
    )
    ReserveMutationFactory(
        reserve=reserve, addition=True, decided=True, amount=Decimal("12000")
    )
    response = client.post(
        url("mutation_create", reserve.pk),
        {"kind": "withdrawal", "amount": "20.000", "budget_year": 2017},
    )
    assert response.status_code == 400
    assert (
        "Onvoldoende saldo in Reserve uitvoering Kwaliteit van Overijssel: "
        "beschikbaar € 12.000, gevraagd € 20.000"
    ) in response.content.decode()
    # Tied to the amount field: the summary links to it.
    assert 'href="#id_amount"' in response.content.decode()
    assert reserve.mutations.count() == 1


def test_wrong_amount_in_the_form_gives_400_with_the_message(client, civil_servant, ov):
    client.force_login(civil_servant)
    response = client.post(
        url("mutation_create", ov["reserve"].pk),
        {"kind": "addition", "amount": "12,345", "budget_year": 2017},
    )
    assert response.status_code == 400
    assert "form-error-summary" in response.content.decode()
    response = client.post(
        url("mutation_create", ov["reserve"].pk),
        {"kind": "addition", "amount": "0", "budget_year": 2017},
    )
    assert response.status_code == 400
    assert "meer dan € 0" in response.content.decode()


def test_target_outside_duration_is_shown_on_the_year_field(client, civil_servant, ov):
    client.force_login(civil_servant)
    response = client.post(
        url("target_create", ov["indicator"].pk), {"year": 2015, "value": "3"}
    )
    assert response.status_code == 400
    assert "valt buiten de looptijd van prestatie 5.4.2" in response.content.decode()


def test_end_year_before_start_year_in_the_form(client, civil_servant):
    client.force_login(civil_servant)
    response = client.post(
        url("programme_create"),
        {"name": "#in", "kind": "programme", "start_year": 2018, "end_year": 2016},
    )
    assert response.status_code == 400
    assert "Het eindjaar kan niet vóór het beginjaar liggen." in (
        response.content.decode()
    )


def test_decide_and_counter_through_the_forms(client, civil_servant, ov):
    client.force_login(civil_servant)
    reserve, mutation = ov["reserve"], ov["mutation"]
    ReserveMutationFactory(
        reserve=reserve, addition=True, decided=True, amount=Decimal("5000")
    )
    response = client.post(
        url("mutation_decide", mutation.pk), {"decision": ov["decision"].pk}
    )
    assert response.status_code == 302
    mutation.refresh_from_db()
    assert mutation.status == "decided"
    # A decided mutation cannot be edited any more.
    response = client.post(
        url("mutation_update", mutation.pk),
        {"kind": "withdrawal", "amount": "1", "budget_year": 2017},
    )
    assert response.status_code == 400
    assert "tegenmutatie" in response.content.decode()
    response = client.post(
        url("mutation_counter", mutation.pk),
        {"explanation": "Verkeerd geboekt", "decision": ov["decision"].pk},
    )
    assert response.status_code == 302
    counter = ReserveMutation.objects.get(corrects=mutation)
    assert counter.kind == "addition"
    html = client.get(reserve.get_absolute_url()).content.decode()
    assert "€ 5.000" in html
    assert "tegenmutatie" in html


def test_history_shows_old_and_new_value_on_the_page(client, civil_servant, ov):
    client.force_login(civil_servant)
    prestatie = ov["prestatie"]
    response = client.post(
        url("prestatie_update", prestatie.pk),
        {
            "year": 2016,
            "code": "5.4.2",
            "title": "Internationaliseren",
            "role": "faciliteerder",
            "duration": "structural",
            "continuation": "new",
        },
    )
    assert response.status_code == 302
    html = client.get(prestatie.get_absolute_url()).content.decode()
    assert "Internationaliseren" in html
    assert f"<del>{prestatie.title}</del> → <ins>Internationaliseren</ins>" in html
    assert civil_servant.name in html


def test_filters_on_year_and_programme(client, civil_servant, overijssel):
    client.force_login(civil_servant)
    programme = ProgrammeFactory(province=overijssel, name="GO4EXPORT")
    p2018 = PrestatieFactory(
        province=overijssel, year=2018, title="Internationaliseren"
    )
    ActionFactory(prestatie=p2018).programmes.add(programme)
    PrestatieFactory(province=overijssel, year=2016, title="Bevorderen van export")
    html = client.get(url("prestatie_list"), {"year": 2018}).content.decode()
    assert "Internationaliseren" in html and "Bevorderen van export" not in html
    html = client.get(
        url("prestatie_list"), {"programme": programme.pk}
    ).content.decode()
    assert "Internationaliseren" in html and "Bevorderen van export" not in html


def test_english_pages_under_en(client, civil_servant, ov):
    client.force_login(civil_servant)
    html = client.get("/en" + url("prestatie_detail", ov["prestatie"].pk)).content
    assert b"Basic information" in html
    assert b"History" in html


@pytest.mark.parametrize("name", LISTS + ["prestatie_detail", "reserve_detail"])
def test_pages_cost_the_same_queries_for_more_data(client, overijssel, name):
    user = UserFactory(civil_servant=True, province=overijssel)
    client.force_login(user)
    reserve = ReserveFactory(province=overijssel)
    prestatie = PrestatieFactory(province=overijssel, reserve=reserve)

    def grow():
        action = ActionFactory(prestatie=prestatie)
        action.programmes.add(ProgrammeFactory(province=overijssel))
        indicator = IndicatorFactory(action=action)
        IndicatorTargetFactory(indicator=indicator)
        IndicatorValueFactory(indicator=indicator)
        ProgressNoteFactory(action=action)
        IntendedResultFactory(prestatie=prestatie)
        other = PrestatieFactory(province=overijssel)
        BudgetLineFactory(prestatie=other)
        ReserveMutationFactory(
            reserve=reserve, prestatie=prestatie, decided=True, addition=True
        )
        DecisionFactory(province=overijssel)

    page = {
        "prestatie_detail": url("prestatie_detail", prestatie.pk),
        "reserve_detail": url("reserve_detail", reserve.pk),
    }.get(name) or url(name)

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(page).status_code == 200
        return len(ctx.captured_queries)

    grow()
    client.get(page)
    small = queries()
    for _ in range(4):
        grow()
    assert queries() == small


def test_wrong_filter_input_is_not_an_error_page(client, civil_servant, ov):
    client.force_login(civil_servant)
    response = client.get(url("prestatie_list"), {"year": "abc", "programme": "999"})
    assert response.status_code == 200


def test_computed_indicator_value_cannot_be_entered_in_the_form(
    client, civil_servant, ov
):
    client.force_login(civil_servant)
    indicator = IndicatorFactory(action=ov["action"], computed=True)
    response = client.post(
        url("value_create", indicator.pk), {"year": 2016, "value": "3"}
    )
    assert response.status_code == 400
    assert "Het portaal berekent de gerealiseerde waarde" in response.content.decode()


def test_decision_without_known_date(client, civil_servant):
    client.force_login(civil_servant)
    response = client.post(
        url("decision_create"),
        {
            "body": "GS",
            "reference": "Begrotingswijziging GS jaarschijf 2019",
            "kind": "amendment",
            "title": "Saldo 2018 naar 2019",
        },
    )
    assert response.status_code == 302
    html = client.get(response.url).content.decode()
    assert "Begrotingswijziging GS jaarschijf 2019" in html


def test_portfolio_holder_finds_the_prestaties_in_the_menu(client, portfolio_holder):
    client.force_login(portfolio_holder)
    html = client.get("/").content.decode()
    menu = html.split('id="main-menu"', 1)[1].split("</nav>", 1)[0]
    assert f'href="{url("prestatie_list")}"' in menu


def test_civil_servant_without_province_gets_a_message_not_an_error(client, db):
    user = UserFactory(civil_servant=True, province=None)
    client.force_login(user)
    assert client.get(url("prestatie_list")).status_code == 200
    response = client.post(
        url("prestatie_create"),
        {
            "year": 2016,
            "code": "1.1",
            "title": "X",
            "role": "faciliteerder",
            "duration": "structural",
            "continuation": "new",
        },
    )
    assert response.status_code == 400
    assert not Prestatie.objects.exists()


def test_prestatie_page_links_to_a_mutation_of_its_reserve(client, civil_servant, ov):
    client.force_login(civil_servant)
    prestatie = ov["prestatie"]
    prestatie.relates_to_reserve, prestatie.reserve = True, ov["reserve"]
    prestatie.save()
    link = f"{url('mutation_create', ov['reserve'].pk)}?prestatie={prestatie.pk}"
    assert link in client.get(prestatie.get_absolute_url()).content.decode()
    html = client.get(link).content.decode()
    assert f'<option value="{prestatie.pk}" selected>' in html


PRESTATIE_POST = {
    "year": 2016,
    "code": "5.4.2",
    "title": "Bevorderen van export",
    "role": "faciliteerder",
    "duration": "structural",
    "continuation": "new",
}
EXPLANATION = (
    "Vanuit het Coalitieakkoord ‘Overijssel Werkt!’ is er budget beschikbaar "
    "gesteld voor deze prestatie."
)


def test_the_prestatie_form_saves_the_investment_explanation(client, civil_servant, ov):
    client.force_login(civil_servant)
    prestatie = ov["prestatie"]
    page = url("prestatie_update", prestatie.pk)
    assert "Toelichting investeringsvoorstel" in client.get(page).content.decode()
    response = client.post(
        page, {**PRESTATIE_POST, "investment_explanation": EXPLANATION}
    )
    assert response.status_code == 302
    prestatie.refresh_from_db()
    assert prestatie.investment_explanation == EXPLANATION
    assert prestatie.history.first().investment_explanation == EXPLANATION
    html = client.get(prestatie.get_absolute_url()).content.decode()
    assert EXPLANATION in html

    response = client.post(
        page, {**PRESTATIE_POST, "investment_explanation": "x" * 2_001}
    )
    assert response.status_code == 400
    assert "niet meer dan 2000 tekens" in response.content.decode()
    prestatie.refresh_from_db()
    assert prestatie.investment_explanation == EXPLANATION


def test_the_mutation_form_saves_the_basis_of_the_decision(client, civil_servant, ov):
    client.force_login(civil_servant)
    reserve = ov["reserve"]
    ReserveMutationFactory(
        reserve=reserve, addition=True, decided=True, amount=Decimal("500000")
    )
    basis = "Op basis van de spelregels van de Reserve"
    post = {
        "kind": "withdrawal",
        "amount": "109.000",
        "budget_year": 2019,
        "budget_part": "jaarschijf",
        "prestatie": ov["prestatie"].pk,
    }
    page = url("mutation_create", reserve.pk)
    assert "Grondslag van het besluit" in client.get(page).content.decode()
    # A trailing comma would print before "hebben wij besloten".
    response = client.post(page, {**post, "decision_basis": f"{basis}, "})
    assert response.status_code == 302
    mutation = ReserveMutation.objects.get(amount=Decimal("109000"))
    assert mutation.decision_basis == basis
    assert mutation.history.first().decision_basis == basis
    assert basis in client.get(mutation.get_absolute_url()).content.decode()

    response = client.post(
        url("mutation_update", mutation.pk), {**post, "decision_basis": "x" * 301}
    )
    assert response.status_code == 400
    assert "niet meer dan 300 tekens" in response.content.decode()
    mutation.refresh_from_db()
    assert mutation.decision_basis == basis


def test_the_decide_form_records_the_basis_of_the_decision(client, civil_servant, ov):
    """Once decided a mutation cannot be edited: the basis the proposal had
    is offered, and may be set, when the decision is recorded."""
    client.force_login(civil_servant)
    reserve, mutation = ov["reserve"], ov["mutation"]
    ReserveMutationFactory(
        reserve=reserve, addition=True, decided=True, amount=Decimal("500000")
    )
    mutation.decision_basis = "Op grond van het coalitieakkoord"
    mutation.save()
    page = url("mutation_decide", mutation.pk)
    html = client.get(page).content.decode()
    assert "Grondslag van het besluit" in html
    assert 'value="Op grond van het coalitieakkoord"' in html

    response = client.post(
        page, {"decision": ov["decision"].pk, "decision_basis": "x" * 301}
    )
    assert response.status_code == 400
    assert "niet meer dan 300 tekens" in response.content.decode()
    mutation.refresh_from_db()
    assert mutation.status == "proposed"
    assert mutation.decision_basis == "Op grond van het coalitieakkoord"

    basis = "Op basis van de spelregels van de Reserve"
    response = client.post(
        page, {"decision": ov["decision"].pk, "decision_basis": f" {basis}. "}
    )
    assert response.status_code == 302
    mutation.refresh_from_db()
    assert (mutation.status, mutation.decision_basis) == ("decided", basis)
    assert mutation.history.first().decision_basis == basis
    assert basis in client.get(mutation.get_absolute_url()).content.decode()
