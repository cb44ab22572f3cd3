"""Formats of Dutch identifiers. Format only: the KvK number has no check digit."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

kvk_number_validator = RegexValidator(
    r"^\d{8}$",
    _("A KvK number has exactly 8 digits, e.g. 01234567."),
    code="invalid_kvk",
)
branch_number_validator = RegexValidator(
    r"^\d{12}$",
    _("A vestigingsnummer has exactly 12 digits."),
    code="invalid_branch_number",
)
# 1234 AB: first digit 1-9; the letter pairs SA, SD and SS are not used.
postcode_validator = RegexValidator(
    r"^[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}$",
    _("A postcode looks like 1234 AB."),
    code="invalid_postcode",
)
