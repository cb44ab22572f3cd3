import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook, load_workbook

from missions import exports, imports, selectors
from missions.models import Registration
from participants.models import Organisation
from tests.factories import (
    PASSWORD,
    ContactPersonFactory,
    MissionFactory,
    OrganisationFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_upload(rows, name="deelnemers.xlsx"):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return SimpleUploadedFile(name, output.getvalue(), content_type=XLSX)


def registered(mission, kvk, name, seats=1, contact=None):
    organisation = OrganisationFactory(kvk_number=kvk, name=name)
    registration = RegistrationFactory(
        mission=mission, organisation=organisation, seats=seats
    )
    if contact:
        registration.contacts.add(
            ContactPersonFactory(organisation=organisation, **contact)
        )
    return registration


@pytest.fixture
def logged_in(client, civil_servant):
    client.login(email=civil_servant.email, password=PASSWORD)
    return client


def test_export_neutralises_formulas_and_keeps_leading_zeros(civil_servant):
    mission = MissionFactory(province=civil_servant.province, open=True)
    registered(mission, "00123456", '=HYPERLINK("http://evil")', 2)
    registered(mission, "06012345", "@Bouman", contact={"name": "-1+1"})
    content = exports.participants_xlsx(
        selectors.mission_participant_rows(mission=mission)
    )
    sheet = load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "KvK-nummer"
    by_kvk = {row[0]: row for row in rows[1:]}
    assert by_kvk["00123456"][1] == '\'=HYPERLINK("http://evil")'
    assert by_kvk["06012345"][1] == "'@Bouman"
    assert by_kvk["06012345"][3] == "'-1+1"
    # No cell became a formula.
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_csv_export_uses_semicolons_and_neutralises(civil_servant):
    mission = MissionFactory(province=civil_servant.province, open=True)
    registered(mission, "00123456", "+31 Export BV")
    content = exports.participants_csv(
        selectors.mission_participant_rows(mission=mission)
    ).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert rows[1][0] == "00123456"
    assert rows[1][1] == "'+31 Export BV"


def test_export_views_answer_xlsx_and_csv(logged_in, civil_servant):
    mission = MissionFactory(province=civil_servant.province, open=True)
    registered(mission, "00123456", "Export BV")
    response = logged_in.get(
        reverse("missions_backoffice:export", args=[mission.pk, "xlsx"])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    response = logged_in.get(
        reverse("missions_backoffice:export", args=[mission.pk, "csv"])
    )
    assert response.status_code == 200
    assert "Export BV" in response.content.decode("utf-8-sig")
    response = logged_in.get(
        reverse("missions_backoffice:export", args=[mission.pk, "pdf"])
    )
    assert response.status_code == 404


def test_xlsx_export_then_import_round_trips_the_participant_list(
    logged_in, civil_servant
):
    source = MissionFactory(province=civil_servant.province, open=True)
    registered(
        source, "00123456", "=Formule BV", 2, {"name": "Ans", "email": "ans@a.example"}
    )
    registered(
        source,
        "06012345",
        "Bouman Industries",
        1,
        {"name": "Bart", "email": "bart@b.example"},
    )
    exported = logged_in.get(
        reverse("missions_backoffice:export", args=[source.pk, "xlsx"])
    ).content

    target = MissionFactory(province=civil_servant.province, open=True)
    url = reverse("missions_backoffice:import", args=[target.pk])
    upload = SimpleUploadedFile("lijst.xlsx", exported, content_type=XLSX)
    preview = logged_in.post(url, {"file": upload})
    assert preview.status_code == 200
    assert preview.context["report"].ok
    assert not target.registrations.exists()  # a preview writes nothing

    response = logged_in.post(url, {"confirm": "1"})
    assert response.status_code == 302
    imported = {
        (r.organisation.kvk_number, r.organisation.name, r.seats, r.source)
        for r in target.registrations.select_related("organisation")
    }
    assert imported == {
        ("00123456", "=Formule BV", 2, Registration.Source.IMPORT),
        ("06012345", "Bouman Industries", 1, Registration.Source.IMPORT),
    }
    assert Organisation.objects.count() == 2  # known KvK numbers were reused
    again = exports.participants_xlsx(
        selectors.mission_participant_rows(mission=target)
    )
    first_rows = list(
        load_workbook(io.BytesIO(exported)).active.iter_rows(values_only=True)
    )
    second_rows = list(
        load_workbook(io.BytesIO(again)).active.iter_rows(values_only=True)
    )
    columns = slice(0, 7)  # everything but status and dates
    assert sorted(r[columns] for r in first_rows) == sorted(
        r[columns] for r in second_rows
    )


def test_import_accepts_english_headers_and_new_organisations(civil_servant):
    mission = MissionFactory(province=civil_servant.province, open=True)
    table = {
        "headers": ["KvK number", "Organisation", "Seats", "First-time exporter"],
        "rows": [["1234567", "Zeven Cijfers BV", "2", "yes"]],
    }
    report = imports.participants_import(mission=mission, table=table, by=civil_servant)
    assert report.ok, report.errors
    registration = mission.registrations.get()
    assert registration.organisation.kvk_number == "01234567"
    assert registration.first_time_exporter


def test_import_reports_an_error_per_row_and_writes_nothing(logged_in, civil_servant):
    mission = MissionFactory(province=civil_servant.province, open=True)
    RegistrationFactory(
        mission=mission, organisation=OrganisationFactory(kvk_number="22222222")
    )
    upload = xlsx_upload(
        [
            ["KvK-nummer", "Organisatie", "Plaatsen"],
            ["11111111", "Goed BV", "1"],
            ["12ab", "Fout BV", "1"],
            ["11111111", "Dubbel BV", "1"],
            ["22222222", "Al aangemeld BV", "1"],
            ["33333333", "", "1"],
            ["44444444", "Te veel BV", "9"],
        ]
    )
    response = logged_in.post(
        reverse("missions_backoffice:import", args=[mission.pk]), {"file": upload}
    )
    assert response.status_code == 400
    errors = dict(response.context["report"].errors)
    assert set(errors) == {3, 4, 5, 6, 7}
    assert "8 cijfers" in errors[3]
    assert "twee keer" in errors[4]
    assert "al aangemeld" in errors[5]
    assert "naam" in errors[6]
    assert "tussen 1 en 2" in errors[7]
    assert mission.registrations.count() == 1
    assert not Organisation.objects.filter(kvk_number="11111111").exists()


def test_import_refuses_unknown_columns(civil_servant):
    mission = MissionFactory(province=civil_servant.province, open=True)
    table = {"headers": ["KvK-nummer", "Schoenmaat"], "rows": [["11111111", "43"]]}
    report = imports.participants_import(mission=mission, table=table, by=civil_servant)
    assert not report.ok
    assert "Schoenmaat" in report.errors[0][1]
    assert not mission.registrations.exists()


def test_import_refuses_a_file_that_is_not_xlsx(logged_in, civil_servant):
    mission = MissionFactory(province=civil_servant.province, open=True)
    url = reverse("missions_backoffice:import", args=[mission.pk])
    upload = SimpleUploadedFile("lijst.xlsx", b"not a workbook", content_type=XLSX)
    response = logged_in.post(url, {"file": upload})
    assert response.status_code == 400
    csv_upload = SimpleUploadedFile("lijst.csv", b"a;b", content_type="text/csv")
    assert logged_in.post(url, {"file": csv_upload}).status_code == 400


def test_confirm_without_preview_writes_nothing(logged_in, civil_servant):
    mission = MissionFactory(province=civil_servant.province, open=True)
    response = logged_in.post(
        reverse("missions_backoffice:import", args=[mission.pk]), {"confirm": "1"}
    )
    assert response.status_code == 302
    assert not mission.registrations.exists()


def test_export_headers_follow_the_language(civil_servant):
    mission = MissionFactory(province=civil_servant.province, open=True)
    with translation.override("en"):
        content = exports.participants_xlsx(
            selectors.mission_participant_rows(mission=mission)
        )
    header = next(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    assert header[0] == "KvK number"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_sign_up_time_is_written_as_djangos_date_format_would(language):
    """The export writes "j F Y H:i" itself (date_format per row was a third
    of the list's time): every month, single-digit days and hours, both
    languages, the same text as Django's."""
    import datetime

    from django.utils import formats
    from django.utils.dates import MONTHS

    with translation.override(language):
        months = {number: str(name) for number, name in MONTHS.items()}
        for month in range(1, 13):
            for day, hour, minute in ((1, 0, 5), (9, 9, 0), (28, 23, 59)):
                moment = datetime.datetime(2026, month, day, hour, minute)
                assert exports._signed_up_on(moment, months) == formats.date_format(
                    moment, "j F Y H:i"
                )
