"""Helpers every app's write services share.

`model_update` is the one way a service copies "a dict of allowed fields"
onto a model instance: fields outside the allowed list are refused with
`FieldsNotAllowed`, and the names of the fields that really changed come
back, so a service can skip a save (and a history row) for a no-op.
"""

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

M = TypeVar("M", bound=models.Model)


class FieldsNotAllowed(ValidationError, TypeError):
    """A service was given fields it does not own (e.g. a province).

    It is a `TypeError`, as for an unexpected keyword argument: the caller
    has a bug, and nothing may move an object to another tenant unnoticed.
    It is also a `ValidationError` with a translated message, so a view that
    passes it on to a form shows a sentence rather than a 500.
    """


def check_fields_allowed(data: Iterable[str], allowed: Iterable[str]) -> None:
    """Raise `FieldsNotAllowed` when `data` names a field outside `allowed`."""
    unknown = set(data) - set(allowed)
    if unknown:
        raise FieldsNotAllowed(
            _("These fields cannot be changed: %(fields)s.")
            % {"fields": ", ".join(sorted(unknown))}
        )


def model_update(
    *, instance: M, fields: Iterable[str], data: Mapping[str, Any]
) -> tuple[M, list[str]]:
    """Copy the allowed `fields` present in `data` onto `instance`.

    Returns the instance and the names of the fields whose value changed, in
    the order of `data`. Nothing is validated or saved here: the service
    checks its own rules, then calls `full_clean()` and `save()`.
    """
    check_fields_allowed(data, fields)
    changed = []
    for name, value in data.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed.append(name)
    return instance, changed
