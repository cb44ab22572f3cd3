"""Dates built in Python follow the active language and Europe/Amsterdam
(issue 17, item 3): "3 december 2026" in Dutch, "3 December 2026" in
English, never a numeric day-month order that reads differently per
country, nor a date in UTC."""

import csv
import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone, translation

from missions import exports, selectors
from missions.services.missions import mission_complete
from missions.services.results import mission_result_save
from reporting.adoption import report_run_adopt
from tests.factories import (
    MissionFactory,
    RegistrationFactory,
    ReportRunFactory,
)

pytestmark = pytest.mark.django_db

DAY = {"nl": "3 december 2026", "en": "3 December 2026"}
LANGUAGES = pytest.mark.parametrize("language", ["nl", "en"])


def message(error: ValidationError) -> str:
    return " ".join(error.messages)


@LANGUAGES
def test_completing_a_mission_too_early_names_its_start_in_words(
    civil_servant, language
):
    mission = MissionFactory(
        province=civil_servant.province,
        open=True,
        start_date=datetime.date(2026, 12, 3),
        end_date=datetime.date(2026, 12, 5),
    )
    with translation.override(language), pytest.raises(ValidationError) as caught:
        mission_complete(
            mission=mission, by=civil_servant, today=datetime.date(2026, 11, 20)
        )
    assert DAY[language] in message(caught.value)
    assert "03-12-2026" not in message(caught.value)


@LANGUAGES
def test_results_too_early_name_the_day_they_open(civil_servant, language):
    mission = MissionFactory(
        province=civil_servant.province,
        status="completed",
        start_date=datetime.date(2026, 6, 1),
        end_date=datetime.date(2026, 6, 3),
    )
    registration = RegistrationFactory(mission=mission, attended=True)
    with translation.override(language), pytest.raises(ValidationError) as caught:
        mission_result_save(
            registration=registration,
            moment="6_months",
            by=civil_servant,
            today=datetime.date(2026, 7, 1),
        )
    assert DAY[language] in message(caught.value)


@LANGUAGES
def test_the_participant_export_writes_the_sign_up_time_in_amsterdam(
    civil_servant, language
):
    mission = MissionFactory(province=civil_servant.province, open=True)
    registration = RegistrationFactory(mission=mission, submitted=True)
    # 23:30 UTC on 2 December is 00:30 on 3 December in Amsterdam.
    registration.created_at = datetime.datetime(
        2026, 12, 2, 23, 30, tzinfo=datetime.UTC
    )
    registration.save(update_fields=["created_at"])
    with translation.override(language):
        content = exports.participants_csv(
            selectors.mission_participant_rows(mission=mission)
        ).decode("utf-8-sig")
    (row,) = list(csv.reader(io.StringIO(content), delimiter=";"))[1:]
    assert row[-1] == f"{DAY[language]} 00:30"


@LANGUAGES
def test_an_adoption_older_than_the_report_names_the_report_date(
    civil_servant, language
):
    frozen = datetime.datetime(2026, 12, 3, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    run = ReportRunFactory(
        province=civil_servant.province,
        status="succeeded",
        figures={},
        pdf_file="reports/x.pdf",
        finished_at=frozen,
        figures_at=frozen,
    )
    with translation.override(language), pytest.raises(ValidationError) as caught:
        report_run_adopt(
            run=run, adopted_on=datetime.date(2026, 12, 1), by=civil_servant
        )
    assert DAY[language] in message(caught.value)


@LANGUAGES
def test_the_security_mail_gives_the_moment_in_words_and_local_time(language):
    moment = datetime.datetime(2026, 12, 2, 23, 30, tzinfo=datetime.UTC)
    with translation.override(language), timezone.override("Europe/Amsterdam"):
        text = render_to_string(
            "account/email/base_notification.txt", {"timestamp": moment}
        )
    assert f"{DAY[language]} 00:30" in text
