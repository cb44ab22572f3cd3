"""The exporters' showcase: public profiles, export stories, contact requests.

Everything here is off by default: a profile appears only once its
organisation publishes it and a civil servant has not hidden it.

The models were first part of the participants app and keep its tables
(``db_table``, and ``table_name`` of their history), so that moving them
changed no data (migrations/0001_initial.py).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from config.bilingual import BilingualListItem
from config.text_limits import LONG, SHORT, text_limit
from participants.validators import photo_validator


class Theme(BilingualListItem):
    """A managed list of themes a profile can name: the mission themes and
    a few more fields of work (machinery, ICT, ...).

    Slugs that equal a mission theme's slug (energy, health, htsm, emt,
    agrifood) make a profile match missions with that theme. "Sector" is
    the organisation's SBI activity (participants.Organisation.sector), not
    this list.
    """

    class Meta:
        db_table = "participants_sector"
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]


class Moderated(models.Model):
    """What a civil servant of the organisation's province decided on it.

    ``changed_at`` moves with every change of the content; a row whose
    ``changed_at`` is after ``reviewed_at`` is new or changed for moderation.
    """

    class Visibility(models.TextChoices):
        VISIBLE = "visible", _("Visible")
        HIDDEN = "hidden", _("Hidden by a moderator")

    visibility = models.CharField(
        _("moderation"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.VISIBLE,
    )
    hidden_reason = models.TextField(
        _("reason for hiding"), blank=True, **text_limit(SHORT)
    )
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    hidden_at = models.DateTimeField(_("hidden on"), null=True, blank=True)
    changed_at = models.DateTimeField(_("content changed on"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed on"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def is_hidden(self) -> bool:
        return self.visibility == self.Visibility.HIDDEN

    @property
    def needs_review(self) -> bool:
        return self.changed_at is not None and (
            self.reviewed_at is None or self.reviewed_at < self.changed_at
        )


class PublicProfile(Moderated):
    """What an organisation shows in the showcase, once it opts in."""

    organisation = models.OneToOneField(
        "participants.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="public_profile",
    )
    is_published = models.BooleanField(_("shown in the showcase"), default=False)
    published_at = models.DateTimeField(_("published on"), null=True, blank=True)
    description = models.TextField(
        _("short description"), blank=True, **text_limit(SHORT)
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="profiles"
    )
    export_markets = CountryField(_("markets it exports to"), multiple=True, blank=True)
    target_markets = CountryField(
        _("markets it wants to enter"), multiple=True, blank=True
    )
    experience = models.TextField(
        _("export experience"),
        blank=True,
        help_text=_("What you learned abroad, in a few sentences."),
        **text_limit(SHORT),
    )
    helps_with = models.TextField(
        _("what we help with"),
        blank=True,
        help_text=_("For advisers and partner organisations."),
        **text_limit(SHORT),
    )
    open_to_questions = models.BooleanField(
        _("other entrepreneurs may ask us about our experience"), default=True
    )
    mission_alerts = models.BooleanField(
        _("e-mail me when a matching trade mission is published"), default=False
    )
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    history = HistoricalRecords(
        m2m_fields=[themes], table_name="participants_historicalpublicprofile"
    )

    class Meta:
        db_table = "participants_publicprofile"
        verbose_name = _("public profile")
        verbose_name_plural = _("public profiles")
        ordering = ["organisation__name"]
        indexes = [models.Index(fields=["is_published", "visibility"])]

    def __str__(self):
        return str(self.organisation)

    @property
    def is_public(self) -> bool:
        return self.is_published and not self.is_hidden

    @property
    def markets(self) -> list:
        """Exported-to and wanted markets, each once."""
        seen, result = set(), []
        for country in [*self.export_markets, *self.target_markets]:
            if country.code not in seen:
                seen.add(country.code)
                result.append(country)
        return result


class ExportStory(Moderated):
    """A few paragraphs on how an organisation did business abroad."""

    organisation = models.ForeignKey(
        "participants.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="export_stories",
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("story"), **text_limit(LONG))
    photo = models.ImageField(
        _("photo"),
        upload_to="stories/%Y/",
        blank=True,
        validators=[photo_validator],
        help_text=_("Optional. JPEG, PNG or WebP."),
    )
    photo_alt = models.CharField(
        _("what the photo shows"),
        max_length=200,
        blank=True,
        help_text=_("For people who cannot see the photo."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    history = HistoricalRecords(table_name="participants_historicalexportstory")

    class Meta:
        db_table = "participants_exportstory"
        verbose_name = _("export story")
        verbose_name_plural = _("export stories")
        ordering = ["-created_at", "pk"]

    def __str__(self):
        return self.title

    @property
    def paragraphs(self) -> list[str]:
        return [part.strip() for part in self.body.split("\n\n") if part.strip()]


class ContactRequest(models.Model):
    """An organisation asks another for a conversation through the portal.

    Contact details are exchanged only on acceptance: the sender's contact
    is known from the start but shown to the receiver only then, and the
    receiver's contact is the person who accepted.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    sender = models.ForeignKey(
        "participants.Organisation",
        verbose_name=_("from"),
        on_delete=models.CASCADE,
        related_name="contact_requests_sent",
    )
    sender_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    sender_contact = models.ForeignKey(
        "participants.ContactPerson",
        verbose_name=_("sender's contact person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    receiver = models.ForeignKey(
        "participants.Organisation",
        verbose_name=_("to"),
        on_delete=models.CASCADE,
        related_name="contact_requests_received",
    )
    receiver_contact = models.ForeignKey(
        "participants.ContactPerson",
        verbose_name=_("receiver's contact person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    message = models.TextField(_("message"), **text_limit(SHORT))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent on"), auto_now_add=True)
    decided_at = models.DateTimeField(_("answered on"), null=True, blank=True)
    history = HistoricalRecords(table_name="participants_historicalcontactrequest")

    class Meta:
        db_table = "participants_contactrequest"
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["sender", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["sender", "receiver"],
                condition=Q(status="pending"),
                name="contact_request_one_pending_per_pair",
                violation_error_message=_(
                    "You already sent this organisation a request that awaits "
                    "an answer."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(sender=models.F("receiver")),
                name="contact_request_not_to_self",
            ),
        ]

    def __str__(self):
        return f"{self.sender} → {self.receiver}"

    @property
    def is_accepted(self) -> bool:
        return self.status == self.Status.ACCEPTED


class Block(models.Model):
    """The blocker receives no more requests from the blocked organisation."""

    blocker = models.ForeignKey(
        "participants.Organisation",
        verbose_name=_("blocked by"),
        on_delete=models.CASCADE,
        related_name="blocks",
    )
    blocked = models.ForeignKey(
        "participants.Organisation",
        verbose_name=_("blocked organisation"),
        on_delete=models.CASCADE,
        related_name="blocked_by",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    history = HistoricalRecords(table_name="participants_historicalblock")

    class Meta:
        db_table = "participants_block"
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [
            models.UniqueConstraint(
                fields=["blocker", "blocked"], name="block_once_per_pair"
            ),
        ]

    def __str__(self):
        return f"{self.blocker} ⊘ {self.blocked}"
