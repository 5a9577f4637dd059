"""Django admin saves count as revisions too, so an app user who opened a form
before a platform admin changed the same row is told, not silently overwritten
(see `ui.concurrency`)."""

from django.contrib import admin
from django.db import models

from .concurrency import Revisioned, editor


def count_admin_save(instance: models.Model, user) -> None:
    """Mark an instance the admin is about to save as one more revision by `user`.
    The count is done by the database (revision + 1), so it never reuses a number
    an app save took meanwhile."""
    if not isinstance(instance, Revisioned):
        return
    if instance.pk is not None:
        instance.revision = models.F("revision") + 1
    instance.updated_by = editor(user)


class RevisionedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose saves, and its inlines' saves, count as revisions."""

    def save_model(self, request, obj, form, change):
        count_admin_save(obj, request.user)
        super().save_model(request, obj, form, change)
        if isinstance(obj, Revisioned):
            obj.refresh_from_db(fields=["revision"])

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            if inline_form.has_changed():
                count_admin_save(inline_form.instance, request.user)
        super().save_formset(request, form, formset, change)
