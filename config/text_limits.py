"""Length limits of free text, checked by forms and by models alike.

Django enforces a TextField's `max_length` only in its form field (and the
`maxlength` attribute of the text area); the database takes any length.
`text_limit()` also gives the model field a MaxLengthValidator, so that a
service's `full_clean()` and the admin refuse an over-long text too:

    motivation = models.TextField(_("motivation"), blank=True, **text_limit(SHORT))

`TextLimitsFormMixin` tells the person the limit next to every text area
("At most 2,000 characters."), and `check_text_length()` runs the limits
in services that save without `full_clean()`.

The limits leave room for real use: the longest progress note of the
provinces' published reports is about 4,400 characters (a whole section
with its list of actions); a motivation or a reason is a paragraph.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext

# A reason, a motivation, remarks, a short description: a paragraph or two.
SHORT = 2_000
# A description of a programme or mission, a story, a progress note:
# several paragraphs, a whole section of a report.
LONG = 10_000


def text_limit(max_length: int) -> dict:
    """Keyword arguments for a models.TextField limited to `max_length`
    characters, in its forms and in model validation."""
    return {"max_length": max_length, "validators": [MaxLengthValidator(max_length)]}


def _limit_text(max_length: int) -> str:
    return gettext("At most %(count)s characters.") % {
        "count": number_format(max_length, force_grouping=True)
    }


limit_text = lazy(_limit_text, str)


def check_text_length(model, name: str, value, *, error_key: str = "") -> None:
    """Run the validators of text field `name` of `model` on `value`: for
    services that save without `full_clean()`. The ValidationError is keyed
    by `error_key` (the form's field name) or else `name`."""
    errors = []
    for validator in model._meta.get_field(name).validators:
        try:
            validator(value)
        except ValidationError as error:
            errors.extend(error.error_list)
    if errors:
        raise ValidationError({error_key or name: errors})


def _plain_line_breaks(to_python):
    def convert(value):
        value = to_python(value)
        if isinstance(value, str):
            value = value.replace("\r\n", "\n").replace("\r", "\n")
        return value

    return convert


class TextLimitsFormMixin:
    """Show the length limit next to every text area of the form, and count
    it as the browser does.

    A browser counts a line break in a text area as one character towards
    `maxlength` but sends it as two (CR LF); the text areas' line breaks
    are made plain LF before the length is checked, so text the browser
    let through is not refused, and paragraphs split on blank lines.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not (
                isinstance(field, forms.CharField)
                and isinstance(field.widget, forms.Textarea)
            ):
                continue
            field.to_python = _plain_line_breaks(field.to_python)
            if field.max_length:
                limit = limit_text(field.max_length)
                field.help_text = (
                    format_lazy("{} {}", field.help_text, limit)
                    if field.help_text
                    else limit
                )
