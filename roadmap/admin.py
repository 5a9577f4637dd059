from django.contrib import admin
from django.db.models import Count

from .models import Objective, Roadmap


class ObjectiveInline(admin.StackedInline):
    model = Objective
    extra = 0
    fields = ["position", "title", "description"]
    ordering = ["position", "pk"]


@admin.register(Roadmap)
class RoadmapAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "organisation",
        "horizon",
        "status",
        "version",
        "objective_count",
        "updated_at",
    ]
    list_filter = ["status", "organisation", "horizon_start_year"]
    search_fields = ["title", "slug", "vision", "organisation__name"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation", "created_by"]
    readonly_fields = ["created_at", "updated_at"]
    date_hierarchy = "created_at"
    inlines = [ObjectiveInline]
    fieldsets = [
        (None, {"fields": ["organisation", "title", "slug", "status", "version"]}),
        ("Horizon", {"fields": ["horizon_start_year", "horizon_end_year"]}),
        ("Vision", {"fields": ["vision"]}),
        ("Record", {"fields": ["created_by", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_objective_count=Count("objectives"))

    @admin.display(description="objectives", ordering="_objective_count")
    def objective_count(self, obj: Roadmap) -> int:
        return obj._objective_count


@admin.register(Objective)
class ObjectiveAdmin(admin.ModelAdmin):
    list_display = ["title", "roadmap", "agency", "position", "updated_at"]
    list_filter = ["roadmap__organisation"]
    search_fields = ["title", "description", "roadmap__title"]
    list_select_related = ["roadmap__organisation"]
    autocomplete_fields = ["roadmap"]

    @admin.display(description="agency", ordering="roadmap__organisation__name")
    def agency(self, obj: Objective):
        return obj.roadmap.organisation
