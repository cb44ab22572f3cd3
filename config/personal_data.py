"""Where personal data lives, and how one person's is erased (AVG art. 17).

Every app registers, in its ``AppConfig.ready()``, a ``Scrubber`` for each
place it keeps a person's name, address or other identifying data: the
record itself, its simple-history rows, logs of mails sent, the admin log.
Each scrubber names the fields it covers (``"app_label.Model.field"``) and
erases one ``Erasure``: the contact persons and user accounts to erase, by
id, and the e-mail addresses by which logs and copies name them.

Fields that look personal (see ``looks_personal``) but hold no personal
data, or are kept on purpose, are declared with ``declare_not_personal``
and a reason. ``tests/privacy/test_personal_data_fields.py`` fails when a
field that looks personal is in neither list, so a new ``EmailField`` or
log of recipients cannot be forgotten by the erasure.

The services that erase (``participants.services.privacy``) build one
``Erasure`` and call ``erase``; they need to know none of the places. The
design follows pretix's data shredders, without their file exports.
"""

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.utils import timezone


@dataclass(frozen=True)
class Erasure:
    """One person to erase, by everything that identifies him in the data.

    ``contact_ids`` and ``user_ids`` name the records to anonymise.
    ``emails`` are the addresses to take out of logs and copies (mail logs,
    outboxes); a scrubber never anonymises a record only because its
    address is in this set: the address may belong to a person who stays.
    """

    contact_ids: frozenset[int] = frozenset()
    user_ids: frozenset[int] = frozenset()
    emails: frozenset[str] = frozenset()
    when: datetime = field(default_factory=timezone.now)

    @classmethod
    def of(
        cls,
        *,
        contact_ids: Iterable[int] = (),
        user_ids: Iterable[int] = (),
        emails: Iterable[str] = (),
        when: datetime | None = None,
    ) -> "Erasure":
        """An erasure with blank addresses dropped and the rest lower-cased,
        so that scrubbers compare addresses without caring about case."""
        return cls(
            contact_ids=frozenset(contact_ids),
            user_ids=frozenset(user_ids),
            emails=frozenset(e.strip().lower() for e in emails if e and e.strip()),
            when=when or timezone.now(),
        )


@dataclass(frozen=True)
class Scrubber:
    """Erases one person's data from the ``fields`` it names."""

    identifier: str
    fields: tuple[str, ...]
    erase: Callable[[Erasure], None]
    description: str = ""


_scrubbers: dict[str, Scrubber] = {}
_not_personal: dict[str, str] = {}


def register(*scrubbers: Scrubber) -> None:
    """Add scrubbers; called from an app's ``ready()``. They run in the
    order they were registered, which is the order of INSTALLED_APPS."""
    for scrubber in scrubbers:
        known = _scrubbers.get(scrubber.identifier)
        if known is not None and known != scrubber:
            raise ImproperlyConfigured(
                f"Two personal-data scrubbers are called {scrubber.identifier!r}."
            )
        _scrubbers[scrubber.identifier] = scrubber


def declare_not_personal(fields: Mapping[str, str]) -> None:
    """Fields that look personal but are not, or are kept on purpose:
    ``{"app_label.Model.field": "why"}``. The reason is required."""
    for name, reason in fields.items():
        if not reason or not reason.strip():
            raise ImproperlyConfigured(f"{name} is declared without a reason.")
        _not_personal[name] = reason


def scrubbers() -> tuple[Scrubber, ...]:
    return tuple(_scrubbers.values())


def covered_fields() -> dict[str, tuple[str, ...]]:
    """Every field some scrubber erases, with the scrubbers that do."""
    covered: dict[str, tuple[str, ...]] = {}
    for scrubber in _scrubbers.values():
        for name in scrubber.fields:
            covered[name] = (*covered.get(name, ()), scrubber.identifier)
    return covered


def not_personal_fields() -> dict[str, str]:
    return dict(_not_personal)


@transaction.atomic
def erase(erasure: Erasure) -> None:
    """Run every registered scrubber for one erasure, all or nothing."""
    for scrubber in _scrubbers.values():
        scrubber.erase(erasure)


# Field names that hint at a person: names, addresses, numbers to call, the
# lists of recipients of logs, free text about someone, network addresses.
_PERSONAL_NAME = re.compile(
    r"name|mail|phone|mobile|recipient|address|motivation|repr|birth|iban|bsn"
    r"|person|contact|holder|author|owner"
    r"|(^|_)(ip|role|initials|street|city)(_|$)"
)
# Field kinds that can hold anything a person typed, or a file of him.
_PERSONAL_KINDS = (
    models.EmailField,
    models.GenericIPAddressField,
    models.TextField,
    models.JSONField,
    models.FileField,
)


def field_label(model_field) -> str:
    meta = model_field.model._meta
    return f"{meta.app_label}.{meta.object_name}.{model_field.name}"


def looks_personal(model_field) -> bool:
    """Whether a model field may hold personal data: an e-mail or IP
    address field, free text, JSON or a file, or any field whose name
    suggests a name, address or phone number. Relations are not counted:
    they point to a record that is erased in its own right."""
    if model_field.is_relation:
        return False
    return isinstance(model_field, _PERSONAL_KINDS) or bool(
        _PERSONAL_NAME.search(model_field.name)
    )


def fields_looking_personal(model_classes: Iterable[type[models.Model]]) -> list[str]:
    """Labels of the stored fields of these models that look personal,
    historical (simple-history) models included when they are passed. A
    proxy model stores nothing of its own: its fields are its parent's."""
    return sorted(
        field_label(model_field)
        for model in model_classes
        if not model._meta.proxy
        for model_field in model._meta.concrete_fields
        if looks_personal(model_field)
    )


def undeclared_fields(model_classes: Iterable[type[models.Model]]) -> list[str]:
    """Fields that look personal but no scrubber covers and nobody declared
    not personal."""
    declared = covered_fields().keys() | _not_personal.keys()
    return [
        name for name in fields_looking_personal(model_classes) if name not in declared
    ]


@checks.register(checks.Tags.models)
def undeclared_fields_check(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """``manage.py check`` (and makemigrations, runserver) names a field
    that looks personal and is in neither list, before a test does."""
    configs = app_configs or apps.get_app_configs()
    model_classes = [model for config in configs for model in config.get_models(True)]
    return [
        checks.Warning(
            f"{label} may hold personal data, but no scrubber erases it and "
            "it is not declared not personal.",
            hint=(
                "Add it to a Scrubber in the app's scrubbers.py, or to its "
                "NOT_PERSONAL with the reason (see config/personal_data.py)."
            ),
            id="personal_data.W001",
        )
        for label in undeclared_fields(model_classes)
    ]


def addresses_removed(text: str, emails: Iterable[str]) -> str:
    """A comma-separated list of addresses without the given ones."""
    gone = {email.lower() for email in emails}
    kept = [
        address.strip()
        for address in text.split(",")
        if address.strip() and address.strip().lower() not in gone
    ]
    return ", ".join(kept)


def address_lists_scrub(queryset, field_name: str, emails: Iterable[str]) -> int:
    """Take the addresses out of a comma-separated list of recipients in
    every row of the queryset that names one of them; returns the rows
    changed. One query to find them and one per changed row."""
    emails = {email.lower() for email in emails if email}
    if not emails:
        return 0
    mentions = models.Q()
    for email in emails:
        mentions |= models.Q(**{f"{field_name}__icontains": email})
    changed = 0
    for row in queryset.filter(mentions).only("pk", field_name):
        before = getattr(row, field_name)
        after = addresses_removed(before, emails)
        if after != before:
            setattr(row, field_name, after)
            row.save(update_fields=[field_name])
            changed += 1
    return changed


# --- the personal-data export (AVG art. 15 and 20) ---------------------------
# Apps that keep a person's data outside the apps the export knows register
# a function here, in their AppConfig.ready(): user -> plain values for JSON.
# participants.personal_data adds each under its name; one query or two each.
_exports: dict[str, Callable] = {}


def register_export(name: str, export: Callable) -> None:
    known = _exports.get(name)
    if known is not None and known != export:
        raise ImproperlyConfigured(f"Two personal-data exports are called {name!r}.")
    _exports[name] = export


def exports_for(user) -> dict:
    """What every registered export holds of `user`, by name."""
    return {name: export(user) for name, export in _exports.items()}


# The download of one's own data (AVG art. 15 and 20) is put together by
# participants.personal_data; an app that keeps more about an organisation
# (missions its registrations, the showcase its profile) adds its part here,
# in its ``AppConfig.ready()``, so that participants need not import it. A
# part takes ``{organisation id: organisation}`` and gives ``{organisation
# id: plain values}``, in a fixed number of queries.
_organisation_export_parts: dict[str, Callable[[dict], dict]] = {}


def register_organisation_export(key: str, part: Callable[[dict], dict]) -> None:
    """Add `part` to every organisation in the download, under `key`."""
    known = _organisation_export_parts.get(key)
    if known is not None and known is not part:
        raise ImproperlyConfigured(f"Two export parts are called {key!r}.")
    _organisation_export_parts[key] = part


def organisation_export_parts() -> dict[str, Callable[[dict], dict]]:
    return dict(_organisation_export_parts)
