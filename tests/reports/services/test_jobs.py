"""Report jobs, the request side: queued on commit, reused while waiting, failed
and expired in plain words."""

from datetime import timedelta
from unittest import mock

import kombu.exceptions
import pytest
from django.conf import settings
from django.utils import timezone

from config.celery import app as celery_app
from reports.models import ReportJob, ReportJobStatus
from reports.services import jobs, rendering

from ..conftest import INTERNAL_DETAIL, assert_plain_failure

pytestmark = pytest.mark.django_db


def _rendering_since(job: ReportJob, seconds_ago: float) -> ReportJob:
    ReportJob.objects.filter(pk=job.pk).update(
        status=ReportJobStatus.RENDERING,
        started_at=timezone.now() - timedelta(seconds=seconds_ago),
    )
    job.refresh_from_db()
    return job


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
