"""The participant list as a spreadsheet: XLSX and CSV with the same columns."""

import csv
import io

from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook

# (key, header). The import reads the same headers back, in either language.
COLUMNS = [
    ("kvk_number", _("KvK number")),
    ("name", _("Organisation")),
    ("seats", _("Seats")),
    ("contact_name", _("Contact person")),
    ("contact_email", _("E-mail")),
    ("contact_phone", _("Phone")),
    ("first_time_exporter", _("First-time exporter")),
    ("status", _("Status")),
    ("waitlist_position", _("Position on waiting list")),
    ("created_at", _("Signed up on")),
]
# Columns the export writes for reading only; the import skips them.
EXPORT_ONLY = {"status", "waitlist_position", "created_at"}
# A cell starting with one of these is a formula in Excel or LibreOffice;
# data from companies must never run as one (CSV/formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _rows(participants: list[dict]):
    """`participants`: from selectors.mission_participant_rows."""
    from django.utils.translation import gettext as gettext_now

    from .models import Registration

    yes, no = gettext_now("yes"), gettext_now("no")
    months = {number: str(name) for number, name in MONTHS.items()}
    status_labels = {value: str(label) for value, label in Registration.Status.choices}
    for row in participants:
        name, email, phone = row["contact"]
        yield [
            row["organisation__kvk_number"],
            row["organisation__name"],
            row["seats"],
            name,
            email,
            phone,
            yes if row["first_time_exporter"] else no,
            status_labels[row["status"]],
            row["waitlist_position"] or "",
            _signed_up_on(timezone.localtime(row["created_at"]), months),
        ]


def _signed_up_on(moment, months: dict[int, str]) -> str:
    """Django's date format "j F Y H:i" ("3 december 2026 09:05"), in the
    language of the file and Europe/Amsterdam, written out: date_format
    parses the format again for every row, a third of the list's time with
    300 sign-ups."""
    return (
        f"{moment.day} {months[moment.month]} {moment.year:04d} "
        f"{moment.hour:02d}:{moment.minute:02d}"
    )


def participants_xlsx(participants: list[dict]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(_("Participants"))[:31]
    sheet.append([str(label) for _key, label in COLUMNS])
    for row in _rows(participants):
        sheet.append([neutralise(value) for value in row])
        # KvK numbers are text: a number would lose its leading zeros.
        sheet.cell(row=sheet.max_row, column=1).number_format = "@"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def participants_csv(participants: list[dict]) -> bytes:
    output = io.StringIO()
    # Semicolons: what Excel expects in a Dutch locale.
    writer = csv.writer(output, delimiter=";")
    writer.writerow([str(label) for _key, label in COLUMNS])
    for row in _rows(participants):
        writer.writerow([neutralise(value) for value in row])
    # A byte order mark so that Excel reads the file as UTF-8.
    return ("\ufeff" + output.getvalue()).encode("utf-8")
