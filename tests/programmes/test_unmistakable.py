"""Back-office pages that cannot be misread: years on choices, real numbers,
local dates with lower-case Dutch months, amounts on one line, the ledger in
the order of the decisions' dates."""

import datetime
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from programmes.models import ReserveMutation
from reporting.forms import ReportRequestForm
from tests.factories import (
    ActionFactory,
    DecisionFactory,
    IndicatorFactory,
    IndicatorTargetFactory,
    PrestatieFactory,
    ReserveFactory,
    ReserveMutationFactory,
)

pytestmark = pytest.mark.django_db


def test_target_heading_shows_a_count_without_decimals(client, civil_servant):
    action = ActionFactory(
        prestatie=PrestatieFactory(province=civil_servant.province, year=2027)
    )
    indicator = IndicatorFactory(action=action, name="Handelsmissies")
    target = IndicatorTargetFactory(indicator=indicator, year=2027, value=5)
    client.force_login(civil_servant)

    body = client.get(
        reverse("programmes:target_detail", args=[target.pk])
    ).content.decode()

    assert "<h1>Handelsmissies 2027: 5</h1>" in body
    assert "5.00" not in body
    other = IndicatorTargetFactory.build(
        indicator=indicator, year=2027, value=Decimal("1234.5")
    )
    assert str(other) == "Handelsmissies 2027: 1.234,50"


def test_mutation_page_shows_local_time_without_microseconds(client, civil_servant):
    reserve = ReserveFactory(province=civil_servant.province)
    mutation = ReserveMutationFactory(reserve=reserve, decided=True)
    moment = datetime.datetime(2027, 5, 10, 12, 34, 56, 789123, tzinfo=datetime.UTC)
    ReserveMutation.objects.filter(pk=mutation.pk).update(
        created_at=moment, decided_at=moment
    )
    client.force_login(civil_servant)

    body = client.get(
        reverse("programmes:mutation_detail", args=[mutation.pk])
    ).content.decode()

    # 12:34 UTC is 14:34 in Amsterdam in summer.
    assert "10 mei 2027 14:34" in body
    assert "789123" not in body
    assert "12:34:56" not in body


def test_decision_dates_in_list_and_page_read_as_words(client, civil_servant):
    decision = DecisionFactory(
        province=civil_servant.province, date=datetime.date(2027, 5, 10)
    )
    client.force_login(civil_servant)

    listing = client.get(reverse("programmes:decision_list")).content.decode()
    page = client.get(
        reverse("programmes:decision_detail", args=[decision.pk])
    ).content.decode()

    assert "10 mei 2027" in listing and "10 mei 2027" in page
    assert "2027-05-10" not in listing + page


def test_english_pages_give_english_month_names(client, civil_servant):
    decision = DecisionFactory(
        province=civil_servant.province, date=datetime.date(2027, 5, 10)
    )
    client.force_login(civil_servant)

    page = client.get(
        "/en" + reverse("programmes:decision_detail", args=[decision.pk])
    ).content.decode()

    assert "10 May 2027" in page


def test_no_capitalised_dutch_month_abbreviation_in_templates():
    """'10 Mei 2027' came from the 'M' format; Dutch months are lower case."""
    offenders = [
        str(path)
        for path in Path(settings.BASE_DIR, "templates").rglob("*.html")
        if re.search(r'\|date:"[^"]*\bM\b', path.read_text())
    ]
    assert offenders == []


def test_ledger_is_sorted_by_decision_date_not_by_when_it_was_entered(
    client, civil_servant
):
    province = civil_servant.province
    reserve = ReserveFactory(province=province)
    early = DecisionFactory(province=province, date=datetime.date(2026, 1, 15))
    late = DecisionFactory(province=province, date=datetime.date(2026, 6, 1))
    # The June decision was entered first, the January one afterwards.
    entered_first = ReserveMutationFactory(
        reserve=reserve,
        addition=True,
        decided=True,
        decision=late,
        amount=Decimal("200"),
    )
    entered_later = ReserveMutationFactory(
        reserve=reserve,
        addition=True,
        decided=True,
        decision=early,
        amount=Decimal("100"),
    )
    now = timezone.now()
    ReserveMutation.objects.filter(pk=entered_first.pk).update(decided_at=now)
    ReserveMutation.objects.filter(pk=entered_later.pk).update(
        decided_at=now + datetime.timedelta(hours=1)
    )
    client.force_login(civil_servant)

    response = client.get(reverse("programmes:reserve_detail", args=[reserve.pk]))

    decided = response.context["ledger"].decided
    assert [m.pk for m in decided] == [entered_later.pk, entered_first.pk]
    assert [m.balance_after for m in decided] == [Decimal("100"), Decimal("300")]
    body = response.content.decode()
    assert body.index("15 januari 2026") < body.index("1 juni 2026")


def test_amounts_are_marked_to_stay_on_one_line(client, civil_servant):
    reserve = ReserveFactory(province=civil_servant.province)
    ReserveMutationFactory(
        reserve=reserve, addition=True, decided=True, amount=Decimal("500000")
    )
    client.force_login(civil_servant)

    ledger = client.get(
        reverse("programmes:reserve_detail", args=[reserve.pk])
    ).content.decode()
    listing = client.get(reverse("programmes:mutation_list")).content.decode()

    assert re.search(r'class="text-end money">\+ € 500\.000<', ledger)
    assert re.search(r'class="money">€ 500\.000<', listing)
    css = (settings.BASE_DIR / "static/css/portal.css").read_text()
    assert re.search(r"\.money\s*{[^}]*white-space:\s*nowrap", css)


def test_report_form_prestatie_choices_name_their_year(civil_servant):
    for year in (2016, 2027):
        PrestatieFactory(
            province=civil_servant.province,
            year=year,
            code="5.4.2",
            title="Internationaliseren",
        )

    form = ReportRequestForm(user=civil_servant)
    labels = [label for value, label in form.fields["prestatie"].choices if value]

    assert labels == [
        "5.4.2 Internationaliseren (2027)",
        "5.4.2 Internationaliseren (2016)",
    ]


def _computed_page(civil_servant, metric, accumulation="annual"):
    from tests.factories import MissionFactory, OrganisationFactory, RegistrationFactory

    province = civil_servant.province
    prestatie = PrestatieFactory(province=province, year=2027)
    action = ActionFactory(prestatie=prestatie, number=1)
    indicator = IndicatorFactory(
        action=action,
        name="Gerealiseerde missies",
        source="computed",
        metric=metric,
        accumulation=accumulation,
    )
    IndicatorTargetFactory(indicator=indicator, year=2027, value=3)
    for _ in range(2):
        mission = MissionFactory(
            province=province,
            action=action,
            status="completed",
            start_date=datetime.date(2027, 3, 1),
            end_date=datetime.date(2027, 3, 3),
        )
        RegistrationFactory(
            mission=mission,
            organisation=OrganisationFactory(province=province),
            seats=2,
            status="attended",
        )
    # Not counted: planned, not completed.
    MissionFactory(
        province=province,
        action=action,
        status="published",
        start_date=datetime.date(2027, 9, 1),
        end_date=datetime.date(2027, 9, 3),
    )
    return prestatie


@pytest.mark.parametrize(
    ("metric", "shown"),
    [("missions_realised", "2"), ("participants", "4"), ("entrepreneurs", "4")],
)
def test_realised_column_shows_the_computed_number(
    client, civil_servant, metric, shown
):
    prestatie = _computed_page(civil_servant, metric)
    client.force_login(civil_servant)

    body = client.get(
        reverse("programmes:prestatie_detail", args=[prestatie.pk])
    ).content.decode()

    assert "berekend door het portaal" not in body
    row = re.search(r"Gerealiseerde missies</a>.*?</tr>", body, re.S).group(0)
    assert re.findall(r"<td[^>]*>(.*?)</td>", row) == [
        "2027",
        "3",
        f'<span class="money">{shown}</span>',
    ]


def test_realised_column_costs_the_same_queries_for_more_actions(client, civil_servant):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    prestatie = _computed_page(civil_servant, "participants")
    client.force_login(civil_servant)
    page = reverse("programmes:prestatie_detail", args=[prestatie.pk])

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            client.get(page)
        return len(ctx.captured_queries)

    before = queries()
    for number in (2, 3, 4):
        action = ActionFactory(prestatie=prestatie, number=number)
        indicator = IndicatorFactory(
            action=action, source="computed", metric="leads", accumulation="cumulative"
        )
        IndicatorTargetFactory(indicator=indicator, year=2027, value=10)
    assert queries() == before
