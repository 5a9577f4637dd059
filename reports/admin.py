from django.contrib import admin

from .models import ReportJob


@admin.register(ReportJob)
class ReportJobAdmin(admin.ModelAdmin):
    list_display = ["created_at", "roadmap", "agency", "status", "requested_by", "page_count"]
    list_filter = ["status", "roadmap__organisation"]
    search_fields = ["id", "roadmap__title", "requested_by__username", "sha256"]
    list_select_related = ["roadmap__organisation", "requested_by"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "id",
        "roadmap",
        "requested_by",
        "status",
        "options",
        "created_at",
        "started_at",
        "finished_at",
        "attempts",
        "error_message",
        "file",
        "size_bytes",
        "page_count",
        "sha256",
    ]

    def has_add_permission(self, request) -> bool:
        return False  # jobs are created by the Export PDF button or the command

    @admin.display(description="agency", ordering="roadmap__organisation__name")
    def agency(self, obj: ReportJob):
        return obj.roadmap.organisation
