"""The sweeper: a job whose worker died is queued again, up to a limit, then
failed with the true reason; a job that is alive, or finished, is left alone."""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from config.celery import app as celery_app
from reports.models import ReportJob, ReportJobStatus
from reports.services import sweeper

pytestmark = pytest.mark.django_db

LIMITS = {
    "REPORT_JOB_LEASE": 30,
    "REPORT_QUEUED_LIMIT": 300,
    "REPORT_MAX_ATTEMPTS": 3,
}


@pytest.fixture(autouse=True)
def limits(settings):
    for name, value in LIMITS.items():
        setattr(settings, name, value)


@pytest.fixture
def sent():
    with mock.patch.object(celery_app, "send_task") as send_task:
        yield send_task


def ago(seconds: float):
    return timezone.now() - timedelta(seconds=seconds)


def rendering_job(roadmap, *, lease_left: float, attempts: int = 1) -> ReportJob:
    return ReportJob.objects.create(
        roadmap=roadmap,
        status=ReportJobStatus.RENDERING,
        options={"version": 1},
        started_at=ago(120),
        attempts=attempts,
        sends=attempts,
        queued_at=ago(130),
        lease_token="6f1c7a52-0000-4000-8000-000000000001",
        lease_expires_at=timezone.now() + timedelta(seconds=lease_left),
    )


def queued_job(roadmap, *, queued_seconds_ago: float | None, sends: int = 1) -> ReportJob:
    job = ReportJob.objects.create(
        roadmap=roadmap,
        options={"version": 1},
        sends=sends,
        queued_at=None if queued_seconds_ago is None else ago(queued_seconds_ago),
    )
    ReportJob.objects.filter(pk=job.pk).update(created_at=ago(3600))
    return job


def test_a_rendering_job_whose_lease_expired_is_queued_again(roadmap, sent):
    job = rendering_job(roadmap, lease_left=-1)

    outcome = sweeper.report_jobs_sweep()

    job.refresh_from_db()
    assert outcome.requeued == [job.pk]
    assert (job.status, job.lease_token, job.lease_expires_at) == (
        ReportJobStatus.QUEUED,
        None,
        None,
    )
    sent.assert_called_once_with("reports.render_report_job", args=[str(job.pk)])
    assert job.sends == 2
    assert job.queued_at > ago(5)


def test_a_rendering_job_whose_worker_renews_its_lease_is_left_alone(roadmap, sent):
    job = rendering_job(roadmap, lease_left=10)

    outcome = sweeper.report_jobs_sweep()

    job.refresh_from_db()
    assert outcome.requeued == outcome.failed == []
    assert job.status == ReportJobStatus.RENDERING
    sent.assert_not_called()


def test_a_job_whose_worker_died_on_every_attempt_fails_saying_so(roadmap, sent):
    job = rendering_job(roadmap, lease_left=-1, attempts=LIMITS["REPORT_MAX_ATTEMPTS"])

    outcome = sweeper.report_jobs_sweep()

    job.refresh_from_db()
    assert outcome.failed == [job.pk]
    assert job.status == ReportJobStatus.FAILED
    assert job.finished_at is not None
    assert "stopped while producing this report (3 times)" in job.error_message
    assert "took too long" not in job.error_message, "finding 2: the true reason"
    assert str(job.pk)[:8] in job.error_message
    sent.assert_not_called()


def test_a_queued_job_no_worker_took_is_queued_again(roadmap, sent):
    job = queued_job(roadmap, queued_seconds_ago=LIMITS["REPORT_QUEUED_LIMIT"] + 1)
    fresh = queued_job(roadmap, queued_seconds_ago=10)

    outcome = sweeper.report_jobs_sweep()

    assert outcome.requeued == [job.pk]
    sent.assert_called_once_with("reports.render_report_job", args=[str(job.pk)])
    fresh.refresh_from_db()
    assert fresh.sends == 1


def test_a_job_that_never_reached_the_broker_is_sent(roadmap, sent):
    job = queued_job(roadmap, queued_seconds_ago=None, sends=0)

    sweeper.report_jobs_sweep()

    job.refresh_from_db()
    sent.assert_called_once_with("reports.render_report_job", args=[str(job.pk)])
    assert job.sends == 1


def test_a_job_no_worker_took_after_every_send_fails_saying_so(roadmap, sent):
    job = queued_job(
        roadmap,
        queued_seconds_ago=LIMITS["REPORT_QUEUED_LIMIT"] + 1,
        sends=LIMITS["REPORT_MAX_ATTEMPTS"],
    )

    sweeper.report_jobs_sweep()

    job.refresh_from_db()
    assert job.status == ReportJobStatus.FAILED
    assert "No report service started this report: it was queued 3 times" in job.error_message
    sent.assert_not_called()


def test_a_sweep_with_the_broker_down_keeps_the_job_queued_for_the_next(roadmap):
    job = rendering_job(roadmap, lease_left=-1)

    with mock.patch.object(celery_app, "send_task", side_effect=ConnectionError()):
        sweeper.report_jobs_sweep()

    job.refresh_from_db()
    assert job.status == ReportJobStatus.QUEUED
    assert job.sends == 1, "not counted: it did not reach the broker"


@pytest.mark.parametrize("status", [ReportJobStatus.READY, ReportJobStatus.FAILED])
def test_finished_jobs_are_never_swept(roadmap, sent, status):
    job = rendering_job(roadmap, lease_left=-1)
    ReportJob.objects.filter(pk=job.pk).update(status=status)

    sweeper.report_jobs_sweep()

    job.refresh_from_db()
    assert job.status == status
    sent.assert_not_called()


def test_a_second_sweep_straight_after_queues_nothing_again(roadmap, sent):
    """Two beats sweeping one after the other send a lost job once."""
    rendering_job(roadmap, lease_left=-1)

    sweeper.report_jobs_sweep()
    sweeper.report_jobs_sweep()

    assert sent.call_count == 1


def test_beat_runs_the_sweep_every_interval(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["sweep-report-jobs"]
    assert entry["task"] == "reports.sweep_report_jobs"
    assert entry["schedule"] == settings.REPORT_SWEEP_INTERVAL
    assert celery_app.conf.beat_schedule["sweep-report-jobs"]["task"] == entry["task"]
