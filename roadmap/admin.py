"""Django admin for platform admins: roadmaps, principles, goals, objectives, KPIs and
measurements.

Every changelist selects or prefetches what its columns show, so a page costs the
same number of queries however many rows it lists. Inline rows never run a query
each: foreign keys in inlines are either read-only (selected with the rows) or a
select whose choices are loaded once per page.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils.html import format_html

from .kpi_status import PlanError, check_plan, format_date, format_value
from .models import (
    KPI,
    GuidingPrinciple,
    Measurement,
    Objective,
    ObjectiveAlignment,
    OrganisationalGoal,
    Roadmap,
)


def _person(user) -> str | None:
    if user is None:
        return None  # the admin shows its "empty" mark
    return user.get_full_name() or user.get_username()


def _measurements_by_date():
    return Prefetch("measurements", queryset=Measurement.objects.order_by("date", "pk"))


def _count_of(model, field: str):
    """How many `model` rows point at this row through `field`, as a subquery: no join,
    so the changelist's row count and date filters stay simple queries."""
    per_row = (
        model.objects.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(per_row, output_field=IntegerField()), 0)


def _status_tag(kpi: KPI) -> str:
    """The KPI's status in words (from its prefetched measurements)."""
    return kpi.assess(kpi.measurements.all()).status.label


def _load_choices_once(field, queryset, *, label=str) -> None:
    """Give a select its choices as a list, so each inline row reuses them instead of
    running the query again."""
    field.queryset = queryset
    field.choices = [("", field.empty_label or "---------")] + [
        (item.pk, label(item)) for item in queryset
    ]


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
        return cleaned


class MeasurementAdminForm(forms.ModelForm):
    """A reading is dated on or after its KPI's baseline, and not in the future."""

    class Meta:
        model = Measurement
        fields = ["kpi", "date", "value", "note", "entered_by"]

    def clean(self):
        cleaned = super().clean()
        kpi, day = cleaned.get("kpi"), cleaned.get("date")
        if kpi is not None and day is not None:
            try:
                kpi.check_measurement_date(day)
            except ValidationError as error:
                self.add_error("date", error)
        return cleaned


# Roadmaps -------------------------------------------------------------------------


class GuidingPrincipleInline(admin.TabularInline):
    model = GuidingPrinciple
    extra = 0
    fields = ["position", "title", "description"]
    ordering = ["position", "pk"]


class ObjectiveInline(admin.TabularInline):
    """The roadmap's objectives, in order; each links to its own page (alignments, KPIs)."""

    model = Objective
    extra = 0
    fields = ["position", "title", "priority", "citizen_centric", "owner_name"]
    readonly_fields = ["owner_name"]
    ordering = ["position", "pk"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("owner")

    @admin.display(description="owner")
    def owner_name(self, obj: Objective) -> str | None:
        return _person(obj.owner)


@admin.register(Roadmap)
class RoadmapAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "organisation",
        "horizon",
        "status",
        "version",
        "principle_count",
        "objective_count",
        "updated_at",
    ]
    list_filter = ["status", "organisation", "horizon_start_year"]
    search_fields = ["title", "slug", "vision", "organisation__name"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation", "created_by"]
    readonly_fields = ["created_at", "updated_at"]
    date_hierarchy = "created_at"
    inlines = [GuidingPrincipleInline, ObjectiveInline]
    fieldsets = [
        (None, {"fields": ["organisation", "title", "slug", "status", "version"]}),
        ("Horizon", {"fields": ["horizon_start_year", "horizon_end_year"]}),
        ("Vision and purpose", {"fields": ["vision", "purpose"]}),
        ("Record", {"fields": ["created_by", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                _objective_count=_count_of(Objective, "roadmap"),
                _principle_count=_count_of(GuidingPrinciple, "roadmap"),
            )
        )

    @admin.display(description="objectives", ordering="_objective_count")
    def objective_count(self, obj: Roadmap) -> int:
        return obj._objective_count

    @admin.display(description="principles", ordering="_principle_count")
    def principle_count(self, obj: Roadmap) -> int:
        return obj._principle_count


@admin.register(GuidingPrinciple)
class GuidingPrincipleAdmin(admin.ModelAdmin):
    list_display = ["title", "roadmap", "agency", "position"]
    list_filter = ["roadmap__organisation"]
    search_fields = ["title", "description", "roadmap__title"]
    list_select_related = ["roadmap__organisation"]
    autocomplete_fields = ["roadmap"]
    ordering = ["roadmap__organisation__name", "roadmap__title", "position", "pk"]

    @admin.display(description="agency", ordering="roadmap__organisation__name")
    def agency(self, obj: GuidingPrinciple):
        return obj.roadmap.organisation


# Organisational goals ----------------------------------------------------------------


@admin.register(OrganisationalGoal)
class OrganisationalGoalAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "position", "objective_count"]
    list_filter = ["organisation"]
    search_fields = ["title", "description", "organisation__name"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation"]
    ordering = ["organisation__name", "position", "pk"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(_objective_count=_count_of(ObjectiveAlignment, "goal"))
        )

    @admin.display(description="objectives served by it", ordering="_objective_count")
    def objective_count(self, obj: OrganisationalGoal) -> int:
        return obj._objective_count


# Objectives ---------------------------------------------------------------------------


class ObjectiveAlignmentInline(admin.TabularInline):
    """Which of its agency's goals the objective serves, with a one-line rationale."""

    model = ObjectiveAlignment
    extra = 0
    fields = ["goal", "rationale"]
    verbose_name = "alignment to an organisational goal"
    verbose_name_plural = "alignment to organisational goals"

    def get_queryset(self, request):
        # The row's label is str(alignment), which names the objective and the goal.
        return super().get_queryset(request).select_related("objective", "goal")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        goals = OrganisationalGoal.objects.order_by("organisation__name", "position", "pk")
        if obj is not None:
            # Only the objective's own agency's goals (objective_align's rule).
            goals = goals.filter(organisation_id=obj.roadmap.organisation_id)
            label = str
        else:
            goals = goals.select_related("organisation")
            label = lambda goal: f"{goal.organisation}: {goal}"  # noqa: E731
        _load_choices_once(formset.form.base_fields["goal"], goals, label=label)
        return formset


class KPIInline(admin.TabularInline):
    """The objective's KPIs with their plan and status; each links to its own page
    (definition, owner, measurements)."""

    model = KPI
    form = KPIAdminForm
    extra = 0
    fields = [
        "position",
        "name",
        "unit",
        "direction",
        "baseline_value",
        "baseline_date",
        "target_value",
        "target_date",
        "reporting_frequency",
        "status",
    ]
    readonly_fields = ["status"]
    ordering = ["position", "pk"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(_measurements_by_date())

    @admin.display(description="status")
    def status(self, obj: KPI) -> str | None:
        return _status_tag(obj) if obj.pk else None


@admin.register(Objective)
class ObjectiveAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "roadmap",
        "agency",
        "priority",
        "owner_name",
        "citizen_centric",
        "kpi_count",
        "position",
        "updated_at",
    ]
    list_filter = ["priority", "citizen_centric", "roadmap__organisation", "roadmap"]
    search_fields = [
        "title",
        "description",
        "desired_outcomes",
        "citizen_outcome",
        "roadmap__title",
    ]
    list_select_related = ["roadmap__organisation", "owner"]
    autocomplete_fields = ["roadmap", "owner"]
    readonly_fields = ["created_at", "updated_at"]
    ordering = ["roadmap__organisation__name", "roadmap__title", "position", "pk"]
    inlines = [ObjectiveAlignmentInline, KPIInline]
    fieldsets = [
        (None, {"fields": ["roadmap", "title", "position", "priority", "owner"]}),
        ("What it achieves", {"fields": ["description", "desired_outcomes"]}),
        ("Citizens", {"fields": ["citizen_centric", "citizen_outcome"]}),
        ("Record", {"fields": ["created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_kpi_count=_count_of(KPI, "objective"))

    @admin.display(description="agency", ordering="roadmap__organisation__name")
    def agency(self, obj: Objective):
        return obj.roadmap.organisation

    @admin.display(description="owner", ordering="owner__last_name")
    def owner_name(self, obj: Objective) -> str | None:
        return _person(obj.owner)

    @admin.display(description="KPIs", ordering="_kpi_count")
    def kpi_count(self, obj: Objective) -> int:
        return obj._kpi_count


# KPIs and measurements ------------------------------------------------------------------


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
        return _person(obj.entered_by) if obj.pk else None


@admin.register(KPI)
class KPIAdmin(admin.ModelAdmin):
    form = KPIAdminForm
    list_display = ["name", "objective", "agency", "baseline", "target", "latest", "status"]
    list_filter = [
        "direction",
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
        (None, {"fields": ["objective", "name", "position", "definition", "unit", "direction"]}),
        ("Plan", {"fields": ["baseline_value", "baseline_date", "target_value", "target_date"]}),
        ("Reporting", {"fields": ["data_source", "owner", "reporting_frequency"]}),
        ("Status", {"fields": ["status_explanation"]}),
        ("Record", {"fields": ["created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(_measurements_by_date())

    def save_formset(self, request, form, formset, change):
        if formset.model is Measurement:
            for measurement in formset.save(commit=False):
                if measurement.pk is None and measurement.entered_by_id is None:
                    measurement.entered_by = request.user
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
        return _status_tag(obj)

    @admin.display(description="status")
    def status_explanation(self, obj: KPI) -> str:
        if obj.pk is None:
            return "Judged once the KPI is saved and has measurements."
        assessment = obj.assess(obj.measurements.all())
        return format_html(
            "<strong>{}</strong>. {}", assessment.status.label, assessment.explanation
        )


@admin.register(Measurement)
class MeasurementAdmin(admin.ModelAdmin):
    form = MeasurementAdminForm
    list_display = ["kpi", "date", "reading", "objective", "agency", "entered_by_name", "note"]
    list_filter = ["kpi__objective__roadmap__organisation", "kpi__objective__roadmap"]
    search_fields = ["kpi__name", "note", "kpi__objective__title"]
    list_select_related = ["kpi__objective__roadmap__organisation", "entered_by"]
    autocomplete_fields = ["kpi", "entered_by"]
    readonly_fields = ["created_at"]
    date_hierarchy = "date"
    ordering = ["-date", "kpi__name", "pk"]
    fields = ["kpi", "date", "value", "note", "entered_by", "created_at"]

    def get_changeform_initial_data(self, request):
        return {"entered_by": request.user.pk, **super().get_changeform_initial_data(request)}

    @admin.display(description="value", ordering="value")
    def reading(self, obj: Measurement) -> str:
        return format_value(obj.value, obj.kpi.unit)

    @admin.display(description="objective", ordering="kpi__objective__title")
    def objective(self, obj: Measurement):
        return obj.kpi.objective

    @admin.display(description="agency", ordering="kpi__objective__roadmap__organisation__name")
    def agency(self, obj: Measurement):
        return obj.kpi.objective.roadmap.organisation

    @admin.display(description="entered by", ordering="entered_by__last_name")
    def entered_by_name(self, obj: Measurement) -> str | None:
        return _person(obj.entered_by)
