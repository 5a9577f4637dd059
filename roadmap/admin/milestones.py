"""Admin for milestones: of an initiative, or of the roadmap as a whole."""

from django.contrib import admin

from ui.revisions_admin import RevisionedAdmin

from ..models import Milestone


@admin.register(Milestone)
class MilestoneAdmin(RevisionedAdmin):
    list_display = ["title", "roadmap", "initiative", "due", "done", "done_on"]
    list_filter = ["done", "due_precision", "roadmap__organisation"]
    search_fields = ["title", "initiative__title", "roadmap__title"]
    list_select_related = ["roadmap", "initiative"]
    autocomplete_fields = ["roadmap", "initiative"]
    readonly_fields = ["created_at", "updated_at"]
    ordering = ["roadmap__title", "due_date", "pk"]
    fields = [
        "roadmap",
        "initiative",
        "title",
        "due_date",
        "due_precision",
        "done",
        "done_on",
        "position",
        "created_at",
        "updated_at",
    ]

    @admin.display(description="due", ordering="due_date")
    def due(self, obj: Milestone) -> str:
        return obj.due_text
