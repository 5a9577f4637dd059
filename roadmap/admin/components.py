"""Admin for the kinds of component (reference data) and roadmaps' components."""

from django.contrib import admin

from ui.revisions_admin import RevisionedAdmin

from ..models import Component, ComponentKind, Initiative
from .columns import count_of


@admin.register(ComponentKind)
class ComponentKindAdmin(admin.ModelAdmin):
    """The seven kinds are reference data: platform admins may reword them; the
    assessment frameworks' dimensions and every roadmap's components point at them."""

    list_display = ["name", "code", "is_strategy", "position"]
    ordering = ["position", "pk"]
    search_fields = ["name", "code"]

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # components and framework dimensions point at them


@admin.register(Component)
class ComponentAdmin(RevisionedAdmin):
    list_display = ["name", "roadmap", "kind", "initiative_count", "position"]
    list_filter = ["kind", "roadmap__organisation"]
    search_fields = ["name", "description", "roadmap__title"]
    list_select_related = ["roadmap", "kind"]
    autocomplete_fields = ["roadmap"]
    ordering = ["roadmap__title", "position", "pk"]
    fields = ["roadmap", "name", "kind", "description", "position"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(_initiative_count=count_of(Initiative, "component"))
        )

    @admin.display(description="initiatives", ordering="_initiative_count")
    def initiative_count(self, obj: Component) -> int:
        return obj._initiative_count
