import pytest

from reporting.models import ReportRun
from tests.reporting.data import build_overijssel_2016


@pytest.fixture(autouse=True)
def report_files(tmp_path, settings):
    """Each test writes report files to its own directory."""
    storage = ReportRun._meta.get_field("pdf_file").storage
    location = tmp_path / "reports"
    old = storage._location
    storage._location = str(location)
    for name in ("base_location", "location"):
        storage.__dict__.pop(name, None)
    settings.REPORTS_ROOT = location
    yield location
    storage._location = old
    for name in ("base_location", "location"):
        storage.__dict__.pop(name, None)


@pytest.fixture
def data(overijssel):
    return build_overijssel_2016(overijssel)
