"""The XLSX data annex: the figures as tables, without personal data.

Only organisations' kinds, sectors and classes appear, never contact
persons. Text that a spreadsheet would read as a formula is neutralised.

Figures are numbers and dates are dates (issue 16, item 5), with number
formats that Excel and LibreOffice show in the reader's own locale: a Dutch
reader sees € 234.000 and 10-03-2016 (dd-mm-jjjj).
"""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from missions.models import Mission
from programmes.models import ReserveMutation

from ..formatting import to_decimal
from . import xlsx_sheets
from .document import key_figure_cells, mission_line, status_labels
from .sections import DECISION_MARK, finance_kind, finance_sentence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MONEY_FORMAT = '"€" #,##0'
MONEY_CENTS_FORMAT = '"€" #,##0.00'
DATE_FORMAT = "dd-mm-yyyy"
COUNT_FORMAT = "#,##0"
PERCENT_FORMAT = "0.0%"
MARK_FORMAT = "0.0"


def safe_cell(value):
    """Numbers stay numbers; text starting like a formula gets a quote, so
    that no spreadsheet evaluates it (CSV/formula injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _money_format(value) -> str:
    """Whole euros without cents (€ 234.000), otherwise with (€ 1.234,50)."""
    number = to_decimal(value)
    if number is None or number == number.to_integral_value():
        return MONEY_FORMAT
    return MONEY_CENTS_FORMAT


def _date(value) -> datetime.date | None:
    """A frozen ISO date ('2016-03-10') as a date."""
    if not value:
        return None
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value)[:10])


def _sheet(workbook, title, headers, rows, money_columns=(), date_columns=()):
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append([safe_cell(h) for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_cell(v) for v in row])
    for column in money_columns:
        for cell in sheet[get_column_letter(column)][1:]:
            cell.number_format = _money_format(cell.value)
    for column in date_columns:
        for cell in sheet[get_column_letter(column)][1:]:
            cell.number_format = DATE_FORMAT
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(
            12, min(60, len(str(header)) + 4)
        )
    sheet.freeze_panes = "A2"
    return sheet


def _number(value) -> Decimal | None:
    return to_decimal(value)


def render_xlsx(figures: dict, doc: dict) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    language = doc["language"]
    summary = workbook.create_sheet(title=_("Summary")[:31])
    for label, value in (
        (_("Report"), doc["title"]),
        (_("Province"), doc["province"]),
        (_("Scope"), doc["scope"]),
    ):
        summary.append([safe_cell(label), safe_cell(value)])
    summary.append([_("Printed on"), _date(doc["printed_iso"])])
    summary.cell(row=summary.max_row, column=2).number_format = DATE_FORMAT
    formats = {
        "count": COUNT_FORMAT,
        "percent": PERCENT_FORMAT,
        "mark": MARK_FORMAT,
        "date": DATE_FORMAT,
    }
    for label, value, kind, text in key_figure_cells(figures):
        # A number (or date) where there is one; the text where there is
        # none, so "not known yet" never reads as 0.
        if value is None:
            summary.append([safe_cell(label), safe_cell(text)])
            continue
        cell_value = value if kind == "date" else _number(value)
        if kind == "percent":
            cell_value = cell_value / 100
        summary.append([safe_cell(label), cell_value])
        cell = summary.cell(row=summary.max_row, column=2)
        cell.number_format = (
            _money_format(cell_value) if kind == "money" else formats[kind]
        )
    summary.column_dimensions["A"].width = 40
    summary.column_dimensions["B"].width = 50

    xlsx_sheets.add_text(workbook, doc, _sheet)
    xlsx_sheets.add_action_status(workbook, doc, _sheet)

    directions = dict(Mission.Direction.choices)
    _sheet(
        workbook,
        _("Missions"),
        [
            _("Mission"),
            _("Title"),
            _("Direction"),
            _("Country"),
            _("Region or city"),
            _("Themes"),
            _("Trade fair or event"),
            _("Start date"),
            _("End date"),
            _("Participants"),
            _("Organisations"),
        ],
        [
            [
                mission_line(m, language),
                m["title"],
                str(directions.get(m["direction"], m["direction"])),
                m["country_name"],
                m["region"],
                ", ".join(
                    (t.get("name_en") if language == "en" else "") or t["name"]
                    for t in m["themes"]
                ),
                m["event"],
                _date(m["start_date"]),
                _date(m["end_date"]),
                m["participants"],
                m["organisations"],
            ]
            for m in figures["missions"]
        ],
        date_columns=(8, 9),
    )
    for table in doc["spread"]:
        _sheet(
            workbook,
            _("By %(name)s") % {"name": table["title"].lower()},
            [table["title"], _("Missions"), _("Participants"), _("Organisations")],
            [list(row) for row in table["rows"]],
        )
    labels = status_labels()
    _sheet(
        workbook,
        _("Indicators"),
        [
            _("Prestatie"),
            _("Action"),
            _("Indicator"),
            _("Unit"),
            _("Target"),
            _("Realised"),
            _("Status"),
        ],
        [
            [
                p["code"],
                a["number"],
                i["name"],
                i["unit"],
                _number(i["target"]),
                _number(i["realised"]),
                labels.get(i["status"], i["status"]),
            ]
            for p in figures["prestaties"]
            for a in p["actions"]
            for i in a["indicators"]
        ],
    )
    kinds = dict(ReserveMutation.Kind.choices)
    statuses = dict(ReserveMutation.Status.choices)
    _sheet(
        workbook,
        _("Reserve mutations"),
        [
            _("Reserve"),
            _("Kind"),
            _("Status"),
            _("Amount"),
            _("Budget year"),
            _("Prestatie"),
            _("Decision"),
            _("Explanation"),
            _("Part"),
            _("Sentence"),
        ],
        [
            [
                m["reserve"],
                str(kinds.get(m["kind"], m["kind"])),
                str(statuses.get(m["status"], m["status"])),
                _number(m["amount"]),
                m["budget_year"],
                m["prestatie_code"],
                " ".join(filter(None, (m["decision_reference"], m["decision_title"]))),
                m["explanation"],
                finance_kind(m),
                finance_sentence(m).replace(
                    DECISION_MARK, f" ({m.get('decision_reference', '')})"
                ),
            ]
            for m in figures["mutations"]
        ],
        money_columns=(4,),
    )
    _sheet(
        workbook,
        _("Budget"),
        [
            _("Prestatie"),
            _("Year"),
            _("Budgeted"),
            _("After amendments"),
            _("Realised"),
            _("Remaining"),
        ],
        [
            [
                p["code"],
                p["budget"]["year"],
                _number(p["budget"]["planned"]),
                _number(p["budget"]["current"]),
                _number(p["budget"]["realised"]),
                _number(p["budget"]["remaining"]),
            ]
            for p in figures["prestaties"]
            if p.get("budget")
        ],
        money_columns=(3, 4, 5, 6),
    )
    xlsx_sheets.add_reserves(workbook, figures, _sheet)
    xlsx_sheets.add_history(workbook, figures, _sheet)
    xlsx_sheets.add_funnel(workbook, figures, doc, _sheet, _money_format)
    xlsx_sheets.add_programmes(workbook, figures, doc, _sheet, _date)
    xlsx_sheets.add_support(workbook, figures, doc, _sheet)
    # Fixed properties, so two renderings of the same figures match.
    workbook.properties.creator = doc["province"]
    workbook.properties.title = doc["title"]
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
