"""Report jobs, the request side: ask for one, queue it, fail or expire it in plain words.

The web process imports this module and nothing from the worker side: the job
is queued by its task name, so neither `reports.tasks` nor WeasyPrint is
loaded to serve a request. Rendering is in `reports.services.rendering`.
"""

import logging
import uuid
from datetime import timedelta

from celery import current_app
from celery.exceptions import SoftTimeLimitExceeded, TimeLimitExceeded
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone

from roadmap.models import Roadmap

from ..models import ReportJob, ReportJobStatus

logger = logging.getLogger(__name__)

# Errors worth another try: the database or broker blinked.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError)

# The Celery task that renders a job (reports/tasks.py registers it under this name).
RENDER_REPORT_JOB = "reports.render_report_job"

SUPPORT_HINT = "Try again; if it fails again, contact your platform support team"


def plain_failure_message(error: BaseException | str, job_id: uuid.UUID | str) -> str:
    """What went wrong, in words a programme lead can act on."""
    reference = f"(reference {str(job_id)[:8]})."
    if isinstance(error, str):
        return error
    if isinstance(error, SoftTimeLimitExceeded | TimeLimitExceeded):
        return f"The report took too long to produce and was stopped. {SUPPORT_HINT} {reference}"
    if isinstance(error, TRANSIENT_ERRORS):
        return (
            "The report service could not reach the database or the queue. "
            f"{SUPPORT_HINT} {reference}"
        )
    return f"Something went wrong while producing the report. {SUPPORT_HINT} {reference}"


# A second press of "Export PDF" while a job waits in the queue gets that job:
# it has not started, so it will render the roadmap as it is now anyway.
REUSE_QUEUED_JOB_FOR = timedelta(minutes=2)


def report_job_request(*, roadmap: Roadmap, requested_by: AbstractBaseUser | None) -> ReportJob:
    """Create a job and queue it for the worker once the transaction commits."""
    waiting = (
        ReportJob.objects.filter(
            roadmap=roadmap,
            status=ReportJobStatus.QUEUED,
            created_at__gte=timezone.now() - REUSE_QUEUED_JOB_FOR,
        )
        .order_by("-created_at")
        .first()
    )
    if waiting is not None:
        return waiting
    job = ReportJob.objects.create(
        roadmap=roadmap, requested_by=requested_by, options={"version": roadmap.version}
    )
    transaction.on_commit(lambda: _enqueue(job.pk))
    return job


def _enqueue(job_id: uuid.UUID) -> None:
    try:
        # By name, so the web process never imports the task (and WeasyPrint with it).
        # The worker applies the task's own time limits and retry policy.
        current_app.send_task(RENDER_REPORT_JOB, args=[str(job_id)])
    except Exception:  # the broker is down: say so rather than leave it queued for ever
        logger.exception("Could not queue report job %s", job_id)
        report_job_fail(
            job_id=job_id,
            error="The report service is not available right now, so the report was not "
            "started. Try again in a few minutes.",
        )


def report_job_fail(*, job_id: uuid.UUID | str, error: BaseException | str) -> None:
    """Mark an unfinished job failed. A job that is already ready stays ready."""
    if not isinstance(error, str):
        logger.error("Report job %s failed: %r", job_id, error)
    ReportJob.objects.filter(pk=job_id).exclude(status=ReportJobStatus.READY).update(
        status=ReportJobStatus.FAILED,
        finished_at=timezone.now(),
        error_message=plain_failure_message(error, job_id),
    )


def report_job_expire_if_stuck(*, job: ReportJob) -> ReportJob:
    """A job still 'rendering' long after the hard time limit lost its worker."""
    limit = settings.REPORT_TIME_LIMIT * 2 + 60
    if (
        job.status == ReportJobStatus.RENDERING
        and job.started_at
        and (timezone.now() - job.started_at).total_seconds() > limit
    ):
        report_job_fail(job_id=job.pk, error=TimeLimitExceeded())
        job.refresh_from_db()
    return job
