"""Report jobs, the request side: queued on commit, reused while waiting, failed
and expired in plain words."""

from datetime import timedelta
from unittest import mock

import kombu.exceptions
import pytest
from django.utils import timezone

from config.celery import app as celery_app
from reports.models import ReportJob, ReportJobStatus
from reports.options import ReportOptions
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
    assert job.options == {
        "version": roadmap.version,
        "as_at": timezone.localdate().isoformat(),
        "name_individuals": False,
    }
    assert job.started_at is None and job.finished_at is None


def test_a_broker_that_cannot_be_reached_keeps_no_job_and_says_so(
    roadmap, lead, django_capture_on_commit_callbacks
):
    unreachable = kombu.exceptions.OperationalError(f"Error 111 connecting. {INTERNAL_DETAIL}")
    with (
        pytest.raises(jobs.ReportServiceUnavailable) as refused,
        mock.patch.object(celery_app, "send_task", side_effect=unreachable),
        django_capture_on_commit_callbacks(execute=True),
    ):
        jobs.report_job_request(roadmap=roadmap, requested_by=lead)

    assert not ReportJob.objects.exists(), "nothing half-made is kept"
    assert "The report service is not answering" in refused.value.message
    assert_plain_failure(refused.value.message)


def test_a_job_the_broker_took_records_when_and_how_often(
    roadmap, lead, django_capture_on_commit_callbacks
):
    with (
        mock.patch.object(celery_app, "send_task"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        job = jobs.report_job_request(roadmap=roadmap, requested_by=lead)

    assert job.queued_at is not None
    assert job.sends == 1


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


@pytest.fixture
def request_queued(roadmap, lead, django_capture_on_commit_callbacks):
    """Press Export: the job commits and the broker takes it."""

    def press() -> ReportJob:
        with (
            mock.patch.object(celery_app, "send_task"),
            django_capture_on_commit_callbacks(execute=True),
        ):
            return jobs.report_job_request(roadmap=roadmap, requested_by=lead)

    return press


def test_pressing_export_again_while_a_job_waits_returns_that_job(request_queued):
    first = request_queued()
    again = request_queued()

    assert again.pk == first.pk
    assert ReportJob.objects.count() == 1


def test_a_job_that_never_reached_the_broker_is_not_handed_back_as_waiting(
    roadmap, lead, request_queued
):
    """Finding 1: a job whose message never reached the broker (the web process
    died before sending, or the broker was silent) is not "waiting"."""
    lost = ReportJob.objects.create(
        roadmap=roadmap,
        requested_by=lead,
        options={"version": 1, **ReportOptions().stored()},  # what a request would store
    )

    again = request_queued()

    assert again.pk != lost.pk
    assert again.queued_at is not None


def test_a_new_job_is_made_once_the_waiting_one_has_started_or_is_old(request_queued):
    first = request_queued()
    ReportJob.objects.filter(pk=first.pk).update(status=ReportJobStatus.RENDERING)
    second = request_queued()
    ReportJob.objects.filter(pk=second.pk).update(
        queued_at=timezone.now() - jobs.REUSE_QUEUED_JOB_FOR - timedelta(seconds=1)
    )
    third = request_queued()

    assert len({first.pk, second.pk, third.pk}) == 3
