"""Admin for roadmaps, with their principles and objectives inline."""

from django.contrib import admin

from ui.revisions_admin import RevisionedAdmin

from ..models import (
    GuidingPrinciple,
    Objective,
    Partner,
    Roadmap,
)
from .columns import count_of, person


class GuidingPrincipleInline(admin.TabularInline):
    model = GuidingPrinciple
    extra = 0
    fields = ["position", "title", "description"]
    ordering = ["position", "pk"]


class PartnerInline(admin.TabularInline):
    """Partner organisations of a joint roadmap: names only, no access."""

    model = Partner
    extra = 0
    fields = ["position", "name"]
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
        return person(obj.owner)


@admin.register(Roadmap)
class RoadmapAdmin(RevisionedAdmin):
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
    inlines = [GuidingPrincipleInline, PartnerInline, ObjectiveInline]
    fieldsets = [
        (None, {"fields": ["organisation", "title", "slug", "status", "version"]}),
        ("Horizon", {"fields": ["horizon_start_year", "horizon_end_year"]}),
        ("Vision and purpose", {"fields": ["vision", "purpose"]}),
        ("Its words and publisher", {"fields": ["objective_label", "publisher"]}),
        ("Record", {"fields": ["created_by", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                _objective_count=count_of(Objective, "roadmap"),
                _principle_count=count_of(GuidingPrinciple, "roadmap"),
            )
        )

    @admin.display(description="objectives", ordering="_objective_count")
    def objective_count(self, obj: Roadmap) -> int:
        return obj._objective_count

    @admin.display(description="principles", ordering="_principle_count")
    def principle_count(self, obj: Roadmap) -> int:
        return obj._principle_count
