"""KPIs: the measurable indicators of an objective, with a baseline and a target."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from ui.addresses import Addressed
from ui.concurrency import Revisioned
from ui.formatting import format_date

from ..rules.kpi_status import assess_kpi, whole_number_problem
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
    ANNUALLY = "annually", "Annually"


KPI_VALUE = {"max_digits": 18, "decimal_places": 4}


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
    # Ranges: roadmap.rules.bounds.
    baseline_value = models.DecimalField(
        **KPI_VALUE, validators=[InRange("kpi_value", "a baseline value")]
    )
    baseline_date = models.DateField(
        validators=[InRange("kpi_date", "a baseline date"), NotInFuture("baseline date")]
    )
    target_value = models.DecimalField(
        **KPI_VALUE, validators=[InRange("kpi_value", "a target value")]
    )
    target_date = models.DateField(validators=[InRange("kpi_date", "a target date")])
    data_source = models.CharField(max_length=TITLE_MAX_LENGTH, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reporting_frequency = models.CharField(
        max_length=10, choices=ReportingFrequency.choices, default=ReportingFrequency.QUARTERLY
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
            models.CheckConstraint(
                condition=models.Q(target_date__gt=models.F("baseline_date")),
                name="kpi_target_after_baseline",
            ),
            models.CheckConstraint(
                condition=~models.Q(target_value=models.F("baseline_value")),
                name="kpi_target_differs_from_baseline",
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
        if day < self.baseline_date:
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
        if self.pk is None:
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
            measurements=[(m.date, m.value) for m in measurements],
            unit=self.unit,
            counts_whole_things=self.counts_whole_things,
        )
