"""Admin for the register, its RACI roles and the record of what was done with
personal data (read-only: a record is never edited)."""

from django import forms
from django.contrib import admin

from ui.revisions_admin import RevisionedAdmin

from ..models import EntryKind, PersonalDataEvent, RaciAssignment, Stakeholder
from ..rules.raci import ACCOUNTABLE_REFUSED
from ..rules.stakeholders import contact_problems, members_problem, tag_problem, tags_from
from ..services.stakeholders import FIELDS


class StakeholderAdminForm(forms.ModelForm):
    """The register's rules (rules/stakeholders.py), as the app's form applies them."""

    class Meta:
        model = Stakeholder
        fields = ["roadmap", *FIELDS, "members", "position"]

    def clean_tags(self):
        tags = tags_from(self.cleaned_data.get("tags") or [])
        if tags is None:
            raise forms.ValidationError('Enter the tags as a list of words: ["digital", "north"].')
        if problem := tag_problem(tags):
            raise forms.ValidationError(problem)
        return tags

    def clean(self):
        cleaned = super().clean()
        problems = contact_problems(
            is_group=cleaned.get("kind") == "group",
            email=cleaned.get("email") or "",
            phone=cleaned.get("phone") or "",
            lawful_basis=cleaned.get("lawful_basis") or "",
            review_on=cleaned.get("review_on"),
        )
        for field, message in problems.items():
            self.add_error(field, message)
        roadmap = cleaned.get("roadmap")
        if problem := members_problem(
            is_group=cleaned.get("kind") == EntryKind.GROUP,
            roadmap=roadmap.pk if roadmap else None,
            members=[
                (m.roadmap_id, m.kind == EntryKind.PERSON) for m in cleaned.get("members") or []
            ],
        ):
            self.add_error("members", problem)
        return cleaned


class RaciInline(admin.TabularInline):
    model = RaciAssignment
    extra = 0
    autocomplete_fields = ["initiative"]
    verbose_name = "RACI role"
    verbose_name_plural = f"RACI roles (accountable is never chosen: {ACCOUNTABLE_REFUSED})"


@admin.register(Stakeholder)
class StakeholderAdmin(RevisionedAdmin):
    form = StakeholderAdminForm
    list_display = ["name", "kind", "level", "influence", "interest", "attitude", "roadmap"]
    list_filter = ["kind", "level", "attitude", "roadmap__organisation"]
    search_fields = ["name", "role", "organisation", "roadmap__title"]
    list_select_related = ["roadmap"]
    autocomplete_fields = ["roadmap", "relationship_owner"]
    filter_horizontal = ["members"]
    readonly_fields = ["anonymised_at", "created_at", "updated_at"]
    ordering = ["roadmap__title", "position", "pk"]
    inlines = [RaciInline]
    fieldsets = [
        (None, {"fields": ["roadmap", "kind", "name", "role", "organisation", "level", "members"]}),
        (
            "Where they stand",
            {
                "fields": [
                    "influence",
                    "interest",
                    "attitude",
                    "current_engagement",
                    "desired_engagement",
                    "relationship_owner",
                    "tags",
                    "notes",
                ]
            },
        ),
        ("Personal data", {"fields": ["email", "phone", "lawful_basis", "review_on"]}),
        ("Record", {"fields": ["position", "anonymised_at", "created_at", "updated_at"]}),
    ]


@admin.register(PersonalDataEvent)
class PersonalDataEventAdmin(admin.ModelAdmin):
    list_display = ["at", "action", "by", "stakeholder", "roadmap"]
    list_filter = ["action", "roadmap__organisation"]
    list_select_related = ["by", "stakeholder", "roadmap"]
    readonly_fields = ["roadmap", "stakeholder", "action", "by", "at", "note"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
