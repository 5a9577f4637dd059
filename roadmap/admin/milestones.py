"""Admin for milestones: of an initiative, or of the roadmap as a whole."""

from django import forms
from django.contrib import admin
from django.utils import timezone

from ui.revisions_admin import RevisionedAdmin

from ..models import DuePrecision, Milestone
from ..rules.milestones import done_on_problem


class MilestoneAdminForm(forms.ModelForm):
    """The rules of the app's form: a month is kept as its first day; a done
    milestone says when, not in the future."""

    class Meta:
        model = Milestone
        fields = [
            "roadmap",
            "initiative",
            "title",
            "due_date",
            "due_precision",
            "done",
            "done_on",
            "position",
        ]

    def clean(self):
        cleaned = super().clean()
        due = cleaned.get("due_date")
        if due and cleaned.get("due_precision") == DuePrecision.MONTH:
            cleaned["due_date"] = due.replace(day=1)
        if "done_on" not in self.errors:
            problem = done_on_problem(
                done=cleaned.get("done", False),
                done_on=cleaned.get("done_on"),
                today=timezone.localdate(),
            )
            if problem:
                self.add_error("done_on", problem)
        if not cleaned.get("done"):
            cleaned["done_on"] = None
        return cleaned


@admin.register(Milestone)
class MilestoneAdmin(RevisionedAdmin):
    form = MilestoneAdminForm
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
