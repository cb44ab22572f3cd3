"""The history of an object as a person reads it: who, when, old → new."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from programmes.money import format_number


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
    return str(value)


def object_history(obj) -> list[HistoryEntry]:
    """Who changed what and when, newest first: old → new per field.

    One query for the records with their users and one per kind of related
    object named in them, however long the history. Many-to-many links are
    reported as changed without their details, which would cost a query
    per record.
    """
    model = obj.__class__
    m2m = [f.name for f in model._meta.many_to_many]
    records = list(
        obj.history.select_related("history_user").order_by(
            "history_date", "history_id"
        )
    )
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
    related_names = {}
    for related_model, ids in wanted.items():
        for related in related_model._default_manager.filter(pk__in=ids):
            related_names[(related_model, related.pk)] = str(related)
    kinds = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}
    entries = []
    previous = None
    for record in records:
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
            if not changes and record.history_type == "~" and m2m:
                changes.append(
                    HistoryChange(
                        label=", ".join(
                            str(model._meta.get_field(n).verbose_name) for n in m2m
                        ),
                        old="…",
                        new=_("links changed"),
                    )
                )
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
