"""The parts of the P&C page that docx.py writes through these helpers:
programme heading, intended results, notes with lists, Financiën with a
subheading per kind and the reserve table, and the programmes with their
decisions. Kept apart so the layout of docx.py can change independently."""

from __future__ import annotations

from django.utils.translation import gettext as _

from .sections import decision_line


def _blocks(document, blocks) -> None:
    for block in blocks:
        if block["kind"] == "list":
            for item in block["items"]:
                document.add_paragraph(item, style="List Bullet")
        else:
            document.add_paragraph(block["text"])


def add_programme_heading(document, p: dict) -> None:
    for line in (p.get("programme_heading"), p.get("goal_heading")):
        if line:
            document.add_paragraph().add_run(line).bold = True


def add_intended_results(document, p: dict) -> None:
    if not p.get("intended_results"):
        return
    document.add_heading(p["intended_results_title"], level=2)
    for r in p["intended_results"]:
        document.add_paragraph(
            f"{r['text']} ({r['status_label']})", style="List Bullet"
        )


def add_notes(document, pr: dict) -> None:
    for blocks in pr.get(
        "note_blocks", [[{"kind": "paragraph", "text": n}] for n in pr["notes"]]
    ):
        _blocks(document, blocks)


def add_finance(document, p: dict, table) -> None:
    finance = p["finance_section"]
    _blocks(document, finance["text"])
    for group in finance["groups"]:
        document.add_heading(group["title"], level=3)
        for item in group["items"]:
            _blocks(document, item["explanation"])
            document.add_paragraph(item["sentence"])
    if not finance["groups"] and not finance["text"]:
        document.add_paragraph(_("There are no reserve mutations for this prestatie."))
    if finance["reserves"]:
        table(
            document,
            [
                _("Reserve"),
                _("Opening balance"),
                _("Mutations decided"),
                _("Mutations proposed"),
                _("Closing balance"),
                _("Closing balance after the proposals"),
            ],
            [
                (
                    r["name"],
                    r["begin"],
                    r["decided"],
                    r["proposed"],
                    r["end"],
                    r["end_with_proposed"],
                )
                for r in finance["reserves"]
            ],
        )


def add_programmes(document, doc: dict, table) -> None:
    if not doc.get("programmes"):
        return
    document.add_heading(_("Programmes and decisions"), level=1)
    for pr in doc["programmes"]:
        document.add_heading(pr["name"], level=2)
        _blocks(document, pr["description"])
        if pr["granted"]:
            document.add_paragraph(pr["granted"])
        table(document, None, pr["facts"], header_row=False)
        if pr["decisions"]:
            document.add_heading(_("Decisions"), level=3)
            for d in pr["decisions"]:
                document.add_paragraph(decision_line(d), style="List Bullet")


# --- issue 16 item 6: status, year-on-year table, effect funnel -----------


def add_action_status(document, item: dict) -> None:
    """'Status: op koers – toelichting' under the actie, as in the PDF."""
    status = item.get("status")
    if not status:
        return
    paragraph = document.add_paragraph()
    paragraph.add_run(_("Status:")).bold = True
    text = f" {status['label']}"
    if status["explanation"]:
        text += f" – {status['explanation']}"
    paragraph.add_run(text)


def add_history(document, item: dict, table) -> None:
    """The actie's targets and results over the years of the prestatie and
    its predecessors."""
    if not item.get("history"):
        return
    document.add_paragraph().add_run(
        _("Action %(number)s over the years") % {"number": item["number"]}
    ).bold = True
    table(
        document,
        [_("Year"), _("Prestatie"), _("Indicator"), _("Target"), _("Realised")],
        [
            (r["year"], r["prestatie"], r["indicator"], r["target"], r["realised"])
            for r in item["history"]
        ],
    )


def add_funnel(document, doc: dict, table) -> None:
    """The effect funnel: participants → leads → deals → export turnover
    right after, at 6 and 12 months, and the cost per participant."""
    funnel = doc.get("funnel")
    if not funnel:
        return
    document.add_heading(_("Effect of the missions"), level=1)
    document.add_paragraph(
        _(
            "Of %(participants)s participants, the ones who reported their "
            "results said the following at each moment."
        )
        % {"participants": funnel["participants"]}
    )
    table(
        document,
        [
            _("Moment"),
            _("Reported"),
            _("Leads"),
            _("Deals"),
            _("Expected export turnover"),
            _("Realised export turnover"),
        ],
        funnel["rows"],
    )
    document.add_paragraph(funnel["cost_sentence"])


def add_support(document, doc: dict, table) -> None:
    """The desk's and the advisory tracks' figures of the year (issue 18),
    as the PDF prints them; nothing when the province has none."""
    support = doc.get("support")
    if not support:
        return
    document.add_heading(_("Information desk and advisory tracks"), level=1)
    document.add_paragraph(
        _(
            "The information desk and the advisory tracks of the whole province "
            "in %(year)s; the desk answers within %(days)s days."
        )
        % {"year": doc["year"], "days": support["days"]}
    )
    table(document, None, support["rows"], header_row=False)
