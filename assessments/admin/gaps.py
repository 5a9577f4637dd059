"""Admin for gaps: the source must match its picker, by the same rule as the
app's form and service (assessments/rules/gaps.py), and what it names must be
of the gap's roadmap."""

from django import forms
from django.contrib import admin

from ui.revisions_admin import RevisionedAdmin

from ..forms.gaps import add_source_problems
from ..models import Gap
from ..rules.gaps import SOURCE_FIELDS
from ..services.gaps import FIELDS


class GapAdminForm(forms.ModelForm):
    class Meta:
        model = Gap
        fields = ["roadmap", *FIELDS, "assessment", "initiatives", "position"]

    def clean(self):
        cleaned = super().clean()
        roadmap, source = cleaned.get("roadmap"), cleaned.get("source")
        if roadmap is None or not source:
            return cleaned
        for field in (*SOURCE_FIELDS[1:], "assessment"):
            chosen = cleaned.get(field)
            if chosen is not None and chosen.roadmap_id != roadmap.pk:
                self.add_error(field, "Choose one of the gap's roadmap.")
        for initiative in cleaned.get("initiatives") or []:
            if initiative.roadmap_id != roadmap.pk:
                self.add_error("initiatives", "Choose initiatives of the gap's roadmap.")
                break
        add_source_problems(self, source)
        return cleaned


@admin.register(Gap)
class GapAdmin(RevisionedAdmin):
    form = GapAdminForm
    list_display = ["title", "roadmap", "severity", "source"]
    list_filter = ["severity", "source", "roadmap__organisation"]
    search_fields = ["title", "description", "roadmap__title"]
    list_select_related = ["roadmap"]
    autocomplete_fields = ["roadmap", "weakness", "system", "process", "initiatives"]
    raw_id_fields = ["dimension", "assessment"]
    ordering = ["roadmap__title", "position", "pk"]
