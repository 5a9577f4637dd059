"""Admin for KPIs, with their measurements inline."""

from copy import copy

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.html import format_html

from ui.formatting import format_date
from ui.periods import format_period
from ui.revisions_admin import RevisionedAdmin, count_admin_save

from ..forms.kpis import check_whole_numbers
from ..models import (
    KPI,
    Measurement,
)
from ..rules.kpi_status import KEEP_YEAR, plan_problems
from ..services.kpis import plan_of
from .columns import measurements_by_date, person, status_tag
from .measurements import DefaultedChoices, MeasurementAdminForm


@admin.display(description="baseline", ordering="baseline_value")
def baseline_as_published(kpi: KPI) -> str:
    """As published: "about 45% (Q2 2025)", "not yet known", never an invented day."""
    if kpi.baseline_date is None:
        return kpi.baseline_text
    return f"{kpi.baseline_text} ({format_period(kpi.baseline_date, kpi.baseline_precision)})"


@admin.display(description="target", ordering="target_value")
def target_as_published(kpi: KPI) -> str:
    return f"{kpi.target_text} {kpi.target_when}".strip()


PLAN_FIELDS = {
    "baseline_unknown",
    "baseline_qualifier",
    "baseline_value",
    "baseline_precision",
    "baseline_date",
    "tracked",
    "target_qualifier",
    "target_value",
    "target_precision",
    "target_date",
}


class KPIAdminForm(DefaultedChoices, forms.ModelForm):
    """The plan must be a plan: said in words, not as a database constraint's name."""

    class Meta:
        model = KPI
        fields = [
            "objective",
            "name",
            "position",
            "definition",
            "unit",
            "unit_kind",
            "direction",
            "baseline_unknown",
            "baseline_qualifier",
            "baseline_value",
            "baseline_precision",
            "baseline_date",
            "baseline_note",
            "tracked",
            "target_qualifier",
            "target_value",
            "target_precision",
            "target_date",
            "data_source",
            "owner",
            "reporting_frequency",
        ]

    beyond_horizon = forms.BooleanField(
        label=KEEP_YEAR,
        required=False,
        help_text="Needed only when a target given as a year is outside the roadmap's "
        "horizon and the target changes.",
    )

    def clean(self):
        cleaned = super().clean()
        objective = cleaned.get("objective") or getattr(self.instance, "objective", None)
        names = [name for name in self.Meta.fields if name in PLAN_FIELDS]
        if objective is not None and not set(names) & set(self.errors):
            # The same rule as the KPI form and services (roadmap.rules.kpi_status).
            kpi = copy(self.instance)  # the fields this form does not show stay as they are
            kpi.objective = objective
            for name in names:
                setattr(kpi, name, cleaned.get(name))
            # An unchanged target was kept when it was saved: no warning again (and
            # the objective's KPI inline, which has no box, can still be saved).
            unchanged = self.instance.pk and not {"target_date", "target_precision"} & set(
                self.changed_data
            )
            beyond = bool(cleaned.get("beyond_horizon") or unchanged)
            for problem in plan_problems(**plan_of(kpi, beyond_horizon=beyond)):
                if problem.field in self.fields:
                    self.add_error(problem.field, str(problem))
                else:
                    self.add_error(None, str(problem))
        if cleaned.get("baseline_date") is not None:
            try:
                self.instance.check_baseline_date(cleaned["baseline_date"])
            except ValidationError as error:
                self.add_error("baseline_date", error)
        check_whole_numbers(self, self.instance, cleaned)
        return cleaned


class MeasurementInline(admin.TabularInline):
    """The KPI's readings, oldest first. Who entered a new one is the admin saving it."""

    model = Measurement
    form = MeasurementAdminForm
    extra = 0
    fields = ["date", "value_qualifier", "value", "source", "note", "entered_by_name", "created_at"]
    readonly_fields = ["entered_by_name", "created_at"]
    ordering = ["date", "pk"]

    def get_queryset(self, request):
        # The row's label is str(measurement), which names the KPI.
        return super().get_queryset(request).select_related("kpi", "entered_by")

    @admin.display(description="entered by")
    def entered_by_name(self, obj: Measurement) -> str | None:
        return person(obj.entered_by) if obj.pk else None


@admin.register(KPI)
class KPIAdmin(RevisionedAdmin):
    form = KPIAdminForm
    list_display = [
        "name",
        "objective",
        "agency",
        baseline_as_published,
        target_as_published,
        "latest",
        "status",
    ]
    list_filter = [
        "direction",
        "unit_kind",
        "reporting_frequency",
        "objective__roadmap__organisation",
        "objective__roadmap",
    ]
    search_fields = ["name", "definition", "data_source", "objective__title"]
    list_select_related = ["objective__roadmap__organisation"]
    autocomplete_fields = ["objective", "owner"]
    readonly_fields = ["status_explanation", "created_at", "updated_at"]
    ordering = [
        "objective__roadmap__organisation__name",
        "objective__roadmap__title",
        "objective__position",
        "position",
        "pk",
    ]
    inlines = [MeasurementInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "objective",
                    "name",
                    "position",
                    "definition",
                    "unit",
                    "unit_kind",
                    "direction",
                ]
            },
        ),
        (
            "Plan",
            {
                "fields": [
                    "baseline_unknown",
                    ("baseline_qualifier", "baseline_value"),
                    ("baseline_precision", "baseline_date"),
                    "baseline_note",
                    "tracked",
                    ("target_qualifier", "target_value"),
                    ("target_precision", "target_date"),
                    "beyond_horizon",
                ]
            },
        ),
        ("Reporting", {"fields": ["data_source", "owner", "reporting_frequency"]}),
        ("Status", {"fields": ["status_explanation"]}),
        ("Record", {"fields": ["created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(measurements_by_date())

    def save_formset(self, request, form, formset, change):
        if formset.model is Measurement:
            for measurement in formset.save(commit=False):
                if measurement.pk is None and measurement.entered_by_id is None:
                    measurement.entered_by = request.user
                count_admin_save(measurement, request.user)
                measurement.save()
            for measurement in formset.deleted_objects:
                measurement.delete()
            formset.save_m2m()
        else:
            super().save_formset(request, form, formset, change)

    @admin.display(description="agency", ordering="objective__roadmap__organisation__name")
    def agency(self, obj: KPI):
        return obj.objective.roadmap.organisation

    @admin.display(description="latest")
    def latest(self, obj: KPI) -> str | None:
        measurements = list(obj.measurements.all())
        if not measurements:
            return None
        last = max(measurements, key=lambda m: m.date)
        last.kpi = obj
        return f"{last.value_text} ({format_date(last.date)})"

    @admin.display(description="status")
    def status(self, obj: KPI) -> str:
        return status_tag(obj)

    @admin.display(description="status")
    def status_explanation(self, obj: KPI) -> str:
        if obj.pk is None:
            return "Judged once the KPI is saved and has measurements."
        assessment = obj.assess(obj.measurements.all())
        return format_html(
            "<strong>{}</strong>. {}", assessment.status.label, assessment.explanation
        )
