"""Organisations that take part in missions, and their contact persons."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from .validators import (
    branch_number_validator,
    kvk_number_validator,
    postcode_validator,
)


class SmeClass(models.TextChoices):
    """Size class by EU Recommendation 2003/361."""

    MICRO = "micro", _("Micro")
    SMALL = "small", _("Small")
    MEDIUM = "medium", _("Medium-sized")
    LARGE = "large", _("Large")


def sme_class_for(
    employees: int | None, turnover: Decimal | None, balance: Decimal | None
) -> str:
    """The EU SME class: staff below the limit and turnover or balance within it.

    Missing financial figures count as within the limit, so that a company
    that gives only its headcount is still classed.
    """
    if employees is None:
        return ""
    limits = (
        (SmeClass.MICRO, 10, Decimal("2000000"), Decimal("2000000")),
        (SmeClass.SMALL, 50, Decimal("10000000"), Decimal("10000000")),
        (SmeClass.MEDIUM, 250, Decimal("50000000"), Decimal("43000000")),
    )
    for sme_class, staff, max_turnover, max_balance in limits:
        if employees < staff and (
            turnover is None
            or turnover <= max_turnover
            or (balance is not None and balance <= max_balance)
        ):
            return sme_class
    return SmeClass.LARGE


class Organisation(models.Model):
    class Kind(models.TextChoices):
        SME = "sme", _("SME")
        LARGE = "large", _("Large company")
        EDUCATION = "education", _("Education")
        KNOWLEDGE = "knowledge", _("Knowledge institution")
        GOVERNMENT = "government", _("Government")
        PARTNER = "partner", _("Partner organisation")
        ADVISER = "adviser", _("Adviser or consultant")

    class ExportExperience(models.TextChoices):
        NONE = "none", _("None yet")
        OCCASIONAL = "occasional", _("Occasional")
        STRUCTURAL = "structural", _("Structural")

    kvk_number = models.CharField(
        _("KvK number"), max_length=8, unique=True, validators=[kvk_number_validator]
    )
    branch_number = models.CharField(
        _("vestigingsnummer"),
        max_length=12,
        blank=True,
        validators=[branch_number_validator],
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.SME
    )
    sbi_code = models.CharField(_("SBI code"), max_length=10, blank=True)
    sector = models.CharField(_("sector"), max_length=150, blank=True)
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    annual_turnover = models.DecimalField(
        _("annual turnover (€)"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    balance_total = models.DecimalField(
        _("balance sheet total (€)"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
    )
    sme_class = models.CharField(
        _("SME class"),
        max_length=10,
        choices=SmeClass.choices,
        blank=True,
        editable=False,
    )
    postcode = models.CharField(
        _("postcode"), max_length=7, blank=True, validators=[postcode_validator]
    )
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    province = models.ForeignKey(
        "provinces.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
    )
    website = models.URLField(_("website"), blank=True)
    export_experience = models.CharField(
        _("export experience"),
        max_length=20,
        choices=ExportExperience.choices,
        default=ExportExperience.NONE,
    )
    export_markets = models.CharField(
        _("markets it exports to"), max_length=300, blank=True
    )
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # A derived column, kept in step so it can be grouped on in SQL.
        self.sme_class = sme_class_for(
            self.employees, self.annual_turnover, self.balance_total
        )
        super().save(*args, **kwargs)


def membership_unlink(collector, field, sub_objs, using):
    """on_delete of a contact person's account: like SET_NULL, and the
    membership (admin role, how it was verified) goes with the account."""
    model = field.model
    # One UPDATE per field, in this order: the membership first, so that no
    # row is ever an admin without an account (contact_membership_needs_account).
    collector.add_field_update(model._meta.get_field("is_admin"), False, sub_objs)
    collector.add_field_update(model._meta.get_field("verified_via"), "", sub_objs)
    collector.add_field_update(field, None, sub_objs)


class ContactPerson(models.Model):
    """A person at an organisation; with a user account, a member of it.

    Only approved members have a contact person with an account: a request
    to join is a MembershipRequest until a member with the admin role (or
    the province, when there is none) approves it.
    """

    class VerifiedVia(models.TextChoices):
        EHERKENNING = "eherkenning", _("verified via eHerkenning")
        APPROVAL = "approval", _("approved")
        FIRST_MEMBER = "first_member", _("registered the organisation")
        ADMINISTRATOR = "administrator", _("added by an administrator")
        BEFORE_APPROVAL = "before_approval", _("joined before approval was required")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=membership_unlink,
        null=True,
        blank=True,
        related_name="contact_persons",
    )
    is_admin = models.BooleanField(
        _("organisation admin"),
        default=False,
        help_text=_("Approves requests to join and manages the members."),
    )
    verified_via = models.CharField(
        _("membership verified"),
        max_length=20,
        choices=VerifiedVia.choices,
        blank=True,
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    role = models.CharField(_("role in the organisation"), max_length=100, blank=True)
    consent_future_missions = models.BooleanField(
        _("may be contacted about future missions"), default=False
    )
    # E-mails about registrations go out in this language; set from the
    # language the person used when signing up or editing the profile.
    language = models.CharField(
        _("language for e-mail"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="nl",
    )
    anonymised_at = models.DateTimeField(_("anonymised on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["organisation", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                condition=models.Q(user__isnull=False),
                name="contact_unique_user_per_organisation",
            ),
            # Membership is a property of an account: a contact person
            # without one is nobody's member and administers nothing.
            models.CheckConstraint(
                condition=models.Q(user__isnull=False)
                | models.Q(is_admin=False, verified_via=""),
                name="contact_membership_needs_account",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.organisation})"

    @property
    def is_member(self) -> bool:
        return self.user_id is not None


class MembershipRequest(models.Model):
    """A user's request to act for an organisation, decided by its admin or,
    when it has none, by a civil servant of its province."""

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting approval")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="membership_requests",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.CASCADE,
        related_name="membership_requests",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    # E-mails to the requester go out in the language of the request.
    language = models.CharField(
        _("language for e-mail"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="nl",
    )
    created_at = models.DateTimeField(_("requested on"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership request")
        verbose_name_plural = _("membership requests")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                condition=models.Q(status="pending"),
                name="membership_request_one_pending",
            ),
            models.CheckConstraint(
                condition=models.Q(status="pending", decided_at__isnull=True)
                | (~models.Q(status="pending") & models.Q(decided_at__isnull=False)),
                name="membership_request_decided_when_not_pending",
            ),
        ]

    def __str__(self):
        return f"{self.user} → {self.organisation} ({self.get_status_display()})"


class Engagement(models.Model):
    """A province engages an implementing partner organisation for a task
    over a period: to run missions, its information desk or its advisory
    tracks. Partner staff see and handle only what their organisation runs
    for the provinces that engage it for that task, while the engagement
    lasts."""

    class Task(models.TextChoices):
        MISSIONS = "missions", _("Missions")
        DESK = "desk", _("Information desk")
        ADVICE = "advice", pgettext_lazy("engagement", "Advisory tracks")

    province = models.ForeignKey(
        "provinces.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="engagements",
    )
    partner = models.ForeignKey(
        Organisation,
        verbose_name=_("partner organisation"),
        on_delete=models.PROTECT,
        related_name="engagements",
        limit_choices_to={"kind": Organisation.Kind.PARTNER},
    )
    task = models.CharField(_("task"), max_length=20, choices=Task.choices)
    since = models.DateField(pgettext_lazy("engagement", "since"))
    until = models.DateField(
        pgettext_lazy("engagement", "until"),
        null=True,
        blank=True,
        help_text=_("Empty: until further notice."),
    )
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_("E.g. the workplan or decision the engagement rests on."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("engagement of a partner")
        verbose_name_plural = _("engagements of partners")
        ordering = ["province", "task", "since", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "partner", "task", "since"],
                name="engagement_unique_start",
            ),
            models.CheckConstraint(
                condition=models.Q(until__isnull=True)
                | models.Q(until__gte=models.F("since")),
                name="engagement_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.partner} — {self.province} ({self.get_task_display()})"

    def clean(self):
        errors = {}
        if self.partner_id and self.partner.kind != Organisation.Kind.PARTNER:
            errors["partner"] = _("Choose an organisation of the kind partner.")
        if self.until and self.since and self.until < self.since:
            errors["until"] = _("The end date lies before the start date.")
        if (
            not errors
            and self.task == self.Task.DESK
            and self.province_id
            and self.since
            and self._overlapping_desk().exists()
        ):
            # A question goes to one desk: one partner at a time.
            errors["since"] = _(
                "Another partner runs this province's desk in this period."
            )
        if errors:
            raise ValidationError(errors)

    def _overlapping_desk(self):
        others = Engagement.objects.filter(
            province_id=self.province_id, task=self.Task.DESK
        ).exclude(pk=self.pk)
        if self.until:
            others = others.filter(since__lte=self.until)
        return others.filter(
            models.Q(until__isnull=True) | models.Q(until__gte=self.since)
        )
