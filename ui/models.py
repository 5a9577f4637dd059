"""What `ui` keeps in the database: imports waiting for their preview to be
confirmed (ui/imports.py). Staged in the database, not on a machine's disk, so
any web machine can show the preview and apply it."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class StagedImport(models.Model):
    """The rows of an uploaded file, read and checked, as the text of their
    cells. Only `user` may preview or apply them; kept for a day at most."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    scope = models.CharField(
        max_length=200, help_text='What it imports into: "roadmap.roadmap:42:initiatives".'
    )
    filename = models.CharField(max_length=200)
    columns = models.JSONField(help_text="The keys of the columns the file has.")
    rows = models.JSONField(help_text="[row number, {column key: cell text}] for each row.")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        # One per person and place: a new upload replaces it.
        constraints = [
            models.UniqueConstraint(fields=["user", "scope"], name="one_staged_import_per_scope")
        ]

    def __str__(self) -> str:
        return f"{self.filename} for {self.scope}"
