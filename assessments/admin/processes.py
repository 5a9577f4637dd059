"""Admin for the processes inventory."""

from django.contrib import admin

from ui.revisions_admin import RevisionedAdmin

from ..models import Process


@admin.register(Process)
class ProcessAdmin(RevisionedAdmin):
    list_display = ["name", "roadmap", "service", "channel", "digitisation", "yearly_volume"]
    list_filter = ["digitisation", "channel", "roadmap__organisation"]
    search_fields = ["name", "service", "pain_points", "roadmap__title"]
    list_select_related = ["roadmap"]
    autocomplete_fields = ["roadmap"]
    ordering = ["roadmap__title", "name", "pk"]
