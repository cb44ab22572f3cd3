"""Import participants from an XLSX file: all rows or none.

The import runs the real services inside one transaction; a preview runs
the same and rolls back, so what the preview promises is what happens.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from config.digits import refuse_other_digits
from participants.services import (
    contact_person_create,
    kvk_number_clean,
    organisation_get_or_create,
)

from .exports import COLUMNS, EXPORT_ONLY, FORMULA_STARTS
from .models import Mission, Registration
from .services import registration_create

MAX_ROWS = 2000
YES = {"ja", "yes", "j", "y", "1", "true", "waar", "x"}
NO = {"nee", "no", "n", "0", "false", "onwaar", ""}


def _header_map() -> dict[str, str]:
    """Header text (any language, or the key itself) → column key."""
    mapping = {}
    for key, label in COLUMNS:
        mapping[key] = key
        for language in ("nl", "en"):
            with translation.override(language):
                mapping[str(label).strip().lower()] = key
    return mapping


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    # Undo the export's protection against formulas.
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        text = text[1:]
    return text


def rows_from_xlsx(upload) -> dict:
    """The first sheet as {"headers": [...], "rows": [[...], ...]} of text."""
    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a bad file
        raise ValidationError(
            _("This file cannot be read as an Excel file (.xlsx).")
        ) from error
    sheet = workbook.worksheets[0]
    values = sheet.iter_rows(values_only=True)
    headers = [_text(cell) for cell in next(values, ())]
    rows = []
    for row in values:
        if len(rows) >= MAX_ROWS:
            raise ValidationError(
                _("The file has more than %(max)s rows.") % {"max": MAX_ROWS}
            )
        rows.append([_text(cell) for cell in row])
    workbook.close()
    while headers and not headers[-1]:
        headers.pop()
    return {"headers": headers, "rows": rows}


@dataclass
class ImportReport:
    errors: list[tuple[int, str]] = field(default_factory=list)
    outcomes: list[tuple[int, str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, row: int, message: str) -> None:
        self.errors.append((row, message))


def _yes_no(value: str) -> bool | None:
    value = value.strip().lower()
    if value in YES:
        return True
    if value in NO:
        return False
    return None


def _columns(headers: list[str], report: ImportReport) -> list[str | None]:
    mapping = _header_map()
    keys = []
    for header in headers:
        key = mapping.get(header.strip().lower())
        if header and key is None:
            report.error(
                1,
                _("Unknown column “%(column)s”. Known columns: %(known)s.")
                % {
                    "column": header,
                    "known": ", ".join(str(label) for _key, label in COLUMNS),
                },
            )
        if key in keys:
            report.error(
                1, _("The column “%(column)s” appears twice.") % {"column": header}
            )
        keys.append(key)
    if "kvk_number" not in keys:
        report.error(1, _("The column “KvK number” is missing."))
    return keys


def participants_import(
    *, mission: Mission, table: dict, by, dry_run: bool = False
) -> ImportReport:
    """Register every row's organisation for the mission, or nothing at all."""
    report = ImportReport()
    keys = _columns(table.get("headers", []), report)
    if not report.ok:
        return report
    seen: dict[str, int] = {}
    with transaction.atomic():
        for number, cells in enumerate(table.get("rows", []), start=2):
            row = {
                key: cells[index] if index < len(cells) else ""
                for index, key in enumerate(keys)
                if key and key not in EXPORT_ONLY
            }
            if not any(row.values()):
                continue
            _import_row(mission, row, number, seen, by, report)
        if not seen and report.ok:
            report.error(1, _("The file has no participants."))
        if dry_run or not report.ok:
            transaction.set_rollback(True)
    return report


def _import_row(mission, row, number, seen, by, report) -> None:
    try:
        kvk = kvk_number_clean(row.get("kvk_number", ""))
    except ValidationError as error:
        report.error(number, error.message_dict["kvk_number"][0])
        return
    if kvk in seen:
        report.error(
            number,
            _("KvK number %(kvk)s appears twice: in rows %(first)s and %(row)s.")
            % {"kvk": kvk, "first": seen[kvk], "row": number},
        )
        return
    seen[kvk] = number
    seats_text = row.get("seats", "") or "1"
    try:
        refuse_other_digits(seats_text)
    except ValidationError as error:
        report.error(number, " ".join(error.messages))
        return
    # isdigit() is true for "²" and "٣": only 0-9 make a number of seats.
    if not re.fullmatch("[0-9]+", seats_text) or int(seats_text) < 1:
        report.error(
            number,
            _("“%(value)s” is not a number of seats.") % {"value": seats_text},
        )
        return
    first_time = _yes_no(row.get("first_time_exporter", ""))
    if first_time is None:
        report.error(
            number,
            _("First-time exporter: write yes or no, not “%(value)s”.")
            % {"value": row.get("first_time_exporter")},
        )
        return
    try:
        with transaction.atomic():
            organisation, _created = organisation_get_or_create(
                kvk_number=kvk, name=row.get("name", ""), province=mission.province
            )
            contacts = []
            if row.get("contact_name") or row.get("contact_email"):
                email = row.get("contact_email", "")
                contact = (
                    organisation.contacts.filter(email__iexact=email).first()
                    if email
                    else None
                )
                contacts = [
                    contact
                    or contact_person_create(
                        organisation=organisation,
                        name=row.get("contact_name") or email,
                        email=email,
                        phone=row.get("contact_phone", ""),
                    )
                ]
            registration = registration_create(
                mission=mission,
                organisation=organisation,
                by=by,
                seats=int(seats_text),
                contacts=contacts,
                first_time_exporter=first_time,
                source=Registration.Source.IMPORT,
            )
    except (ValidationError, PermissionDenied) as error:
        messages = getattr(error, "messages", None) or [str(error)]
        report.error(number, f"{kvk}: " + " ".join(messages))
        return
    report.outcomes.append(
        (number, organisation.name, registration.get_status_display())
    )
