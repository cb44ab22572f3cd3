"""Provinces, their programmes, the planning & control hierarchy and the ledger.

Prestaties are kept per year; a prestatie of a later year links to the one it
continues. Reserve mutations form an append-only ledger: see services.py.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from config.money import format_euro, format_number
from config.text_limits import LONG, SHORT, text_limit
from provinces.models import Province

MONEY = {"max_digits": 14, "decimal_places": 2}
POSITIVE_MONEY = [MinValueValidator(Decimal("0.01"))]
# "Op basis van de spelregels van de Reserve …": a phrase, not a story.
DECISION_BASIS_LENGTH = 300


class Decision(models.Model):
    """A decision of Provinciale or Gedeputeerde Staten, referenced as free text."""

    class Body(models.TextChoices):
        PS = "PS", _("Provinciale Staten")
        GS = "GS", _("Gedeputeerde Staten")

    class Kind(models.TextChoices):
        INVESTMENT = "investment", _("Investment proposal")
        BUDGET = "budget", _("Budget")
        AMENDMENT = "amendment", _("Budget amendment")
        OTHER = "other", _("Other")

    province = models.ForeignKey(
        Province,
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    body = models.CharField(_("decided by"), max_length=2, choices=Body.choices)
    reference = models.CharField(
        _("reference"),
        max_length=100,
        help_text=_("As the province writes it, e.g. PS/2016/871."),
    )
    # Optional: source documents often cite a decision by reference only.
    date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("When known.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    amendment_number = models.PositiveSmallIntegerField(
        _("number of the budget amendment in its year"),
        null=True,
        blank=True,
        help_text=_("Only for a budget amendment, when known: 5 for the 5th."),
    )
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-date", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "reference"], name="decision_unique_reference"
            ),
            models.CheckConstraint(
                condition=Q(kind="amendment") | Q(amendment_number__isnull=True),
                name="decision_amendment_number_only_for_amendments",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.reference})"

    def get_absolute_url(self):
        return reverse("programmes:decision_detail", args=[self.pk])

    def clean(self):
        # The number of an amendment is often not in the source document
        # (a GS amendment is cited by its subject), so it stays optional.
        if self.kind != self.Kind.AMENDMENT and self.amendment_number:
            raise ValidationError(
                {"amendment_number": _("Only a budget amendment has a number.")}
            )


class Programme(models.Model):
    """A programme or workplan that funds and carries out the work."""

    class Kind(models.TextChoices):
        PROGRAMME = "programme", _("Programme")
        WORKPLAN = "workplan", _("Workplan")

    province = models.ForeignKey(
        Province,
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="programmes",
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.PROGRAMME
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    executing_partner = models.CharField(
        _("executing partner"), max_length=200, blank=True
    )
    start_year = models.PositiveSmallIntegerField(_("start year"))
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True, **text_limit(LONG))
    granted_amount = models.DecimalField(
        _("amount granted"),
        null=True,
        blank=True,
        validators=POSITIVE_MONEY,
        help_text=_("What the decision made available, e.g. 600.000."),
        **MONEY,
    )
    decisions = models.ManyToManyField(
        Decision, verbose_name=_("decisions"), blank=True, related_name="programmes"
    )
    history = HistoricalRecords(m2m_fields=[decisions])

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["province", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "name"], name="programme_unique_name"
            ),
            models.CheckConstraint(
                condition=Q(end_year__isnull=True)
                | Q(end_year__gte=models.F("start_year")),
                name="programme_end_after_start",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programmes:programme_detail", args=[self.pk])

    def clean(self):
        if self.end_year and self.start_year and self.end_year < self.start_year:
            raise ValidationError(
                {"end_year": _("The end year cannot be before the start year.")}
            )
        if self.parent_id and self.parent.province_id != self.province_id:
            raise ValidationError(
                {
                    "parent": _(
                        "A programme can only be part of one of its own province."
                    )
                }
            )


class Reserve(models.Model):
    """Money on the province's balance sheet; its balance is the ledger's sum."""

    province = models.ForeignKey(
        Province,
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="reserves",
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True, **text_limit(SHORT))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reserve")
        verbose_name_plural = _("reserves")
        ordering = ["province", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "name"], name="reserve_unique_name"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programmes:reserve_detail", args=[self.pk])


class Prestatie(models.Model):
    """One prestatie (performance) of one budget year, e.g. 5.4.2 in 2016."""

    class Role(models.TextChoices):
        FACILITATOR = "faciliteerder", _("facilitator")
        DIRECTOR = "regisseur", _("director")
        STIMULATOR = "stimulator", _("stimulator")
        PARTNER = "partner", _("partner")
        FINANCIER = "financier", _("financier")
        EXECUTOR = "uitvoerder", _("executor")

    class Duration(models.TextChoices):
        STRUCTURAL = "structural", _("Structural")
        PERIOD = "period", _("Period")

    class Continuation(models.TextChoices):
        NEW = "new", _("New")
        CONTINUED = "continued", _("Continued")
        CHANGED = "changed", _("Changed")

    province = models.ForeignKey(
        Province,
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="prestaties",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    code = models.CharField(_("number"), max_length=20, help_text=_("E.g. 5.4.2."))
    title = models.CharField(_("title"), max_length=300)
    purpose = models.TextField(_("purpose"), blank=True, **text_limit(LONG))
    context = models.TextField(_("context"), blank=True, **text_limit(LONG))
    kerntaak_code = models.CharField(
        _("core task / programme number"), max_length=20, blank=True
    )
    kerntaak_title = models.CharField(
        _("core task / programme"), max_length=200, blank=True
    )
    doel_code = models.CharField(_("goal number"), max_length=20, blank=True)
    doel_title = models.CharField(_("goal"), max_length=300, blank=True)
    role = models.CharField(
        _("role of the province"),
        max_length=20,
        choices=Role.choices,
        default=Role.FACILITATOR,
    )
    duration = models.CharField(
        _("duration"),
        max_length=20,
        choices=Duration.choices,
        default=Duration.STRUCTURAL,
    )
    start_year = models.PositiveSmallIntegerField(
        _("start year"), null=True, blank=True
    )
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True)
    portfolio_holder = models.CharField(
        _("responsible portfolio holder"), max_length=150, blank=True
    )
    relates_to_reserve = models.BooleanField(
        _("relation with a reserve"), default=False
    )
    reserve = models.ForeignKey(
        Reserve,
        verbose_name=_("reserve"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="prestaties",
    )
    investment_decisions = models.ManyToManyField(
        Decision,
        verbose_name=_("investment decisions"),
        blank=True,
        related_name="prestaties",
    )
    finance_text = models.TextField(
        _("finance explanation"),
        blank=True,
        help_text=_(
            "Printed under Finance before the reserve mutations, e.g. "
            '"You agreed on 9 November 2016 to …".'
        ),
        **text_limit(LONG),
    )
    investment_explanation = models.TextField(
        _("investment proposal explanation"),
        blank=True,
        help_text=_(
            "Printed in the basic information under the investment proposal, "
            'e.g. "From the coalition agreement a budget was made available '
            'for this prestatie …".'
        ),
        **text_limit(SHORT),
    )
    predecessor = models.ForeignKey(
        "self",
        verbose_name=_("same prestatie in an earlier year"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successors",
    )
    continuation = models.CharField(
        _("compared with the earlier year"),
        max_length=20,
        choices=Continuation.choices,
        default=Continuation.NEW,
    )
    history = HistoricalRecords(m2m_fields=[investment_decisions])

    class Meta:
        verbose_name = _("prestatie")
        verbose_name_plural = _("prestaties")
        ordering = ["province", "-year", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "year", "code"],
                name="prestatie_unique_code_per_year",
            ),
            models.CheckConstraint(
                condition=Q(end_year__isnull=True)
                | Q(start_year__isnull=True)
                | Q(end_year__gte=models.F("start_year")),
                name="prestatie_end_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.title} ({self.year})"

    def get_absolute_url(self):
        return reverse("programmes:prestatie_detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.duration == self.Duration.PERIOD:
            if not self.start_year:
                errors["start_year"] = _(
                    "A prestatie with a period needs a start year."
                )
            if not self.end_year:
                errors["end_year"] = _("A prestatie with a period needs an end year.")
        if self.start_year and self.end_year and self.end_year < self.start_year:
            errors["end_year"] = _("The end year cannot be before the start year.")
        if self.relates_to_reserve and not self.reserve_id:
            errors["reserve"] = _("Say which reserve the prestatie relates to.")
        if self.reserve_id and self.reserve.province_id != self.province_id:
            errors["reserve"] = _("Choose a reserve of the same province.")
        if self.predecessor_id:
            if self.predecessor.province_id != self.province_id:
                errors["predecessor"] = _("Choose a prestatie of the same province.")
            elif self.predecessor.year >= self.year:
                errors["predecessor"] = _(
                    "The earlier prestatie must be of an earlier year."
                )
        if errors:
            raise ValidationError(errors)

    def covers_year(self, year: int) -> bool:
        """Whether a target for `year` falls within the prestatie's duration."""
        if self.duration == self.Duration.STRUCTURAL:
            return year >= (self.start_year or self.year)
        return (self.start_year or self.year) <= year <= (self.end_year or self.year)


class Action(models.Model):
    """A numbered action of a prestatie: 'Wij faciliteren drie handelsmissies.'"""

    prestatie = models.ForeignKey(
        Prestatie,
        verbose_name=_("prestatie"),
        on_delete=models.CASCADE,
        related_name="actions",
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("text"), **text_limit(SHORT))
    programmes = models.ManyToManyField(
        Programme, verbose_name=_("programmes"), blank=True, related_name="actions"
    )
    history = HistoricalRecords(m2m_fields=[programmes])

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["prestatie", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["prestatie", "number"], name="action_unique_number"
            ),
        ]

    def __str__(self):
        return _("%(code)s action %(number)s") % {
            "code": self.prestatie.code,
            "number": self.number,
        }

    def get_absolute_url(self):
        return reverse("programmes:action_detail", args=[self.pk])

    @property
    def label_with_year(self) -> str:
        """'5.4.2 action 1 (2027)': the same action exists in every year, so
        a choice or column of actions names the year too."""
        return _("%(code)s action %(number)s (%(year)s)") % {
            "code": self.prestatie.code,
            "number": self.number,
            "year": self.prestatie.year,
        }


class Indicator(models.Model):
    """A measurable target of an action; realised values computed or entered."""

    class Accumulation(models.TextChoices):
        ANNUAL = "annual", _("Per year")
        CUMULATIVE = "cumulative", _("Cumulative")

    class Source(models.TextChoices):
        COMPUTED = "computed", _("Computed from portal data")
        ENTERED = "entered", _("Entered by a civil servant")

    class Metric(models.TextChoices):
        MISSIONS_REALISED = "missions_realised", _("Missions realised")
        PARTICIPANTS = "participants", _("Participants")
        # Seats of companies only, not of education and other organisations.
        ENTREPRENEURS = "entrepreneurs", _("Participating entrepreneurs")
        UNIQUE_ORGANISATIONS = "unique_organisations", _("Unique organisations")
        FIRST_TIME_EXPORTERS = "first_time_exporters", _("First-time exporters")
        LEADS = "leads", _("Leads")
        DEALS = "deals", _("Deals")
        EXPORT_TURNOVER = "export_turnover", _("Export turnover")
        # The information desk and the advisory tracks (issue 18): counted
        # over the whole province, whatever action the indicator is of.
        QUESTIONS_RECEIVED = "questions_received", _("Questions received")
        QUESTIONS_ANSWERED = "questions_answered", _("Questions answered")
        QUESTIONS_IN_TIME = (
            "questions_in_time",
            _("Questions answered within the target time"),
        )
        TRACKS_STARTED = "tracks_started", _("Advisory tracks started")
        TRACKS_FINISHED = "tracks_finished", _("Advisory tracks finished")
        PLANS_DELIVERED = "plans_delivered", _("Business plans delivered")

    action = models.ForeignKey(
        Action,
        verbose_name=_("action"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=50, default="", blank=True)
    accumulation = models.CharField(
        _("counted"),
        max_length=20,
        choices=Accumulation.choices,
        default=Accumulation.ANNUAL,
    )
    source = models.CharField(
        _("realised value"),
        max_length=20,
        choices=Source.choices,
        default=Source.ENTERED,
    )
    metric = models.CharField(
        _("computed figure"),
        max_length=40,
        choices=Metric.choices,
        blank=True,
        help_text=_("Only for computed indicators."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["action", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(source="computed") & ~Q(metric=""))
                | (Q(source="entered") & Q(metric="")),
                name="indicator_metric_only_when_computed",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programmes:indicator_detail", args=[self.pk])

    # Units that make an entered indicator an amount of money; every other
    # indicator counts things (missions, companies, leads).
    MONEY_UNITS = frozenset({"€", "eur", "euro", "euros"})

    @property
    def is_money(self) -> bool:
        """Whether targets and values are amounts in euros, not counts."""
        if self.source == self.Source.COMPUTED:
            return self.metric == self.Metric.EXPORT_TURNOVER
        return self.unit.strip().lower() in self.MONEY_UNITS

    def clean(self):
        if self.source == self.Source.COMPUTED and not self.metric:
            raise ValidationError(
                {"metric": _("Choose which figure the portal computes.")}
            )
        if self.source == self.Source.ENTERED and self.metric:
            raise ValidationError(
                {"metric": _("An entered indicator has no computed figure.")}
            )


class IndicatorTarget(models.Model):
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="targets",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"], name="target_unique_year"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0), name="target_not_negative"
            ),
        ]

    def __str__(self):
        # 'Handelsmissies 2027: 5', not '5.00': a count has no decimals.
        return f"{self.indicator} {self.year}: {format_number(self.value)}"

    def get_absolute_url(self):
        return reverse("programmes:target_detail", args=[self.pk])


class IndicatorValue(models.Model):
    """A realised value entered by a civil servant for one year."""

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="values",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("realised"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("realised value")
        verbose_name_plural = _("realised values")
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"], name="value_unique_year"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=0), name="value_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.indicator} {self.year}: {format_number(self.value)}"

    def get_absolute_url(self):
        return reverse("programmes:value_detail", args=[self.pk])


class ProgressNote(models.Model):
    """'Toelichting op voortgang' of an action in a year, written by a person.

    `narrative` says what the report prints for the action: the portal's
    generated text (missions, participants, results), the civil servant's
    own text, or their own text with the generated text beneath. With more
    notes in a year, the latest note's choice counts.
    """

    class Narrative(models.TextChoices):
        GENERATED = "generated", _("The portal's generated text")
        OWN = "own", _("My own text only")
        OWN_WITH_FIGURES = (
            "own_with_figures",
            _("My own text with the generated figures beneath"),
        )

    action = models.ForeignKey(
        Action,
        verbose_name=_("action"),
        on_delete=models.CASCADE,
        related_name="progress_notes",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    text = models.TextField(_("text"), **text_limit(LONG))
    narrative = models.CharField(
        _("what the report prints"),
        max_length=20,
        choices=Narrative.choices,
        default=Narrative.OWN_WITH_FIGURES,
        help_text=_(
            'Lines starting with "- " print as a list. Choose your own text '
            "when it already lists the missions, so nothing is printed twice."
        ),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("written on"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed on"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")
        ordering = ["action", "year", "created_at"]

    def __str__(self):
        return f"{self.action} {self.year}"

    def get_absolute_url(self):
        return reverse("programmes:note_detail", args=[self.pk])


class IntendedResult(models.Model):
    """'Beoogd resultaat' of a prestatie in a year, with how it turned out."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACHIEVED = "achieved", _("Achieved")
        PARTLY = "partly", _("Partly achieved")
        NOT_ACHIEVED = "not_achieved", _("Not achieved")

    prestatie = models.ForeignKey(
        Prestatie,
        verbose_name=_("prestatie"),
        on_delete=models.CASCADE,
        related_name="intended_results",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("text"), **text_limit(SHORT))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("intended result")
        verbose_name_plural = _("intended results")
        ordering = ["prestatie", "year", "position", "id"]

    def __str__(self):
        return self.text[:80]

    def get_absolute_url(self):
        return reverse("programmes:result_detail", args=[self.pk])


class ReserveMutation(models.Model):
    """One line of a reserve's append-only ledger.

    A withdrawal (onttrekking) moves money from the reserve into a year's
    exploitatie of a prestatie; an addition (storting) moves it back. Decided
    mutations are never changed: a mistake is corrected by a counter-mutation.
    """

    class Kind(models.TextChoices):
        WITHDRAWAL = "withdrawal", _("Withdrawal")
        ADDITION = "addition", _("Addition")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        DECIDED = "decided", _("Decided")

    class BudgetPart(models.TextChoices):
        EXPLOITATIE = "exploitatie", _("exploitatie (one budget year)")
        JAARSCHIJF = "jaarschijf", _("jaarschijf (one year of a multi-year budget)")

    reserve = models.ForeignKey(
        Reserve,
        verbose_name=_("reserve"),
        on_delete=models.PROTECT,
        related_name="mutations",
    )
    prestatie = models.ForeignKey(
        Prestatie,
        verbose_name=_("prestatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reserve_mutations",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    amount = models.DecimalField(_("amount"), validators=POSITIVE_MONEY, **MONEY)
    budget_year = models.PositiveSmallIntegerField(
        _("budget year"), help_text=_("The exploitatie or jaarschijf the money is for.")
    )
    budget_part = models.CharField(
        _("the budget year is called"),
        max_length=20,
        choices=BudgetPart.choices,
        default=BudgetPart.EXPLOITATIE,
        help_text=_(
            'As the decision says: "the jaarschijf 2019" or "the exploitatie 2017".'
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("decision"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reserve_mutations",
    )
    explanation = models.TextField(_("explanation"), blank=True, **text_limit(SHORT))
    decision_basis = models.CharField(
        _("basis of the decision"),
        max_length=DECISION_BASIS_LENGTH,
        blank=True,
        help_text=_(
            "Opens the report's sentence, as the province writes it, e.g. "
            '"Op basis van de spelregels van de Reserve …" (… we decided to '
            "withdraw …). Leave empty for the usual sentence."
        ),
    )
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("corrects"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("entered on"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reserve mutation")
        verbose_name_plural = _("reserve mutations")
        ordering = ["reserve", "created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0), name="mutation_amount_positive"
            ),
            models.CheckConstraint(
                condition=Q(status="proposed") | Q(decided_at__isnull=False),
                name="mutation_decided_has_date",
            ),
            # One counter-mutation per mutation: a second would correct twice.
            models.UniqueConstraint(
                fields=["corrects"],
                condition=Q(corrects__isnull=False),
                name="mutation_corrected_once",
            ),
            models.CheckConstraint(
                condition=~Q(corrects=models.F("id")),
                name="mutation_does_not_correct_itself",
            ),
        ]
        indexes = [models.Index(fields=["reserve", "status"])]

    def __str__(self):
        return f"{self.get_kind_display()} {format_euro(self.amount)} ({self.reserve})"

    def get_absolute_url(self):
        return reverse("programmes:mutation_detail", args=[self.pk])

    @property
    def signed_amount(self) -> Decimal:
        return self.amount if self.kind == self.Kind.ADDITION else -self.amount


class BudgetLine(models.Model):
    """A prestatie's budget for one year: planned, after amendments, realised."""

    prestatie = models.ForeignKey(
        Prestatie,
        verbose_name=_("prestatie"),
        on_delete=models.CASCADE,
        related_name="budget_lines",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    planned = models.DecimalField(_("planned"), default=Decimal("0"), **MONEY)
    amended = models.DecimalField(_("after amendments"), null=True, blank=True, **MONEY)
    realised = models.DecimalField(_("realised"), null=True, blank=True, **MONEY)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["prestatie", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["prestatie", "year"], name="budget_unique_year"
            ),
        ]

    def __str__(self):
        return f"{self.prestatie} {self.year}"

    def get_absolute_url(self):
        return reverse("programmes:budgetline_detail", args=[self.pk])

    @property
    def current(self) -> Decimal:
        return self.amended if self.amended is not None else self.planned

    @property
    def remaining(self) -> Decimal | None:
        """Budget left ('ruimte'): after amendments minus realised."""
        if self.realised is None:
            return None
        return self.current - self.realised
