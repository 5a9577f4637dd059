"""Admin for measurements."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from ui.revisions_admin import RevisionedAdmin

from ..models import (
    Measurement,
)
from .columns import person


class DefaultedChoices:
    """Qualifiers and precisions left out of a post (an inline that does not show
    them) keep the model's default: exactly, an exact day."""

    defaulted = (
        "baseline_qualifier",
        "target_qualifier",
        "baseline_precision",
        "target_precision",
        "value_qualifier",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.defaulted:
            if name in self.fields:
                self.fields[name].required = False

    def clean(self):
        cleaned = super().clean()
        for name in self.defaulted:
            if name in self.fields and not cleaned.get(name):
                cleaned[name] = self._meta.model._meta.get_field(name).default
        return cleaned


class MeasurementAdminForm(DefaultedChoices, forms.ModelForm):
    """A reading is dated on or after its KPI's baseline, and not in the future; a
    count's reading is a whole number."""

    class Meta:
        model = Measurement
        fields = ["kpi", "date", "value_qualifier", "value", "source", "note", "entered_by"]

    def clean(self):
        cleaned = super().clean()
        kpi, day = cleaned.get("kpi"), cleaned.get("date")
        if kpi is not None:
            try:
                kpi.check_whole(cleaned.get("value"), "Value")
            except ValidationError as error:
                self.add_error("value", error)
        if kpi is not None and day is not None:
            try:
                kpi.check_measurement_date(day)
            except ValidationError as error:
                self.add_error("date", error)
        return cleaned


@admin.register(Measurement)
class MeasurementAdmin(RevisionedAdmin):
    form = MeasurementAdminForm
    list_display = ["kpi", "date", "reading", "objective", "agency", "entered_by_name", "note"]
    list_filter = ["kpi__objective__roadmap__organisation", "kpi__objective__roadmap"]
    search_fields = ["kpi__name", "note", "kpi__objective__title"]
    list_select_related = ["kpi__objective__roadmap__organisation", "entered_by"]
    autocomplete_fields = ["kpi", "entered_by"]
    readonly_fields = ["created_at"]
    date_hierarchy = "date"
    ordering = ["-date", "kpi__name", "pk"]
    fields = [
        "kpi",
        "date",
        "value_qualifier",
        "value",
        "source",
        "note",
        "entered_by",
        "created_at",
    ]

    def get_changeform_initial_data(self, request):
        return {"entered_by": request.user.pk, **super().get_changeform_initial_data(request)}

    @admin.display(description="value", ordering="value")
    def reading(self, obj: Measurement) -> str:
        return obj.value_text

    @admin.display(description="objective", ordering="kpi__objective__title")
    def objective(self, obj: Measurement):
        return obj.kpi.objective

    @admin.display(description="agency", ordering="kpi__objective__roadmap__organisation__name")
    def agency(self, obj: Measurement):
        return obj.kpi.objective.roadmap.organisation

    @admin.display(description="entered by", ordering="entered_by__last_name")
    def entered_by_name(self, obj: Measurement) -> str | None:
        return person(obj.entered_by)
