"""The history of an object as a person reads it: who, when, old → new."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from config.money import format_number
from programmes.display import display_value


@dataclass
class HistoryChange:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    when: Any
    who: Any
    kind: str
    changes: list[HistoryChange]


def _display(model, field_name: str, value, related_names: dict) -> str:
    if value is None or value == "":
        return "–"
    model_field = model._meta.get_field(field_name)
    if model_field.is_relation:
        return related_names.get((model_field.related_model, value), f"#{value}")
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, Decimal):
        return format_number(value)
    if isinstance(value, datetime.date):
        return display_value(value)
    return str(value)


def _m2m_tracked(model) -> list[tuple[str, str, Any, str]]:
    """(field name, accessor on a version, target model, column of the
    target id) of each many-to-many field whose links django-simple-history
    keeps per version."""
    history_model = model.history.model
    tracked = []
    for f in getattr(history_model, "_history_m2m_fields", []):
        for rel in history_model._meta.related_objects:
            columns = [
                c
                for c in rel.related_model._meta.concrete_fields
                if c.is_relation and c.related_model is f.related_model
            ]
            if rel.name.endswith(f"_{f.name}") and columns:
                tracked.append(
                    (
                        f.name,
                        rel.get_accessor_name(),
                        f.related_model,
                        columns[0].attname,
                    )
                )
    return tracked


def _links(record, m2m) -> dict[str, frozenset]:
    return {
        name: frozenset(getattr(row, column) for row in getattr(record, accessor).all())
        for name, accessor, _target, column in m2m
    }


def object_history(obj) -> list[HistoryEntry]:
    """Who changed what and when, newest first: old → new per field.

    One query for the records with their users and one per kind of related
    object named in them, however long the history. Many-to-many links kept
    per version (HistoricalRecords(m2m_fields=...)) cost one query per field
    and are compared as sets. A save that changed nothing is left out.
    """
    model = obj.__class__
    m2m = _m2m_tracked(model)
    records = list(
        obj.history.select_related("history_user")
        .prefetch_related(*(accessor for _name, accessor, _target, _col in m2m))
        .order_by("history_date", "history_id")
    )
    links = [_links(record, m2m) for record in records]
    # Timestamps kept by Django change on every save and tell nothing new.
    tracked = [
        f
        for f in model._meta.concrete_fields
        if f.name != "id" and not getattr(f, "auto_now", False)
    ]
    wanted: dict[Any, set] = defaultdict(set)
    for record in records:
        for f in model._meta.concrete_fields:
            if f.is_relation:
                value = getattr(record, f.attname)
                if value is not None:
                    wanted[f.related_model].add(value)
    for version in links:
        for name, _accessor, target, _column in m2m:
            wanted[target].update(version[name])
    related_names = {}
    for related_model, ids in wanted.items():
        for related in related_model._default_manager.filter(pk__in=ids):
            related_names[(related_model, related.pk)] = str(related)
    kinds = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}
    entries = []
    previous = None
    for index, record in enumerate(records):
        changes = []
        if previous is not None:
            for f in tracked:
                old, new = getattr(previous, f.attname), getattr(record, f.attname)
                if old != new:
                    changes.append(
                        HistoryChange(
                            label=str(f.verbose_name),
                            old=_display(model, f.name, old, related_names),
                            new=_display(model, f.name, new, related_names),
                        )
                    )
            for name, _accessor, target, _column in m2m:
                old, new = links[index - 1][name], links[index][name]
                if old != new:
                    changes.append(
                        HistoryChange(
                            label=str(model._meta.get_field(name).verbose_name),
                            old=_names(old, target, related_names),
                            new=_names(new, target, related_names),
                        )
                    )
        if previous is not None and not changes and record.history_type == "~":
            # Saving without a change (the admin saves links separately)
            # is no news to the reader.
            previous = record
            continue
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=record.history_user,
                kind=kinds.get(record.history_type, record.history_type),
                changes=changes,
            )
        )
        previous = record
    entries.reverse()
    return entries


def _names(ids, target, related_names) -> str:
    if not ids:
        return "–"
    return ", ".join(sorted(related_names.get((target, pk), f"#{pk}") for pk in ids))
