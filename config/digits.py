"""Numbers are typed with the ASCII digits 0-9, nothing that looks like them.

Python reads other Unicode digits as numbers: `int("٣٠٠")` is 300,
`Decimal("０６")` is 6, the regular expression `\\d` matches both, and
`"²".isdigit()` is true. A KvK number in full-width digits then looked new
and created a second organisation; an amount in Arabic-Indic digits was
stored as if typed 300. The portal refuses such input with a message that
says why, rather than guessing: identifiers must match the KvK register
byte for byte, and an amount nobody typed in 0-9 deserves a second look.

`refuse_other_digits` is the check, `is_ascii_number` the test before
int() of an id; `AsciiDigitsFormMixin` applies the check to every number
field of a form.
"""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ASCII_DIGITS = frozenset("0123456789")

OTHER_DIGITS_MESSAGE = _(
    "Type numbers with the digits 0 to 9 only: “%(character)s” only looks like a digit."
)


def looks_like_digit(character: str) -> bool:
    """A character other than 0-9 that Unicode gives a numeric value: other
    scripts' digits, full-width, superscript and circled digits, fractions,
    Roman numerals."""
    if character in ASCII_DIGITS:
        return False
    return unicodedata.numeric(character, None) is not None


def other_digit_in(value) -> str | None:
    """The first character of `value` that looks like a digit but is not
    0-9, or None."""
    if value is None or not isinstance(value, str):
        return None
    for character in value:
        if looks_like_digit(character):
            return character
    return None


def refuse_other_digits(value, *, field: str | None = None) -> None:
    """Raise a ValidationError (code `non_ascii_digit`) when `value` has a
    character that looks like a digit but is not 0-9; with `field`, the
    error belongs to that field."""
    character = other_digit_in(value)
    if character is None:
        return
    error = ValidationError(
        OTHER_DIGITS_MESSAGE,
        code="non_ascii_digit",
        params={"character": character},
    )
    if field:
        raise ValidationError({field: error})
    raise error


def is_ascii_number(value) -> bool:
    """True for a non-empty run of 0-9 only; the safe test before int()
    (str.isdigit() is true for "²", which int() then refuses)."""
    return isinstance(value, str) and bool(value) and set(value) <= ASCII_DIGITS


def ascii_only_digits_validator(value) -> None:
    """The same check as a field validator (for text such as a postcode)."""
    refuse_other_digits(value)


# IntegerField is the base of DecimalField and FloatField.
NUMBER_FIELDS = (forms.IntegerField,)


class AsciiDigitsFormMixin:
    """Refuse other Unicode digits in every number field of the form.

    Django's number fields convert the text with int() or Decimal(), which
    accept them; the raw text is checked after cleaning and the field's
    value (or its own, less helpful error) replaced by this message.
    """

    def full_clean(self):
        super().full_clean()
        if not self.is_bound:
            return
        for name, field in self.fields.items():
            if not isinstance(field, NUMBER_FIELDS) or field.disabled:
                continue
            try:
                refuse_other_digits(self[name].data)
            except ValidationError as error:
                self.cleaned_data.pop(name, None)
                self.errors.pop(name, None)
                self.add_error(name, error)


class AsciiDigitsModelForm(AsciiDigitsFormMixin, forms.ModelForm):
    """A ModelForm with the check; the base of the admin's forms
    (`form = AsciiDigitsModelForm` on a ModelAdmin)."""
