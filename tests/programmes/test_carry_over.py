"""'Continue in <year>': a prestatie carried into the next year in one step."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from programmes import services
from programmes.models import IndicatorTarget, Prestatie
from tests.factories import (
    ActionFactory,
    DecisionFactory,
    IndicatorFactory,
    IndicatorTargetFactory,
    IndicatorValueFactory,
    PrestatieFactory,
    ProgrammeFactory,
    ProgressNoteFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def old(overijssel):
    """5.4.2 of 2026 with two actions, a count and a money indicator."""
    decision = DecisionFactory(province=overijssel)
    prestatie = PrestatieFactory(
        province=overijssel,
        year=2026,
        code="5.4.2",
        title="Internationaliseren",
        purpose="Meer export",
        portfolio_holder="Gedeputeerde Van Dijk",
    )
    prestatie.investment_decisions.set([decision])
    programme = ProgrammeFactory(province=overijssel)
    one = ActionFactory(prestatie=prestatie, number=1, text="Drie missies.")
    one.programmes.set([programme])
    missions = IndicatorFactory(action=one, name="Handelsmissies", unit="missies")
    IndicatorTargetFactory(indicator=missions, year=2026, value=Decimal("3"))
    IndicatorTargetFactory(indicator=missions, year=2028, value=Decimal("5"))
    IndicatorValueFactory(indicator=missions, year=2026, value=Decimal("2"))
    ProgressNoteFactory(action=one, year=2026)
    two = ActionFactory(prestatie=prestatie, number=2, text="Exportomzet.")
    turnover = IndicatorFactory(action=two, name="Omzet", unit="euro")
    IndicatorTargetFactory(indicator=turnover, year=2026, value=Decimal("250000.50"))
    return prestatie


def test_continue_copies_actions_indicators_and_targets_linked_to_predecessor(
    old, civil_servant
):
    copy = services.prestatie_continue(prestatie=old, by=civil_servant)

    assert (copy.year, copy.code, copy.title) == (2027, "5.4.2", "Internationaliseren")
    assert copy.predecessor == old
    assert copy.continuation == Prestatie.Continuation.CONTINUED
    assert copy.purpose == "Meer export"
    assert list(copy.investment_decisions.all()) == list(old.investment_decisions.all())
    actions = list(copy.actions.order_by("number"))
    assert [(a.number, a.text) for a in actions] == [
        (1, "Drie missies."),
        (2, "Exportomzet."),
    ]
    assert list(actions[0].programmes.all()) == list(
        old.actions.get(number=1).programmes.all()
    )
    missions = actions[0].indicators.get()
    assert (missions.name, missions.unit) == ("Handelsmissies", "missies")
    # The new year gets last year's target; a later year's is kept.
    assert {t.year: t.value for t in missions.targets.all()} == {
        2027: Decimal("3"),
        2028: Decimal("5"),
    }
    turnover = actions[1].indicators.get()
    assert {t.year: t.value for t in turnover.targets.all()} == {
        2027: Decimal("250000.50")
    }
    # Realised values and notes belong to their year: not copied.
    assert not missions.values.exists()
    assert not actions[0].progress_notes.exists()
    # The original is untouched.
    assert old.actions.count() == 2
    assert IndicatorTarget.objects.filter(indicator__action__prestatie=old).count() == 3


def test_continue_takes_edited_values_and_targets(old, civil_servant):
    missions = old.actions.get(number=1).indicators.get()
    turnover = old.actions.get(number=2).indicators.get()

    copy = services.prestatie_continue(
        prestatie=old,
        by=civil_servant,
        data={"title": "Internationaliseren 2027", "portfolio_holder": "Mw. Jansen"},
        targets={missions.pk: Decimal("4"), turnover.pk: None},
    )

    assert copy.title == "Internationaliseren 2027"
    assert copy.portfolio_holder == "Mw. Jansen"
    new_missions = copy.actions.get(number=1).indicators.get()
    assert new_missions.targets.get(year=2027).value == Decimal("4")
    assert not copy.actions.get(number=2).indicators.get().targets.exists()


def test_second_copy_into_the_same_year_is_refused_and_writes_nothing(
    old, civil_servant
):
    services.prestatie_continue(prestatie=old, by=civil_servant)
    count = Prestatie.objects.count()

    with pytest.raises(ValidationError) as error:
        services.prestatie_continue(prestatie=old, by=civil_servant)

    assert "bestaat al in 2027" in error.value.messages[0]
    assert Prestatie.objects.count() == count


def test_copy_refused_when_the_number_is_already_used_next_year(old, civil_servant):
    PrestatieFactory(province=old.province, year=2027, code="5.4.2")

    with pytest.raises(ValidationError, match="bestaat al in 2027"):
        services.prestatie_continue(prestatie=old, by=civil_servant)


def test_a_refused_target_leaves_nothing_behind(old, civil_servant):
    missions = old.actions.get(number=1).indicators.get()
    count = Prestatie.objects.count()

    with pytest.raises(ValidationError) as error:
        services.prestatie_continue(
            prestatie=old, by=civil_servant, targets={missions.pk: Decimal("2.5")}
        )

    assert "Vul een heel getal in" in str(error.value)
    assert Prestatie.objects.count() == count


def test_continuing_a_period_extends_it_to_the_new_year(overijssel, civil_servant):
    period = PrestatieFactory(
        province=overijssel,
        year=2018,
        duration=Prestatie.Duration.PERIOD,
        start_year=2016,
        end_year=2018,
    )
    IndicatorTargetFactory(
        indicator=IndicatorFactory(action=ActionFactory(prestatie=period)), year=2018
    )

    copy = services.prestatie_continue(prestatie=period, by=civil_servant)

    assert (copy.start_year, copy.end_year) == (2016, 2019)
    assert copy.actions.get().indicators.get().targets.get().year == 2019


# The page ------------------------------------------------------------------


def test_prestatie_page_offers_continue_until_it_is_continued(
    client, civil_servant, old
):
    client.force_login(civil_servant)
    page = reverse("programmes:prestatie_detail", args=[old.pk])
    continue_url = reverse("programmes:prestatie_continue", args=[old.pk])

    response = client.get(page)
    assert continue_url in response.content.decode()
    assert "Voortzetten in 2027" in response.content.decode()

    services.prestatie_continue(prestatie=old, by=civil_servant)
    assert continue_url not in client.get(page).content.decode()


def test_continue_form_is_prefilled_and_saves_the_copy(client, civil_servant, old):
    client.force_login(civil_servant)
    missions = old.actions.get(number=1).indicators.get()
    turnover = old.actions.get(number=2).indicators.get()
    url = reverse("programmes:prestatie_continue", args=[old.pk])

    form = client.get(url).context["form"]
    assert form.initial["title"] == "Internationaliseren"
    assert form.initial[f"target_{missions.pk}"] == Decimal("3")
    assert form.initial[f"target_{turnover.pk}"] == Decimal("250000.50")

    response = client.post(
        url,
        {
            "code": "5.4.2",
            "title": "Internationaliseren",
            "duration": "structural",
            f"target_{missions.pk}": "4",
            f"target_{turnover.pk}": "300.000",
        },
    )

    copy = Prestatie.objects.get(year=2027, code="5.4.2")
    assert response.status_code == 302
    assert response["Location"] == copy.get_absolute_url()
    new = {
        t.indicator.name: t.value
        for t in IndicatorTarget.objects.filter(
            indicator__action__prestatie=copy, year=2027
        ).select_related("indicator")
    }
    assert new == {"Handelsmissies": Decimal("4"), "Omzet": Decimal("300000")}


def test_continue_form_refuses_decimals_for_a_count(client, civil_servant, old):
    client.force_login(civil_servant)
    missions = old.actions.get(number=1).indicators.get()
    url = reverse("programmes:prestatie_continue", args=[old.pk])

    response = client.post(
        url,
        {
            "code": "5.4.2",
            "title": "T",
            "duration": "structural",
            f"target_{missions.pk}": "2,5",
        },
    )

    assert response.status_code == 400
    assert "Vul een heel getal in" in response.content.decode()
    assert not Prestatie.objects.filter(year=2027).exists()


def test_second_post_is_refused_with_a_message(client, civil_servant, old):
    client.force_login(civil_servant)
    url = reverse("programmes:prestatie_continue", args=[old.pk])
    data = {"code": "5.4.2", "title": "T", "duration": "structural"}
    # Two tabs open on the form: the second send is refused.
    client.get(url)
    assert client.post(url, data).status_code == 302

    response = client.post(url, data)

    assert response.status_code == 400
    assert "bestaat al in 2027" in response.content.decode()
    assert Prestatie.objects.filter(year=2027).count() == 1
    # Opening the form again leads to the copy.
    assert client.get(url)["Location"] == (
        Prestatie.objects.get(year=2027).get_absolute_url()
    )


@pytest.mark.parametrize("who", ["portfolio_holder", "sme_user"])
def test_readers_cannot_continue(client, request, old, who):
    client.force_login(request.getfixturevalue(who))
    url = reverse("programmes:prestatie_continue", args=[old.pk])

    assert client.post(url, {"code": "x", "title": "T"}).status_code == 403
    assert not Prestatie.objects.filter(year=2027).exists()


def test_another_province_cannot_continue(client, civil_servant_limburg, old):
    client.force_login(civil_servant_limburg)
    url = reverse("programmes:prestatie_continue", args=[old.pk])

    assert client.get(url).status_code == 404


def test_the_investment_explanation_goes_along_with_the_proposals(
    client, civil_servant, old
):
    """It explains the investment proposals, which the copy keeps: copied
    and offered for a check, as the person leaves it or changes it."""
    explanation = "Vanuit het Coalitieakkoord; verwerkt in de Begroting 2026."
    old.investment_explanation = explanation
    old.save()
    client.force_login(civil_servant)
    url = reverse("programmes:prestatie_continue", args=[old.pk])
    response = client.get(url)
    assert response.context["form"].initial["investment_explanation"] == explanation
    html = response.content.decode()
    assert "Overgenomen uit 2026, net als de investeringsvoorstellen" in html
    assert "controleer of het in 2027 nog klopt" in html

    post = {"code": "5.4.2", "title": "Internationaliseren", "duration": "structural"}
    response = client.post(url, {**post, "investment_explanation": "x" * 2_001})
    assert response.status_code == 400
    assert "niet meer dan 2000 tekens" in response.content.decode()
    assert not Prestatie.objects.filter(year=2027).exists()
    response = client.post(url, {**post, "investment_explanation": "Aangepast."})
    assert response.status_code == 302
    copy = Prestatie.objects.get(year=2027, code="5.4.2")
    assert copy.investment_explanation == "Aangepast."
    assert copy.history.first().investment_explanation == "Aangepast."
    assert list(copy.investment_decisions.all()) == list(old.investment_decisions.all())
    old.refresh_from_db()
    assert old.investment_explanation == explanation


def test_the_service_copies_the_investment_explanation(old, civil_servant):
    old.investment_explanation = "Vanuit het Coalitieakkoord."
    old.save()
    copy = services.prestatie_continue(prestatie=old, by=civil_servant)
    assert copy.investment_explanation == "Vanuit het Coalitieakkoord."
