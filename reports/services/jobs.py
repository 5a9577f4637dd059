"""Report jobs, the request side: ask for one, queue it, fail it in plain words.

The web process imports this module and nothing from the worker side: the job
is queued by its task name, so neither `reports.tasks` nor WeasyPrint is
loaded to serve a request. Rendering is in `reports.services.rendering`, the
sweeper that recovers jobs whose worker died in `reports.services.sweeper`.
"""

import logging
import uuid
from datetime import timedelta

from celery import current_app
from celery.exceptions import SoftTimeLimitExceeded, TimeLimitExceeded
from django.contrib.auth.models import AbstractBaseUser
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import F
from django.utils import timezone

from roadmap.models import Roadmap
from ui.formatting import count_of

from ..models import ReportJob, ReportJobStatus
from ..options import ReportOptions

logger = logging.getLogger(__name__)

# Errors worth another try: the database or broker blinked.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError)

# The Celery task that renders a job (reports/tasks.py registers it under this name).
RENDER_REPORT_JOB = "reports.render_report_job"

SUPPORT_HINT = "Try again; if it fails again, contact your platform support team"

SERVICE_UNAVAILABLE = (
    "The report service is not answering, so nothing was started. Try again in a "
    "few minutes; if it keeps happening, contact your platform support team."
)


class ReportServiceUnavailable(Exception):
    """The broker did not take the job: nothing was kept, the user may try again."""

    def __init__(self, message: str = SERVICE_UNAVAILABLE) -> None:
        super().__init__(message)
        self.message = message


def _reference(job_id: uuid.UUID | str) -> str:
    return f"(reference {str(job_id)[:8]})."


def plain_failure_message(error: BaseException | str, job_id: uuid.UUID | str) -> str:
    """What went wrong, in words a programme lead can act on."""
    reference = _reference(job_id)
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


def worker_lost_message(*, job_id: uuid.UUID | str, attempts: int) -> str:
    """The sweeper's reason when the worker died on every attempt."""
    times = "once" if attempts == 1 else f"{attempts} times"
    return (
        f"The report service stopped while producing this report ({times}), so it was "
        f"not finished. {SUPPORT_HINT} {_reference(job_id)}"
    )


def never_started_message(*, job_id: uuid.UUID | str, sends: int, waited: timedelta) -> str:
    """The sweeper's reason when no worker ever took the job."""
    minutes = max(1, round(waited.total_seconds() / 60))
    return (
        f"No report service started this report: it was queued {count_of(sends, 'times')} "
        f"over {count_of(minutes, 'minutes')}. {SUPPORT_HINT} {_reference(job_id)}"
    )


# A second press of "Export PDF" while a job waits in the queue gets that job:
# it has not started, so it will render the roadmap as it is now anyway. Only a
# job the broker took counts as waiting.
REUSE_QUEUED_JOB_FOR = timedelta(minutes=2)


def report_job_request(
    *,
    roadmap: Roadmap,
    requested_by: AbstractBaseUser | None,
    options: ReportOptions | None = None,
) -> ReportJob:
    """Create a job and queue it for the worker once the transaction commits. The
    exporter's `options` (as at today, no individuals named, when not given) are
    stored on the job, which the worker renders with them.

    Raises ReportServiceUnavailable, and keeps no job, when the broker does not
    take it (within the broker timeouts of settings).
    """
    stored = {"version": roadmap.version, **(options or ReportOptions()).stored()}
    waiting = (
        ReportJob.objects.filter(
            roadmap=roadmap,
            status=ReportJobStatus.QUEUED,
            queued_at__gte=timezone.now() - REUSE_QUEUED_JOB_FOR,
            options=stored,  # a job asked with other options is another report
        )
        .order_by("-created_at")
        .first()
    )
    if waiting is not None:
        return waiting
    job = ReportJob.objects.create(roadmap=roadmap, requested_by=requested_by, options=stored)
    transaction.on_commit(lambda: _enqueue(job))
    return job


def _enqueue(job: ReportJob) -> None:
    try:
        report_job_send(job_id=job.pk)
    except Exception as error:
        # The broker is down or silent: keep nothing half-made and say so.
        logger.exception("Could not queue report job %s; removing it", job.pk)
        ReportJob.objects.filter(pk=job.pk, status=ReportJobStatus.QUEUED).delete()
        raise ReportServiceUnavailable() from error
    job.refresh_from_db(fields=["queued_at", "sends"])


def report_job_send(*, job_id: uuid.UUID | str) -> None:
    """Hand the job to the broker and record it. Raises when the broker does not take it."""
    # By name, so the web process never imports the task (and WeasyPrint with it).
    # The worker applies the task's own time limits and retry policy.
    current_app.send_task(RENDER_REPORT_JOB, args=[str(job_id)])
    ReportJob.objects.filter(pk=job_id).update(queued_at=timezone.now(), sends=F("sends") + 1)


def report_job_fail(
    *,
    job_id: uuid.UUID | str,
    error: BaseException | str,
    lease_token: uuid.UUID | None = None,
) -> None:
    """Mark an unfinished job failed. A job that is already ready stays ready; with
    a lease_token, only while that lease still holds the job (a worker that lost
    its lease must not fail the job another worker now renders)."""
    if not isinstance(error, str):
        logger.error("Report job %s failed: %r", job_id, error)
    jobs = ReportJob.objects.filter(pk=job_id).exclude(status=ReportJobStatus.READY)
    if lease_token is not None:
        jobs = jobs.filter(lease_token=lease_token)
    jobs.update(
        status=ReportJobStatus.FAILED,
        finished_at=timezone.now(),
        error_message=plain_failure_message(error, job_id),
        lease_token=None,
        lease_expires_at=None,
    )
