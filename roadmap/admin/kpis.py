"""Admin for KPIs, with their measurements inline."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.html import format_html

from ui.formatting import format_date, format_value
from ui.revisions_admin import RevisionedAdmin, count_admin_save

from ..forms.kpis import check_whole_numbers
from ..models import (
    KPI,
    Measurement,
)
from ..rules.kpi_status import PlanError, check_plan
from .columns import measurements_by_date, person, status_tag
from .measurements import MeasurementAdminForm


class KPIAdminForm(forms.ModelForm):
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
            "baseline_value",
            "baseline_date",
            "target_value",
            "target_date",
            "data_source",
            "owner",
            "reporting_frequency",
        ]

    def clean(self):
        cleaned = super().clean()
        plan = {
            name: cleaned.get(name)
            for name in ("baseline_value", "baseline_date", "target_value", "target_date")
        }
        if None not in plan.values():
            try:
                check_plan(**plan)
            except PlanError as error:
                self.add_error(error.field, str(error))
        if plan["baseline_date"] is not None:
            try:
                self.instance.check_baseline_date(plan["baseline_date"])
            except ValidationError as error:
                self.add_error("baseline_date", error)
        check_whole_numbers(self, self.instance, cleaned)
        return cleaned


class MeasurementInline(admin.TabularInline):
    """The KPI's readings, oldest first. Who entered a new one is the admin saving it."""

    model = Measurement
    form = MeasurementAdminForm
    extra = 0
    fields = ["date", "value", "note", "entered_by_name", "created_at"]
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
    list_display = ["name", "objective", "agency", "baseline", "target", "latest", "status"]
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
        ("Plan", {"fields": ["baseline_value", "baseline_date", "target_value", "target_date"]}),
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

    @admin.display(description="baseline", ordering="baseline_value")
    def baseline(self, obj: KPI) -> str:
        return f"{format_value(obj.baseline_value, obj.unit)} ({format_date(obj.baseline_date)})"

    @admin.display(description="target", ordering="target_value")
    def target(self, obj: KPI) -> str:
        return f"{format_value(obj.target_value, obj.unit)} by {format_date(obj.target_date)}"

    @admin.display(description="latest")
    def latest(self, obj: KPI) -> str | None:
        measurements = list(obj.measurements.all())
        if not measurements:
            return None
        last = max(measurements, key=lambda m: m.date)
        return f"{format_value(last.value, obj.unit)} ({format_date(last.date)})"

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
