"""Maturity frameworks in Django admin: framework -> dimensions -> questions ->
five level descriptors, each level edited inline in the one above it.

A framework version that assessments use is frozen (assessments/services/
frameworks.py): its pages are read-only with a message naming the assessments,
a save is refused with that message, and the action "Make a new version"
copies it into the next version, the current one, which can be edited."""

from django.contrib import admin, messages
from django.db.models import Count
from django.http import HttpResponseRedirect

from ..models import Dimension, Framework, LevelDescriptor, Question
from ..services.frameworks import framework_new_version, frozen_reason


class FrozenAdmin(admin.ModelAdmin):
    """Read-only, and refusing saves and deletes, while its framework is in use."""

    def framework_of(self, obj) -> Framework | None:
        raise NotImplementedError

    def reason(self, obj) -> str | None:
        framework = self.framework_of(obj) if obj is not None else None
        return frozen_reason(framework) if framework is not None else None

    def get_readonly_fields(self, request, obj=None):
        if self.reason(obj):
            return [field.name for field in self.model._meta.fields if field.editable] + [
                field.name for field in self.model._meta.many_to_many
            ]
        return super().get_readonly_fields(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and not self.reason(obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = self.get_object(request, object_id) if object_id else None
        reason = self.reason(obj)
        if reason and request.method == "POST":
            self.message_user(request, reason, messages.ERROR)
            return HttpResponseRedirect(request.path)
        if reason:
            self.message_user(request, reason, messages.WARNING)
        return super().changeform_view(request, object_id, form_url, extra_context)


class FrozenInline:
    """An inline of a frozen framework takes no additions, changes or deletions."""

    def _frozen(self, obj) -> bool:
        return obj is not None and bool(self.parent_reason(obj))

    def parent_reason(self, obj) -> str | None:
        raise NotImplementedError

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not self._frozen(obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._frozen(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._frozen(obj)


class DimensionInline(FrozenInline, admin.TabularInline):
    model = Dimension
    fields = ["name", "weight", "position"]
    extra = 0
    show_change_link = True

    def parent_reason(self, obj):
        return frozen_reason(obj)


class QuestionInline(FrozenInline, admin.TabularInline):
    model = Question
    fields = ["text", "weight", "position"]
    extra = 0
    show_change_link = True

    def parent_reason(self, obj):
        return frozen_reason(obj.framework)


class LevelDescriptorInline(FrozenInline, admin.TabularInline):
    model = LevelDescriptor
    fields = ["level", "description"]
    max_num = 5
    min_num = 5
    extra = 0

    def parent_reason(self, obj):
        return frozen_reason(obj.dimension.framework)


@admin.register(Framework)
class FrameworkAdmin(FrozenAdmin):
    list_display = ["name", "version", "is_current", "code", "dimension_count", "assessment_count"]
    list_filter = ["is_current"]
    search_fields = ["name", "code"]
    ordering = ["name", "-version"]
    fields = ["code", "version", "name", "description", "source", "is_current"]
    inlines = [DimensionInline]
    actions = ["make_new_version"]

    def framework_of(self, obj):
        return obj

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                _dimensions=Count("dimensions", distinct=True),
                _assessments=Count("assessments", distinct=True),
            )
        )

    @admin.display(description="dimensions", ordering="_dimensions")
    def dimension_count(self, obj) -> int:
        return obj._dimensions

    @admin.display(description="assessments using it", ordering="_assessments")
    def assessment_count(self, obj) -> int:
        return obj._assessments

    @admin.action(description="Make a new version (copies it; the copy becomes current)")
    def make_new_version(self, request, queryset):
        for framework in queryset:
            copy = framework_new_version(framework=framework)
            self.message_user(
                request,
                f"{copy} made from version {framework.version}: it is now the current "
                "version, and can be changed.",
                messages.SUCCESS,
            )


@admin.register(Dimension)
class DimensionAdmin(FrozenAdmin):
    list_display = ["name", "framework", "weight", "position"]
    list_select_related = ["framework"]
    list_filter = ["framework"]
    search_fields = ["name"]
    fields = ["framework", "name", "description", "weight", "kinds", "position"]
    filter_horizontal = ["kinds"]
    inlines = [QuestionInline]

    def framework_of(self, obj):
        return obj.framework

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return fields if obj is None or "framework" in fields else [*fields, "framework"]


@admin.register(Question)
class QuestionAdmin(FrozenAdmin):
    list_display = ["text", "dimension", "weight", "position"]
    list_select_related = ["dimension__framework"]
    list_filter = ["dimension__framework"]
    search_fields = ["text"]
    fields = ["dimension", "text", "guidance", "weight", "position"]
    inlines = [LevelDescriptorInline]

    def framework_of(self, obj):
        return obj.dimension.framework

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return fields if obj is None or "dimension" in fields else [*fields, "dimension"]
