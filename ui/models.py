"""What `ui` keeps in the database: imports waiting for their preview to be
confirmed, and large ones being applied by the worker (ui/imports.py). Staged
in the database, not on a machine's disk, so any web machine can show the
preview and its progress, and any worker can apply it."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ImportStatus(models.TextChoices):
    STAGED = "staged", "Waiting for you to check it"
    QUEUED = "queued", "Waiting to start"
    APPLYING = "applying", "Importing"
    DONE = "done", "Imported"
    FAILED = "failed", "Not imported"


class StagedImport(models.Model):
    """The rows of an uploaded file, read and checked, as the text of their
    cells. Only `user` may preview or apply them; kept for a day at most. A large
    one is applied by the worker, which records its progress here."""

    UNFINISHED = (ImportStatus.QUEUED, ImportStatus.APPLYING)

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    scope = models.CharField(
        max_length=200, help_text='What it imports into: "roadmap.roadmap:42:initiatives".'
    )
    filename = models.CharField(max_length=200)
    columns = models.JSONField(help_text="The keys of the columns the file has.")
    rows = models.JSONField(help_text="[row number, {column key: cell text}] for each row.")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # Applying in the worker --------------------------------------------------
    status = models.CharField(
        max_length=20, choices=ImportStatus.choices, default=ImportStatus.STAGED
    )
    importer = models.CharField(
        max_length=200, blank=True, help_text='The registered import: "roadmap:initiative".'
    )
    fingerprint = models.CharField(
        max_length=64, blank=True, help_text="Of the preview the user confirmed."
    )
    rows_done = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True, help_text="What was imported, or why nothing was.")
    queued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    progress_at = models.DateTimeField(
        null=True, blank=True, help_text="The worker's last sign of life."
    )
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        # One per person and place: a new upload replaces it.
        constraints = [
            models.UniqueConstraint(fields=["user", "scope"], name="one_staged_import_per_scope")
        ]

    def __str__(self) -> str:
        return f"{self.filename} for {self.scope}"

    @property
    def is_unfinished(self) -> bool:
        return self.status in self.UNFINISHED

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED)
