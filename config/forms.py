"""Form helpers every app's views share."""

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError


def _field_label(form, name: str) -> str:
    meta = getattr(form, "_meta", None)
    try:
        return str(meta.model._meta.get_field(name).verbose_name).capitalize()
    except (AttributeError, FieldDoesNotExist):
        return name.replace("_", " ").capitalize()


def add_service_errors(
    form, error: ValidationError, fields_by_code: dict[str, str] | None = None
) -> None:
    """Put a service's `ValidationError` on the form: the one way views do it.

    An error about a field the form has sits on that field; one about a field
    the form lacks goes on top, prefixed with that field's label so it still
    says what to change; an error without a field goes on top.
    `fields_by_code` ties an error without a field to one by its code, e.g.
    an overdraw to the amount, so the message sits next to what to change.
    """
    code_field = (fields_by_code or {}).get(getattr(error, "code", None) or "")
    if code_field in form.fields:
        form.add_error(code_field, error.messages)
    elif hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            if field in form.fields:
                form.add_error(field, errors)
            elif field == NON_FIELD_ERRORS:
                form.add_error(None, errors)
            else:
                label = _field_label(form, field)
                for message in ValidationError(errors).messages:
                    form.add_error(None, f"{label}: {message}")
    else:
        form.add_error(None, error)
