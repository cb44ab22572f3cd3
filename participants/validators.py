"""Formats of Dutch identifiers. Format only: the KvK number has no check digit.

Digits are 0-9 only: `\\d` would also match other scripts' digits (see
config/digits.py), so the patterns spell them out.
"""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

kvk_number_validator = RegexValidator(
    r"^[0-9]{8}$",
    _("A KvK number has exactly 8 digits, e.g. 01234567."),
    code="invalid_kvk",
)
branch_number_validator = RegexValidator(
    r"^[0-9]{12}$",
    _("A vestigingsnummer has exactly 12 digits."),
    code="invalid_branch_number",
)
# 1234 AB: first digit 1-9; the letter pairs SA, SD and SS are not used.
postcode_validator = RegexValidator(
    r"^[1-9][0-9]{3} ?(?!SA|SD|SS)[A-Z]{2}$",
    _("A postcode looks like 1234 AB."),
    code="invalid_postcode",
)

PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}


def photo_validator(file) -> None:
    """A photo of at most SHOWCASE_PHOTO_MAX_BYTES, named and made as JPEG,
    PNG or WebP (config/uploads.py), that Pillow can read as one."""
    from django.conf import settings
    from django.core.exceptions import ValidationError
    from PIL import Image, UnidentifiedImageError

    from config.uploads import FileKind, UploadValidator

    UploadValidator(
        kinds=[FileKind.JPEG, FileKind.PNG, FileKind.WEBP],
        max_bytes=settings.SHOWCASE_PHOTO_MAX_BYTES,
    )(file)
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("This file is not a photo we can read. Upload a JPEG, PNG or WebP."),
            code="photo_invalid",
        ) from error
    finally:
        file.seek(position)
    if image_format not in PHOTO_FORMATS:
        raise ValidationError(
            _("Upload the photo as JPEG, PNG or WebP."), code="photo_type"
        )
