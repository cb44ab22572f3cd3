"""The sheets of the XLSX annex that carry what the PDF and DOCX say beyond
the counted tables (issue 16): the text of each P&C page (programme
heading, purpose, context, intended results, actions, progress, the free
finance text, basic information), the status of each actie, each actie over
the years, the reserves, the effect funnel and the programmes with their
decisions.

Figures are numbers and dates are dates, as in the rest of the annex; the
sentences are the document's own, so the three formats say the same once.
``sheet`` is xlsx._sheet: (workbook, title, headers, rows, money_columns,
date_columns) → worksheet. Call inside ``translation.override(language)``.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from missions.models import MissionResult
from programmes.models import Decision, Programme

from ..formatting import to_decimal
from .extras import unknown_right_after


def _number(value) -> Decimal | None:
    return to_decimal(value)


def _block_rows(blocks: list[dict]) -> list[str]:
    """Paragraphs and list items of a text, one row each."""
    rows = []
    for block in blocks:
        if block["kind"] == "list":
            rows.extend(f"• {item}" for item in block["items"])
        else:
            rows.append(block["text"])
    return rows


def _progress_rows(pr: dict) -> list[str]:
    rows = []
    for blocks in pr.get("note_blocks") or [
        [{"kind": "paragraph", "text": n}] for n in pr["notes"]
    ]:
        rows += _block_rows(blocks)
    for block in pr["mission_blocks"]:
        rows.append(block["intro"])
        rows += [f"• {line}" for line in block["lines"]]
    rows += [s for s in (pr["participants"], pr["results"]) if s]
    if pr["highlights"]:
        rows.append(_("Highlights"))
        rows += [f"• {line}" for line in pr["highlights"]]
    return rows


def _text_rows(p: dict) -> list[list]:
    """One row per paragraph of the prestatie's page: [prestatie code, part,
    actie number, text, status]."""
    code = p["heading"].split(" ", 1)[0]
    rows: list[list] = []

    def add(part, text, number=None, status=""):
        if text:
            rows.append([code, part, number, text, status])

    add(_("Programme"), p.get("programme_heading"))
    add(_("Programme"), p.get("goal_heading"))
    add(_("Prestatie"), p["heading"])
    for text in _block_rows(p.get("purpose_blocks") or []):
        add(_("Purpose"), text)
    for text in _block_rows(p.get("context_blocks") or []):
        add(_("Context"), text)
    for r in p.get("intended_results") or []:
        add(p["intended_results_title"], r["text"], status=r["status_label"])
    for a in p["actions"]:
        status = a.get("status") or {}
        add(_("Actions"), a["text"], a["number"], status.get("label", ""))
        for target in a["targets"]:
            add(_("Actions"), f"• {target}", a["number"])
    for pr in p["progress"]:
        for text in _progress_rows(pr):
            add(_("Progress"), text, pr["number"])
    for text in _block_rows(p["finance_section"]["text"]):
        add(_("Finance"), text)
    for label, value in p["basic"]:
        # A text of more paragraphs: one row each, the label on the first.
        first, *more = str(value).split("\n")
        add(_("Basic information"), f"{label}: {first}")
        for paragraph in more:
            add(_("Basic information"), paragraph)
    return rows


def add_text(workbook, doc: dict, sheet) -> None:
    worksheet = sheet(
        workbook,
        _("Text"),
        [_("Prestatie"), _("Part"), _("Action"), _("Text"), _("Status")],
        [row for p in doc["prestaties"] for row in _text_rows(p)],
    )
    worksheet.column_dimensions["B"].width = 30
    worksheet.column_dimensions["D"].width = 100


def add_action_status(workbook, doc: dict, sheet) -> None:
    rows = [
        [
            p["heading"].split(" ", 1)[0],
            a["number"],
            a["status"]["label"],
            a["status"]["explanation"],
        ]
        for p in doc["prestaties"]
        for a in p["actions"]
        if a.get("status")
    ]
    sheet(
        workbook,
        _("Status per action"),
        [_("Prestatie"), _("Action"), _("Status"), _("Explanation")],
        rows,
    )


def add_history(workbook, figures: dict, sheet) -> None:
    """Targets and results of each actie over the years of its prestatie
    and predecessors; as the PDF, only where there is more than a year."""
    history = (figures.get("extras") or {}).get("action_history", {})
    rows = []
    for p in figures["prestaties"]:
        for a in p["actions"]:
            years = history.get(str(a["id"]), [])
            if len({y["year"] for y in years}) < 2:
                continue
            rows += [
                [
                    p["code"],
                    a["number"],
                    y["year"],
                    y["prestatie_code"],
                    i["name"],
                    i["unit"],
                    _number(i["target"]),
                    _number(i["realised"]),
                ]
                for y in years
                for i in y["indicators"]
            ]
    sheet(
        workbook,
        _("Actions over the years"),
        [
            _("Prestatie"),
            _("Action"),
            _("Year"),
            _("Prestatie in that year"),
            _("Indicator"),
            _("Unit"),
            _("Target"),
            _("Realised"),
        ],
        rows,
    )


def add_reserves(workbook, figures: dict, sheet) -> None:
    sheet(
        workbook,
        _("Reserves"),
        [
            _("Reserve"),
            _("Opening balance"),
            _("Mutations decided"),
            _("Mutations proposed"),
            _("Closing balance"),
            _("Closing balance after the proposals"),
        ],
        [
            [
                r["name"],
                _number(r["begin"]),
                _number(r["decided"]),
                _number(r["proposed"]),
                _number(r["end"]),
                _number(r["end_with_proposed"]),
            ]
            for r in figures.get("reserves", [])
        ],
        money_columns=(2, 3, 4, 5, 6),
    )


def add_funnel(workbook, figures: dict, doc: dict, sheet, money_format) -> None:
    """Participants → leads → deals → export turnover at each moment, then
    the province's contribution and the cost per participant."""
    funnel = (figures.get("extras") or {}).get("funnel")
    if not funnel or not doc.get("funnel"):
        return
    by_moment = {m["moment"]: m for m in figures.get("results_by_moment", [])}
    rows = []
    for moment, label in MissionResult.Moment.choices:
        m = by_moment.get(moment) or {}
        rows.append(
            [
                str(label),
                m.get("responses", 0),
                m.get("leads") if m else None,
                m.get("deals") if m else None,
                _number(m.get("expected_export_turnover")) if m else None,
                (
                    _number(m.get("export_turnover"))
                    if m and not unknown_right_after(moment, m.get("export_turnover"))
                    else None
                ),
            ]
        )
    worksheet = sheet(
        workbook,
        _("Effect of the missions"),
        [
            _("Moment"),
            _("Reported"),
            _("Leads"),
            _("Deals"),
            _("Expected export turnover"),
            _("Realised export turnover"),
        ],
        rows,
        money_columns=(5, 6),
    )
    worksheet.append([])
    for label, value in (
        (_("Participants"), figures["totals"]["participants"]),
        (_("Province contribution"), _number(funnel["province_contribution"])),
        (_("Cost per participant"), _number(funnel.get("cost_per_participant"))),
    ):
        worksheet.append([label, value])
        if label != _("Participants") and value is not None:
            cell = worksheet.cell(row=worksheet.max_row, column=2)
            cell.number_format = money_format(value)
    worksheet.append([])
    worksheet.append([doc["funnel"]["cost_sentence"]])


def add_programmes(workbook, figures: dict, doc: dict, sheet, date) -> None:
    """The programmes running in the year with what was granted, and their
    decisions: also where no prestatie refers to them (Limburg's
    MKB-aanpak)."""
    kinds = dict(Programme.Kind.choices)
    bodies = dict(Decision.Body.choices)
    programmes = figures.get("programmes", [])
    texts = {pr["name"]: pr for pr in doc.get("programmes", [])}
    sheet(
        workbook,
        _("Programmes"),
        [
            _("Programme"),
            _("Kind"),
            _("Start year"),
            _("End year"),
            _("Part of"),
            _("Carried out by"),
            _("Amount granted"),
            _("Description"),
            _("Granted"),
        ],
        [
            [
                pr["name"],
                str(kinds.get(pr["kind"], pr["kind"])),
                pr["start_year"],
                pr["end_year"],
                pr["parent"],
                pr["executing_partner"],
                _number(pr["granted_amount"]),
                "\n".join(
                    _block_rows(texts.get(pr["name"], {}).get("description", []))
                ),
                texts.get(pr["name"], {}).get("granted", ""),
            ]
            for pr in programmes
        ],
        money_columns=(7,),
    )
    sheet(
        workbook,
        _("Decisions"),
        [
            _("Programme"),
            _("Decided by"),
            _("Date"),
            _("Title"),
            _("Reference"),
            _("Link"),
        ],
        [
            [
                pr["name"],
                str(bodies.get(d["body"], d["body"])),
                date(d["date"]),
                d["title"],
                d["reference"],
                d["url"],
            ]
            for pr in programmes
            for d in pr["decisions"]
        ],
        date_columns=(3,),
    )


def add_support(workbook, figures: dict, doc: dict, sheet) -> None:
    """The desk's and the advisory tracks' figures of the year (issue 18)
    as numbers; no sheet when the province has none."""
    if not doc.get("support"):
        return
    from .document import SUPPORT_LABELS

    support = figures.get("support") or {}
    sheet(
        workbook,
        _("Desk and advisory tracks"),
        [_("Figure"), _("Number")],
        [[str(label), int(support.get(key) or 0)] for key, label in SUPPORT_LABELS],
    )
