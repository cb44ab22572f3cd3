"""The report as a plain document, built from frozen figures.

HTML, PDF and DOCX all render this one structure, so they say the same.
Every sentence the portal writes is a translatable string with named
placeholders; call inside ``translation.override(language)``.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import formats
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext

from missions.models import Mission
from participants.models import Organisation
from programmes.models import Prestatie, ReserveMutation

from ..figures import Status
from ..formatting import dutch_number, euro, percentage, to_decimal
from . import sections


def status_labels() -> dict[str, str]:
    return {
        Status.ACHIEVED: _("Achieved"),
        Status.ON_TRACK: _("On track"),
        Status.BEHIND: _("Behind"),
        Status.NO_TARGET: _("No target"),
        Status.NO_VALUE: _("Not reported yet"),
    }


def _groups() -> dict[str, str]:
    """How the participants of each kind are named in the sentence."""
    return {
        Organisation.Kind.SME: _("the regional SME sector"),
        Organisation.Kind.LARGE: _("large companies"),
        Organisation.Kind.EDUCATION: _("education"),
        Organisation.Kind.KNOWLEDGE: _("knowledge institutions"),
        Organisation.Kind.GOVERNMENT: _("governments"),
        Organisation.Kind.PARTNER: _("partner organisations"),
    }


def join_words(words: list[str]) -> str:
    """['a', 'b', 'c'] → 'a, b and c' in the active language."""
    words = [w for w in words if w]
    if len(words) < 2:
        return "".join(words)
    return _("%(first)s and %(last)s") % {
        "first": ", ".join(words[:-1]),
        "last": words[-1],
    }


def _theme_word(theme: dict, language: str) -> str:
    name = (theme.get("name_en") if language == "en" else "") or theme["name"]
    # "Energie" reads "energie" mid-sentence; "HTSM" stays as it is.
    if len(name) > 1 and name[1].islower():
        return name[0].lower() + name[1:]
    return name


def mission_line(mission: dict, language: str) -> str:
    """'Missie naar Duitsland rondom het thema health (Match2Medica)'."""
    country = mission["country_name"]
    if mission["region"] and not mission["event"]:
        # "China (Liaoning)", but "China, Liaoning (Shenyang, Dalian)":
        # never brackets inside brackets.
        pattern = (
            _("%(country)s, %(region)s")
            if "(" in mission["region"]
            else _("%(country)s (%(region)s)")
        )
        country = pattern % {"country": country, "region": mission["region"]}
    themes = [_theme_word(t, language) for t in mission["themes"]]
    values = {"country": country, "themes": join_words(themes)}
    incoming = mission["direction"] == Mission.Direction.INCOMING
    if not themes:
        line = (
            _("Incoming mission from %(country)s")
            if incoming
            else _("Mission to %(country)s")
        ) % values
    elif incoming:
        line = (
            ngettext(
                "Incoming mission from %(country)s on the theme %(themes)s",
                "Incoming mission from %(country)s on the themes %(themes)s",
                len(themes),
            )
            % values
        )
    else:
        line = (
            ngettext(
                "Mission to %(country)s on the theme %(themes)s",
                "Mission to %(country)s on the themes %(themes)s",
                len(themes),
            )
            % values
        )
    if mission["event"]:
        line = _("%(line)s (%(event)s)") % {"line": line, "event": mission["event"]}
    if mission["leader"]:
        line = _("%(line)s, led by %(leader)s") % {
            "line": line,
            "leader": mission["leader"],
        }
    return line


def missions_intro(*, year: int, count: int, incoming: bool) -> str:
    values = {"year": year, "count": count}
    if incoming:
        return (
            ngettext(
                "In %(year)s, %(count)s incoming mission was realised:",
                "In %(year)s, %(count)s incoming missions were realised:",
                count,
            )
            % values
        )
    return (
        ngettext(
            "In %(year)s, %(count)s outgoing mission was realised:",
            "In %(year)s, %(count)s outgoing missions were realised:",
            count,
        )
        % values
    )


def participants_sentence(*, count: int, kinds: list[str]) -> str:
    names = _groups()
    order = list(Organisation.Kind.values)
    groups = [names[k] for k in sorted(set(kinds), key=order.index) if k in names]
    if not groups:
        return ngettext(
            "In total, %(count)s representative took part in these missions.",
            "In total, %(count)s representatives took part in these missions.",
            count,
        ) % {"count": count}
    return ngettext(
        "In total, %(count)s representative of %(groups)s took part in these missions.",
        "In total, %(count)s representatives of %(groups)s took part in these "
        "missions.",
        count,
    ) % {"count": count, "groups": join_words(groups)}


def _counted(kind: str, count: int) -> str:
    """'3 onderwijsinstellingen': organisations that take part but are not
    entrepreneurs, counted."""
    if kind == Organisation.Kind.EDUCATION:
        text = ngettext(
            "%(count)s education institution",
            "%(count)s education institutions",
            count,
        )
    elif kind == Organisation.Kind.KNOWLEDGE:
        text = ngettext(
            "%(count)s knowledge institution",
            "%(count)s knowledge institutions",
            count,
        )
    elif kind == Organisation.Kind.GOVERNMENT:
        text = ngettext(
            "%(count)s government organisation",
            "%(count)s government organisations",
            count,
        )
    elif kind == Organisation.Kind.PARTNER:
        text = ngettext(
            "%(count)s partner organisation",
            "%(count)s partner organisations",
            count,
        )
    else:
        return ""
    return text % {"count": dutch_number(count)}


def entrepreneurs_sentence(*, entrepreneurs: int, others: dict[str, int]) -> str:
    """'Deelnemende ondernemers: 49 en 3 onderwijsinstellingen.': companies
    and other organisations counted apart (issue 16, item 4)."""
    order = list(Organisation.Kind.values)
    words = [
        _counted(kind, count)
        for kind, count in sorted(others.items(), key=lambda kv: order.index(kv[0]))
        if count
    ]
    values = {"count": dutch_number(entrepreneurs), "others": join_words(words)}
    if words:
        return _("Participating entrepreneurs: %(count)s and %(others)s.") % values
    return _("Participating entrepreneurs: %(count)s.") % values


def reported_text(*, reported: int, total: int) -> str:
    """'27 van 52 gemeld'."""
    return _("%(reported)s of %(total)s reported") % {
        "reported": dutch_number(reported),
        "total": dutch_number(total),
    }


def realised_known(*, reported: int, later: int, realised) -> bool:
    """Realised export turnover is known once someone reported it: a figure
    above zero, or any measurement 6 or 12 months after the mission. Right
    after a mission nobody has realised turnover yet, so a zero then is
    'not known yet', not € 0."""
    return bool(reported) and (bool(to_decimal(realised)) or bool(later))


def realised_turnover_text(*, realised, reported: int, total: int, later: int) -> str:
    """'€ 150.000' or 'nog niet bekend (27 van 52 gemeld)'."""
    counted = reported_text(reported=reported, total=total)
    if not realised_known(reported=reported, later=later, realised=realised):
        return _("not known yet (%(reported)s)") % {"reported": counted}
    if reported < total:
        return f"{euro(realised)} ({counted})"
    return euro(realised)


def results_sentence(
    *,
    leads: int,
    deals: int,
    turnover,
    expected=None,
    reported: int | None = None,
    total: int | None = None,
    later: int = 0,
    as_of: str = "",
) -> str:
    if reported is not None and total:
        rate = percentage(Decimal(reported) * 100 / Decimal(total))
        values = {
            "reported": reported_text(reported=reported, total=total),
            "rate": rate,
            "date": as_of,
            "leads": ngettext("%(count)s lead", "%(count)s leads", leads)
            % {"count": dutch_number(leads)},
            "deals": ngettext("%(count)s deal", "%(count)s deals", deals)
            % {"count": dutch_number(deals)},
            "expected": euro(expected or 0),
            "realised": realised_turnover_text(
                realised=turnover, reported=reported, total=total, later=later
            ),
        }
        if not reported:
            return (
                _("Results: not known yet (%(reported)s, figures as of %(date)s).")
                % values
            )
        return (
            _(
                "Results (%(reported)s, response %(rate)s, figures as of "
                "%(date)s): %(leads)s and %(deals)s; expected export turnover "
                "%(expected)s; realised export turnover %(realised)s."
            )
            % values
        )
    if not (leads or deals or to_decimal(turnover)):
        return ""
    values = {
        "leads": ngettext("%(count)s lead", "%(count)s leads", leads)
        % {"count": leads},
        "deals": ngettext("%(count)s deal", "%(count)s deals", deals)
        % {"count": deals},
        "turnover": euro(turnover),
    }
    if to_decimal(turnover):
        return (
            _(
                "So far the participants reported %(leads)s and %(deals)s, with "
                "%(turnover)s in export turnover."
            )
            % values
        )
    return _("So far the participants reported %(leads)s and %(deals)s.") % values


def mutation_sentence(mutation: dict) -> str:
    """The ledger line in the province's wording.

    Gedeputeerde Staten write the report to Provinciale Staten: a proposal
    asks the Staten ("Wij stellen u voor"), a decision of GS is told in the
    past tense ("Wij hebben besloten"), one of PS is theirs ("Uw Staten
    hebben besloten"; in English "The Provincial Council decided").
    """
    values = {
        "amount": euro(mutation["amount"]),
        "reserve": mutation["reserve"],
        "year": mutation["budget_year"],
        "prestatie": mutation["prestatie_code"],
        "decision": (
            f" ({mutation['decision_reference']})"
            if mutation["decision_reference"]
            else ""
        ),
    }
    withdrawal = mutation["kind"] == ReserveMutation.Kind.WITHDRAWAL
    if mutation["status"] == ReserveMutation.Status.PROPOSED:
        if withdrawal:
            text = _(
                "We propose to withdraw %(amount)s from the %(reserve)s and add "
                "this amount to the %(year)s budget of prestatie %(prestatie)s."
            )
        else:
            text = _(
                "We propose to add %(amount)s from the %(year)s budget of "
                "prestatie %(prestatie)s to the %(reserve)s."
            )
    elif mutation["decision_body"] == "PS":
        if withdrawal:
            text = _(
                "The Provincial Council decided to withdraw %(amount)s from the "
                "%(reserve)s and add this amount to the %(year)s budget of "
                "prestatie %(prestatie)s%(decision)s."
            )
        else:
            text = _(
                "The Provincial Council decided to add %(amount)s from the "
                "%(year)s budget of prestatie %(prestatie)s to the "
                "%(reserve)s%(decision)s."
            )
    elif withdrawal:
        text = _(
            "We decided to withdraw %(amount)s from the %(reserve)s and add this "
            "amount to the %(year)s budget of prestatie %(prestatie)s%(decision)s."
        )
    else:
        text = _(
            "We decided to add %(amount)s from the %(year)s budget of prestatie "
            "%(prestatie)s to the %(reserve)s%(decision)s."
        )
    return text % values


def _value(value, unit: str = "") -> str:
    if value is None:
        return "–"
    if unit in ("€", "EUR", "euro"):
        return euro(value)
    text = dutch_number(value)
    return f"{text} {unit}".strip()


def _basic_information(p: dict) -> list[tuple[str, str]]:
    roles = dict(Prestatie.Role.choices)
    if p["duration"] == Prestatie.Duration.PERIOD:
        duration = _("%(start)s to %(end)s") % {
            "start": p["start_year"] or "",
            "end": p["end_year"] or "",
        }
    else:
        duration = str(dict(Prestatie.Duration.choices)[Prestatie.Duration.STRUCTURAL])
    if p["relates_to_reserve"]:
        reserve = (
            _("Yes, %(reserve)s") % {"reserve": p["reserve"]}
            if p["reserve"]
            else _("Yes")
        )
    else:
        reserve = _("No")
    decisions = "; ".join(
        f"{d['title']} ({d['reference']})" for d in p["investment_decisions"]
    )
    rows = [
        (_("Responsible portfolio holder"), p["portfolio_holder"] or "–"),
        # As the P&C pages say it: "Wij vervullen de rol van faciliteerder."
        (
            _("Role of the province"),
            _("We fulfil the role of %(role)s.")
            % {"role": roles.get(p["role"], p["role"])},
        ),
        (_("Duration of the prestatie"), duration),
        (_("Relation with a reserve"), reserve),
        (_("Related investment proposal"), decisions or _("None")),
    ]
    # The province's own words under the proposal ("Vanuit het
    # Coalitieakkoord …"); not in figures frozen before it was stored.
    explanation = "\n".join(
        sections.blocks_as_text(
            sections.text_blocks(p.get("investment_explanation", ""))
        )
    )
    if explanation:
        rows.append((_("Investment proposal explanation"), explanation))
    return rows


def figures_date(figures: dict) -> str:
    """The cut-off date of the figures, '3 december 2026'."""
    if not figures.get("as_of"):
        return ""
    return formats.date_format(datetime.date.fromisoformat(figures["as_of"]), "j F Y")


def _participants(action: dict, kinds: list[str]) -> str:
    """The participants, then entrepreneurs and others counted apart (not
    in figures frozen before they were counted apart)."""
    sentence = participants_sentence(count=action["participants"], kinds=kinds)
    if "entrepreneurs" not in action:
        return sentence
    apart = entrepreneurs_sentence(
        entrepreneurs=action["entrepreneurs"],
        others=action.get("other_organisations") or {},
    )
    return f"{sentence} {apart}"


def _prestatie(p: dict, figures: dict, language: str) -> dict:
    year = figures["year"]
    missions = {m["id"]: m for m in figures["missions"]}
    labels = status_labels()
    actions, progress, indicators = [], [], []
    for action in p["actions"]:
        actions.append(
            {
                "number": action["number"],
                "text": action["text"],
                "targets": [
                    _("%(name)s: %(target)s")
                    % {"name": i["name"], "target": _value(i["target"], i["unit"])}
                    for i in action["indicators"]
                    if i["target"] is not None
                ],
            }
        )
        own = [missions[pk] for pk in action["mission_ids"] if pk in missions]
        blocks = []
        for incoming in (False, True):
            group = [
                m
                for m in own
                if (m["direction"] == Mission.Direction.INCOMING) == incoming
            ]
            if group:
                blocks.append(
                    {
                        "intro": missions_intro(
                            year=year, count=len(group), incoming=incoming
                        ),
                        "lines": [mission_line(m, language) for m in group],
                    }
                )
        kinds = [k for m in own for k in m.get("organisation_kinds", [])]
        item = sections.apply_narrative(
            {
                "number": action["number"],
                "text": action["text"],
                "notes": action["progress_notes"],
                "mission_blocks": blocks,
                "participants": (_participants(action, kinds) if own else ""),
                "results": results_sentence(
                    leads=action.get("leads", 0),
                    deals=action.get("deals", 0),
                    turnover=action.get("export_turnover", 0),
                    expected=action.get("expected_export_turnover"),
                    reported=action.get("results_reported"),
                    total=action.get("participations"),
                    later=action.get("results_later", 0),
                    as_of=figures_date(figures),
                ),
                "highlights": [
                    line.strip()
                    for m in own
                    for line in m["highlights"].splitlines()
                    if line.strip()
                ],
            },
            action.get("narrative", "own_with_figures"),
        )
        progress.append(item)
        for i in action["indicators"]:
            indicators.append(
                {
                    "action": action["number"],
                    "name": i["name"],
                    "target": _value(i["target"], i["unit"]),
                    "realised": _value(i["realised"], i["unit"]),
                    "status": i["status"],
                    "status_label": labels.get(i["status"], i["status"]),
                    "note": i.get("note", ""),
                }
            )
    budget = p.get("budget")
    finance = sections.finance(p, figures)
    return {
        "anchor": "prestatie-" + slugify(p["code"]),
        "heading": f"{p['code']} {p['title']}",
        "programme_heading": sections.programme_heading(p),
        "purpose_blocks": sections.text_blocks(p["purpose"]),
        "context_blocks": sections.text_blocks(p["context"]),
        "goal_heading": sections.goal_heading(p),
        "intended_results": sections.intended_results(p),
        "intended_results_title": _("Intended results %(year)s") % {"year": year},
        "finance_section": finance,
        "purpose": p["purpose"],
        "context": p["context"],
        "actions": actions,
        "progress": progress,
        "indicators": indicators,
        "finance": sections.finance_lines(finance),
        "budget": (
            {
                "planned": euro(budget["planned"]),
                "current": euro(budget["current"]),
                "realised": euro(budget["realised"]) or "–",
                "remaining": euro(budget["remaining"]) or "–",
            }
            if budget
            else None
        ),
        "basic": _basic_information(p),
    }


def _formatted(value, kind: str) -> str:
    if value is None or value == "":
        return "–"
    if kind == "money":
        return euro(value)
    if kind == "percent":
        return percentage(value)
    if kind == "mark":
        return dutch_number(value, 1)
    if kind == "date":
        return formats.date_format(value, "j F Y")
    return dutch_number(value)


def key_figure_cells(figures: dict) -> list[tuple[str, object, str, str]]:
    """The key figures as ``(label, value, kind, text)``: the value
    unformatted (the XLSX stores it as a number or date; None when not
    known), kind one of count, money, percent, mark, date; the text as the
    report prints it.

    Entrepreneurs and other organisations are counted apart; results say
    how many participations reported them, the response and the cut-off
    date, and realised turnover that nobody could report yet is "not known
    yet", not € 0 (issue 16, item 4)."""
    t = figures["totals"]
    rows = [
        (_("Missions realised"), t["missions_realised"], "count"),
        (_("Participants"), t["participants"], "count"),
    ]
    apart = "entrepreneurs" in t
    if apart:
        rows.append((_("Participating entrepreneurs"), t["entrepreneurs"], "count"))
        labels = {
            Organisation.Kind.EDUCATION: _("Participating education institutions"),
            Organisation.Kind.KNOWLEDGE: _("Participating knowledge institutions"),
            Organisation.Kind.GOVERNMENT: _("Participating government organisations"),
            Organisation.Kind.PARTNER: _("Participating partner organisations"),
        }
        for kind, label in labels.items():
            if t["other_organisations"].get(kind):
                rows.append((label, t["other_organisations"][kind], "count"))
    rows += [
        (_("Unique organisations"), t["unique_organisations"], "count"),
        (_("First-time exporters"), t["first_time_exporters"], "count"),
        (
            _("Participants from the own province"),
            t["own_province_share"],
            "percent",
        ),
    ]
    cells = [(lbl, value, kind, _formatted(value, kind)) for lbl, value, kind in rows]
    if not apart:
        # Figures frozen before results were counted this way.
        for label, value, kind in (
            (_("Leads"), t["leads"], "count"),
            (_("Deals"), t["deals"], "count"),
            (_("Export turnover"), t["export_turnover"], "money"),
        ):
            cells.append((label, value, kind, _formatted(value, kind)))
    else:
        total, reported = t["participations"], t["results_reported"]
        counted = reported_text(reported=reported, total=total)
        partial = f" ({counted})" if reported < total else ""
        rate = (
            (Decimal(reported) * 100 / Decimal(total)).quantize(Decimal("0.1"))
            if total
            else None
        )
        known = realised_known(
            reported=reported, later=t["results_later"], realised=t["export_turnover"]
        )
        cells += [
            (_("Results reported"), reported, "count", counted),
            (_("Response rate"), rate, "percent", _formatted(rate, "percent")),
            (
                _("Figures as of"),
                datetime.date.fromisoformat(figures["as_of"]),
                "date",
                figures_date(figures),
            ),
            (
                _("Leads"),
                t["leads"],
                "count",
                _formatted(t["leads"], "count") + partial,
            ),
            (
                _("Deals"),
                t["deals"],
                "count",
                _formatted(t["deals"], "count") + partial,
            ),
            (
                _("Expected export turnover"),
                t["expected_export_turnover"],
                "money",
                _formatted(t["expected_export_turnover"], "money") + partial,
            ),
            (
                _("Realised export turnover"),
                t["export_turnover"] if known else None,
                "money",
                realised_turnover_text(
                    realised=t["export_turnover"],
                    reported=reported,
                    total=total,
                    later=t["results_later"],
                ),
            ),
        ]
    satisfaction = t["satisfaction"] or None
    cells.append(
        (
            _("Satisfaction (1–10)"),
            satisfaction,
            "mark",
            _formatted(satisfaction, "mark"),
        )
    )
    return cells


def _key_figures(figures: dict) -> list[tuple[str, str]]:
    return [(label, text) for label, _value, _kind, text in key_figure_cells(figures)]


def _spread(figures: dict) -> list[dict]:
    titles = {
        "country": _("Country"),
        "theme": _("Theme"),
        "sector": _("Sector"),
        "sme_class": _("SME class"),
        "organisation_kind": _("Kind of organisation"),
    }
    return [
        {
            "key": key,
            "title": title,
            "rows": [
                (
                    row["label"] or _("Unknown"),
                    row["missions"],
                    row["participants"],
                    row["organisations"],
                )
                for row in figures["spread"].get(key, [])
            ],
        }
        for key, title in titles.items()
    ]


def scope_title(figures: dict) -> str:
    scope = figures["scope"]
    if scope["kind"] == "prestatie":
        return _("Prestatie %(code)s %(name)s") % scope
    if scope["kind"] == "programme":
        return _("Programme %(name)s") % scope
    return _("Whole province")


def build_document(figures: dict, *, language: str, printed: datetime.date) -> dict:
    """The report's content in the active language, from frozen figures."""
    year = figures["year"]
    return {
        "language": language,
        "title": _("Progress report %(year)s") % {"year": year},
        "province": figures["province"]["page_name"],
        "scope": scope_title(figures),
        # A string: the templates would group 2016 as "2.016".
        "year": str(year),
        "printed": formats.date_format(printed, "j F Y"),
        "printed_iso": printed.isoformat(),
        "printed_label": pgettext("report", "Printed on %(date)s")
        % {"date": formats.date_format(printed, "j F Y")},
        "key_figures": _key_figures(figures),
        "missions": [
            {
                "line": mission_line(m, language),
                "title": m["title"],
                "dates": formats.date_format(
                    datetime.date.fromisoformat(m["start_date"]), "j F Y"
                ),
                "participants": m["participants"],
                "organisations": m["organisations"],
            }
            for m in figures["missions"]
        ],
        "spread": _spread(figures),
        "prestaties": [_prestatie(p, figures, language) for p in figures["prestaties"]],
        "programmes": sections.programmes(figures),
        # No realised mission: a sentence instead of tables of zeros.
        "has_missions": bool(figures["totals"]["missions_realised"]),
        "support": _support(figures),
    }


SUPPORT_LABELS = (
    ("questions_received", gettext_lazy("Questions received by the information desk")),
    ("questions_answered", gettext_lazy("Questions answered or referred")),
    ("questions_in_time", gettext_lazy("Of which within the target time")),
    ("tracks_started", gettext_lazy("Advisory tracks started")),
    ("tracks_finished", gettext_lazy("Advisory tracks finished")),
    ("plans_delivered", gettext_lazy("Business plans delivered")),
)


def _support(figures: dict) -> dict | None:
    """The desk's and the advisory tracks' figures of the province's year
    (issue 18); None when all are zero, or frozen before they existed."""
    support = figures.get("support")
    if not support or not any(support.get(key) for key, _label in SUPPORT_LABELS):
        return None
    return {
        "rows": [
            (str(label), dutch_number(support.get(key, 0)))
            for key, label in SUPPORT_LABELS
        ],
        "days": support.get("response_days", 0),
    }
