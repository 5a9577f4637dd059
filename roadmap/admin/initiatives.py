"""Admin for initiatives, with what each depends on inline."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from ui.revisions_admin import RevisionedAdmin

from ..models import Dependency, Initiative
from ..rules.schedule import cycle_message, dependency_cycle
from .columns import person


class DependencyFormSet(BaseInlineFormSet):
    """The admin refuses what the service refuses: a dependency on an initiative of
    another roadmap, or one that would make a circle (rules/schedule.py)."""

    def clean(self) -> None:
        super().clean()
        initiative = self.instance
        if initiative.pk is None:
            return
        chosen = [
            form.cleaned_data["prerequisite"]
            for form in self.forms
            if form.cleaned_data.get("prerequisite") and not form.cleaned_data.get("DELETE")
        ]
        others = list(
            Dependency.objects.filter(initiative__roadmap_id=initiative.roadmap_id)
            .exclude(initiative=initiative)
            .values_list("initiative_id", "prerequisite_id")
        )
        edges = others + [(initiative.pk, prerequisite.pk) for prerequisite in chosen]
        for prerequisite in chosen:
            if prerequisite.roadmap_id != initiative.roadmap_id:
                raise ValidationError(f"“{prerequisite}” is an initiative of another roadmap.")
            edge = (initiative.pk, prerequisite.pk)
            cycle = dependency_cycle([e for e in edges if e != edge], edge)
            if cycle:
                names = dict(Initiative.objects.filter(pk__in=cycle).values_list("pk", "title"))
                raise ValidationError(cycle_message(cycle, names))


class DependencyInline(admin.TabularInline):
    """What the initiative depends on (finish-to-start)."""

    model = Dependency
    formset = DependencyFormSet
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
