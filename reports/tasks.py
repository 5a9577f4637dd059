"""Celery tasks: thin wrappers that take IDs and call a service.

Only the worker imports this module (Celery's autodiscovery finds it); the web
process queues the task by name (`jobs.RENDER_REPORT_JOB`) without importing it.
"""

from celery import Task, shared_task
from django.conf import settings

from .services import jobs, rendering, sweeper


class ReportTask(Task):
    def on_failure(self, exc, task_id, args, kwargs, einfo):
        # Runs once retries are spent or on any other error: the job must not
        # stay "rendering" for ever.
        job_id = kwargs.get("job_id") or (args[0] if args else None)
        if job_id:
            jobs.report_job_fail(job_id=job_id, error=exc)


@shared_task(
    bind=True,
    base=ReportTask,
    name=jobs.RENDER_REPORT_JOB,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=jobs.TRANSIENT_ERRORS,
    max_retries=3,
    retry_backoff=2,
    retry_backoff_max=60,
    retry_jitter=True,
    soft_time_limit=settings.REPORT_SOFT_TIME_LIMIT,
    time_limit=settings.REPORT_TIME_LIMIT,
)
def render_report_job(self, job_id: str) -> None:
    rendering.report_job_render(job_id=job_id)


@shared_task(name="reports.sweep_report_jobs", ignore_result=True)
def sweep_report_jobs() -> None:
    """Celery beat runs this every REPORT_SWEEP_INTERVAL seconds."""
    sweeper.report_jobs_sweep()
