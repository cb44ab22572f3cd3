import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from openpyxl import Workbook

from config.uploads import FileKind, UploadValidator

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 32


def xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    Document().save(buffer)
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def refusal(validator, file) -> str:
    with pytest.raises(ValidationError) as caught:
        validator(file)
    return caught.value.code


@pytest.mark.parametrize(
    ("kinds", "name", "content"),
    [
        ([FileKind.PDF], "verslag.pdf", PDF),
        ([FileKind.PDF, FileKind.PNG], "logo.PNG", PNG),
        ([FileKind.XLSX], "deelnemers.xlsx", xlsx_bytes()),
        ([FileKind.DOCX], "brief.docx", docx_bytes()),
        ([FileKind.CSV], "lijst.csv", "kvk;naam\n12345678;Bakkerij Ë\n".encode()),
        ([FileKind.WEBP], "foto.webp", WEBP),
    ],
)
def test_files_of_an_allowed_kind_pass(kinds, name, content):
    file = upload(name, content)
    UploadValidator(kinds=kinds)(file)
    # The validator leaves the file where it was, ready to be saved.
    assert file.tell() == 0


def test_a_file_over_the_limit_is_refused_with_both_sizes(settings):
    settings.UPLOAD_MAX_BYTES = 1024
    with pytest.raises(ValidationError) as caught:
        UploadValidator(kinds=[FileKind.PDF])(upload("groot.pdf", PDF + b" " * 2000))
    assert caught.value.code == "file_too_large"
    assert "1,0" in " ".join(caught.value.messages)


def test_an_explicit_limit_overrides_the_setting():
    validator = UploadValidator(kinds=[FileKind.PDF], max_bytes=10)
    assert refusal(validator, upload("a.pdf", PDF)) == "file_too_large"


def test_an_empty_file_is_refused():
    assert refusal(UploadValidator(kinds=[FileKind.CSV]), upload("a.csv", b"")) in {
        "file_empty",
        "file_kind",
    }


@pytest.mark.parametrize(
    ("kinds", "name", "content"),
    [
        # A name that is not allowed at all.
        ([FileKind.PDF], "script.exe", b"MZ\x90\x00"),
        ([FileKind.PNG], "logo.svg", b"<svg onload=alert(1)></svg>"),
        ([FileKind.PDF], "zonder-extensie", PDF),
    ],
)
def test_a_file_of_another_kind_is_refused_by_its_name(kinds, name, content):
    assert refusal(UploadValidator(kinds=kinds), upload(name, content)) == "file_kind"


@pytest.mark.parametrize(
    ("kinds", "name", "content"),
    [
        ([FileKind.PDF], "factuur.pdf", b"<html><script>alert(1)</script></html>"),
        ([FileKind.PNG], "foto.png", b"\xff\xd8\xff\xe0 a jpeg really"),
        ([FileKind.XLSX], "lijst.xlsx", docx_bytes()),
        ([FileKind.DOCX], "brief.docx", b"PK\x03\x04 not really a zip"),
        ([FileKind.CSV], "lijst.csv", b"<!DOCTYPE html><script>x</script>"),
        ([FileKind.CSV], "lijst.csv", b"MZ\x00\x00binary"),
        ([FileKind.WEBP], "foto.webp", b"RIFF\x00\x00\x00\x00WAVEfmt "),
    ],
)
def test_content_that_is_not_what_the_name_says_is_refused(kinds, name, content):
    validator = UploadValidator(kinds=kinds)
    assert refusal(validator, upload(name, content)) == "file_content"


def test_messages_are_dutch_by_default_and_name_the_allowed_kinds():
    with pytest.raises(ValidationError) as caught:
        UploadValidator(kinds=[FileKind.PDF, FileKind.DOCX])(upload("a.exe", b"MZ"))
    message = " ".join(caught.value.messages)
    assert "PDF" in message and "Word (.docx)" in message
    assert "Upload een bestand" in message


def test_unknown_kinds_are_a_programming_error():
    with pytest.raises(ValueError, match="Unknown file kinds"):
        UploadValidator(kinds=["exe"])


def test_validator_deconstructs_for_migrations():
    validator = UploadValidator(kinds=[FileKind.PDF], max_bytes=100)
    path, args, kwargs = validator.deconstruct()
    assert path == "config.uploads.UploadValidator"
    assert kwargs == {"kinds": [FileKind.PDF], "max_bytes": 100}
    assert UploadValidator(**kwargs) == validator


# Uploaded files, and where each is checked. Generated files (the reports)
# are written by the portal and not listed.
UPLOAD_FIELDS = {
    "provinces.Province.logo": "config.uploads.UploadValidator",
    "showcase.ExportStory.photo": "participants.validators.photo_validator",
    "advice.TrackDocument.file": "config.uploads.UploadValidator",
}


def _validator_name(validator) -> str:
    """A function's dotted name, or the class of a validator instance."""
    named = validator if hasattr(validator, "__qualname__") else type(validator)
    return f"{named.__module__}.{named.__qualname__}"


def test_every_uploaded_model_file_is_checked_by_config_uploads():
    """A new FileField or ImageField fails here until it is checked."""
    from django.apps import apps
    from django.db.models import FileField

    found = {}
    for model in apps.get_models():
        if model.__module__.split(".")[0] not in {
            "accounts",
            "provinces",
            "programmes",
            "missions",
            "participants",
            "showcase",
            "reporting",
            "advice",
        } or model.__name__.startswith("Historical"):
            continue
        for field in model._meta.fields:
            if isinstance(field, FileField) and model._meta.app_label != "reporting":
                label = f"{model._meta.app_label}.{model.__name__}.{field.name}"
                found[label] = [_validator_name(v) for v in field.validators]
    assert set(found) == set(UPLOAD_FIELDS)
    for label, validator in UPLOAD_FIELDS.items():
        assert validator in found[label], label


def test_the_story_photo_goes_through_config_uploads(settings):
    """photo_validator is UploadValidator with SHOWCASE_PHOTO_MAX_BYTES, then
    Pillow."""
    from participants.validators import photo_validator

    settings.SHOWCASE_PHOTO_MAX_BYTES = 10
    with pytest.raises(ValidationError) as caught:
        photo_validator(upload("foto.png", PNG))
    assert caught.value.code == "file_too_large"
    settings.SHOWCASE_PHOTO_MAX_BYTES = 2 * 1024 * 1024
    with pytest.raises(ValidationError) as caught:
        photo_validator(upload("foto.svg", b"<svg onload=alert(1)></svg>"))
    assert caught.value.code == "file_kind"


def test_every_form_file_field_is_checked_by_config_uploads():
    import importlib
    import inspect

    from django import forms

    fields = []
    for module_name in ("missions.forms", "participants.forms", "programmes.forms"):
        module = importlib.import_module(module_name)
        for _name, form_class in inspect.getmembers(module, inspect.isclass):
            if issubclass(form_class, forms.BaseForm):
                for name, field in form_class.base_fields.items():
                    if isinstance(field, forms.FileField) and not isinstance(
                        field, forms.ImageField
                    ):
                        fields.append((form_class.__name__, name, field))
    assert [(form, name) for form, name, _field in fields] == [
        ("ImportUploadForm", "file")
    ]
    assert any(isinstance(v, UploadValidator) for v in fields[0][2].validators)


@pytest.mark.django_db
def test_the_admin_refuses_a_script_as_province_logo(client):
    from django.urls import reverse

    from provinces.models import Province
    from tests.factories import ProvinceFactory, UserFactory

    province = ProvinceFactory(code="OV", name="Overijssel")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("admin:provinces_province_change", args=[province.pk])
    page = client.get(url)
    data = {
        key: value
        for key, value in page.context["adminform"].form.initial.items()
        if value is not None and key != "logo"
    }
    data["logo"] = upload("logo.svg", b"<svg onload=alert(1)></svg>")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "logo" in response.context["adminform"].form.errors
    assert not Province.objects.get(pk=province.pk).logo
