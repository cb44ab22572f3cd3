"""The information desk's and the advisory tracks' figures (issue 18, item
4): per province and year, as indicator metrics, on the dashboard and in
the yearly report; erasure leaves them as they are."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from advice.models import Track
from config.personal_data import Erasure, erase
from desk.models import Question
from programmes.models import Indicator
from programmes.realised import attach_realised
from reporting.figures import figures_for
from reporting.rendering.document import build_document
from tests.factories import (
    PASSWORD,
    ActionFactory,
    IndicatorFactory,
    IndicatorTargetFactory,
    OrganisationFactory,
    PrestatieFactory,
    UserFactory,
    sme_user_of,
)

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
M = Indicator.Metric


def at(year, month, day, hour=12):
    return datetime.datetime(year, month, day, hour, tzinfo=AMSTERDAM)


def question(province, asked, answered=None, status=None, user=None):
    return Question.objects.create(
        province=province,
        topic="export",
        subject="Beurs",
        text="Welke steun?",
        asker_name="Anna",
        asker_email="anna@example.org",
        asked_by=user,
        language="nl",
        created_at=asked,
        answered_at=answered,
        status=status
        or (Question.Status.ANSWERED if answered else Question.Status.NEW),
    )


def track(province, *, started=None, finished=None, plan=False, user=None):
    organisation = OrganisationFactory(province=province)
    adviser = OrganisationFactory(province=province, kind="adviser")
    status = (
        Track.Status.FINISHED
        if finished
        else Track.Status.ACTIVE
        if started
        else Track.Status.APPLIED
    )
    return Track.objects.create(
        province=province,
        organisation=organisation,
        applicant=user,
        applicant_name="Bert",
        applicant_email="bert@example.org",
        language="nl",
        kind="growth",
        ambition="Groeien",
        description="Meer export.",
        status=status,
        adviser=adviser if started else None,
        started_at=started,
        finished_at=finished,
        plan_finished=plan,
        created_at=started or at(2018, 1, 2),
    )


@pytest.fixture
def limburg_2018(limburg, overijssel, settings):
    settings.DESK_RESPONSE_DAYS = 5
    user = sme_user_of(OrganisationFactory(province=limburg), email="p@example.org")
    # 2018: four questions; three answered in 2018, two of them in time
    # (a referral counts as answered); one open.
    question(limburg, at(2018, 3, 1), at(2018, 3, 3), user=user)
    question(limburg, at(2018, 3, 1), at(2018, 3, 20))
    question(limburg, at(2018, 5, 1), at(2018, 5, 2), Question.Status.REFERRED)
    question(limburg, at(2018, 6, 1))
    # Asked in 2017, answered in 2018 (late): received 2017, answered 2018.
    question(limburg, at(2017, 12, 20), at(2018, 1, 10))
    # Another province's question counts there only.
    question(overijssel, at(2018, 3, 1), at(2018, 3, 2))
    # Tracks: one applied only, two started in 2018 (one finished with a
    # plan), one started in 2017 and finished in 2018 without a plan.
    track(limburg)
    track(limburg, started=at(2018, 2, 1))
    track(
        limburg, started=at(2018, 2, 1), finished=at(2018, 9, 1), plan=True, user=user
    )
    track(limburg, started=at(2017, 5, 1), finished=at(2018, 3, 1))
    track(overijssel, started=at(2018, 2, 1))
    return limburg


def test_the_desk_and_tracks_are_counted_per_province_and_year(limburg_2018):
    support = figures_for(province=limburg_2018, year=2018).support
    assert support.questions_received == 4
    assert support.questions_answered == 4
    assert support.questions_in_time == 2
    assert support.tracks_started == 2
    assert support.tracks_finished == 2
    assert support.plans_delivered == 1
    earlier = figures_for(province=limburg_2018, year=2017).support
    assert (earlier.questions_received, earlier.tracks_started) == (1, 1)
    assert earlier.questions_answered == 0


def test_the_target_time_is_the_setting(limburg_2018, settings):
    settings.DESK_RESPONSE_DAYS = 30
    assert figures_for(province=limburg_2018, year=2018).support.questions_in_time == 4


@pytest.fixture
def indicators(limburg_2018):
    prestatie = PrestatieFactory(province=limburg_2018, year=2018, code="MKB")
    action = ActionFactory(prestatie=prestatie, number=1)
    made = {}
    for metric, accumulation, target in (
        (M.QUESTIONS_RECEIVED, "annual", 10),
        (M.TRACKS_STARTED, "cumulative", 3),
        (M.PLANS_DELIVERED, "annual", 1),
    ):
        made[metric] = IndicatorFactory(
            action=action,
            source=Indicator.Source.COMPUTED,
            metric=metric,
            accumulation=accumulation,
        )
        IndicatorTargetFactory(indicator=made[metric], year=2018, value=target)
    return action


def test_indicators_on_the_new_metrics_show_the_provinces_figures(indicators):
    figures = figures_for(
        province=indicators.prestatie.province,
        year=2018,
        as_of=datetime.date(2019, 1, 15),
    )
    [action] = figures.prestaties[0].actions
    got = {i.metric: (i.target, i.realised, i.status) for i in action.indicators}
    assert got[M.QUESTIONS_RECEIVED] == (Decimal(10), Decimal(4), "behind")
    # Cumulative: started in 2017 and 2018.
    assert got[M.TRACKS_STARTED] == (Decimal(3), Decimal(3), "achieved")
    assert got[M.PLANS_DELIVERED] == (Decimal(1), Decimal(1), "achieved")


def test_the_programmes_pages_show_the_same_realised_values(indicators):
    from programmes.models import Action

    action = Action.objects.prefetch_related(
        "indicators__targets", "indicators__values"
    ).get(pk=indicators.pk)
    attach_realised([action])
    realised = {
        i.metric: [t.realised for t in i.targets.all()] for i in action.indicators.all()
    }
    assert realised[M.QUESTIONS_RECEIVED] == [4]
    assert realised[M.TRACKS_STARTED] == [3]


@pytest.mark.parametrize("extra", [0, 6])
def test_the_support_figures_take_four_queries_whatever_the_data(
    limburg, extra, django_assert_num_queries
):
    from reporting.figures.support import SupportCounts

    for day in range(extra):
        question(limburg, at(2018, 3, day + 1), at(2018, 3, day + 2))
        track(limburg, started=at(2016 + day % 3, 2, 1), finished=at(2018, 9, 1))
    with django_assert_num_queries(4):
        counts = SupportCounts([limburg.pk], 2018)
    assert counts.figure(limburg.pk, 2018).questions_received == extra


def test_erasing_the_people_leaves_the_figures(limburg_2018):
    before = figures_for(province=limburg_2018, year=2018).support
    user = UserFactory._meta.model.objects.get(email="p@example.org")
    erase(Erasure.of(user_ids=[user.pk], emails=[user.email]))
    assert Question.objects.filter(asker_name="Geanonimiseerd").exists()
    assert Track.objects.filter(applicant_name="Geanonimiseerd").exists()
    assert figures_for(province=limburg_2018, year=2018).support == before


def test_the_dashboard_and_the_report_show_them(client, limburg_2018, indicators):
    civil_servant = UserFactory(civil_servant=True, province=limburg_2018)
    assert client.login(email=civil_servant.email, password=PASSWORD)
    page = client.get(reverse("dashboard:index"), {"year": 2018}).content.decode()
    assert 'id="support-figures"' in page
    assert "Vragen ontvangen" in page or "Questions received" in page
    figures = figures_for(province=limburg_2018, year=2018).to_dict()
    document = build_document(figures, language="nl", printed=datetime.date.today())
    rows = dict(document["support"]["rows"])
    assert list(rows.values()) == ["4", "4", "2", "2", "2", "1"]


def test_a_report_frozen_before_the_support_figures_prints_none(limburg):
    figures = figures_for(province=limburg, year=2018).to_dict()
    assert (
        build_document(figures, language="nl", printed=datetime.date.today())["support"]
        is None
    )
    del figures["support"]
    assert (
        build_document(figures, language="nl", printed=datetime.date.today())["support"]
        is None
    )
