"""Honest figures (issue 16, item 4), read from the text of every format:
entrepreneurs and other organisations counted apart; results with how many
reported, the response, the cut-off date, expected and realised turnover,
and "not known yet" instead of € 0; themes with their full names."""

import io
import re

import pytest
from django.utils import timezone, translation
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from missions.models import MissionResult, Theme
from programmes.models import Indicator
from reporting.figures import figures_for
from reporting.rendering.document import mission_line
from reporting.services import report_run_generate, report_run_request
from tests.reporting.data import _indicator

pytestmark = pytest.mark.django_db

APART = "Deelnemende ondernemers: 44 en 4 onderwijsinstellingen."


def _run(data, language="nl"):
    run, _ = report_run_request(
        province=data.province, year=2016, language=language, queue=False
    )
    return report_run_generate(run_id=run.pk)


def _read(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def texts(run) -> dict[str, str]:
    """The words of each format."""
    pdf = PdfReader(io.BytesIO(_read(run.pdf_file)))
    document = Document(io.BytesIO(_read(run.docx_file)))
    docx = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        " ".join(c.text for c in row.cells) for t in document.tables for row in t.rows
    )
    html = re.sub(r"<[^>]+>", " ", _read(run.html_file).decode())
    return {
        "pdf": _flat(" ".join(page.extract_text() for page in pdf.pages)),
        "docx": _flat(docx),
        "html": _flat(html.replace("&nbsp;", " ")),
    }


def summary(run) -> dict:
    workbook = load_workbook(io.BytesIO(_read(run.xlsx_file)))
    return {row[0].value: row[1] for row in workbook.worksheets[0].iter_rows()}


def _today() -> str:
    from django.utils import formats

    return formats.date_format(timezone.localdate(), "j F Y")


def test_entrepreneurs_and_education_are_counted_apart_in_every_format(data):
    run = _run(data)
    for name, text in texts(run).items():
        assert APART in text, name
        assert "Deelnemende ondernemers 44" in text, name
        assert "Deelnemende onderwijsinstellingen 4" in text, name
    cells = summary(run)
    assert cells["Deelnemers"].value == 52
    assert cells["Deelnemende ondernemers"].value == 44
    assert cells["Deelnemende onderwijsinstellingen"].value == 4


def test_results_say_how_many_reported_the_response_and_the_cut_off_date(data):
    run = _run(data)
    today = _today()
    for name, text in texts(run).items():
        assert (
            f"Resultaten (3 van 26 gemeld, respons 11,5%, stand {today}): 8 leads "
            "en 2 deals; verwachte exportomzet € 300.001; gerealiseerde "
            "exportomzet € 150.000,50 (3 van 26 gemeld)."
        ) in text, name
        assert "Resultaten gemeld 3 van 26 gemeld" in text, name
        assert f"Stand van de cijfers {today}" in text, name
        assert "Verwachte exportomzet € 300.001 (3 van 26 gemeld)" in text, name
    cells = summary(run)
    assert cells["Resultaten gemeld"].value == 3
    assert cells["Respons"].value == pytest.approx(0.115)
    assert cells["Stand van de cijfers"].is_date
    assert cells["Verwachte exportomzet"].value == 300001
    assert cells["Gerealiseerde exportomzet"].value == pytest.approx(150000.50)


def test_turnover_nobody_could_report_yet_is_not_known_rather_than_zero(data):
    """Only measurements right after the missions, with no turnover yet."""
    MissionResult.objects.exclude(moment=MissionResult.Moment.AFTER).delete()
    MissionResult.objects.update(realised_export_turnover=0)
    run = _run(data)
    for name, text in texts(run).items():
        assert "gerealiseerde exportomzet nog niet bekend (3 van 26 gemeld)." in text, (
            name
        )
        assert "Gerealiseerde exportomzet nog niet bekend (3 van 26 gemeld)" in text
        assert "Exportomzet € 0" not in text
    cell = summary(run)["Gerealiseerde exportomzet"]
    assert cell.value == "nog niet bekend (3 van 26 gemeld)"


def test_no_results_at_all_reads_not_known_yet(data):
    MissionResult.objects.all().delete()
    run = _run(data)
    text = texts(run)["pdf"]
    assert "Resultaten: nog niet bekend (0 van 26 gemeld, stand" in text
    assert "Gerealiseerde exportomzet nog niet bekend (0 van 26 gemeld)" in text


def test_the_english_report_counts_apart_in_english(data):
    run = _run(data, language="en")
    text = texts(run)["pdf"]
    assert "Participating entrepreneurs: 44 and 4 education institutions." in text
    assert "(3 of 26 reported, response 11.5%, figures as of" in text
    assert "realised export turnover € 150,000.50 (3 of 26 reported)" in text


def test_an_entrepreneurs_indicator_counts_companies_only(data):
    _indicator(
        data.action, "Deelnemende ondernemers", target=30, metric="entrepreneurs"
    )
    with translation.override("nl"):
        figures = figures_for(province=data.province, year=2016)
    action = next(
        a for p in figures.prestaties for a in p.actions if a.id == data.action.pk
    )
    by_name = {i.name: (i.metric, i.realised) for i in action.indicators}
    assert by_name["Deelnemers"] == (Indicator.Metric.PARTICIPANTS, 52)
    assert by_name["Deelnemende ondernemers"] == (Indicator.Metric.ENTREPRENEURS, 44)
    assert action.entrepreneurs == 44
    assert action.other_organisations == {"education": 4}
    assert (action.participations, action.results_reported) == (26, 3)
    assert figures.totals.entrepreneurs == 44
    assert figures.totals.other_organisations == {"education": 4}


def test_themes_carry_their_full_names_and_brackets_never_nest():
    assert Theme.objects.get(slug="emt").name == "EMT (energie- en milieutechnologie)"
    mission = {
        "country_name": "China",
        "region": "Liaoning (Shenyang, Dalian)",
        "event": "",
        "themes": [{"name": "HTSM", "name_en": "HTSM"}],
        "direction": "outgoing",
        "leader": "",
    }
    with translation.override("nl"):
        line = mission_line(mission, "nl")
    assert line == (
        "Missie naar China, Liaoning (Shenyang, Dalian) rondom het thema HTSM"
    )
    mission["region"] = "Liaoning"
    with translation.override("nl"):
        assert mission_line(mission, "nl").startswith("Missie naar China (Liaoning)")


def test_figures_frozen_before_they_were_counted_apart_still_render(data):
    """A run frozen by an earlier version is rendered again as it was."""
    from reporting.rendering import render_report

    run = _run(data)
    figures = run.figures
    for key in (
        "entrepreneurs",
        "other_organisations",
        "participations",
        "results_reported",
        "results_later",
    ):
        figures["totals"].pop(key)
        for p in figures["prestaties"]:
            for action in p["actions"]:
                action.pop(key, None)
    files = render_report(run)
    html = _flat(files["html_file"][1].decode())
    assert "Exportomzet" in html
    assert "Deelnemende ondernemers" not in html
    assert "In totaal hebben 52 vertegenwoordigers" in html
