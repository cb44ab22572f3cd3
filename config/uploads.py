"""Checks for uploaded files: not too big, and really the kind they claim.

Use on a model or form field:

    from config.uploads import FileKind, UploadValidator

    attachment = models.FileField(
        validators=[UploadValidator(kinds=[FileKind.PDF, FileKind.DOCX])]
    )

The name's extension and the first bytes of the content must both fit one
of the allowed kinds, so `invoice.pdf` holding HTML or a renamed .exe is
refused. SVG and HTML are never allowed: a browser runs their scripts.
"""

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

SNIFF_BYTES = 2048


def _is_pdf(head: bytes, file) -> bool:
    return head.startswith(b"%PDF-")


def _is_png(head: bytes, file) -> bool:
    return head.startswith(b"\x89PNG\r\n\x1a\n")


def _is_jpeg(head: bytes, file) -> bool:
    return head.startswith(b"\xff\xd8\xff")


def _is_webp(head: bytes, file) -> bool:
    return head.startswith(b"RIFF") and head[8:12] == b"WEBP"


def _office_zip(marker: str):
    """An Office Open XML file: a zip whose content types name `marker`."""

    def check(head: bytes, file) -> bool:
        if not head.startswith(b"PK\x03\x04"):
            return False
        try:
            file.seek(0)
            with zipfile.ZipFile(file) as archive:
                types = archive.read("[Content_Types].xml")
        except (zipfile.BadZipFile, KeyError, OSError, ValueError):
            return False
        return marker.encode() in types

    return check


def _is_text(head: bytes, file) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # The sniffed slice may end inside a multi-byte character.
        if exc.start < len(head) - 3:
            return False
    lowered = head.lstrip().lower()
    return not lowered.startswith((b"<!doctype html", b"<html", b"<svg", b"<?xml"))


class FileKind:
    """Names of the kinds; plain strings, so migrations can store them."""

    PDF = "pdf"
    PNG = "png"
    JPEG = "jpeg"
    WEBP = "webp"
    XLSX = "xlsx"
    DOCX = "docx"
    CSV = "csv"


@dataclass(frozen=True)
class Kind:
    label: str
    extensions: tuple[str, ...]
    sniff: Callable[[bytes, Any], bool]


KINDS = {
    FileKind.PDF: Kind("PDF", (".pdf",), _is_pdf),
    FileKind.PNG: Kind("PNG", (".png",), _is_png),
    FileKind.JPEG: Kind("JPEG", (".jpg", ".jpeg"), _is_jpeg),
    FileKind.WEBP: Kind("WebP", (".webp",), _is_webp),
    FileKind.XLSX: Kind("Excel (.xlsx)", (".xlsx",), _office_zip("spreadsheetml")),
    FileKind.DOCX: Kind("Word (.docx)", (".docx",), _office_zip("wordprocessingml")),
    FileKind.CSV: Kind("CSV", (".csv",), _is_text),
}


@deconstructible
class UploadValidator:
    """Refuse files above `max_bytes` or not of one of `kinds`.

    `max_bytes` defaults to settings.UPLOAD_MAX_BYTES, read at validation
    time so a deployment can change it without a migration.
    """

    def __init__(self, *, kinds, max_bytes: int | None = None):
        unknown = set(kinds) - set(KINDS)
        if unknown:
            raise ValueError(f"Unknown file kinds: {sorted(unknown)}")
        self.kinds = tuple(kinds)
        self.max_bytes = max_bytes

    def __call__(self, file) -> None:
        limit = self.max_bytes or settings.UPLOAD_MAX_BYTES
        if file.size is not None and file.size > limit:
            raise ValidationError(
                _("The file is %(size)s; the limit is %(limit)s."),
                code="file_too_large",
                params={
                    "size": filesizeformat(file.size),
                    "limit": filesizeformat(limit),
                },
            )
        if file.size == 0:
            raise ValidationError(_("The file is empty."), code="file_empty")
        extension = PurePath(file.name or "").suffix.lower()
        allowed = ", ".join(KINDS[kind].label for kind in self.kinds)
        candidates = [
            KINDS[kind] for kind in self.kinds if extension in KINDS[kind].extensions
        ]
        if not candidates:
            raise ValidationError(
                _("Upload a file of one of these kinds: %(kinds)s."),
                code="file_kind",
                params={"kinds": allowed},
            )
        position = file.tell() if hasattr(file, "tell") else 0
        try:
            file.seek(0)
            head = file.read(SNIFF_BYTES)
            matches = any(kind.sniff(head, file) for kind in candidates)
        finally:
            file.seek(position)
        if not matches:
            raise ValidationError(
                _(
                    "The content of this file is not a %(kind)s file, whatever its "
                    "name says. Upload one of these kinds: %(kinds)s."
                ),
                code="file_content",
                params={"kind": candidates[0].label, "kinds": allowed},
            )

    def __eq__(self, other):
        return (
            isinstance(other, UploadValidator)
            and self.kinds == other.kinds
            and self.max_bytes == other.max_bytes
        )

    def __hash__(self):
        return hash((self.kinds, self.max_bytes))
