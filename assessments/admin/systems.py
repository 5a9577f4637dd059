"""Admin for the systems inventory: the year introduced and the cost are
checked by the same rule as the app's form (assessments/rules/inventory.py)."""

from django import forms
from django.contrib import admin
from django.utils import timezone

from ui.revisions_admin import RevisionedAdmin

from ..models import System
from ..rules.inventory import cost_problem, year_problem
from ..services.systems import FIELDS


class SystemAdminForm(forms.ModelForm):
    class Meta:
        model = System
        fields = ["roadmap", *FIELDS, "position"]

    def clean(self):
        cleaned = super().clean()
        year = year_problem(cleaned.get("year_introduced"), this_year=timezone.localdate().year)
        if year:
            self.add_error("year_introduced", year)
        cost = cost_problem(cleaned.get("annual_cost"))
        if cost:
            self.add_error("annual_cost", cost)
        return cleaned


@admin.register(System)
class SystemAdmin(RevisionedAdmin):
    form = SystemAdminForm
    list_display = ["name", "roadmap", "hosting", "lifecycle", "criticality", "year_introduced"]
    list_filter = ["hosting", "lifecycle", "criticality", "roadmap__organisation"]
    search_fields = ["name", "purpose", "main_technology", "business_owner", "roadmap__title"]
    list_select_related = ["roadmap"]
    autocomplete_fields = ["roadmap"]
    ordering = ["roadmap__title", "name", "pk"]
