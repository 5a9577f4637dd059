"""Report jobs: queued on commit, rendered once, failed in plain words, and
a Celery task set up so a job is neither lost nor run twice at once."""

import hashlib
import io
import json
import os
import subprocess
import sys
from datetime import timedelta
from unittest import mock

import kombu.exceptions
import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import OperationalError
from django.utils import timezone
from pypdf import PdfReader

from config.celery import app as celery_app
from reports.models import ReportJob, ReportJobStatus
from reports.services import jobs, rendering
from reports.tasks import render_report_job

from ..conftest import ROOT

pytestmark = pytest.mark.django_db

INTERNAL_DETAIL = "psycopg: secret-host.internal refused user=roadmap"


@pytest.fixture
def job(roadmap, lead):
    return ReportJob.objects.create(roadmap=roadmap, requested_by=lead, options={"version": 1})


def render_raising(error: BaseException):
    """The PDF engine failing with `error`."""
    return mock.patch.object(rendering, "render_roadmap_report", side_effect=error)


def assert_plain_failure(message: str) -> None:
    """A message a programme lead can act on, with nothing from the inside."""
    assert message
    assert "try again" in message.lower()
    assert INTERNAL_DETAIL not in message
    assert "Traceback" not in message
    assert "Error(" not in message


# Requesting a job -------------------------------------------------------------


def test_request_creates_a_queued_job_and_queues_it_only_on_commit(
    roadmap, lead, django_capture_on_commit_callbacks
):
    with mock.patch.object(celery_app, "send_task") as send_task:
        with django_capture_on_commit_callbacks() as callbacks:
            job = jobs.report_job_request(roadmap=roadmap, requested_by=lead)
            assert send_task.call_count == 0, "nothing may be queued before the commit"

        assert len(callbacks) == 1
        callbacks[0]()

    send_task.assert_called_once_with("reports.render_report_job", args=[str(job.pk)])
    job.refresh_from_db()
    assert job.status == ReportJobStatus.QUEUED
    assert (job.roadmap, job.requested_by) == (roadmap, lead)
    assert job.options == {"version": roadmap.version}
    assert job.started_at is None and job.finished_at is None


def test_a_broker_that_cannot_be_reached_fails_the_job_in_plain_words(
    roadmap, lead, django_capture_on_commit_callbacks
):
    unreachable = kombu.exceptions.OperationalError(f"Error 111 connecting. {INTERNAL_DETAIL}")
    with (
        mock.patch.object(celery_app, "send_task", side_effect=unreachable),
        django_capture_on_commit_callbacks(execute=True),
    ):
        job = jobs.report_job_request(roadmap=roadmap, requested_by=lead)

    job.refresh_from_db()
    assert job.status == ReportJobStatus.FAILED
    assert job.finished_at is not None
    assert "not available" in job.error_message
    assert_plain_failure(job.error_message)


# Rendering a job ----------------------------------------------------------------


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
    assert job.status == ReportJobStatus.RENDERING, "a retry will pick it up"
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


# Failing and expiring --------------------------------------------------------------


def test_failing_a_ready_job_leaves_it_ready(job):
    rendering.report_job_render(job_id=job.pk)
    job.refresh_from_db()
    finished_at, sha256 = job.finished_at, job.sha256

    jobs.report_job_fail(job_id=job.pk, error=RuntimeError("late duplicate"))

    job.refresh_from_db()
    assert (job.status, job.finished_at, job.sha256, job.error_message) == (
        ReportJobStatus.READY,
        finished_at,
        sha256,
        "",
    )


def test_a_failure_given_in_words_is_shown_as_written(job):
    jobs.report_job_fail(job_id=job.pk, error="The roadmap was deleted.")

    job.refresh_from_db()
    assert (job.status, job.error_message) == (ReportJobStatus.FAILED, "The roadmap was deleted.")


def _rendering_since(job: ReportJob, seconds_ago: float) -> ReportJob:
    ReportJob.objects.filter(pk=job.pk).update(
        status=ReportJobStatus.RENDERING,
        started_at=timezone.now() - timedelta(seconds=seconds_ago),
    )
    job.refresh_from_db()
    return job


def test_a_job_rendering_long_past_the_hard_limit_is_failed(job):
    job = _rendering_since(job, seconds_ago=settings.REPORT_TIME_LIMIT * 3 + 120)

    job = jobs.report_job_expire_if_stuck(job=job)

    assert job.status == ReportJobStatus.FAILED
    assert "took too long" in job.error_message
    assert_plain_failure(job.error_message)


def test_a_job_that_started_rendering_recently_is_left_alone(job):
    job = _rendering_since(job, seconds_ago=60)

    job = jobs.report_job_expire_if_stuck(job=job)

    assert job.status == ReportJobStatus.RENDERING
    assert job.error_message == ""


# The Celery task ------------------------------------------------------------------


@pytest.mark.parametrize("by_keyword", [False, True])
def test_the_tasks_failure_handler_marks_the_job_failed(job, by_keyword):
    args, kwargs = ((), {"job_id": str(job.pk)}) if by_keyword else ((str(job.pk),), {})

    render_report_job.on_failure(RuntimeError(INTERNAL_DETAIL), "task-id", args, kwargs, None)

    job.refresh_from_db()
    assert job.status == ReportJobStatus.FAILED
    assert_plain_failure(job.error_message)


def test_a_transient_error_is_retried_a_bounded_number_of_times_then_fails_the_job(job):
    attempts = []

    def database_down(*, job_id):
        attempts.append(job_id)
        raise OperationalError(INTERNAL_DETAIL)

    with mock.patch.object(rendering, "report_job_render", side_effect=database_down):
        result = render_report_job.apply(args=[str(job.pk)])

    assert result.failed()
    assert len(attempts) == render_report_job.max_retries + 1
    job.refresh_from_db()
    assert job.status == ReportJobStatus.FAILED
    assert "could not reach the database" in job.error_message
    assert_plain_failure(job.error_message)


def test_the_task_renders_a_job_through_the_service(job):
    render_report_job.apply(args=[str(job.pk)]).get()

    job.refresh_from_db()
    assert job.status == ReportJobStatus.READY


def test_the_worker_discovers_the_task_the_web_process_queues_by_name():
    """The web side sends `jobs.RENDER_REPORT_JOB` without importing the task; a
    fresh process finds it the way the worker does, through autodiscovery."""
    code = (
        "import json, django; django.setup(); from config.celery import app; "
        "app.loader.import_default_modules(); print(json.dumps(sorted(app.tasks)))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )

    assert done.returncode == 0, done.stderr
    assert jobs.RENDER_REPORT_JOB in json.loads(done.stdout.strip().splitlines()[-1])
    assert render_report_job.name == jobs.RENDER_REPORT_JOB


def test_the_task_is_acknowledged_late_and_its_retries_are_bounded():
    assert render_report_job.acks_late is True
    assert render_report_job.reject_on_worker_lost is True
    assert 1 <= render_report_job.max_retries <= 5
    assert render_report_job.retry_backoff
    assert OperationalError in render_report_job.autoretry_for
    assert RuntimeError not in render_report_job.autoretry_for


def test_the_worker_takes_one_job_at_a_time():
    assert settings.CELERY_WORKER_PREFETCH_MULTIPLIER == 1
    assert celery_app.conf.worker_prefetch_multiplier == 1
    assert celery_app.conf.task_acks_late is True


def _production_celery_settings() -> dict:
    """The limits as settings load them with Redis, whatever this test run uses."""
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'visibility_timeout': s.CELERY_BROKER_TRANSPORT_OPTIONS.get('visibility_timeout'),"
        "'soft': s.REPORT_SOFT_TIME_LIMIT, 'hard': s.REPORT_TIME_LIMIT}))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "REDIS_URL": "redis://redis.invalid:6379/0",
    }
    for name in ("REPORT_SOFT_TIME_LIMIT", "REPORT_TIME_LIMIT"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_time_limits_end_a_render_before_redis_would_hand_it_to_another_worker():
    assert render_report_job.soft_time_limit == settings.REPORT_SOFT_TIME_LIMIT
    assert render_report_job.time_limit == settings.REPORT_TIME_LIMIT
    assert 0 < render_report_job.soft_time_limit < render_report_job.time_limit

    production = _production_celery_settings()
    assert production["visibility_timeout"], "Redis needs a visibility timeout"
    assert 0 < production["soft"] < production["hard"] < production["visibility_timeout"]
    if settings.CELERY_BROKER_URL.startswith("redis"):
        visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
        assert render_report_job.time_limit < visibility


def test_pressing_export_again_while_a_job_waits_returns_that_job(
    roadmap, lead, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        first = jobs.report_job_request(roadmap=roadmap, requested_by=lead)
        again = jobs.report_job_request(roadmap=roadmap, requested_by=lead)

    assert again.pk == first.pk
    assert ReportJob.objects.count() == 1
    assert len(callbacks) == 1


def test_a_new_job_is_made_once_the_waiting_one_has_started_or_is_old(roadmap, lead):
    first = jobs.report_job_request(roadmap=roadmap, requested_by=lead)
    ReportJob.objects.filter(pk=first.pk).update(status=ReportJobStatus.RENDERING)
    second = jobs.report_job_request(roadmap=roadmap, requested_by=lead)
    ReportJob.objects.filter(pk=second.pk).update(
        created_at=timezone.now() - jobs.REUSE_QUEUED_JOB_FOR - timedelta(seconds=1)
    )
    third = jobs.report_job_request(roadmap=roadmap, requested_by=lead)

    assert len({first.pk, second.pk, third.pk}) == 3
