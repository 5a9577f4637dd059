"""A real `celery worker` process renders a job end to end, through the real
broker (Redis in CI) and the real database (PostgreSQL in CI)."""

import time

import pytest
from pypdf import PdfReader

from reports.models import ReportJob, ReportJobStatus
from reports.services import jobs

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def wait_for_finish(job: ReportJob, timeout: float = 90) -> ReportJob:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.is_finished:
            return job
        time.sleep(0.25)
    pytest.fail(f"Report job still {job.status} after {timeout}s")


def test_worker_renders_a_queued_job_to_a_pdf(celery_worker_process, roadmap, lead):
    job = jobs.report_job_request(roadmap=roadmap, requested_by=lead)  # autocommit: queued now

    job = wait_for_finish(job)

    assert job.status == ReportJobStatus.READY, job.error_message
    assert job.attempts == 1
    assert job.started_at <= job.finished_at
    with job.file.open("rb") as pdf:
        reader = PdfReader(pdf)
        text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) == job.page_count
    assert roadmap.title in text.replace("\n", " ")
    assert job.size_bytes == job.file.size
    assert len(job.sha256) == 64


def test_worker_leaves_a_finished_job_alone(celery_worker_process, roadmap, lead):
    job = jobs.report_job_request(roadmap=roadmap, requested_by=lead)
    job = wait_for_finish(job)
    finished_at, sha = job.finished_at, job.sha256

    from reports.tasks import render_report_job

    render_report_job.delay(str(job.pk))  # a duplicate delivery of the same job
    # The worker takes one message at a time, in order: once a job queued after
    # the duplicate is finished, the duplicate has been handled too.
    later = ReportJob.objects.create(roadmap=roadmap, options={"version": roadmap.version})
    render_report_job.delay(str(later.pk))
    assert wait_for_finish(later).status == ReportJobStatus.READY
    job.refresh_from_db()
    assert (job.status, job.finished_at, job.sha256, job.attempts) == (
        ReportJobStatus.READY,
        finished_at,
        sha,
        1,
    )
