"""KPIs: the measurable indicators of an objective, with a baseline and a target."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from ui.addresses import Addressed
from ui.concurrency import Revisioned
from ui.formatting import format_date
from ui.periods import PRECISION_CHOICES, Precision, format_period

from ..rules.kpi_overdue import Overdue, kpi_overdue
from ..rules.kpi_status import assess_kpi, by_date, whole_number_problem
from ..rules.kpi_values import QUALIFIER_CHOICES, Qualifier, format_qualified
from .bounds import InRange, NotInFuture
from .objectives import Objective
from .roadmaps import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH


class KPIDirection(models.TextChoices):
    HIGHER = "higher", "Higher is better"
    LOWER = "lower", "Lower is better"


class KPIUnitKind(models.TextChoices):
    """Whether a KPI counts whole things or measures a quantity: counts are typed,
    shown, explained and charted as whole numbers (roadmap.rules.kpi_status)."""

    COUNT = "count", "Count of whole things (people, services, cases)"
    QUANTITY = "quantity", "Quantity or measure (%, money, days, hours)"


class ReportingFrequency(models.TextChoices):
    WEEKLY = "weekly", "Weekly"
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"
    SIX_MONTHLY = "six_monthly", "Six-monthly"
    ANNUALLY = "annually", "Yearly"


KPI_VALUE = {"max_digits": 18, "decimal_places": 4}


def qualifier_field(what: str) -> models.CharField:
    return models.CharField(
        what,
        max_length=10,
        choices=QUALIFIER_CHOICES,
        default=Qualifier.EXACTLY,
        help_text="As published: for example “more than 100” or “at least 190”.",
    )


def precision_field(what: str) -> models.CharField:
    return models.CharField(what, max_length=10, choices=PRECISION_CHOICES, default=Precision.DAY)


class KPI(Addressed, Revisioned):
    """A measurable indicator of an objective: a baseline, a target and measurements."""

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="kpis")
    name = models.CharField(max_length=TITLE_MAX_LENGTH)
    definition = models.TextField(
        max_length=DESCRIPTION_MAX_LENGTH,
        blank=True,
        help_text="Exactly what is counted, so anyone measuring it gets the same number.",
    )
    unit = models.CharField(
        max_length=30, blank=True, help_text="For example %, days, £ or applications."
    )
    unit_kind = models.CharField(
        "What kind of number is it?",
        max_length=10,
        choices=KPIUnitKind.choices,
        default=KPIUnitKind.QUANTITY,
        help_text="A count is always a whole number: 412 services, never 412.5.",
    )
    direction = models.CharField(
        max_length=10, choices=KPIDirection.choices, default=KPIDirection.HIGHER
    )
    # Ranges: roadmap.rules.bounds. A rough date (month, quarter, year) is stored
    # as the first day of its period (ui.periods).
    baseline_unknown = models.BooleanField(
        "The baseline is not yet known",
        default=False,
        help_text="Leave the baseline value and date empty, and say when it will be known.",
    )
    baseline_note = models.CharField(
        "When will the baseline be known?",
        max_length=200,
        blank=True,
        help_text="For example “after the first survey, in June 2026”.",
    )
    baseline_qualifier = qualifier_field("Baseline value is")
    baseline_value = models.DecimalField(
        **KPI_VALUE, null=True, blank=True, validators=[InRange("kpi_value", "a baseline value")]
    )
    baseline_precision = precision_field("Baseline date is")
    baseline_date = models.DateField(
        null=True,
        blank=True,
        validators=[InRange("kpi_date", "a baseline date"), NotInFuture("baseline date")],
    )
    tracked = models.BooleanField(
        "Tracked, no target",
        default=False,
        help_text="The figure is followed without a target: its trend is shown, no status is "
        "judged.",
    )
    target_qualifier = qualifier_field("Target value is")
    target_value = models.DecimalField(
        **KPI_VALUE, null=True, blank=True, validators=[InRange("kpi_value", "a target value")]
    )
    target_precision = precision_field("Target date is")
    target_date = models.DateField(
        null=True, blank=True, validators=[InRange("kpi_date", "a target date")]
    )
    data_source = models.CharField(max_length=TITLE_MAX_LENGTH, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reporting_frequency = models.CharField(
        max_length=12, choices=ReportingFrequency.choices, default=ReportingFrequency.QUARTERLY
    )
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "KPI"
        verbose_name_plural = "KPIs"
        constraints = [
            models.UniqueConstraint(
                "objective", Lower("name"), name="kpi_name_unique_per_objective"
            ),
            # What the status rule needs (roadmap.rules.kpi_status): a baseline is
            # known (value and date) or not yet known (neither); a target is set
            # (value and date) or the KPI is tracked without one.
            models.CheckConstraint(
                condition=models.Q(
                    baseline_unknown=True, baseline_value__isnull=True, baseline_date__isnull=True
                )
                | models.Q(
                    baseline_unknown=False,
                    baseline_value__isnull=False,
                    baseline_date__isnull=False,
                ),
                name="kpi_baseline_known_or_not",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    tracked=True, target_value__isnull=True, target_date__isnull=True
                )
                | models.Q(tracked=False, target_value__isnull=False, target_date__isnull=False),
                name="kpi_target_or_tracked",
            ),
            models.CheckConstraint(
                condition=models.Q(baseline_value__isnull=False)
                | models.Q(baseline_qualifier=Qualifier.EXACTLY),
                name="kpi_baseline_qualifies_a_value",
            ),
            models.CheckConstraint(
                condition=models.Q(target_value__isnull=False)
                | models.Q(target_qualifier=Qualifier.EXACTLY),
                name="kpi_target_qualifies_a_value",
            ),
            models.CheckConstraint(
                condition=models.Q(target_date__gte=models.F("baseline_date")),
                name="kpi_target_not_before_baseline",
            ),
        ]

    url_name = "roadmap:kpi"

    def __str__(self) -> str:
        return self.name

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.objective.roadmap.url_kwargs(), "pk": self.objective_id, "kpi_pk": self.pk}

    def get_absolute_url(self) -> str:
        return self.action_url("detail")

    @property
    def higher_is_better(self) -> bool:
        return self.direction == KPIDirection.HIGHER

    @property
    def counts_whole_things(self) -> bool:
        return self.unit_kind == KPIUnitKind.COUNT

    def check_whole(self, value, what: str) -> None:
        """A count KPI's values are whole numbers: "Baseline must be a whole number:
        this KPI counts services". The form, the admin and the services all ask this."""
        problem = whole_number_problem(
            value, what=what, counts_whole_things=self.counts_whole_things, unit=self.unit
        )
        if problem:
            raise ValidationError(problem, code="not_whole")

    def check_unit_kind(self) -> None:
        """A saved KPI becomes a count only when every measurement is already whole."""
        if self.pk is None or not self.counts_whole_things:
            return
        values = self.measurements.values_list("value", flat=True)
        fractions = sum(1 for value in values if value != value.to_integral_value())
        if fractions:
            raise ValidationError(
                f"{fractions} measurement{'s are' if fractions > 1 else ' is'} not a whole "
                "number: correct them first, or choose quantity.",
                code="measurements_not_whole",
            )

    def check_measurement_date(self, day) -> None:
        """A reading is dated on or after the baseline, and not in the future."""
        if self.baseline_date is not None and day < self.baseline_date:
            raise ValidationError(
                "A measurement cannot be dated before the baseline "
                f"({format_date(self.baseline_date)}).",
                code="before_baseline",
            )
        if day > timezone.localdate():
            raise ValidationError("A measurement cannot be dated in the future.", code="in_future")

    def check_baseline_date(self, day) -> None:
        """A saved KPI's baseline stays on or before its first measurement, so no
        reading ends up "before the baseline". The form, the admin and the services
        all ask this."""
        if self.pk is None or day is None:
            return
        earlier = self.measurements.filter(date__lt=day).count()
        if earlier:
            raise ValidationError(
                f"{earlier} measurement{'s are' if earlier > 1 else ' is'} dated before "
                f"{format_date(day)}: move the baseline no later than the first "
                "measurement, or delete the earlier ones first.",
                code="after_measurements",
            )

    def assess(self, measurements=None):
        """This KPI's status by the one rule in roadmap.rules.kpi_status.

        Pass the measurements when they are already loaded (a prefetch), so a
        list of KPIs costs no query per KPI.
        """
        if measurements is None:
            measurements = self.measurements.all()
        return assess_kpi(
            higher_is_better=self.higher_is_better,
            baseline_value=self.baseline_value,
            baseline_date=self.baseline_date,
            target_value=self.target_value,
            target_date=self.target_date,
            measurements=[(m.date, m.value, m.value_qualifier) for m in measurements],
            unit=self.unit,
            counts_whole_things=self.counts_whole_things,
            tracked=self.tracked,
            baseline_qualifier=self.baseline_qualifier,
            target_qualifier=self.target_qualifier,
            baseline_precision=self.baseline_precision,
            target_precision=self.target_precision,
        )

    def overdue(self, measurements=None, *, today=None) -> Overdue | None:
        """Why a measurement is overdue (roadmap.rules.kpi_overdue), or None."""
        if measurements is None:
            measurements = self.measurements.all()
        return kpi_overdue(
            today=today or timezone.localdate(),
            frequency=self.reporting_frequency,
            measured_on=[m.date for m in measurements],
            baseline_date=self.baseline_date,
            baseline_precision=self.baseline_precision,
            added_on=timezone.localdate(self.created_at)
            if self.created_at
            else timezone.localdate(),
            target_date=self.target_date,
            target_precision=self.target_precision,
        )

    # How the plan reads, wherever it is shown: "more than 100 services in 2023",
    # "at least 190 by 2025", "not yet known (after the first survey)".

    @property
    def baseline_text(self) -> str:
        if self.baseline_unknown:
            note = f" ({self.baseline_note})" if self.baseline_note else ""
            return f"Not yet known{note}"
        return format_qualified(self.baseline_value, self.unit, self.baseline_qualifier)

    @property
    def baseline_when(self) -> str:
        """ "on 1 April 2025", "in 2023"; "" when not yet known."""
        if self.baseline_date is None:
            return ""
        word = "on" if self.baseline_precision == Precision.DAY else "in"
        return f"{word} {format_period(self.baseline_date, self.baseline_precision)}"

    @property
    def target_text(self) -> str:
        if self.tracked:
            return "No target: tracked"
        return format_qualified(self.target_value, self.unit, self.target_qualifier)

    @property
    def target_when(self) -> str:
        """ "by 30 November 2026", "by 2025"; "" when tracked."""
        if self.target_date is None:
            return ""
        return by_date(self.target_date, self.target_precision)
