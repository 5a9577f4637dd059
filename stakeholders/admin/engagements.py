"""Admin for the engagement log: interactions with their follow-ups inline.
The admin refuses what the forms refuse: a follow-up due before its
interaction, stakeholders of another roadmap, a sentiment outside -2 to +2
(the model's validators)."""

from django import forms
from django.contrib import admin

from roadmap.admin.columns import person
from ui.revisions_admin import RevisionedAdmin

from ..models import FollowUp, Interaction
from ..rules.engagements import follow_up_due_problem


class FollowUpFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        occurred_on = self.instance.occurred_on  # the date being saved with them
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            problem = follow_up_due_problem(
                due_on=form.cleaned_data.get("due_on"), occurred_on=occurred_on
            )
            if problem:
                form.add_error("due_on", problem)


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    formset = FollowUpFormSet
    fields = ["action", "owner", "due_on", "done", "done_on", "position"]
    autocomplete_fields = ["owner"]
    extra = 0


class InteractionAdminForm(forms.ModelForm):
    class Meta:
        model = Interaction
        fields = "__all__"  # noqa: DJ007 - the admin edits every field

    def clean(self):
        cleaned = super().clean()
        roadmap = cleaned.get("roadmap")
        if roadmap is not None and any(
            s.roadmap_id != roadmap.pk for s in cleaned.get("stakeholders") or []
        ):
            self.add_error("stakeholders", "Choose stakeholders and groups of this roadmap.")
        return cleaned


@admin.register(Interaction)
class InteractionAdmin(RevisionedAdmin):
    form = InteractionAdminForm
    inlines = [FollowUpInline]
    list_display = ["__str__", "roadmap", "occurred_on", "kind", "sentiment"]
    list_filter = ["kind", "sentiment", "roadmap__organisation"]
    search_fields = ["summary", "roadmap__title"]
    list_select_related = ["roadmap"]
    autocomplete_fields = ["roadmap"]
    raw_id_fields = ["stakeholders"]
    date_hierarchy = "occurred_on"
    ordering = ["-occurred_on", "-pk"]


@admin.register(FollowUp)
class FollowUpAdmin(RevisionedAdmin):
    list_display = ["action", "interaction", "due_on", "done", "owner_name"]
    list_filter = ["done", "interaction__roadmap__organisation"]
    search_fields = ["action", "interaction__summary"]
    list_select_related = ["interaction", "owner"]
    autocomplete_fields = ["owner"]
    raw_id_fields = ["interaction"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)

        class Checked(form):
            def clean(self):
                cleaned = super().clean()
                interaction = cleaned.get("interaction")
                problem = follow_up_due_problem(
                    due_on=cleaned.get("due_on"),
                    occurred_on=interaction.occurred_on if interaction else None,
                )
                if problem:
                    self.add_error("due_on", problem)
                return cleaned

        return Checked

    @admin.display(description="owner", ordering="owner__last_name")
    def owner_name(self, obj: FollowUp) -> str | None:
        return person(obj.owner)
