"""The Celery task: found by name, acknowledged late, retried a bounded number of
times, stopped before the broker would hand the job to another worker."""

import json
import os
import subprocess
import sys
from unittest import mock

import pytest
from django.conf import settings
from django.db import OperationalError

from config.celery import app as celery_app
from reports.models import ReportJobStatus
from reports.services import jobs, rendering
from reports.tasks import render_report_job

from ..conftest import ROOT
from .conftest import INTERNAL_DETAIL, assert_plain_failure

pytestmark = pytest.mark.django_db


def _production_celery_settings() -> dict:
    """The limits as settings load them with Redis, whatever this test run uses."""
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'visibility_timeout': s.CELERY_BROKER_TRANSPORT_OPTIONS.get('visibility_timeout'),"
        "'soft': s.REPORT_SOFT_TIME_LIMIT, 'hard': s.REPORT_TIME_LIMIT,"
        "'lease': s.REPORT_JOB_LEASE, 'sweep': s.REPORT_SWEEP_INTERVAL,"
        "'socket_timeout': s.CELERY_BROKER_TRANSPORT_OPTIONS.get('socket_timeout'),"
        "'connect_timeout': s.CELERY_BROKER_TRANSPORT_OPTIONS.get('socket_connect_timeout')}))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "REDIS_URL": "redis://redis.invalid:6379/0",
    }
    for name in (
        "REPORT_SOFT_TIME_LIMIT",
        "REPORT_TIME_LIMIT",
        "REPORT_JOB_LEASE",
        "REPORT_SWEEP_INTERVAL",
        "BROKER_VISIBILITY_TIMEOUT",
        "BROKER_CONNECT_TIMEOUT",
        "BROKER_READ_TIMEOUT",
    ):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


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


def test_time_limits_end_a_render_before_redis_would_hand_it_to_another_worker():
    assert render_report_job.soft_time_limit == settings.REPORT_SOFT_TIME_LIMIT
    assert render_report_job.time_limit == settings.REPORT_TIME_LIMIT
    assert 0 < render_report_job.soft_time_limit < render_report_job.time_limit

    production = _production_celery_settings()
    assert production["visibility_timeout"], "Redis needs a visibility timeout"
    assert 0 < production["soft"] < production["hard"] < production["visibility_timeout"]
    # The sweeper notices a dead worker long before Redis would hand its message on.
    assert production["lease"] + production["sweep"] < production["visibility_timeout"]
    # A silent broker costs a web request seconds, not minutes.
    assert 0 < production["connect_timeout"] <= 5 and 0 < production["socket_timeout"] <= 5
    if settings.CELERY_BROKER_URL.startswith("redis"):
        visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
        assert render_report_job.time_limit < visibility
