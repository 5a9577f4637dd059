import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from roadmap.models import Roadmap
from ui.addresses import Addressed


class ReportJobStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RENDERING = "rendering", "Rendering"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


def report_upload_to(job: "ReportJob", filename: str) -> str:
    return f"reports/{job.roadmap.organisation_id}/{job.pk}.pdf"


class ReportJob(Addressed, models.Model):
    """One request to render a roadmap's PDF report, and its outcome."""

    FINISHED = (ReportJobStatus.READY, ReportJobStatus.FAILED)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="report_jobs")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        max_length=20, choices=ReportJobStatus.choices, default=ReportJobStatus.QUEUED
    )
    options = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)  # renders started
    # Handed to the broker: when last, and how many times (the sweeper re-sends).
    queued_at = models.DateTimeField(null=True, blank=True)
    sends = models.PositiveSmallIntegerField(default=0)
    # The lease of the worker rendering the job: only the holder of lease_token may
    # store the file, and it renews lease_expires_at while it works. An expired
    # lease is the sign that the worker died.
    lease_token = models.UUIDField(null=True, blank=True, editable=False)
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    error_message = models.TextField(blank=True)
    file = models.FileField(upload_to=report_upload_to, blank=True)
    size_bytes = models.PositiveBigIntegerField(null=True, blank=True)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["roadmap", "-created_at"]),
            # The sweeper's look-up: unfinished jobs only.
            models.Index(
                fields=["status"],
                condition=models.Q(status__in=["queued", "rendering"]),
                name="reportjob_unfinished",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.roadmap} report ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return self.address("reports:job")

    def url_kwargs(self) -> dict[str, str | int]:
        return {"agency": self.roadmap.organisation.slug, "pk": self.pk}

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED

    @property
    def is_waiting_long(self) -> bool:
        """Queued for over a minute: the worker is busy or not running."""
        waited = timezone.now() - (self.queued_at or self.created_at)
        return self.status == ReportJobStatus.QUEUED and waited.total_seconds() > 60

    @property
    def download_name(self) -> str:
        # The local date, as printed on the report's cover.
        stamp = timezone.localdate(self.finished_at or self.created_at).isoformat()
        return f"{self.roadmap.slug}-v{self.options.get('version', 1)}-{stamp}.pdf"
