"""Admin for objectives, with their alignments and KPIs inline."""

from django.contrib import admin
from django.db.models import Q

from ui.revisions_admin import RevisionedAdmin

from ..models import (
    KPI,
    Objective,
    ObjectiveAlignment,
    OrganisationalGoal,
)
from .columns import count_of, load_choices_once, measurements_by_date, person, status_tag
from .kpis import KPIAdminForm, baseline_as_published, target_as_published


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
            # Only the agency's shared goals and the roadmap's own (objective_align's rule).
            goals = goals.filter(organisation_id=obj.roadmap.organisation_id).filter(
                Q(roadmap=None) | Q(roadmap_id=obj.roadmap_id)
            )
            label = str
        else:
            goals = goals.select_related("organisation")
            label = lambda goal: f"{goal.organisation}: {goal}"  # noqa: E731
        load_choices_once(formset.form.base_fields["goal"], goals, label=label)
        return formset


class KPIInline(admin.TabularInline):
    """The objective's KPIs with their plan as published ("at least 190 by 2030")
    and status. The plan is changed, and a KPI added, on the KPI's own page, which
    has the qualifiers, rough dates and "not yet known" the plan needs."""

    model = KPI
    form = KPIAdminForm
    extra = 0
    fields = [
        "position",
        "name",
        "unit",
        "direction",
        "baseline",
        "target",
        "reporting_frequency",
        "status",
    ]
    readonly_fields = ["baseline", "target", "status"]
    ordering = ["position", "pk"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(measurements_by_date())

    def has_add_permission(self, request, obj=None) -> bool:
        return False  # on the KPI's own page: the plan's fields are all there

    @admin.display(description="baseline")
    def baseline(self, obj: KPI) -> str:
        return baseline_as_published(obj)

    @admin.display(description="target")
    def target(self, obj: KPI) -> str:
        return target_as_published(obj)

    @admin.display(description="status")
    def status(self, obj: KPI) -> str | None:
        return status_tag(obj) if obj.pk else None


@admin.register(Objective)
class ObjectiveAdmin(RevisionedAdmin):
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
    autocomplete_fields = ["roadmap", "owner", "sponsor"]
    readonly_fields = ["created_at", "updated_at"]
    ordering = ["roadmap__organisation__name", "roadmap__title", "position", "pk"]
    inlines = [ObjectiveAlignmentInline, KPIInline]
    fieldsets = [
        (None, {"fields": ["roadmap", "title", "position", "priority", "owner"]}),
        (
            "Sponsor (accountable): a member, or a named person outside the service",
            {"fields": ["sponsor", "sponsor_name", "sponsor_role", "sponsor_organisation"]},
        ),
        ("What it achieves", {"fields": ["description", "desired_outcomes"]}),
        ("Citizens", {"fields": ["citizen_centric", "citizen_outcome"]}),
        ("Record", {"fields": ["created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_kpi_count=count_of(KPI, "objective"))

    @admin.display(description="agency", ordering="roadmap__organisation__name")
    def agency(self, obj: Objective):
        return obj.roadmap.organisation

    @admin.display(description="owner", ordering="owner__last_name")
    def owner_name(self, obj: Objective) -> str | None:
        return person(obj.owner)

    @admin.display(description="KPIs", ordering="_kpi_count")
    def kpi_count(self, obj: Objective) -> int:
        return obj._kpi_count
