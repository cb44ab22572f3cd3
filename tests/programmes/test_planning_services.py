"""Writes of prestaties, actions, indicators and the rest, with their rules."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from programmes import services
from programmes.models import (
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    IntendedResult,
    Prestatie,
    Programme,
)
from tests.factories import (
    ActionFactory,
    DecisionFactory,
    IndicatorFactory,
    IndicatorTargetFactory,
    IndicatorValueFactory,
    PrestatieFactory,
    ProgrammeFactory,
    ReserveFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def prestatie(overijssel):
    return PrestatieFactory(province=overijssel, year=2016, code="5.4.2")


@pytest.fixture
def period_prestatie(overijssel):
    return PrestatieFactory(province=overijssel, period=True)


# Decisions and programmes ------------------------------------------------


def test_decision_reference_is_kept_as_free_text(overijssel, civil_servant):
    decision = services.decision_create(
        province=overijssel,
        body="PS",
        reference=" kenmerk 45/5.8/2020002069 ",
        date=datetime.date(2020, 3, 1),
        kind="other",
        title="Besluit",
        by=civil_servant,
    )
    assert decision.reference == "kenmerk 45/5.8/2020002069"
    assert decision.history.first().history_user == civil_servant


def test_decision_reference_is_unique_per_province(overijssel, limburg, civil_servant):
    DecisionFactory(province=overijssel, reference="PS/2016/871")
    DecisionFactory(province=limburg, reference="PS/2016/871")
    with pytest.raises(ValidationError):
        services.decision_create(
            province=overijssel,
            body="PS",
            reference="PS/2016/871",
            date=datetime.date(2016, 11, 9),
            kind="investment",
            title="Dubbel",
            by=civil_servant,
        )


def test_only_an_amendment_has_a_number(overijssel, civil_servant):
    with pytest.raises(ValidationError) as excinfo:
        services.decision_create(
            province=overijssel,
            body="PS",
            reference="PS/2015/687",
            date=datetime.date(2015, 11, 4),
            kind="budget",
            amendment_number=3,
            title="Begroting 2016",
            by=civil_servant,
        )
    assert "amendment_number" in excinfo.value.message_dict


def test_programme_with_workplan_under_it(overijssel, civil_servant):
    decision = DecisionFactory(province=overijssel)
    parent = services.programme_create(
        province=overijssel,
        name="#in",
        start_year=2016,
        decisions=[decision],
        by=civil_servant,
    )
    child = services.programme_create(
        province=overijssel,
        name="GO4EXPORT",
        kind=Programme.Kind.WORKPLAN,
        parent=parent,
        executing_partner="Oost NL",
        start_year=2017,
        by=civil_servant,
    )
    assert list(parent.decisions.all()) == [decision]
    assert list(parent.children.all()) == [child]


def test_programme_end_before_start_is_refused(overijssel, civil_servant):
    with pytest.raises(ValidationError) as excinfo:
        services.programme_create(
            province=overijssel,
            name="X",
            start_year=2018,
            end_year=2017,
            by=civil_servant,
        )
    assert excinfo.value.message_dict["end_year"] == [
        "Het eindjaar kan niet vóór het beginjaar liggen."
    ]
    assert not Programme.objects.exists()


def test_programme_granted_amount_with_cents_only(overijssel, civil_servant):
    with pytest.raises(ValidationError) as excinfo:
        services.programme_create(
            province=overijssel,
            name="MKB",
            start_year=2018,
            granted_amount=Decimal("600000.001"),
            by=civil_servant,
        )
    assert "granted_amount" in excinfo.value.message_dict


def test_programme_decisions_of_another_province_are_refused(
    overijssel, limburg, civil_servant
):
    with pytest.raises(ValidationError) as excinfo:
        services.programme_create(
            province=overijssel,
            name="#in",
            start_year=2016,
            decisions=[DecisionFactory(province=limburg)],
            by=civil_servant,
        )
    assert "decisions" in excinfo.value.message_dict
    assert not Programme.objects.exists()


def test_programme_cannot_be_part_of_itself(overijssel, civil_servant):
    parent = ProgrammeFactory(province=overijssel)
    child = ProgrammeFactory(province=overijssel, parent=parent)
    with pytest.raises(ValidationError) as excinfo:
        services.programme_update(
            programme=parent, data={"parent": child}, by=civil_servant
        )
    assert "parent" in excinfo.value.message_dict


def test_programme_update_records_history(overijssel, civil_servant):
    programme = ProgrammeFactory(province=overijssel, name="Oud")
    services.programme_update(
        programme=programme, data={"name": "Nieuw"}, by=civil_servant
    )
    latest = programme.history.first()
    assert latest.name == "Nieuw"
    assert latest.history_user == civil_servant
    change = latest.diff_against(latest.prev_record).changes[0]
    assert (change.field, change.old, change.new) == ("name", "Oud", "Nieuw")


def test_update_refuses_fields_it_does_not_own(overijssel, limburg, civil_servant):
    reserve = ReserveFactory(province=overijssel)
    with pytest.raises(TypeError):
        services.reserve_update(
            reserve=reserve, data={"province": limburg}, by=civil_servant
        )


# Prestaties ----------------------------------------------------------------


def test_prestatie_with_reserve_and_investment_decision(overijssel, civil_servant):
    reserve = ReserveFactory(province=overijssel)
    decision = DecisionFactory(province=overijssel)
    prestatie = services.prestatie_create(
        province=overijssel,
        year=2016,
        code="5.4.2",
        title="Bevorderen van export",
        relates_to_reserve=True,
        reserve=reserve,
        portfolio_holder="Eddy van Hijum",
        investment_decisions=[decision],
        by=civil_servant,
    )
    assert prestatie.reserve == reserve
    assert list(prestatie.investment_decisions.all()) == [decision]


def test_prestatie_with_reserve_relation_must_name_it(overijssel, civil_servant):
    with pytest.raises(ValidationError) as excinfo:
        services.prestatie_create(
            province=overijssel,
            year=2016,
            code="5.4.2",
            title="X",
            relates_to_reserve=True,
            by=civil_servant,
        )
    assert "reserve" in excinfo.value.message_dict


def test_prestatie_end_year_before_start_year(overijssel, civil_servant):
    with pytest.raises(ValidationError) as excinfo:
        services.prestatie_create(
            province=overijssel,
            year=2016,
            code="5.4.2",
            title="X",
            duration=Prestatie.Duration.PERIOD,
            start_year=2018,
            end_year=2016,
            by=civil_servant,
        )
    assert excinfo.value.message_dict["end_year"] == [
        "Het eindjaar kan niet vóór het beginjaar liggen."
    ]


def test_prestatie_code_unique_per_year(prestatie, civil_servant):
    with pytest.raises(ValidationError):
        services.prestatie_create(
            province=prestatie.province,
            year=2016,
            code="5.4.2",
            title="Dubbel",
            by=civil_servant,
        )


def test_prestatie_predecessor_must_be_earlier(prestatie, civil_servant):
    later = PrestatieFactory(province=prestatie.province, year=2018, code="5.4.2")
    with pytest.raises(ValidationError) as excinfo:
        services.prestatie_update(
            prestatie=prestatie, data={"predecessor": later}, by=civil_servant
        )
    assert "predecessor" in excinfo.value.message_dict
    services.prestatie_update(
        prestatie=later,
        data={"predecessor": prestatie, "continuation": "changed"},
        by=civil_servant,
    )
    assert later.predecessor == prestatie


def test_structural_prestatie_drops_a_left_over_end_year(overijssel, civil_servant):
    prestatie = services.prestatie_create(
        province=overijssel,
        year=2016,
        code="1.1",
        title="X",
        duration=Prestatie.Duration.STRUCTURAL,
        end_year=2017,
        by=civil_servant,
    )
    assert prestatie.end_year is None


def test_shortening_a_prestatie_below_its_targets_is_refused(
    period_prestatie, civil_servant
):
    IndicatorTargetFactory(indicator__action__prestatie=period_prestatie, year=2018)
    with pytest.raises(ValidationError, match="2018"):
        services.prestatie_update(
            prestatie=period_prestatie, data={"end_year": 2017}, by=civil_servant
        )
    period_prestatie.refresh_from_db()
    assert period_prestatie.end_year == 2018


# Actions, indicators, targets, values ----------------------------------------


def test_action_with_programmes_of_its_province(prestatie, civil_servant, limburg):
    programme = ProgrammeFactory(province=prestatie.province)
    action = services.action_create(
        prestatie=prestatie,
        number=1,
        text="Wij faciliteren drie handelsmissies.",
        programmes=[programme],
        by=civil_servant,
    )
    assert list(action.programmes.all()) == [programme]
    with pytest.raises(ValidationError) as excinfo:
        services.action_update(
            action=action,
            data={"programmes": [ProgrammeFactory(province=limburg)]},
            by=civil_servant,
        )
    assert "programmes" in excinfo.value.message_dict
    assert list(action.programmes.all()) == [programme]


def test_action_number_unique_within_prestatie(prestatie, civil_servant):
    ActionFactory(prestatie=prestatie, number=1)
    with pytest.raises(ValidationError):
        services.action_create(
            prestatie=prestatie, number=1, text="Dubbel", by=civil_servant
        )


def test_computed_indicator_needs_its_figure(prestatie, civil_servant):
    action = ActionFactory(prestatie=prestatie)
    with pytest.raises(ValidationError) as excinfo:
        services.indicator_create(
            action=action,
            name="Missies",
            source=Indicator.Source.COMPUTED,
            by=civil_servant,
        )
    assert "metric" in excinfo.value.message_dict
    indicator = services.indicator_create(
        action=action,
        name="Missies",
        source=Indicator.Source.COMPUTED,
        metric=Indicator.Metric.MISSIONS_REALISED,
        by=civil_servant,
    )
    assert indicator.metric == "missions_realised"


def test_entered_indicator_loses_a_stray_metric(prestatie, civil_servant):
    indicator = services.indicator_create(
        action=ActionFactory(prestatie=prestatie),
        name="Bedrijven begeleid",
        metric=Indicator.Metric.DEALS,
        by=civil_servant,
    )
    assert indicator.metric == ""


def test_indicator_with_entered_values_cannot_become_computed(prestatie, civil_servant):
    value = IndicatorValueFactory(indicator__action__prestatie=prestatie)
    with pytest.raises(ValidationError) as excinfo:
        services.indicator_update(
            indicator=value.indicator,
            data={"source": "computed", "metric": "deals"},
            by=civil_servant,
        )
    assert "source" in excinfo.value.message_dict


def test_target_is_set_and_changed_per_year(prestatie, civil_servant):
    indicator = IndicatorFactory(action__prestatie=prestatie)
    services.indicator_target_set(
        indicator=indicator, year=2016, value=Decimal("3"), by=civil_servant
    )
    services.indicator_target_set(
        indicator=indicator, year=2016, value=Decimal("4"), by=civil_servant
    )
    target = IndicatorTarget.objects.get(indicator=indicator)
    assert target.value == Decimal("4.00")
    assert target.history.count() == 2


def test_setting_the_same_target_again_adds_no_history(prestatie, civil_servant):
    indicator = IndicatorFactory(action__prestatie=prestatie)
    for _ in range(2):
        services.indicator_target_set(
            indicator=indicator, year=2016, value=Decimal("3"), by=civil_servant
        )
    assert IndicatorTarget.history.count() == 1


@pytest.mark.parametrize("year", [2015, 2019])
def test_target_outside_the_duration_is_refused(period_prestatie, civil_servant, year):
    indicator = IndicatorFactory(action__prestatie=period_prestatie)
    with pytest.raises(ValidationError) as excinfo:
        services.indicator_target_set(
            indicator=indicator, year=year, value=Decimal("3"), by=civil_servant
        )
    assert excinfo.value.message_dict["year"] == [
        f"{year} valt buiten de looptijd van prestatie {period_prestatie.code} "
        "(2016–2018). Kies een jaar daarbinnen of pas eerst de looptijd aan."
    ]
    assert not IndicatorTarget.objects.exists()


def test_structural_prestatie_takes_targets_from_its_year_on(prestatie, civil_servant):
    indicator = IndicatorFactory(action__prestatie=prestatie)
    services.indicator_target_set(
        indicator=indicator, year=2030, value=Decimal("3"), by=civil_servant
    )
    with pytest.raises(ValidationError, match="structureel, vanaf 2016"):
        services.indicator_target_set(
            indicator=indicator, year=2015, value=Decimal("3"), by=civil_servant
        )


def test_negative_target_is_refused(prestatie, civil_servant):
    indicator = IndicatorFactory(action__prestatie=prestatie)
    with pytest.raises(ValidationError) as excinfo:
        services.indicator_target_set(
            indicator=indicator, year=2016, value=Decimal("-1"), by=civil_servant
        )
    assert "value" in excinfo.value.message_dict


def test_value_entered_for_entered_indicator(overijssel, civil_servant):
    prestatie = PrestatieFactory(province=overijssel, year=2018)
    indicator = IndicatorFactory(action__prestatie=prestatie)
    entry = services.indicator_value_set(
        indicator=indicator,
        year=2018,
        value=Decimal("10"),
        note="Begeleid door het exportbureau",
        by=civil_servant,
    )
    assert entry.value == Decimal("10.00")
    assert IndicatorValue.objects.get().note == "Begeleid door het exportbureau"


def test_value_of_computed_indicator_cannot_be_entered(prestatie, civil_servant):
    indicator = IndicatorFactory(action__prestatie=prestatie, computed=True)
    with pytest.raises(ValidationError, match="berekent"):
        services.indicator_value_set(
            indicator=indicator, year=2016, value=Decimal("3"), by=civil_servant
        )
    assert not IndicatorValue.objects.exists()


# Notes, results, budget lines ----------------------------------------------


def test_progress_note_has_its_writer_as_author(prestatie, civil_servant):
    note = services.progress_note_create(
        action=ActionFactory(prestatie=prestatie),
        year=2016,
        text="In 2016 zijn 4 uitgaande missies gerealiseerd.",
        by=civil_servant,
    )
    assert note.author == civil_servant
    services.progress_note_update(
        note=note, data={"text": "Aangepast"}, by=civil_servant
    )
    assert note.history.count() == 2


def test_progress_note_outside_duration_is_refused(period_prestatie, civil_servant):
    with pytest.raises(ValidationError) as excinfo:
        services.progress_note_create(
            action=ActionFactory(prestatie=period_prestatie),
            year=2020,
            text="X",
            by=civil_servant,
        )
    assert "year" in excinfo.value.message_dict


def test_intended_results_are_appended_in_order(overijssel, civil_servant):
    prestatie = PrestatieFactory(province=overijssel, year=2020, code="4.3.2")
    for text in ["Beleidsplan vastgesteld", "Pilots geëvalueerd"]:
        services.intended_result_create(
            prestatie=prestatie, year=2020, text=text, by=civil_servant
        )
    results = IntendedResult.objects.filter(prestatie=prestatie)
    assert [(r.position, r.text) for r in results] == [
        (1, "Beleidsplan vastgesteld"),
        (2, "Pilots geëvalueerd"),
    ]
    services.intended_result_update(
        result=results[0], data={"status": "achieved"}, by=civil_servant
    )
    assert results[0].history.count() == 2


def test_budget_line_amounts(prestatie, civil_servant):
    line = services.budget_line_create(
        prestatie=prestatie,
        year=2017,
        planned=Decimal("234000"),
        by=civil_servant,
    )
    services.budget_line_update(
        line=line, data={"realised": Decimal("1234.50")}, by=civil_servant
    )
    line.refresh_from_db()
    assert (line.planned, line.realised) == (Decimal("234000.00"), Decimal("1234.50"))


@pytest.mark.parametrize(("field", "value"), [("planned", "-1"), ("amended", "1.001")])
def test_budget_line_refuses_wrong_amounts(prestatie, civil_servant, field, value):
    data = {"planned": Decimal("1"), field: Decimal(value)}
    with pytest.raises(ValidationError) as excinfo:
        services.budget_line_create(
            prestatie=prestatie, year=2016, by=civil_servant, **data
        )
    assert field in excinfo.value.message_dict


def test_budget_line_year_within_duration(period_prestatie, civil_servant):
    with pytest.raises(ValidationError) as excinfo:
        services.budget_line_create(
            prestatie=period_prestatie,
            year=2025,
            planned=Decimal("1"),
            by=civil_servant,
        )
    assert "year" in excinfo.value.message_dict


def test_saving_an_unchanged_object_adds_no_history(prestatie, civil_servant):
    services.prestatie_update(
        prestatie=prestatie, data={"title": prestatie.title}, by=civil_servant
    )
    assert prestatie.history.count() == 1
