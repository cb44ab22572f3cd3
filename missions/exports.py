"""The participant list as a spreadsheet: XLSX and CSV with the same columns."""

import csv
import io

from django.utils import timezone
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


def _rows(registrations):
    from django.utils.translation import gettext as gettext_now

    for registration in registrations:
        contacts = list(registration.contacts.all())
        contact = contacts[0] if contacts else None
        yield [
            registration.organisation.kvk_number,
            registration.organisation.name,
            registration.seats,
            contact.name if contact else "",
            contact.email if contact else "",
            contact.phone if contact else "",
            gettext_now("yes")
            if registration.first_time_exporter
            else gettext_now("no"),
            registration.get_status_display(),
            registration.waitlist_position or "",
            timezone.localtime(registration.created_at).strftime("%d-%m-%Y %H:%M"),
        ]


def participants_xlsx(registrations) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(_("Participants"))[:31]
    sheet.append([str(label) for _key, label in COLUMNS])
    for row in _rows(registrations):
        sheet.append([neutralise(value) for value in row])
        # KvK numbers are text: a number would lose its leading zeros.
        sheet.cell(row=sheet.max_row, column=1).number_format = "@"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def participants_csv(registrations) -> bytes:
    output = io.StringIO()
    # Semicolons: what Excel expects in a Dutch locale.
    writer = csv.writer(output, delimiter=";")
    writer.writerow([str(label) for _key, label in COLUMNS])
    for row in _rows(registrations):
        writer.writerow([neutralise(value) for value in row])
    # A byte order mark so that Excel reads the file as UTF-8.
    return ("\ufeff" + output.getvalue()).encode("utf-8")
