"""Report jobs, the worker side: rendered once, stored with its facts, failed in
plain words."""

import hashlib
import io
from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import OperationalError
from django.utils import timezone
from pypdf import PdfReader

from reports.models import ReportJob, ReportJobStatus, report_upload_to
from reports.services import rendering

from ..conftest import INTERNAL_DETAIL, assert_plain_failure, render_raising

pytestmark = pytest.mark.django_db


def test_rendering_a_queued_job_stores_the_pdf_and_its_facts(job):
    before = timezone.now()

    rendering.report_job_render(job_id=job.pk)

    job.refresh_from_db()
    assert job.status == ReportJobStatus.READY
    assert job.error_message == ""
    assert job.attempts == 1
    assert before <= job.started_at <= job.finished_at <= timezone.now()
    with job.file.open("rb") as file:
        pdf = file.read()
    assert pdf.startswith(b"%PDF-")
    assert job.size_bytes == len(pdf)
    assert job.sha256 == hashlib.sha256(pdf).hexdigest()
    assert job.page_count == len(PdfReader(io.BytesIO(pdf)).pages)


def test_rendering_a_job_whose_row_is_gone_does_nothing(roadmap):
    with mock.patch.object(rendering, "render_roadmap_report") as render:
        assert rendering.report_job_render(job_id="00000000-0000-0000-0000-000000000000") is None

    render.assert_not_called()


@pytest.mark.parametrize("status", [ReportJobStatus.READY, ReportJobStatus.FAILED])
def test_a_finished_job_is_never_rendered_again(job, status):
    finished = timezone.now() - timedelta(minutes=5)
    ReportJob.objects.filter(pk=job.pk).update(
        status=status,
        started_at=finished - timedelta(seconds=3),
        finished_at=finished,
        attempts=1,
        file="reports/1/earlier.pdf" if status == ReportJobStatus.READY else "",
        sha256="a" * 64 if status == ReportJobStatus.READY else "",
        error_message="" if status == ReportJobStatus.READY else "It failed earlier.",
    )
    job.refresh_from_db()
    fields = ["status", "started_at", "finished_at", "attempts", "file", "sha256", "error_message"]
    before = {name: getattr(job, name) for name in fields}

    with mock.patch.object(rendering, "render_roadmap_report") as render:
        rendering.report_job_render(job_id=job.pk)

    render.assert_not_called()
    job.refresh_from_db()
    assert {name: getattr(job, name) for name in fields} == before


def test_a_failing_render_leaves_the_job_failed_with_a_plain_message_and_no_file(job):
    with render_raising(RuntimeError(INTERNAL_DETAIL)), pytest.raises(RuntimeError):
        rendering.report_job_render(job_id=job.pk)

    job.refresh_from_db()
    assert job.status == ReportJobStatus.FAILED
    assert_plain_failure(job.error_message)
    assert str(job.pk)[:8] in job.error_message, "a reference support can look up"
    assert not job.file
    assert job.size_bytes is None and job.sha256 == ""
    assert job.finished_at is not None


def test_a_transient_database_error_propagates_for_the_task_to_retry(job):
    with render_raising(OperationalError("server closed")), pytest.raises(OperationalError):
        rendering.report_job_render(job_id=job.pk)

    job.refresh_from_db()
    # The lease is given back, so the task's retry can claim the job at once.
    assert (job.status, job.lease_token, job.attempts) == (ReportJobStatus.QUEUED, None, 1)
    assert job.error_message == ""


def test_a_retried_job_renders_on_the_next_attempt(job):
    with render_raising(OperationalError("server closed")), pytest.raises(OperationalError):
        rendering.report_job_render(job_id=job.pk)

    rendering.report_job_render(job_id=job.pk)

    job.refresh_from_db()
    assert job.status == ReportJobStatus.READY
    assert job.attempts == 2


def test_a_render_stopped_by_the_soft_time_limit_says_it_took_too_long(job):
    with render_raising(SoftTimeLimitExceeded()), pytest.raises(SoftTimeLimitExceeded):
        rendering.report_job_render(job_id=job.pk)

    job.refresh_from_db()
    assert job.status == ReportJobStatus.FAILED
    assert "took too long" in job.error_message
    assert_plain_failure(job.error_message)


# The lease: one worker renders a job, and only it stores the file -----------------


def test_a_job_another_worker_holds_a_lease_on_is_not_rendered(job):
    held_until = timezone.now() + timedelta(seconds=30)
    ReportJob.objects.filter(pk=job.pk).update(
        status=ReportJobStatus.RENDERING,
        lease_token="6f1c7a52-0000-4000-8000-000000000001",
        lease_expires_at=held_until,
        attempts=1,
    )

    with render_raising(AssertionError("rendered twice")):
        rendering.report_job_render(job_id=job.pk)

    job.refresh_from_db()
    assert (job.status, job.attempts, job.lease_expires_at) == (
        ReportJobStatus.RENDERING,
        1,
        held_until,
    )
    assert not job.file


def test_a_job_whose_lease_expired_is_claimed_and_rendered(job):
    ReportJob.objects.filter(pk=job.pk).update(
        status=ReportJobStatus.RENDERING,
        lease_token="6f1c7a52-0000-4000-8000-000000000001",
        lease_expires_at=timezone.now() - timedelta(seconds=1),
        attempts=1,
    )

    rendering.report_job_render(job_id=job.pk)

    job.refresh_from_db()
    assert (job.status, job.attempts, job.lease_token) == (ReportJobStatus.READY, 2, None)


def test_a_worker_that_lost_its_lease_while_rendering_stores_nothing(job):
    real_render = rendering.render_roadmap_report

    def taken_over_meanwhile(*args, **kwargs):
        result = real_render(*args, **kwargs)
        # The sweeper gave the job to another worker while this one rendered.
        ReportJob.objects.filter(pk=job.pk).update(
            lease_token="6f1c7a52-0000-4000-8000-000000000002"
        )
        return result

    with mock.patch.object(rendering, "render_roadmap_report", side_effect=taken_over_meanwhile):
        rendering.report_job_render(job_id=job.pk)

    job.refresh_from_db()
    assert job.status == ReportJobStatus.RENDERING
    assert not job.file
    assert not list((Path(settings.MEDIA_ROOT) / "reports").rglob(f"{job.pk}*"))


def test_a_second_attempt_replaces_a_file_a_dead_attempt_left(job):
    """A worker that died after writing the file, before its row said so, leaves
    a file under the job's name: the next attempt keeps one file, not two."""
    name = report_upload_to(job, "")
    default_storage.save(name, ContentFile(b"%PDF half-made"))

    rendering.report_job_render(job_id=job.pk)

    job.refresh_from_db()
    assert job.file.name == name
    files = list((Path(settings.MEDIA_ROOT) / "reports").rglob(f"{job.pk}*"))
    assert len(files) == 1
    assert hashlib.sha256(files[0].read_bytes()).hexdigest() == job.sha256
