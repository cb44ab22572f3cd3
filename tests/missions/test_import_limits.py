"""The XLSX import stays a small 4xx whatever the file holds.

A header row of 16,383 columns used to give a 4 MB error page; the size of
the upload was checked by a hard-coded 5 MB instead of config/uploads.py.
"""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from missions import imports
from participants.models import Organisation
from tests.factories import PASSWORD, MissionFactory

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADERS = ["KvK-nummer", "Organisatie", "Plaatsen"]
SMALL_PAGE = 100_000


def xlsx_bytes(rows) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def upload(content: bytes, name="deelnemers.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=XLSX)


@pytest.fixture
def mission(civil_servant):
    return MissionFactory(province=civil_servant.province, open=True)


@pytest.fixture
def post(client, civil_servant, mission):
    client.login(email=civil_servant.email, password=PASSWORD)
    url = reverse("missions_backoffice:import", args=[mission.pk])
    return lambda content, name="deelnemers.xlsx": client.post(
        url, {"file": upload(content, name)}
    )


def test_a_header_of_16383_columns_is_a_small_400(post, mission):
    content = xlsx_bytes([[f"kolom {n}" for n in range(16_383)], ["06012345"]])
    response = post(content)
    assert response.status_code == 400
    assert len(response.content) < SMALL_PAGE
    body = response.content.decode()
    assert "De eerste rij heeft 16.383 kolommen" in body
    assert "hoogstens 50" in body
    assert not mission.registrations.exists()


def test_wide_data_rows_are_read_only_as_far_as_the_headers(mission, civil_servant):
    """Cells right of the last header are never read into memory."""
    wide = ["06012345", "Bouman", "1", *(["x"] * 5_000)]
    table = imports.rows_from_xlsx(upload(xlsx_bytes([HEADERS, wide])))
    assert table == {"headers": HEADERS, "rows": [["06012345", "Bouman", "1"]]}


def test_only_the_first_errors_are_listed_and_the_rest_counted(post, mission):
    rows = [HEADERS, *([f"12ab{n}", "Fout BV", "1"] for n in range(300))]
    response = post(xlsx_bytes(rows))
    assert response.status_code == 400
    assert len(response.content) < SMALL_PAGE
    report = response.context["report"]
    assert len(report.errors) == imports.MAX_ERRORS_SHOWN == 50
    assert report.more_errors == 250
    assert "En nog 250 fouten, die hier niet staan." in response.content.decode()
    assert not Organisation.objects.exists()


def test_long_cell_values_are_shortened_in_messages(mission, civil_servant):
    table = {"headers": ["KvK-nummer", "x" * 400], "rows": []}
    report = imports.participants_import(mission=mission, table=table, by=None)
    assert not report.ok
    assert len(report.errors[0][1]) < 400


def test_more_than_the_maximum_of_rows_is_refused(post, mission):
    rows = [HEADERS, *([f"{n:08d}", f"Firma {n}", "1"] for n in range(2_001))]
    response = post(xlsx_bytes(rows))
    assert response.status_code == 400
    assert "Het bestand heeft meer dan 2.000 rijen." in response.content.decode()
    assert not mission.registrations.exists()


def test_empty_rows_do_not_count_but_do_not_go_on_for_ever(mission, monkeypatch):
    monkeypatch.setattr(imports, "MAX_SHEET_ROWS", 10)
    rows = [HEADERS, ["06012345", "Bouman", "1"], *([None] * 3 for _ in range(5))]
    table = imports.rows_from_xlsx(upload(xlsx_bytes(rows)))
    assert table["rows"] == [["06012345", "Bouman", "1"]]
    rows = [HEADERS, *([None] * 3 for _ in range(12)), ["06012345", "Bouman", "1"]]
    with pytest.raises(imports.ValidationError) as caught:
        imports.rows_from_xlsx(upload(xlsx_bytes(rows)))
    assert "lege rijen meegeteld" in caught.value.messages[0]


def test_a_cell_longer_than_any_field_is_refused(post, mission):
    response = post(xlsx_bytes([HEADERS, ["06012345", "B" * 501, "1"]]))
    assert response.status_code == 400
    assert "Cel B2 bevat 501 tekens" in response.content.decode()
    assert len(response.content) < SMALL_PAGE


def test_an_upload_above_the_setting_is_refused(post, mission, settings):
    """DJANGO_UPLOAD_MAX_BYTES (settings.UPLOAD_MAX_BYTES), not 5 MB."""
    content = xlsx_bytes([HEADERS, ["06012345", "Bouman", "1"]])
    settings.UPLOAD_MAX_BYTES = 1024
    assert len(content) > 1024
    response = post(content)
    assert response.status_code == 400
    assert "de grens is 1,0" in response.content.decode()
    assert not mission.registrations.exists()
    settings.UPLOAD_MAX_BYTES = 10 * 1024 * 1024
    assert post(content).status_code == 200


def test_a_file_that_unpacks_too_large_is_refused(post, mission, monkeypatch):
    monkeypatch.setattr(imports, "MAX_UNPACKED_BYTES", 2_000)
    response = post(xlsx_bytes([HEADERS, ["06012345", "Bouman", "1"]]))
    assert response.status_code == 400
    assert "uitgepakt groter dan" in response.content.decode()


def test_a_workbook_with_a_broken_cell_is_a_400(post, mission):
    """Read-only openpyxl parses the sheet while rows are read: a number
    cell holding text fails there, after load_workbook succeeded."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes([HEADERS, [6012345]])))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as broken:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                assert b"<v>6012345</v>" in data
                data = data.replace(b"<v>6012345</v>", b"<v>abc</v>")
            broken.writestr(item, data)
    response = post(output.getvalue())
    assert response.status_code == 400
    assert "Dit bestand kan niet worden gelezen als Excelbestand" in (
        response.content.decode()
    )


def test_a_renamed_file_is_refused_by_its_content(post, mission):
    response = post(b"<html><script>alert(1)</script></html>", name="lijst.xlsx")
    assert response.status_code == 400
    assert "geen Excel (.xlsx)-bestand" in response.content.decode()


@pytest.mark.parametrize("seats", ["²", "①"])
def test_seats_in_other_digits_are_a_400_with_a_message(post, mission, seats):
    response = post(xlsx_bytes([HEADERS, ["06012345", "Bouman", seats]]))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Rij 2" in body
    assert "alleen met de cijfers 0 tot en met 9" in body
    assert not mission.registrations.exists()
