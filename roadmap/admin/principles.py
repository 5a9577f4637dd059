"""Admin for guiding principles."""

from django.contrib import admin

from ui.revisions_admin import RevisionedAdmin

from ..models import (
    GuidingPrinciple,
)


@admin.register(GuidingPrinciple)
class GuidingPrincipleAdmin(RevisionedAdmin):
    list_display = ["title", "roadmap", "agency", "position"]
    list_filter = ["roadmap__organisation"]
    search_fields = ["title", "description", "roadmap__title"]
    list_select_related = ["roadmap__organisation"]
    autocomplete_fields = ["roadmap"]
    ordering = ["roadmap__organisation__name", "roadmap__title", "position", "pk"]

    @admin.display(description="agency", ordering="roadmap__organisation__name")
    def agency(self, obj: GuidingPrinciple):
        return obj.roadmap.organisation
