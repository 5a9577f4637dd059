"""Admin for initiatives, with what each depends on inline."""

from django.contrib import admin

from ui.revisions_admin import RevisionedAdmin

from ..models import Dependency, Initiative
from .columns import person


class DependencyInline(admin.TabularInline):
    """What the initiative depends on (finish-to-start)."""

    model = Dependency
    fk_name = "initiative"
    extra = 0
    fields = ["prerequisite"]
    autocomplete_fields = ["prerequisite"]
    verbose_name = "dependency (it starts once this one has finished)"
    verbose_name_plural = "dependencies"


@admin.register(Initiative)
class InitiativeAdmin(RevisionedAdmin):
    list_display = [
        "title",
        "roadmap",
        "component",
        "start_month",
        "end_month",
        "status",
        "rag",
        "owner_name",
    ]
    list_filter = ["status", "rag", "funding_status", "roadmap__organisation"]
    search_fields = ["title", "summary", "tags", "roadmap__title"]
    list_select_related = ["roadmap", "component", "owner"]
    autocomplete_fields = ["roadmap", "owner", "sponsor", "objectives"]
    readonly_fields = ["created_at", "updated_at"]
    ordering = ["roadmap__title", "start_month", "pk"]
    inlines = [DependencyInline]
    fieldsets = [
        (None, {"fields": ["roadmap", "component", "title", "summary", "objectives", "tags"]}),
        (
            "Who",
            {
                "fields": [
                    "owner",
                    "sponsor",
                    "sponsor_name",
                    "sponsor_role",
                    "sponsor_organisation",
                ]
            },
        ),
        (
            "When and how it is going",
            {
                "fields": [
                    "start_month",
                    "end_month",
                    "status",
                    "percent_complete",
                    "rag",
                    "rag_reason",
                ]
            },
        ),
        (
            "Money",
            {"fields": ["capital_cost", "operating_cost", "funding_source", "funding_status"]},
        ),
        (
            "Benefits and priority",
            {"fields": ["benefits", "benefit_type", "value", "effort", "confidence"]},
        ),
        ("Record", {"fields": ["position", "created_at", "updated_at"]}),
    ]

    @admin.display(description="owner", ordering="owner__last_name")
    def owner_name(self, obj: Initiative) -> str | None:
        return person(obj.owner)
