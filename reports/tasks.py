"""Celery tasks: thin wrappers that take IDs and call a service."""

from celery import Task, shared_task
from django.conf import settings

from . import services


class ReportTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # Runs once retries are spent or on any other error: the job must not
        # stay "rendering" for ever.
        job_id = kwargs.get("job_id") or (args[0] if args else None)
        if job_id:
            services.report_job_fail(job_id=job_id, error=exc)


@shared_task(
    bind=True,
    base=ReportTask,
    name="reports.render_report_job",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=services.TRANSIENT_ERRORS,
    max_retries=3,
    retry_backoff=2,
    retry_backoff_max=60,
    retry_jitter=True,
    soft_time_limit=settings.REPORT_SOFT_TIME_LIMIT,
    time_limit=settings.REPORT_TIME_LIMIT,
)
def render_report_job(self, job_id: str) -> None:
    services.report_job_render(job_id=job_id)
