"""Import participants from an XLSX file: all rows or none.

The import runs the real services inside one transaction; a preview runs
the same and rolls back, so what the preview promises is what happens.
"""

import re
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.formats import number_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from config.digits import refuse_other_digits
from participants.services import kvk_number_clean

from .exports import COLUMNS, EXPORT_ONLY, FORMULA_STARTS
from .models import Mission, Registration
from .services import organisation_register_for_mission

MAX_ROWS = 2000
# Empty rows (formatted, say) are skipped, but not without end.
MAX_SHEET_ROWS = 10 * MAX_ROWS
# The participant list has ten columns; room for a few of one's own, which
# are refused by name below, not read cell by cell.
MAX_COLUMNS = 50
# The longest value the import stores is an e-mail address (254).
MAX_CELL_LENGTH = 500
# An .xlsx file is a zip archive: a small upload can unpack into gigabytes
# of XML that openpyxl would parse. 2,000 rows of ten columns unpack to
# about 1 MB.
MAX_UNPACKED_BYTES = 25 * 1024 * 1024
# The page lists this many errors and counts the rest.
MAX_ERRORS_SHOWN = 50
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


def _quoted(value: str) -> str:
    """A cell's text shortened for a message: a page of errors stays small."""
    return Truncator(value).chars(60)


def _unreadable() -> ValidationError:
    return ValidationError(_("This file cannot be read as an Excel file (.xlsx)."))


def _refuse_large_archive(upload) -> None:
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise _unreadable() from error
    finally:
        upload.seek(0)
    if unpacked > MAX_UNPACKED_BYTES:
        raise ValidationError(
            _(
                "This file unpacks to more than %(max)s MB. Keep only the sheet "
                "with the participants, without formatting, and upload it again."
            )
            % {"max": MAX_UNPACKED_BYTES // (1024 * 1024)}
        )


def _cells(row, number: int) -> list[str]:
    cells = [_text(cell) for cell in row]
    for index, text in enumerate(cells):
        if len(text) > MAX_CELL_LENGTH:
            raise ValidationError(
                _(
                    "Cell %(cell)s holds %(count)s characters; a cell may hold "
                    "at most %(max)s."
                )
                % {
                    "cell": f"{get_column_letter(index + 1)}{number}",
                    "count": number_format(len(text), force_grouping=True),
                    "max": MAX_CELL_LENGTH,
                }
            )
    return cells


def _read_sheet(sheet) -> dict:
    # The header row is read whole (at most 16,384 cells); the other rows
    # only as far as the headers go, so wide rows cost no memory.
    header_row = next(sheet.iter_rows(max_row=1, values_only=True), ())
    headers = _cells(header_row, 1)
    while headers and not headers[-1]:
        headers.pop()
    if len(headers) > MAX_COLUMNS:
        raise ValidationError(
            _(
                "The first row has %(count)s columns; the import reads at most "
                "%(max)s. Keep the columns of the participant list and remove "
                "the others."
            )
            % {
                "count": number_format(len(headers), force_grouping=True),
                "max": MAX_COLUMNS,
            }
        )
    rows = []
    filled = 0
    values = sheet.iter_rows(min_row=2, max_col=max(len(headers), 1), values_only=True)
    for number, row in enumerate(values, start=2):
        cells = _cells(row, number)
        if any(cells):
            filled += 1
            if filled > MAX_ROWS:
                raise ValidationError(
                    _("The file has more than %(max)s rows.")
                    % {"max": number_format(MAX_ROWS, force_grouping=True)}
                )
            rows.append(cells)
        elif number > MAX_SHEET_ROWS:
            raise ValidationError(
                _("The sheet has more than %(max)s rows, empty ones included.")
                % {"max": number_format(MAX_SHEET_ROWS, force_grouping=True)}
            )
        else:
            # Keeps the row numbers of the messages right.
            rows.append([])
    while rows and not rows[-1]:
        rows.pop()
    return {"headers": headers, "rows": rows}


def rows_from_xlsx(upload) -> dict:
    """The first sheet as {"headers": [...], "rows": [[...], ...]} of text.

    Refuses (ValidationError) a file that unpacks too large, a header row
    wider than MAX_COLUMNS, more than MAX_ROWS filled rows and a cell longer
    than MAX_CELL_LENGTH, and stops reading at the first of these.
    """
    _refuse_large_archive(upload)
    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a bad file
        raise _unreadable() from error
    try:
        return _read_sheet(workbook.worksheets[0])
    except ValidationError:
        raise
    except Exception as error:  # read-only mode parses the XML while reading
        raise _unreadable() from error
    finally:
        workbook.close()


@dataclass
class ImportReport:
    """What an import did or would do. Only the first MAX_ERRORS_SHOWN
    errors are kept; `more_errors` counts the rest."""

    errors: list[tuple[int, str]] = field(default_factory=list)
    outcomes: list[tuple[int, str, str]] = field(default_factory=list)
    more_errors: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, row: int, message: str) -> None:
        if len(self.errors) < MAX_ERRORS_SHOWN:
            self.errors.append((row, message))
        else:
            self.more_errors += 1


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
                    "column": _quoted(header),
                    "known": ", ".join(str(label) for _key, label in COLUMNS),
                },
            )
        if key in keys:
            report.error(
                1,
                _("The column “%(column)s” appears twice.")
                % {"column": _quoted(header)},
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
            _("“%(value)s” is not a number of seats.") % {"value": _quoted(seats_text)},
        )
        return
    first_time = _yes_no(row.get("first_time_exporter", ""))
    if first_time is None:
        report.error(
            number,
            _("First-time exporter: write yes or no, not “%(value)s”.")
            % {"value": _quoted(row.get("first_time_exporter", ""))},
        )
        return
    try:
        with transaction.atomic():
            registration = organisation_register_for_mission(
                mission=mission,
                by=by,
                kvk_number=kvk,
                name=row.get("name", ""),
                seats=int(seats_text),
                contact_name=row.get("contact_name", ""),
                contact_email=row.get("contact_email", ""),
                contact_phone=row.get("contact_phone", ""),
                first_time_exporter=first_time,
                source=Registration.Source.IMPORT,
            )
    except (ValidationError, PermissionDenied) as error:
        messages = getattr(error, "messages", None) or [str(error)]
        report.error(number, f"{kvk}: " + " ".join(messages))
        return
    report.outcomes.append(
        (number, registration.organisation.name, registration.get_status_display())
    )
