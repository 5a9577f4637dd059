"""Report jobs, the worker side: render a queued job's PDF and store it.

Only the Celery worker (through `reports.tasks`) imports this module: it loads
the PDF code and so WeasyPrint. It uses the request side (`jobs`) to fail a
job in plain words; `jobs` never imports it.
"""

import logging
import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from ..assembly import load_roadmap_for_report
from ..models import ReportJob, ReportJobStatus
from ..pdf import render_roadmap_report
from .jobs import TRANSIENT_ERRORS, report_job_fail

logger = logging.getLogger(__name__)


def report_job_render(*, job_id: uuid.UUID | str) -> ReportJob | None:
    """Render the job's PDF. A job that is already ready or failed is left alone."""
    with transaction.atomic():
        job = ReportJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None:
            logger.warning("Report job %s no longer exists; nothing to render.", job_id)
            return None
        if job.is_finished:
            return job
        job.status = ReportJobStatus.RENDERING
        job.started_at = timezone.now()
        job.attempts += 1
        job.save(update_fields=["status", "started_at", "attempts"])

    try:
        roadmap = load_roadmap_for_report(job.roadmap_id)
        rendered = render_roadmap_report(roadmap, version=job.options.get("version"))
    except TRANSIENT_ERRORS:
        raise  # the task retries with backoff; on_failure records the last one
    except BaseException as error:
        report_job_fail(job_id=job.pk, error=error)
        raise

    with transaction.atomic():
        job.file.save(f"{job.pk}.pdf", ContentFile(rendered.pdf), save=False)
        job.status = ReportJobStatus.READY
        job.finished_at = timezone.now()
        job.size_bytes = len(rendered.pdf)
        job.page_count = rendered.page_count
        job.sha256 = rendered.sha256
        job.error_message = ""
        job.save(
            update_fields=[
                "file",
                "status",
                "finished_at",
                "size_bytes",
                "page_count",
                "sha256",
                "error_message",
            ]
        )
    return job
