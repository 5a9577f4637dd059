"""The sweeper: finds report jobs with no sign of life and finishes them.

Celery beat runs it every REPORT_SWEEP_INTERVAL seconds (`reports.tasks`). A
job is lost when it is "rendering" and its lease has expired (the worker
stopped renewing it: it died with its machine or container), or "queued" and
no worker has taken it within REPORT_QUEUED_LIMIT. A lost job is queued again
until it has had REPORT_MAX_ATTEMPTS, then failed with the true reason. Rows
are locked with SKIP LOCKED and re-stamped as they are queued, so two beats
sweeping at once queue a job once; the render's lease makes any duplicate
message harmless. Imports nothing from the worker side.
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..models import ReportJob, ReportJobStatus
from .jobs import never_started_message, report_job_send, worker_lost_message

logger = logging.getLogger(__name__)


@dataclass
class SweepOutcome:
    requeued: list = field(default_factory=list)
    failed: list = field(default_factory=list)


def report_jobs_sweep() -> SweepOutcome:
    now = timezone.now()
    most = settings.REPORT_MAX_ATTEMPTS
    queued_limit = timedelta(seconds=settings.REPORT_QUEUED_LIMIT)
    outcome = SweepOutcome()
    with transaction.atomic():
        abandoned = (
            ReportJob.objects.select_for_update(skip_locked=True)
            .filter(status=ReportJobStatus.RENDERING)
            .filter(
                Q(lease_expires_at__lt=now)
                | Q(
                    lease_expires_at__isnull=True,
                    started_at__lt=now - timedelta(seconds=settings.REPORT_JOB_LEASE),
                )
            )
        )
        for job in abandoned:
            if job.attempts >= most:
                _fail(job, worker_lost_message(job_id=job.pk, attempts=job.attempts), now)
                outcome.failed.append(job.pk)
            else:
                logger.warning(
                    "Report job %s lost its worker (attempt %s of %s); queuing it again.",
                    job.pk,
                    job.attempts,
                    most,
                )
                job.status = ReportJobStatus.QUEUED
                job.lease_token = None
                job.lease_expires_at = None
                job.queued_at = now
                job.save(update_fields=["status", "lease_token", "lease_expires_at", "queued_at"])
                outcome.requeued.append(job.pk)

        unstarted = (
            ReportJob.objects.select_for_update(skip_locked=True)
            .filter(status=ReportJobStatus.QUEUED)
            .filter(
                Q(queued_at__lt=now - queued_limit)
                | Q(queued_at__isnull=True, created_at__lt=now - queued_limit)
            )
        )
        for job in unstarted:
            if job.sends >= most:
                waited = now - job.created_at
                _fail(
                    job, never_started_message(job_id=job.pk, sends=job.sends, waited=waited), now
                )
                outcome.failed.append(job.pk)
            else:
                logger.warning("Report job %s was not started; queuing it again.", job.pk)
                job.queued_at = now
                job.save(update_fields=["queued_at"])
                outcome.requeued.append(job.pk)

    for job_id in outcome.requeued:
        try:
            report_job_send(job_id=job_id)
        except Exception:
            # Still queued with a fresh stamp: the sweep after the limit tries again.
            logger.exception("Could not queue report job %s again", job_id)
    if outcome.requeued or outcome.failed:
        logger.info(
            "Sweep: %s queued again, %s failed.", len(outcome.requeued), len(outcome.failed)
        )
    return outcome


def _fail(job: ReportJob, message: str, now) -> None:
    logger.error("Report job %s failed: %s", job.pk, message)
    job.status = ReportJobStatus.FAILED
    job.finished_at = now
    job.error_message = message
    job.lease_token = None
    job.lease_expires_at = None
    job.save(
        update_fields=["status", "finished_at", "error_message", "lease_token", "lease_expires_at"]
    )
