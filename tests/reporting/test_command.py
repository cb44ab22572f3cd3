import pytest
from django.core.management import CommandError, call_command

from reporting.models import ReportRun

pytestmark = pytest.mark.django_db


def test_the_command_generates_in_the_foreground_and_prints_the_paths(
    data, capsys, report_files
):
    call_command("generate_yearly_report", province="ov", year=2016, language="en")
    lines = capsys.readouterr().out.split()
    assert len(lines) == 4
    assert [line.rsplit(".", 1)[1] for line in lines] == ["html", "pdf", "xlsx", "docx"]
    for line in lines:
        assert line.startswith(str(report_files))
    run = ReportRun.objects.get()
    assert run.status == ReportRun.Status.SUCCEEDED
    assert run.language == "en"


def test_the_command_reports_one_prestatie(data, capsys):
    call_command("generate_yearly_report", province="OV", year=2016, prestatie="5.4.2")
    run = ReportRun.objects.get()
    assert run.prestatie == data.prestatie


@pytest.mark.parametrize(
    "kwargs",
    [{"province": "XX", "year": 2016}, {"province": "OV", "year": 1990}],
)
def test_the_command_refuses_wrong_input(overijssel, kwargs):
    with pytest.raises(CommandError):
        call_command("generate_yearly_report", **kwargs)
    assert not ReportRun.objects.exists()
