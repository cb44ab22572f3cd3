"""A preview of the report's section for one progress note, shown in the
note editor (programmes reaches it through settings.PROGRAMMES_NOTE_PREVIEW,
so that programmes imports nothing of reporting)."""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .figures import figures_for
from .rendering.document import build_document


def note_preview(note) -> dict:
    """What the yearly report of the note's year prints for its action, with
    the note as saved: ``{"html": ..., "message": ...}``."""
    prestatie = note.action.prestatie
    if prestatie.year != note.year:
        return {
            "html": "",
            "message": _(
                "This note is of %(year)s, its prestatie of %(prestatie_year)s: "
                "the report of %(year)s does not print it. Write it under the "
                "prestatie of %(year)s."
            )
            % {"year": note.year, "prestatie_year": prestatie.year},
        }
    figures = figures_for(
        province=prestatie.province, year=note.year, prestatie=prestatie
    )
    frozen = json.loads(json.dumps(figures.to_dict(), cls=DjangoJSONEncoder))
    doc = build_document(frozen, language=get_language(), printed=timezone.localdate())
    progress = next(
        (
            pr
            for p in doc["prestaties"]
            for pr in p["progress"]
            if pr["number"] == note.action.number
        ),
        None,
    )
    if progress is None:
        return {"html": "", "message": _("The report has no section for this action.")}
    html = render_to_string(
        "reporting/includes/_report_action_progress.html",
        {"pr": progress, "heading_level": 3},
    )
    return {"html": html, "message": ""}
