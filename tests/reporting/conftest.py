import pytest

from tests.reporting.data import build_overijssel_2016


@pytest.fixture(autouse=True)
def _report_files(report_files):
    """Each test writes report files to its own directory."""
    return report_files


@pytest.fixture
def data(overijssel):
    return build_overijssel_2016(overijssel)
