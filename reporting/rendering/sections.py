"""Content of the parts of a P&C page beyond the counted figures: the
programme heading, intended results, the narrative per actie, Financiën as
provinces write it and the programmes with their decisions.

Pure functions over frozen figures (dicts), called by document.py inside
``translation.override(language)``. Frozen figures of older runs may lack
the newer keys, so every key is read with a default.
"""

from __future__ import annotations

import datetime

from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from programmes.models import (
    Decision,
    IntendedResult,
    Programme,
    ProgressNote,
    ReserveMutation,
)

from ..formatting import euro

LIST_MARKS = ("- ", "* ", "• ")
DECISION_MARK = "\x00"
# What a basis of the decision may not end with: it runs into the verb.
BASIS_END = ",;:. "


def text_blocks(text: str) -> list[dict]:
    """Paragraphs and lists of a text a person wrote: lines starting with
    "- ", "* " or "• " form a list, blank lines separate paragraphs.
    [{"kind": "paragraph", "text": ...}, {"kind": "list", "items": [...]}]"""
    blocks: list[dict] = []
    lines: list[str] = []

    def close_paragraph():
        if lines:
            blocks.append({"kind": "paragraph", "text": "\n".join(lines)})
            lines.clear()

    for raw in (text or "").splitlines():
        line = raw.strip()
        mark = next((m for m in LIST_MARKS if line.startswith(m)), None)
        if mark:
            close_paragraph()
            item = line[len(mark) :].strip()
            if blocks and blocks[-1]["kind"] == "list":
                blocks[-1]["items"].append(item)
            else:
                blocks.append({"kind": "list", "items": [item]})
        elif not line:
            close_paragraph()
        else:
            lines.append(line)
    close_paragraph()
    return blocks


def blocks_as_text(blocks: list[dict]) -> list[str]:
    """The blocks as plain paragraphs, list items prefixed with a bullet."""
    out = []
    for block in blocks:
        if block["kind"] == "list":
            out.extend(f"• {item}" for item in block["items"])
        else:
            out.append(block["text"])
    return out


# --- heading and intended results ----------------------------------------


def programme_heading(p: dict) -> str:
    """'Programma 4a. Economie' from the kerntaak/programme of the P&C page."""
    code = (p.get("kerntaak_code") or "").strip().rstrip(".")
    title = (p.get("kerntaak_title") or "").strip()
    if code and title:
        return _("Programme %(code)s. %(title)s") % {"code": code, "title": title}
    if code or title:
        return _("Programme %(title)s") % {"title": code or title}
    return ""


def goal_heading(p: dict) -> str:
    code = (p.get("doel_code") or "").strip()
    title = (p.get("doel_title") or "").strip()
    if not title:
        return ""
    return f"{code} {title}".strip()


def intended_results(p: dict) -> list[dict]:
    # Own words: "Planned" of a budget reads "Begroot", of a result "Gepland".
    labels = {
        IntendedResult.Status.PLANNED: pgettext("intended result", "planned"),
        IntendedResult.Status.ACHIEVED: pgettext("intended result", "achieved"),
        IntendedResult.Status.PARTLY: pgettext("intended result", "partly achieved"),
        IntendedResult.Status.NOT_ACHIEVED: pgettext("intended result", "not achieved"),
    }
    return [
        {
            "text": r["text"],
            "status": r["status"],
            "status_label": str(labels.get(r["status"], r["status"])),
        }
        for r in p.get("intended_results", [])
    ]


# --- the narrative per actie ----------------------------------------------


def apply_narrative(progress: dict, narrative: str) -> dict:
    """Keep only what the civil servant chose to print for the action:
    the generated text, their own, or their own with the generated text
    beneath. Without a note, the generated text."""
    Narrative = ProgressNote.Narrative
    if not progress["notes"]:
        narrative = Narrative.GENERATED
    progress["narrative"] = narrative
    progress["note_blocks"] = [text_blocks(n) for n in progress["notes"]]
    if narrative == Narrative.GENERATED:
        progress["notes"] = []
        progress["note_blocks"] = []
    elif narrative == Narrative.OWN:
        progress["mission_blocks"] = []
        progress["participants"] = ""
        progress["results"] = ""
        progress["highlights"] = []
    progress["notes"] = [
        "\n".join(blocks_as_text(blocks)) for blocks in progress["note_blocks"]
    ]
    return progress


# --- Financiën ------------------------------------------------------------


def _part(mutation: dict) -> dict:
    year = mutation["budget_year"]
    if mutation.get("budget_part") == ReserveMutation.BudgetPart.JAARSCHIJF:
        return {
            "part": _("the %(year)s tranche") % {"year": year},
            "budget": _(" of the %(year)s budget") % {"year": year},
        }
    return {"part": _("the %(year)s budget") % {"year": year}, "budget": ""}


def _plain_sentences() -> dict[tuple[str, bool], str]:
    """The sentence per (proposed / PS / GS, withdrawal?)."""
    return {
        ("proposed", True): _(
            "We propose to withdraw %(amount)s from the %(reserve)s and add "
            "this amount to %(part)s of prestatie %(prestatie)s%(budget)s."
        ),
        ("proposed", False): _(
            "We propose to add %(amount)s from %(part)s of prestatie "
            "%(prestatie)s%(budget)s to the %(reserve)s."
        ),
        ("PS", True): _(
            "The Provincial Council decided to withdraw %(amount)s from the "
            "%(reserve)s and add this amount to %(part)s of prestatie "
            "%(prestatie)s%(budget)s%(decision)s."
        ),
        ("PS", False): _(
            "The Provincial Council decided to add %(amount)s from %(part)s "
            "of prestatie %(prestatie)s%(budget)s to the "
            "%(reserve)s%(decision)s."
        ),
        ("GS", True): _(
            "We decided to withdraw %(amount)s from the %(reserve)s and add "
            "this amount to %(part)s of prestatie "
            "%(prestatie)s%(budget)s%(decision)s."
        ),
        ("GS", False): _(
            "We decided to add %(amount)s from %(part)s of prestatie "
            "%(prestatie)s%(budget)s to the %(reserve)s%(decision)s."
        ),
    }


def _sentences_with_basis() -> dict[tuple[str, bool], str]:
    """The same with the basis of the decision as the province writes it.

    In Dutch the basis opens the sentence: "Op basis van de spelregels van
    de Reserve … hebben wij besloten om een bedrag van € 109.000 te
    onttrekken aan …" (seed 002). The basis is the province's own words,
    usually Dutch, so it cannot open an English sentence ("Op basis van …,
    we decided"): the English sentence says what was decided and names the
    basis after it, as entered."""
    return {
        ("proposed", True): _(
            "We propose to withdraw %(amount)s from the %(reserve)s and add "
            "this amount to %(part)s of prestatie %(prestatie)s%(budget)s. "
            "Basis of the proposal: %(basis)s."
        ),
        ("proposed", False): _(
            "We propose to add %(amount)s from %(part)s of prestatie "
            "%(prestatie)s%(budget)s to the %(reserve)s. "
            "Basis of the proposal: %(basis)s."
        ),
        ("PS", True): _(
            "The Provincial Council decided to withdraw %(amount)s from the "
            "%(reserve)s and add this amount to %(part)s of prestatie "
            "%(prestatie)s%(budget)s%(decision)s. "
            "Basis of the decision: %(basis)s."
        ),
        ("PS", False): _(
            "The Provincial Council decided to add %(amount)s from %(part)s "
            "of prestatie %(prestatie)s%(budget)s to the "
            "%(reserve)s%(decision)s. Basis of the decision: %(basis)s."
        ),
        ("GS", True): _(
            "We decided to withdraw %(amount)s from the %(reserve)s and add "
            "this amount to %(part)s of prestatie "
            "%(prestatie)s%(budget)s%(decision)s. "
            "Basis of the decision: %(basis)s."
        ),
        ("GS", False): _(
            "We decided to add %(amount)s from %(part)s of prestatie "
            "%(prestatie)s%(budget)s to the %(reserve)s%(decision)s. "
            "Basis of the decision: %(basis)s."
        ),
    }


def finance_sentence(mutation: dict) -> str:
    """The mutation in the province's words, "jaarschijf" or "exploitatie"
    as the mutation says, opened by the basis of the decision when the
    mutation has one; a decided one ends with its decision reference,
    marked with DECISION_MARK so the HTML can link it."""
    # As the service stores it (a full stop or comma at its end would print
    # before "hebben wij besloten"), also for figures frozen before.
    basis = (mutation.get("decision_basis") or "").strip().rstrip(BASIS_END)
    values = {
        "amount": euro(mutation["amount"]),
        "reserve": mutation["reserve"],
        "prestatie": mutation["prestatie_code"],
        "decision": DECISION_MARK if mutation.get("decision_reference") else "",
        "basis": capfirst(basis),
        **_part(mutation),
    }
    withdrawal = mutation["kind"] == ReserveMutation.Kind.WITHDRAWAL
    if mutation["status"] == ReserveMutation.Status.PROPOSED:
        values["decision"] = ""
        who = "proposed"
    elif mutation["decision_body"] == Decision.Body.PS:
        who = "PS"
    else:
        who = "GS"
    sentences = _sentences_with_basis() if basis else _plain_sentences()
    return sentences[who, withdrawal] % values


def finance_kind(mutation: dict) -> str:
    """The subheading: 'Begrotingswijziging GS', 'Onttrekking', 'Storting'."""
    if mutation.get("decision_kind") == Decision.Kind.AMENDMENT:
        if mutation.get("decision_body") == Decision.Body.PS:
            return _("Budget amendment PS")
        return _("Budget amendment GS")
    if mutation["kind"] == ReserveMutation.Kind.WITHDRAWAL:
        return _("Withdrawal from a reserve")
    return _("Addition to a reserve")


def _finance_item(mutation: dict) -> dict:
    sentence = finance_sentence(mutation)
    reference = mutation.get("decision_reference", "")
    before, _mark, after = sentence.partition(DECISION_MARK)
    return {
        "explanation": text_blocks(mutation.get("explanation", "")),
        "before": before + (" (" if _mark else ""),
        "reference": reference if _mark else "",
        "url": mutation.get("decision_url", "") if _mark else "",
        "after": (")" if _mark else "") + after,
        "sentence": sentence.replace(DECISION_MARK, f" ({reference})"),
    }


def _reserve_rows(p: dict, figures: dict) -> list[dict]:
    wanted = set(p.get("reserve_ids", []))
    return [
        {
            "name": r["name"],
            "begin": euro(r["begin"]),
            "decided": euro(r["decided"]),
            "proposed": euro(r["proposed"]),
            "end": euro(r["end"]),
            "end_with_proposed": euro(r["end_with_proposed"]),
        }
        for r in figures.get("reserves", [])
        if r["id"] in wanted
    ]


def finance(p: dict, figures: dict) -> dict:
    """Financiën of a prestatie: its free text, the mutations grouped under a
    subheading per kind, each with its explanation, and the reserve table."""
    mutations = {m["id"]: m for m in figures["mutations"]}
    groups: list[dict] = []
    for pk in p["mutation_ids"]:
        mutation = mutations.get(pk)
        if mutation is None:
            continue
        title = finance_kind(mutation)
        group = next((g for g in groups if g["title"] == title), None)
        if group is None:
            group = {"title": title, "items": []}
            groups.append(group)
        group["items"].append(_finance_item(mutation))
    return {
        "text": text_blocks(p.get("finance_text", "")),
        "groups": groups,
        "reserves": _reserve_rows(p, figures),
    }


def finance_lines(section: dict) -> list[str]:
    """Financiën as plain paragraphs, for formats without subheadings."""
    lines = blocks_as_text(section["text"])
    for group in section["groups"]:
        for item in group["items"]:
            lines.extend(blocks_as_text(item["explanation"]))
            lines.append(item["sentence"])
    return lines


# --- programmes and their decisions ---------------------------------------


def _date(iso: str) -> str:
    return formats.date_format(datetime.date.fromisoformat(iso), "j F Y") if iso else ""


def programmes(figures: dict) -> list[dict]:
    """The programmes running in the year, with what was granted and by
    whom: a province's report carries them even without a prestatie."""
    kinds = dict(Programme.Kind.choices)
    bodies = dict(Decision.Body.choices)
    out = []
    for pr in figures.get("programmes", []):
        decisions = [
            {
                "body": str(bodies.get(d["body"], d["body"])),
                "title": d["title"],
                "reference": d["reference"],
                "url": d["url"],
                "date": _date(d["date"]),
            }
            for d in pr["decisions"]
        ]
        granted = ""
        if pr["granted_amount"] is not None:
            if decisions:
                granted = _("%(body)s granted %(amount)s to %(programme)s.") % {
                    "body": decisions[-1]["body"],
                    "amount": euro(pr["granted_amount"]),
                    "programme": pr["name"],
                }
            else:
                granted = _("Amount granted: %(amount)s.") % {
                    "amount": euro(pr["granted_amount"])
                }
        period = (
            _("%(start)s to %(end)s")
            % {"start": pr["start_year"], "end": pr["end_year"]}
            if pr["end_year"]
            else _("from %(start)s") % {"start": pr["start_year"]}
        )
        facts = [
            (_("Kind"), str(kinds.get(pr["kind"], pr["kind"]))),
            (_("Period"), period),
        ]
        if pr["parent"]:
            facts.append((_("Part of"), pr["parent"]))
        if pr["executing_partner"]:
            facts.append((_("Carried out by"), pr["executing_partner"]))
        out.append(
            {
                "name": pr["name"],
                "description": text_blocks(pr["description"]),
                "granted": granted,
                "facts": facts,
                "decisions": decisions,
            }
        )
    return out


def decision_line(d: dict) -> str:
    """'Provinciale Staten, 9 november 2016: title (PS/2016/871)'."""
    head = ", ".join(filter(None, (d["body"], d["date"])))
    return f"{head}: {d['title']} ({d['reference']})"
