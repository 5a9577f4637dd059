"""Admin for risks, with their score and level."""

from django.contrib import admin

from ui.revisions_admin import RevisionedAdmin

from ..models import Risk
from .columns import person


@admin.register(Risk)
class RiskAdmin(RevisionedAdmin):
    list_display = ["title", "roadmap", "likelihood", "impact", "score", "status", "owner_name"]
    list_filter = ["status", "likelihood", "impact", "roadmap__organisation"]
    search_fields = ["title", "description", "mitigation", "roadmap__title"]
    list_select_related = ["roadmap", "owner"]
    autocomplete_fields = ["roadmap", "owner", "initiatives"]
    readonly_fields = ["score", "created_at", "updated_at"]
    ordering = ["roadmap__title", "position", "pk"]
    fieldsets = [
        (None, {"fields": ["roadmap", "title", "description", "initiatives"]}),
        ("Score", {"fields": ["likelihood", "impact", "score"]}),
        ("Response", {"fields": ["owner", "mitigation", "status"]}),
        ("Record", {"fields": ["position", "created_at", "updated_at"]}),
    ]

    @admin.display(description="score (of 25)")
    def score(self, obj: Risk) -> str:
        if obj.pk is None:
            return "-"
        return f"{obj.score} ({obj.level.value})"

    @admin.display(description="owner", ordering="owner__last_name")
    def owner_name(self, obj: Risk) -> str | None:
        return person(obj.owner)
