"""Report jobs, the worker side: render a queued job's PDF and store it.

Only the Celery worker (through `reports.tasks`) imports this module: it loads
the PDF code and so WeasyPrint. It uses the request side (`jobs`) to fail a
job in plain words; `jobs` never imports it.

A job is rendered under a lease on its row: a worker claims it (a new
lease_token, lease_expires_at ahead), renews the lease while it renders, and
stores the file only if the lease is still its own. So two workers given the
same job (a duplicate message, the sweeper's re-send, Redis handing an
unacknowledged message on) never render it at once or store two files, and a
worker that dies leaves a lease that expires, which the sweeper notices.
"""

import logging
import threading
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from ..assembly import load_roadmap_for_report
from ..models import ReportJob, ReportJobStatus, report_upload_to
from ..options import ReportOptions
from ..pdf import render_roadmap_report
from .jobs import TRANSIENT_ERRORS, report_job_fail

logger = logging.getLogger(__name__)


def report_job_render(*, job_id: uuid.UUID | str) -> ReportJob | None:
    """Render the job's PDF. A job that is finished, or rendered by another
    worker whose lease holds, is left alone."""
    token = uuid.uuid4()
    job = _claim(job_id=job_id, token=token)
    if job is None:
        return ReportJob.objects.filter(pk=job_id).first()

    try:
        with _LeaseRenewal(job_id=job.pk, token=token):
            roadmap = load_roadmap_for_report(job.roadmap_id)
            rendered = render_roadmap_report(
                roadmap,
                version=job.options.get("version"),
                options=ReportOptions.from_stored(job.options),
            )
    except TRANSIENT_ERRORS:
        _release(job_id=job.pk, token=token)  # so the task's retry can claim it again
        raise  # the task retries with backoff; on_failure records the last one
    except BaseException as error:
        report_job_fail(job_id=job.pk, error=error, lease_token=token)
        raise

    return _store(job_id=job.pk, token=token, rendered=rendered)


def _claim(*, job_id: uuid.UUID | str, token: uuid.UUID) -> ReportJob | None:
    now = timezone.now()
    with transaction.atomic():
        job = ReportJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None:
            logger.warning("Report job %s no longer exists; nothing to render.", job_id)
            return None
        if job.is_finished:
            return None
        if job.lease_expires_at is not None and job.lease_expires_at > now:
            logger.info("Report job %s is being rendered by another worker.", job_id)
            return None
        job.status = ReportJobStatus.RENDERING
        job.started_at = now
        job.attempts += 1
        job.lease_token = token
        job.lease_expires_at = now + timedelta(seconds=settings.REPORT_JOB_LEASE)
        job.save(
            update_fields=["status", "started_at", "attempts", "lease_token", "lease_expires_at"]
        )
    return job


def _release(*, job_id: uuid.UUID, token: uuid.UUID) -> None:
    try:
        ReportJob.objects.filter(
            pk=job_id, lease_token=token, status=ReportJobStatus.RENDERING
        ).update(status=ReportJobStatus.QUEUED, lease_token=None, lease_expires_at=None)
    except TRANSIENT_ERRORS:
        logger.warning("Could not release report job %s; its lease will expire.", job_id)


def _store(*, job_id: uuid.UUID, token: uuid.UUID, rendered) -> ReportJob | None:
    with transaction.atomic():
        job = ReportJob.objects.select_for_update().select_related("roadmap").get(pk=job_id)
        if job.lease_token != token or job.status != ReportJobStatus.RENDERING:
            logger.warning("Report job %s: lease lost while rendering; result discarded.", job_id)
            return job
        # One file per job, whatever happened before: an attempt that died after
        # writing its file left it under the same name.
        name = report_upload_to(job, f"{job.pk}.pdf")
        if job.file.storage.exists(name):
            job.file.storage.delete(name)
        job.file.save(name, ContentFile(rendered.pdf), save=False)
        job.status = ReportJobStatus.READY
        job.finished_at = timezone.now()
        job.size_bytes = len(rendered.pdf)
        job.page_count = rendered.page_count
        job.sha256 = rendered.sha256
        job.error_message = ""
        job.lease_token = None
        job.lease_expires_at = None
        job.save(
            update_fields=[
                "file",
                "status",
                "finished_at",
                "size_bytes",
                "page_count",
                "sha256",
                "error_message",
                "lease_token",
                "lease_expires_at",
            ]
        )
    return job


class _LeaseRenewal:
    """Renews the job's lease from a background thread while the render runs.

    The thread has its own database connection. It stops at the end of the
    render, or when the lease turns out to be someone else's; storing checks
    the lease again under a row lock, so renewal is a sign of life, not a right.
    """

    def __init__(self, *, job_id: uuid.UUID, token: uuid.UUID) -> None:
        self.job_id, self.token = job_id, token
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, name=f"lease-{job_id}", daemon=True)

    def __enter__(self) -> "_LeaseRenewal":
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stopped.set()
        self.thread.join(timeout=10)

    def _run(self) -> None:
        every = max(settings.REPORT_JOB_LEASE / 3, 0.2)
        try:
            while not self.stopped.wait(every):
                try:
                    close_old_connections()
                    renewed = ReportJob.objects.filter(
                        pk=self.job_id, lease_token=self.token
                    ).update(
                        lease_expires_at=timezone.now()
                        + timedelta(seconds=settings.REPORT_JOB_LEASE)
                    )
                except TRANSIENT_ERRORS:
                    logger.warning("Could not renew the lease of report job %s.", self.job_id)
                    continue
                if not renewed:
                    return
        finally:
            connection.close()
