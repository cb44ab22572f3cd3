"""The tenant: a province, its name, colours, logo and team address.

Every app may import this one (see tests/test_architecture.py); it imports
only config.
"""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from config.uploads import FileKind, UploadValidator


class Province(models.Model):
    """The tenant: civil servants and portfolio holders see their own only."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    code = models.CharField(
        _("code"),
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Two capital letters, e.g. OV."))],
        help_text=_("ISO 3166-2:NL code without the NL- prefix, e.g. OV."),
    )
    display_name = models.CharField(
        _("name on the page"),
        max_length=150,
        blank=True,
        help_text=_("E.g. Provincie Overijssel."),
    )
    colour = models.CharField(
        _("colour"),
        max_length=7,
        default="#154273",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("A colour like #154273."))],
    )
    logo = models.FileField(
        _("logo"),
        upload_to="provinces/",
        blank=True,
        validators=[UploadValidator(kinds=[FileKind.PNG, FileKind.JPEG])],
    )
    contact_email = models.EmailField(
        _("contact e-mail of the team"),
        blank=True,
        help_text=_(
            "Where entrepreneurs write with questions; shown on every page they see."
        ),
    )

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ["name"]
        # The table of the days Province lived in programmes (issue 19): the
        # model moved, the data stayed.
        db_table = "programmes_province"

    def __str__(self):
        return self.name

    @property
    def page_name(self) -> str:
        return self.display_name or self.name
