"""What makes the files fit for publication, shared by the renderers.

- The language as a full tag (``nl-NL``, ``en-GB``): the HTML's ``lang``, the
  PDF's ``/Lang`` and the DOCX's proofing language.
- Decision references ("PS/2016/871", "kenmerk 45/5.8/2020002069") are kept
  whole on one line: a reader searching the PDF for one must find it, so a
  line may not break at its slashes. The references come from the figures
  (every value under a ``reference`` or ``decision_reference`` key), never
  from a pattern: provinces write them in their own ways.
- Words with a hyphen inside ("MKB-aanpak") do not break at the hyphen
  either, for the same reason.
"""

from __future__ import annotations

import re

from django.utils.html import escape

LANGUAGE_TAGS = {"nl": "nl-NL", "en": "en-GB"}
REFERENCE_KEYS = ("reference", "decision_reference")
REFERENCE_CLASS = "report-ref"


def language_tag(language: str) -> str:
    """'nl' → 'nl-NL', 'en' → 'en-GB' (the report's two languages)."""
    return LANGUAGE_TAGS.get(language, language)


def decision_references(figures) -> list[str]:
    """Every decision reference in the figures, longest first."""
    found: set[str] = set()

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key in REFERENCE_KEYS and isinstance(item, str) and item.strip():
                    found.add(item.strip())
                else:
                    walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    walk(figures)
    return sorted(found, key=lambda r: (-len(r), r))


_TEXT = re.compile(r">([^<]+)<")


# "MKB-aanpak", "export-mogelijkheden", "2018-2019": a word with a hyphen
# inside. A line that breaks after its hyphen is read back (pdftotext, a
# viewer's search) as "MKBaanpak", so such a word stays on one line too.
_COMPOUND = re.compile(r"(?<![\w-])\w+(?:-\w+)+(?![\w-])")
COMPOUND_MAX = 30


def keep_compounds_whole(html: str) -> str:
    """Wrap each hyphenated word of the body's text (at most COMPOUND_MAX
    characters) in the span that does not break."""

    def wrap_text(match: re.Match) -> str:
        text = _COMPOUND.sub(
            lambda m: (
                f'<span class="{REFERENCE_CLASS}">{m.group(0)}</span>'
                if len(m.group(0)) <= COMPOUND_MAX
                else m.group(0)
            ),
            match.group(1),
        )
        return f">{text}<"

    head, marker, body = html.partition("<body")
    if not marker:
        return _TEXT.sub(wrap_text, html)
    return head + marker + _TEXT.sub(wrap_text, body)


def keep_references_whole(html: str, references: list[str]) -> str:
    """Wrap each reference in the text of `html` in a span that does not
    break (see the print styles); attributes and markup stay as they are."""
    escaped = [escape(r) for r in references if r]
    if not escaped:
        return html
    pattern = re.compile("|".join(re.escape(r) for r in escaped))

    def wrap_text(match: re.Match) -> str:
        text = pattern.sub(
            lambda m: f'<span class="{REFERENCE_CLASS}">{m.group(0)}</span>',
            match.group(1),
        )
        return f">{text}<"

    head, marker, body = html.partition("<body")
    if not marker:
        return _TEXT.sub(wrap_text, html)
    return head + marker + _TEXT.sub(wrap_text, body)
