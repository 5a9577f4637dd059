"""Admin for the communication plan and the members' calendar feeds. The
admin refuses what the form refuses: an audience, initiative or milestone of
another roadmap."""

from django import forms
from django.contrib import admin

from roadmap.admin.columns import person
from ui.revisions_admin import RevisionedAdmin

from ..models import CalendarFeed, CommunicationItem


class CommunicationAdminForm(forms.ModelForm):
    class Meta:
        model = CommunicationItem
        fields = "__all__"  # noqa: DJ007 - the admin edits every field

    def clean(self):
        cleaned = super().clean()
        roadmap = cleaned.get("roadmap")
        if roadmap is None:
            return cleaned
        if any(s.roadmap_id != roadmap.pk for s in cleaned.get("audience") or []):
            self.add_error("audience", "Choose stakeholders and groups of this roadmap.")
        for name in ("initiative", "milestone"):
            chosen = cleaned.get(name)
            if chosen is not None and chosen.roadmap_id != roadmap.pk:
                self.add_error(name, f"Choose a {name} of this roadmap.")
        return cleaned


@admin.register(CommunicationItem)
class CommunicationItemAdmin(RevisionedAdmin):
    form = CommunicationAdminForm
    list_display = [
        "purpose",
        "roadmap",
        "planned_on",
        "frequency",
        "channel",
        "status",
        "owner_name",
    ]
    list_filter = ["status", "frequency", "channel", "roadmap__organisation"]
    search_fields = ["purpose", "key_message", "roadmap__title"]
    list_select_related = ["roadmap", "owner"]
    autocomplete_fields = ["roadmap", "owner", "initiative", "milestone"]
    raw_id_fields = ["audience"]
    date_hierarchy = "planned_on"
    ordering = ["roadmap__title", "planned_on", "pk"]

    @admin.display(description="owner", ordering="owner__last_name")
    def owner_name(self, obj: CommunicationItem) -> str | None:
        return person(obj.owner)


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    """Who has a feed of which roadmap. The token is secret: not shown; deleting a
    feed revokes its address (the member can get a new one)."""

    list_display = ["roadmap", "user", "created_at"]
    list_filter = ["roadmap__organisation"]
    search_fields = ["roadmap__title", "user__username", "user__last_name"]
    list_select_related = ["roadmap", "user"]
    fields = ["roadmap", "user", "created_at"]
    readonly_fields = ["roadmap", "user", "created_at"]

    def has_add_permission(self, request) -> bool:
        return False  # members get their own address in the app
