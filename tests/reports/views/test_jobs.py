"""Exporting a roadmap as PDF over HTTP: who may export, following the job, downloading.

Personas (tests/conftest.py): alice-admin, lena-lead, eddie-editor and
vik-viewer are members of agency A, which owns `roadmap`; olga-outsider is a
lead of agency B.
"""

import io
import json
from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader, PdfWriter

from config.celery import app as celery_app
from reports.models import ReportJob, ReportJobStatus

from ...conftest import database_url_for_tests
from ...helpers import HTMX, signed_in
from ...silent_dependency import SilentServer, run_django

STOP_POLLING = 286  # htmx stops polling on this status


# Helpers ----------------------------------------------------------------------


def export_url(roadmap) -> str:
    return reverse(
        "reports:roadmap-exports",
        kwargs={"agency": roadmap.organisation.slug, "slug": roadmap.slug},
    )


def job_url(job: ReportJob, agency: str | None = None) -> str:
    agency = agency or job.roadmap.organisation.slug
    return reverse("reports:job", kwargs={"agency": agency, "pk": job.pk})


def download_url(job: ReportJob, agency: str | None = None) -> str:
    agency = agency or job.roadmap.organisation.slug
    return reverse("reports:job-download", kwargs={"agency": agency, "pk": job.pk})


def pdf_bytes(text: str = "Digital roadmap") -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": text})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_job(roadmap, status=ReportJobStatus.QUEUED, **fields) -> ReportJob:
    return ReportJob.objects.create(
        roadmap=roadmap, status=status, options={"version": roadmap.version}, **fields
    )


def make_ready_job(roadmap, finished_at=None) -> ReportJob:
    content = pdf_bytes()
    job = make_job(
        roadmap,
        ReportJobStatus.READY,
        finished_at=finished_at or timezone.now(),
        size_bytes=len(content),
        page_count=1,
    )
    job.file.save(f"{job.pk}.pdf", ContentFile(content), save=True)
    return job


def jobs() -> list[tuple]:
    return list(ReportJob.objects.order_by("pk").values_list("pk", "status", "finished_at"))


# Who may export ----------------------------------------------------------------------
# Each page's status for every persona and method (sign in, 404, 403, 405, or
# done) is in tests/test_permissions.py; here, what that table does not show.


@pytest.mark.parametrize("persona", ["lead", "admin_user"])
def test_lead_and_above_export_a_job_queued_on_commit(
    client, request_persona, persona, roadmap, django_capture_on_commit_callbacks
):
    user = request_persona(persona)

    with mock.patch.object(celery_app, "send_task") as send_task:
        with django_capture_on_commit_callbacks() as callbacks:
            response = signed_in(client, user).post(export_url(roadmap))
        job = ReportJob.objects.get()
        assert send_task.call_count == 0, "queued before the transaction committed"
        assert len(callbacks) == 1

        callbacks[0]()

    send_task.assert_called_once_with("reports.render_report_job", args=[str(job.pk)])
    assert response.status_code == 302
    assert response["Location"] == job_url(job)
    assert (job.roadmap, job.requested_by, job.status, job.options) == (
        roadmap,
        user,
        ReportJobStatus.QUEUED,
        # The one-click export (no options posted): as at today, no individuals named.
        {"version": 1, "as_at": timezone.localdate().isoformat(), "name_individuals": False},
    )


def test_htmx_export_returns_the_polling_status_fragment(
    client, lead, roadmap, django_capture_on_commit_callbacks
):
    with (
        mock.patch.object(celery_app, "send_task") as send_task,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = signed_in(client, lead).post(export_url(roadmap), headers=HTMX)

    job = ReportJob.objects.get()
    send_task.assert_called_once_with("reports.render_report_job", args=[str(job.pk)])
    assert response.status_code == 200
    assert "<html" not in response.text
    assert f'hx-get="{job_url(job)}?seen=queued"' in response.text
    assert "Waiting to start" in response.text


# Committed for real (autocommit, as in production), so the broker is asked
# during the request, as it is in production.
@pytest.mark.django_db(transaction=True)
def test_a_broker_that_is_down_says_reports_cannot_be_produced_and_keeps_nothing(
    client, lead, roadmap
):
    broker_down = ConnectionError("Connection refused")
    with mock.patch.object(celery_app, "send_task", side_effect=broker_down):
        response = signed_in(client, lead).post(export_url(roadmap))

    assert response.status_code == 503
    assert "Reports cannot be produced right now" in response.text
    assert "The report service is not answering" in response.text
    assert "Connection refused" not in response.text
    assert not ReportJob.objects.exists()


# Committed for real (autocommit, as in production), so the broker is asked
# during the request, as it is in production.
@pytest.mark.django_db(transaction=True)
def test_htmx_export_with_the_broker_down_swaps_in_the_message(client, lead, roadmap):
    with mock.patch.object(celery_app, "send_task", side_effect=ConnectionError()):
        response = signed_in(client, lead).post(export_url(roadmap), headers=HTMX)

    assert response.status_code == 200, "htmx swaps only a 2xx answer"
    assert "<html" not in response.text
    assert "Reports cannot be produced right now" in response.text
    assert not ReportJob.objects.exists()


def test_viewer_sees_the_exports_but_is_not_offered_the_button(client, viewer, roadmap):
    job = make_ready_job(roadmap)

    response = signed_in(client, viewer).get(export_url(roadmap))

    assert response.status_code == 200
    assert download_url(job) in response.text
    assert "Export a new PDF" not in response.text


# Tenancy: agency B's member gets nothing of agency A's ------------------------------


def agency_a_targets(roadmap, job) -> dict[str, tuple[str, str, dict]]:
    """Agency A's export pages: (method, address, headers)."""
    return {
        "export": ("post", export_url(roadmap), {}),
        "htmx export": ("post", export_url(roadmap), HTMX),
        "exports page": ("get", export_url(roadmap), {}),
        "job page": ("get", job_url(job), {}),
        "job status poll": ("get", job_url(job), HTMX),
        "download": ("get", download_url(job), {}),
    }


TARGETS = ["export", "htmx export", "exports page", "job page", "job status poll", "download"]


@pytest.mark.parametrize("target", TARGETS)
def test_another_agencys_member_gets_not_found(
    client, outsider, roadmap, target, django_capture_on_commit_callbacks
):
    job = make_ready_job(roadmap)
    method, address, headers = agency_a_targets(roadmap, job)[target]
    before = jobs()

    with django_capture_on_commit_callbacks() as callbacks:
        response = getattr(signed_in(client, outsider), method)(address, headers=headers)

    assert response.status_code == 404
    assert jobs() == before
    assert callbacks == []


def test_another_agencys_job_is_not_found_through_your_own_agency(
    client, lead, roadmap, other_roadmap
):
    """Agency B's job id under agency A's address: still not found."""
    other_job = make_ready_job(other_roadmap)
    client = signed_in(client, lead)

    for address in (job_url(other_job, "agency-a"), download_url(other_job, "agency-a")):
        assert client.get(address).status_code == 404
        assert client.get(address, headers=HTMX).status_code == 404


@pytest.mark.parametrize("target", TARGETS)
def test_anonymous_users_are_sent_to_sign_in(client, roadmap, target):
    job = make_ready_job(roadmap)
    method, address, headers = agency_a_targets(roadmap, job)[target]

    response = getattr(client, method)(address, headers=headers)

    sign_in = f"/accounts/login/?next={address}"
    if headers:  # htmx: the whole page goes to sign in, not a fragment of it
        assert response.status_code == 200
        assert response["HX-Redirect"] == sign_in
        assert b"password" not in response.content
    else:
        assert response.status_code == 302
        assert response["Location"] == sign_in
    assert ReportJob.objects.count() == 1


# Downloading --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "status", [ReportJobStatus.QUEUED, ReportJobStatus.RENDERING, ReportJobStatus.FAILED]
)
def test_download_of_a_job_that_is_not_ready_is_not_found(client, viewer, roadmap, status):
    job = make_job(roadmap, status)

    response = signed_in(client, viewer).get(download_url(job))

    assert response.status_code == 404


def test_download_of_a_ready_job_without_its_file_is_not_found(client, viewer, roadmap):
    job = make_job(roadmap, ReportJobStatus.READY, finished_at=timezone.now())

    assert signed_in(client, viewer).get(download_url(job)).status_code == 404


def test_download_is_never_kept_by_a_shared_or_browser_cache(client, viewer, roadmap):
    """Finding 6: an OFFICIAL document must not stay in a proxy's or browser's cache."""
    job = make_ready_job(roadmap)

    response = signed_in(client, viewer).get(download_url(job))

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("persona", ["viewer", "lead"])
def test_download_of_a_ready_job_is_the_pdf_as_an_attachment(
    client, request_persona, persona, roadmap
):
    job = make_ready_job(roadmap)
    stamp = timezone.localdate(job.finished_at).isoformat()

    response = signed_in(client, request_persona(persona)).get(download_url(job))

    body = b"".join(response.streaming_content)
    response.close()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="digital-2026-v1-{stamp}.pdf"'
    )
    with job.file.open("rb") as stored:
        assert body == stored.read()
    assert PdfReader(io.BytesIO(body)).metadata.title == "Digital roadmap"


def test_the_download_is_named_with_the_local_date_as_on_the_cover(
    client, settings, viewer, roadmap
):
    settings.TIME_ZONE = "Europe/London"
    half_past_midnight_in_london = datetime(2026, 6, 30, 23, 30, tzinfo=UTC)
    job = make_ready_job(roadmap, finished_at=half_past_midnight_in_london)

    response = signed_in(client, viewer).get(download_url(job))
    response.close()

    assert response["Content-Disposition"] == (
        'attachment; filename="digital-2026-v1-2026-07-01.pdf"'
    )


# Following a job ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "status, shows",
    [
        (ReportJobStatus.QUEUED, "Waiting to start"),
        (ReportJobStatus.RENDERING, "Producing your PDF"),
    ],
)
def test_htmx_poll_of_an_unfinished_job_keeps_polling(client, viewer, roadmap, status, shows):
    job = make_job(roadmap, status, started_at=timezone.now())

    response = signed_in(client, viewer).get(job_url(job), headers=HTMX)

    assert response.status_code == 200
    assert shows in response.text
    assert "<html" not in response.text
    # The new state's element, polling on with the state it now shows.
    assert f'hx-get="{job_url(job)}?seen={status}"' in response.text


@pytest.mark.parametrize("status", [ReportJobStatus.QUEUED, ReportJobStatus.RENDERING])
def test_htmx_poll_of_an_unchanged_job_swaps_nothing(client, viewer, roadmap, status):
    """204: htmx keeps the element (and its polling), screen readers hear nothing new."""
    job = make_job(roadmap, status, started_at=timezone.now())

    response = signed_in(client, viewer).get(f"{job_url(job)}?seen={status}", headers=HTMX)

    assert response.status_code == 204
    assert response.content == b""


def test_htmx_poll_that_saw_queued_gets_rendering(client, viewer, roadmap):
    job = make_job(roadmap, ReportJobStatus.RENDERING, started_at=timezone.now())

    response = signed_in(client, viewer).get(f"{job_url(job)}?seen=queued", headers=HTMX)

    assert response.status_code == 200
    assert "Producing your PDF" in response.text


def test_a_job_queued_for_minutes_says_the_service_may_be_busy(client, viewer, roadmap):
    job = make_job(roadmap, ReportJobStatus.QUEUED)
    ReportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(minutes=3))
    fresh = make_job(roadmap, ReportJobStatus.QUEUED)
    client = signed_in(client, viewer)

    assert "taking longer than usual" in client.get(job_url(job)).text
    assert "taking longer than usual" not in client.get(job_url(fresh)).text


def test_htmx_poll_of_a_ready_job_stops_polling_and_offers_the_download(client, viewer, roadmap):
    job = make_ready_job(roadmap)

    response = signed_in(client, viewer).get(job_url(job), headers=HTMX)

    assert response.status_code == STOP_POLLING
    assert "<html" not in response.text
    assert "Your PDF is ready." in response.text
    assert f'href="{download_url(job)}"' in response.text


def test_htmx_poll_of_a_failed_job_stops_polling_and_says_why(client, viewer, roadmap):
    job = make_job(
        roadmap,
        ReportJobStatus.FAILED,
        finished_at=timezone.now(),
        error_message="The report took too long to produce and was stopped.",
    )

    response = signed_in(client, viewer).get(job_url(job), headers=HTMX)

    assert response.status_code == STOP_POLLING
    assert "The PDF could not be produced." in response.text
    assert "The report took too long to produce and was stopped." in response.text
    assert download_url(job) not in response.text


@pytest.mark.parametrize("status", [ReportJobStatus.QUEUED, ReportJobStatus.RENDERING])
def test_job_page_without_javascript_has_a_check_again_link_while_unfinished(
    client, viewer, roadmap, status
):
    job = make_job(roadmap, status, started_at=timezone.now())

    response = signed_in(client, viewer).get(job_url(job))

    assert response.status_code == 200
    assert "<html" in response.text
    assert f'<a href="{job_url(job)}">Check again</a>' in response.text
    assert f'hx-get="{job_url(job)}?seen={status}"' in response.text


@pytest.mark.parametrize("finished", ["ready", "failed"])
def test_job_page_of_a_finished_job_stops_asking_to_check_again(client, viewer, roadmap, finished):
    if finished == "ready":
        job = make_ready_job(roadmap)
    else:
        job = make_job(roadmap, ReportJobStatus.FAILED, error_message="It broke.")

    response = signed_in(client, viewer).get(job_url(job))

    assert response.status_code == 200
    assert "Check again" not in response.text
    assert "hx-get" not in response.text


# A silent broker: accepts connections, never answers (finding 1) -----------------

EXPORT_BUDGET = 8  # seconds: the broker's 2 s connect and read, one retry, and margin

TIMED_EXPORT = """
import json, sys, time
from django.contrib.auth import get_user_model
from django.test import Client
from reports.models import ReportJob
client = Client(headers={"host": "localhost"})
client.force_login(get_user_model().objects.get(username=sys.argv[1]))
started = time.monotonic()
response = client.post(sys.argv[2])
print(json.dumps({"status": response.status_code, "seconds": time.monotonic() - started,
                  "text": response.text, "jobs": ReportJob.objects.count()}))
"""


@pytest.mark.django_db(transaction=True)
def test_export_with_a_silent_broker_answers_within_budget_and_keeps_nothing(lead, roadmap):
    silent = SilentServer()
    try:
        code = TIMED_EXPORT.replace("sys.argv[1]", repr(lead.username)).replace(
            "sys.argv[2]", repr(export_url(roadmap))
        )
        done = run_django(
            code,
            REDIS_URL=f"redis://127.0.0.1:{silent.port}/0",
            DATABASE_URL=database_url_for_tests(),
        )
    finally:
        silent.close()

    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["seconds"] < EXPORT_BUDGET, result["seconds"]
    assert result["status"] == 503
    assert "Reports cannot be produced right now" in result["text"]
    assert result["jobs"] == 0, "no job is left to be handed back as waiting"
