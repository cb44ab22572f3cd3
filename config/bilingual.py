"""Managed lists with a Dutch and an English name (the themes of missions
and of showcase profiles)."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class BilingualListItem(models.Model):
    """An entry of a managed list: a code and its name in both languages."""

    slug = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name (Dutch)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        """The English name on English pages when there is one."""
        if self.name_en and (get_language() or "nl").startswith("en"):
            return self.name_en
        return self.name
