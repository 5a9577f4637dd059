"""Admin for organisational goals."""

from django.contrib import admin

from ui.revisions_admin import RevisionedAdmin

from ..models import (
    ObjectiveAlignment,
    OrganisationalGoal,
)
from .columns import count_of


@admin.register(OrganisationalGoal)
class OrganisationalGoalAdmin(RevisionedAdmin):
    list_display = ["title", "organisation", "roadmap", "position", "objective_count"]
    list_filter = ["organisation"]
    search_fields = ["title", "description", "organisation__name"]
    list_select_related = ["organisation", "roadmap"]
    autocomplete_fields = ["organisation", "roadmap"]
    ordering = ["organisation__name", "position", "pk"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(_objective_count=count_of(ObjectiveAlignment, "goal"))
        )

    @admin.display(description="objectives served by it", ordering="_objective_count")
    def objective_count(self, obj: OrganisationalGoal) -> int:
        return obj._objective_count
