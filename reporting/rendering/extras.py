"""The report's additions of issue 16 item 6, as plain document parts:
the status of each actie (next to the actie), its year-on-year table (in
its progress section) and the effect funnel (a section of its own).

``enrich_document(doc, figures)`` adds them to what build_document() made,
from ``figures["extras"]`` (reporting.figures.trends). Runs frozen before
the extras existed have none and print as before. Call inside
``translation.override(language)``.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from missions.models import MissionResult

from ..formatting import dutch_number, euro, to_decimal
from ..models import ActionStatus
from .document import _value


def _status(status: dict | None) -> dict | None:
    if not status:
        return None
    labels = dict(ActionStatus.Status.choices)
    return {
        "key": status["status"],
        "label": str(labels.get(status["status"], status["status"])),
        "explanation": status["explanation"],
    }


def _history(rows: list[dict]) -> list[dict]:
    """One line per year and indicator; only when there is more than one
    year to compare."""
    if len({row["year"] for row in rows}) < 2:
        return []
    return [
        {
            "year": str(row["year"]),
            "prestatie": row["prestatie_code"],
            "indicator": i["name"],
            "target": _value(i["target"], i["unit"]),
            "realised": _value(i["realised"], i["unit"]),
        }
        for row in rows
        for i in row["indicators"]
    ]


def unknown_right_after(moment: str, realised) -> bool:
    """Right after a mission nobody has realised export turnover yet: a
    zero then is 'not known yet', not € 0 (as the key figures say)."""
    return moment == MissionResult.Moment.AFTER and not to_decimal(realised)


def _realised(moment: str, realised) -> str:
    if unknown_right_after(moment, realised):
        return _("not known yet")
    return euro(realised)


def _funnel(figures: dict, funnel: dict) -> dict:
    participants = figures["totals"]["participants"]
    by_moment = {m["moment"]: m for m in figures.get("results_by_moment", [])}
    rows = []
    for moment, label in MissionResult.Moment.choices:
        m = by_moment.get(moment)
        if m is None:
            rows.append((str(label), "0", "–", "–", "–", "–"))
            continue
        rows.append(
            (
                str(label),
                dutch_number(m["responses"]),
                dutch_number(m["leads"]),
                dutch_number(m["deals"]),
                euro(m["expected_export_turnover"]),
                _realised(moment, m["export_turnover"]),
            )
        )
    cost = funnel.get("cost_per_participant")
    if cost is None:
        cost_sentence = _("No participants took part, so there is no cost per one.")
    else:
        cost_sentence = _(
            "The province contributed %(total)s for %(participants)s "
            "participants: %(cost)s per participant."
        ) % {
            "total": euro(funnel["province_contribution"]),
            "participants": dutch_number(participants),
            "cost": euro(cost),
        }
    return {
        "participants": dutch_number(participants),
        "rows": rows,
        "cost_sentence": cost_sentence,
        "cost_per_participant": euro(cost) if cost is not None else "–",
    }


def enrich_document(doc: dict, figures: dict) -> None:
    """Add the statuses, histories and funnel to `doc` in place."""
    extras = figures.get("extras")
    if not extras:
        doc["funnel"] = None
        return
    for p_doc, p_fig in zip(doc["prestaties"], figures["prestaties"], strict=False):
        by_number = {a["number"]: a for a in p_fig["actions"]}
        for part in (*p_doc.get("actions", []), *p_doc.get("progress", [])):
            action = by_number.get(part.get("number"))
            if action is None:
                continue
            key = str(action["id"])
            part["status"] = _status(extras["action_status"].get(key))
            part["history"] = _history(extras["action_history"].get(key, []))
    # A year without participants gets no table of zeros: the key figures
    # already say that no mission was realised (issue 16, item 3).
    doc["funnel"] = (
        _funnel(figures, extras["funnel"])
        if figures["totals"]["participants"]
        else None
    )
