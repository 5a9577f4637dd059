"""A worker that dies with its machine loses no job (finding 2), and two workers
with two beats never render a job twice or store two files.

Real processes throughout: prefork `celery worker`s (a main process and a pool
child) and `celery beat`, the test PostgreSQL and Redis, limits lowered to
seconds (FAST_LIMITS in conftest.py)."""

import io
import json
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from pypdf import PdfReader

from reports.models import ReportJob, ReportJobStatus
from reports.services import jobs
from roadmap.demo import DEMO_ROADMAP_SLUG
from roadmap.models import Measurement, Roadmap

from .conftest import FAST_LIMITS

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

RECOVERY_BUDGET = 120  # seconds from the kill to "ready"


def wait_for(job: ReportJob, done, timeout: float, what: str) -> ReportJob:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if done(job):
            return job
        time.sleep(0.1)
    pytest.fail(f"Report job still {job.status} after {timeout}s, waiting for {what}")


def big_roadmap(copies: int = 2) -> Roadmap:
    """The demo roadmap with its objectives, KPIs and measurements `copies` times
    over: a report that takes seconds to render."""
    call_command("seed_demo", stdout=io.StringIO())
    demo = Roadmap.objects.get(slug=DEMO_ROADMAP_SLUG)
    originals = list(demo.objectives.order_by("position").prefetch_related("kpis__measurements"))
    position = len(originals)
    for copy in range(1, copies):
        for original in originals:
            objective = Roadmap.objects.get(pk=demo.pk).objectives.get(pk=original.pk)
            objective.pk, objective.position = None, position
            objective.title = f"{original.title} ({copy})"
            objective.save()
            position += 1
            for kpi in original.kpis.all():
                measurements = list(kpi.measurements.all())
                kpi.pk, kpi.objective = None, objective
                kpi.save()
                for measurement in measurements:
                    measurement.pk, measurement.kpi = None, kpi
                Measurement.objects.bulk_create(measurements)
    return demo


def seconds_between(start, end) -> float:
    return round((end - start).total_seconds(), 1)


def files_of(job: ReportJob) -> list[Path]:
    return sorted(Path(settings.MEDIA_ROOT).rglob(f"{job.pk}*"))


def test_a_job_survives_the_death_of_its_whole_worker(celery_processes, lead, capsys):
    roadmap = big_roadmap()
    celery_processes.beat()
    first = celery_processes.worker()

    job = jobs.report_job_request(roadmap=roadmap, requested_by=lead)  # committed: queued now
    job = wait_for(job, lambda j: j.status == ReportJobStatus.RENDERING, 60, "rendering")
    # Kill the main process and its pool child together, mid-render.
    celery_processes.kill_group(first)
    killed_at, killed_clock = time.monotonic(), timezone.now()
    job.refresh_from_db()
    assert job.status == ReportJobStatus.RENDERING, "the render must still be running at the kill"
    assert job.attempts == 1

    celery_processes.worker()
    job = wait_for(job, lambda j: j.is_finished, RECOVERY_BUDGET, "ready")
    seconds = time.monotonic() - killed_at

    assert job.status == ReportJobStatus.READY, f"{job.error_message}\n{celery_processes.log()}"
    assert job.attempts == 2
    assert len(files_of(job)) == 1, files_of(job)
    with job.file.open("rb") as pdf:
        assert len(PdfReader(pdf).pages) == job.page_count
    figures = {
        "attempts": job.attempts,
        "pages": job.page_count,
        "seconds_from_kill_to_ready": round(seconds, 1),
        "seconds_from_kill_to_second_start": round(
            (job.started_at - killed_clock).total_seconds(), 1
        ),
        "seconds_second_render": round((job.finished_at - job.started_at).total_seconds(), 1),
        "lease_s": FAST_LIMITS["REPORT_JOB_LEASE"],
        "sweep_interval_s": FAST_LIMITS["REPORT_SWEEP_INTERVAL"],
    }
    with capsys.disabled():
        print(f"\nworker-kill recovery: {json.dumps(figures)}")


def test_two_workers_and_two_beats_render_each_job_once(celery_processes, roadmap, lead):
    celery_processes.beat()
    celery_processes.beat()
    celery_processes.worker()
    celery_processes.worker()
    from config.celery import app as celery_app

    requested = []
    for _ in range(4):
        job = ReportJob.objects.create(roadmap=roadmap, options={"version": 1})
        for _ in range(3):  # every job delivered three times, as after a re-send
            jobs.report_job_send(job_id=job.pk)
        requested.append(job)
    assert celery_app.conf.task_default_queue == celery_processes.queue

    for job in requested:
        job = wait_for(job, lambda j: j.is_finished, 120, "ready")
        assert job.status == ReportJobStatus.READY, job.error_message
        assert job.attempts == 1, "rendered once, whatever the duplicates"
        assert len(files_of(job)) == 1
