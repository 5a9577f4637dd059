"""Roadmaps' assessments in Django admin, with their answers read-only (members
answer in the app; a platform admin only looks)."""

from django.contrib import admin

from ui.revisions_admin import RevisionedAdmin

from ..models import Answer, Assessment


class AnswerInline(admin.TabularInline):
    model = Answer
    fields = ["question", "respondent", "current_level", "target_level", "confidence", "evidence"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("question", "respondent")

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Assessment)
class AssessmentAdmin(RevisionedAdmin):
    list_display = ["title", "roadmap", "framework", "assessed_on", "status"]
    list_select_related = ["roadmap", "framework"]
    list_filter = ["status", "roadmap__organisation"]
    search_fields = ["title", "roadmap__title"]
    autocomplete_fields = ["roadmap"]
    fields = ["roadmap", "title", "assessed_on", "framework", "scope", "status", "completed_at"]
    readonly_fields = ["completed_at"]
    inlines = [AnswerInline]

    def get_readonly_fields(self, request, obj=None):
        # Its answers belong to its framework's questions: the framework stays.
        return [*self.readonly_fields, "framework"] if obj is not None else self.readonly_fields
