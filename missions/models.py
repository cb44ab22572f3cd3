"""Trade missions, the organisations that sign up for them, and their results.

How the figures are counted (the reporting app relies on this):

- A mission is *realised* when its ``status`` is ``completed``. Cancelled,
  draft, published and closed missions are not realised.
- *Participants* of a mission are the ``seats`` of its registrations with
  ``status`` ``attended``: one seat is one representative who travelled
  (or joined online). A company that sends two people counts as two
  participants. Registrations that were accepted but are not yet marked
  attended do not count; ``no_show`` never counts.
- *Unique organisations* (e.g. unique SMEs) are the distinct
  ``organisation_id`` values of those attended registrations.
- *First-time exporters* are attended registrations with
  ``first_time_exporter`` true (counted per organisation, not per seat).
- Results (meetings, leads, deals, export turnover, satisfaction) are per
  registration and ``moment`` in ``MissionResult``; sum one moment at a time.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from config.bilingual import BilingualListItem
from config.text_limits import LONG, SHORT, text_limit


class Theme(BilingualListItem):
    """A managed list of themes (energy, health, HTSM, EMT, agrifood, ...)."""

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]


class Mission(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published, sign-up open")
        CLOSED = "closed", _("Sign-up closed")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    class Direction(models.TextChoices):
        OUTGOING = "outgoing", _("Outgoing")
        INCOMING = "incoming", _("Incoming")

    class Format(models.TextChoices):
        PHYSICAL = "physical", _("Physical")
        ONLINE = "online", _("Online")

    class ApprovalMode(models.TextChoices):
        FIRST_COME = "first_come", _("First come, first served")
        REVIEW = "review", _("Each sign-up is reviewed")

    province = models.ForeignKey(
        "provinces.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="missions",
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="missions",
    )
    action = models.ForeignKey(
        "programmes.Action",
        verbose_name=_("action"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="missions",
        help_text=_("The action of a prestatie this mission counts for."),
    )
    title = models.CharField(_("title"), max_length=200)
    direction = models.CharField(
        _("direction"),
        max_length=10,
        choices=Direction.choices,
        default=Direction.OUTGOING,
    )
    country = CountryField(_("destination country"))
    region = models.CharField(_("region or city"), max_length=150, blank=True)
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="missions"
    )
    event = models.CharField(
        _("trade fair or event"),
        max_length=200,
        blank=True,
        help_text=_("E.g. Hannover Messe."),
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    format = models.CharField(
        _("physical or online"),
        max_length=10,
        choices=Format.choices,
        default=Format.PHYSICAL,
    )
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    partners = models.CharField(_("partner organisations"), max_length=300, blank=True)
    # The implementing partner that runs the mission for the province: its
    # staff see and handle this mission (and only missions it runs).
    run_by = models.ForeignKey(
        "participants.Organisation",
        verbose_name=_("run by (implementing partner)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="missions_run",
        limit_choices_to={"kind": "partner"},
        help_text=_(
            "A partner the province engages for missions; its staff then run "
            "this mission with you."
        ),
    )
    led_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("led by (portfolio holder)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_missions",
    )
    led_by_name = models.CharField(
        _("led by (name)"),
        max_length=150,
        blank=True,
        help_text=_("E.g. a minister, when the leader has no account."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity (seats)"), validators=[MinValueValidator(1)]
    )
    max_seats_per_organisation = models.PositiveSmallIntegerField(
        _("maximum seats per organisation"),
        default=2,
        validators=[MinValueValidator(1)],
    )
    signup_opens_at = models.DateTimeField(_("sign-up opens"), null=True, blank=True)
    signup_closes_at = models.DateTimeField(_("sign-up closes"), null=True, blank=True)
    participation_fee = models.DecimalField(
        _("participation fee per seat (€)"),
        max_digits=10,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    province_contribution_per_seat = models.DecimalField(
        _("province contribution per seat (€)"),
        max_digits=10,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    approval_mode = models.CharField(
        _("approval"),
        max_length=12,
        choices=ApprovalMode.choices,
        default=ApprovalMode.FIRST_COME,
    )
    description = models.TextField(_("description"), blank=True, **text_limit(LONG))
    highlights = models.TextField(
        _("highlights"),
        blank=True,
        **text_limit(SHORT),
        help_text=_("E.g. 'Bouman Industries heeft twee vloeistofscheiders verkocht.'"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("published on"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed on"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed on"), auto_now=True)
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        verbose_name = _("mission")
        verbose_name_plural = _("missions")
        ordering = ["-start_date", "title"]
        indexes = [models.Index(fields=["status", "start_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="mission_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1), name="mission_capacity_positive"
            ),
            models.CheckConstraint(
                condition=Q(max_seats_per_organisation__gte=1),
                name="mission_max_seats_positive",
            ),
            models.CheckConstraint(
                condition=Q(signup_opens_at__isnull=True)
                | Q(signup_closes_at__isnull=True)
                | Q(signup_closes_at__gte=models.F("signup_opens_at")),
                name="mission_signup_closes_after_opens",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("missions:detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if (
            self.signup_opens_at
            and self.signup_closes_at
            and self.signup_closes_at < self.signup_opens_at
        ):
            errors["signup_closes_at"] = _("Sign-up cannot close before it opens.")
        elif (
            self.signup_closes_at
            and self.start_date
            and timezone.localtime(self.signup_closes_at).date() > self.start_date
        ):
            errors["signup_closes_at"] = _(
                "Sign-up cannot close after the mission starts (%(start)s). "
                "Choose a closing date on or before the start date."
            ) % {"start": date_format(self.start_date, "DATE_FORMAT")}
        if (
            self.capacity
            and self.max_seats_per_organisation
            and self.max_seats_per_organisation > self.capacity
        ):
            errors["max_seats_per_organisation"] = _(
                "The maximum per organisation cannot be more than the capacity."
            )
        if self.action_id and self.action.prestatie.province_id != self.province_id:
            errors["action"] = _("Choose an action of the mission's own province.")
        if self.programme_id and self.programme.province_id != self.province_id:
            errors["programme"] = _("Choose a programme of the mission's own province.")
        if errors:
            raise ValidationError(errors)

    @property
    def leader(self) -> str:
        if self.led_by_id:
            return str(self.led_by)
        return self.led_by_name

    @property
    def is_realised(self) -> bool:
        return self.status == self.Status.COMPLETED

    @property
    def year(self) -> int:
        return self.start_date.year

    def is_upcoming(self, today: date | None = None) -> bool:
        return self.start_date >= (today or timezone.localdate())

    @property
    def has_started(self) -> bool:
        return self.start_date <= timezone.localdate()

    # Where a published mission's sign-up window stands (signup_state).
    SIGNUP_NOT_YET = "not_yet"
    SIGNUP_OPEN = "open"
    SIGNUP_OVER = "over"

    def signup_state(self, now=None) -> str:
        """Whether an entrepreneur can sign up now: "not_yet" before the
        window opens, "open" inside it, "over" after it or when the mission
        is not (or no longer) published. The service checks the same."""
        now = now or timezone.now()
        if self.status != self.Status.PUBLISHED:
            return self.SIGNUP_OVER
        if self.signup_opens_at and now < self.signup_opens_at:
            return self.SIGNUP_NOT_YET
        if self.signup_closes_at and now > self.signup_closes_at:
            return self.SIGNUP_OVER
        return self.SIGNUP_OPEN


class Registration(models.Model):
    """An organisation's sign-up for a mission, with its seats."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted, awaiting review")
        ACCEPTED = "accepted", _("Accepted")
        WAITLISTED = "waitlisted", _("On the waiting list")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        ATTENDED = "attended", _("Attended")
        NO_SHOW = "no_show", _("Did not show up")

    class Source(models.TextChoices):
        SELF = "self", _("Signed up themselves")
        BACK_OFFICE = "back_office", _("Registered by a civil servant")
        IMPORT = "import", _("Imported from a file")

    # Registrations that still hold a place (or held one) for the mission.
    ACTIVE_STATUSES = (
        Status.SUBMITTED,
        Status.ACCEPTED,
        Status.WAITLISTED,
        Status.ATTENDED,
        Status.NO_SHOW,
    )
    # Statuses whose seats are taken from the capacity.
    SEAT_TAKING_STATUSES = (Status.ACCEPTED, Status.ATTENDED, Status.NO_SHOW)

    mission = models.ForeignKey(
        Mission,
        verbose_name=_("mission"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    organisation = models.ForeignKey(
        "participants.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    contacts = models.ManyToManyField(
        "participants.ContactPerson",
        verbose_name=_("contact persons"),
        blank=True,
        related_name="registrations",
    )
    seats = models.PositiveSmallIntegerField(
        _("seats"), default=1, validators=[MinValueValidator(1)]
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SUBMITTED
    )
    waitlist_position = models.PositiveIntegerField(
        _("position on the waiting list"), null=True, blank=True
    )
    rejection_reason = models.TextField(
        _("reason for rejection"), blank=True, **text_limit(SHORT)
    )
    motivation = models.TextField(_("motivation"), blank=True, **text_limit(SHORT))
    goals = models.TextField(_("goals"), blank=True, **text_limit(SHORT))
    target_markets = models.CharField(_("target markets"), max_length=300, blank=True)
    first_time_exporter = models.BooleanField(_("first-time exporter"), default=False)
    de_minimis_declared = models.BooleanField(
        _("de-minimis declaration made"), default=False
    )
    de_minimis_aid_received = models.DecimalField(
        _("de-minimis aid received in the last three years (€)"),
        max_digits=12,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    source = models.CharField(
        _("registered how"), max_length=12, choices=Source.choices, default=Source.SELF
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("signed up on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed on"), auto_now=True)
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["mission", "created_at", "pk"]
        indexes = [models.Index(fields=["mission", "status"])]
        constraints = [
            models.UniqueConstraint(
                fields=["mission", "organisation"],
                condition=~Q(status__in=["rejected", "withdrawn"]),
                name="registration_one_active_per_organisation",
                violation_error_message=_(
                    "This organisation is already signed up for this mission."
                ),
            ),
            models.CheckConstraint(
                condition=Q(seats__gte=1), name="registration_seats_positive"
            ),
            models.CheckConstraint(
                condition=Q(status="waitlisted", waitlist_position__isnull=False)
                | (~Q(status="waitlisted") & Q(waitlist_position__isnull=True)),
                name="registration_position_only_when_waitlisted",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} – {self.mission}"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE_STATUSES

    @property
    def takes_seats(self) -> bool:
        return self.status in self.SEAT_TAKING_STATUSES

    @property
    def is_open(self) -> bool:
        """Not decided for good: it can still be rejected or withdrawn."""
        return self.status in (
            self.Status.SUBMITTED,
            self.Status.ACCEPTED,
            self.Status.WAITLISTED,
        )


class MissionResult(models.Model):
    """What a mission brought one registration, measured at one moment."""

    class Moment(models.TextChoices):
        AFTER = "after", _("Right after the mission")
        MONTHS_6 = "6_months", _("After 6 months")
        MONTHS_12 = "12_months", _("After 12 months")

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="results",
    )
    moment = models.CharField(_("moment"), max_length=10, choices=Moment.choices)
    meetings = models.PositiveIntegerField(_("meetings held"), default=0)
    leads = models.PositiveIntegerField(_("leads"), default=0)
    deals = models.PositiveIntegerField(_("deals"), default=0)
    expected_export_turnover = models.DecimalField(
        _("expected export turnover (€)"),
        max_digits=14,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    realised_export_turnover = models.DecimalField(
        _("realised export turnover (€)"),
        max_digits=14,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
    )
    satisfaction = models.PositiveSmallIntegerField(
        _("satisfaction (1–10)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    remarks = models.TextField(_("remarks"), blank=True, **text_limit(SHORT))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filled in by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("filled in on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed on"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mission result")
        verbose_name_plural = _("mission results")
        ordering = ["registration", "moment"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "moment"],
                name="result_one_per_registration_and_moment",
            ),
            models.CheckConstraint(
                condition=Q(satisfaction__isnull=True)
                | Q(satisfaction__gte=1, satisfaction__lte=10),
                name="result_satisfaction_1_to_10",
            ),
        ]

    def __str__(self):
        return f"{self.registration} ({self.get_moment_display()})"


class MissionMessage(models.Model):
    """An e-mail a civil servant wrote to all participants of a mission.

    The row is the message; the outbox holds one e-mail per recipient
    (its key: the message and the address), so each participant gets a
    message once, however often its job runs.
    """

    mission = models.ForeignKey(
        Mission,
        verbose_name=_("mission"),
        on_delete=models.CASCADE,
        related_name="messages",
    )
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("text"), **text_limit(LONG))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent on"), auto_now_add=True)
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("message to participants")
        verbose_name_plural = _("messages to participants")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.subject
