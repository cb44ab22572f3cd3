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
