"""Admin for SWOT items."""

from django.contrib import admin

from ui.revisions_admin import RevisionedAdmin

from ..models import SwotItem


@admin.register(SwotItem)
class SwotItemAdmin(RevisionedAdmin):
    list_display = ["text", "quadrant", "dimension", "roadmap"]
    list_filter = ["quadrant", "roadmap__organisation"]
    search_fields = ["text", "roadmap__title"]
    list_select_related = ["roadmap", "dimension"]
    autocomplete_fields = ["roadmap"]
    raw_id_fields = ["dimension"]
    ordering = ["roadmap__title", "quadrant", "position", "pk"]
