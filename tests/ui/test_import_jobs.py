"""A large import applied by the worker (ui/imports.py, ui/tasks.py): queued
from the preview, applied in one transaction with the stale-preview check,
progress recorded, the outcome shown on a page that htmx polls; only the
uploader sees it; a broker that refuses keeps the staged import. The worker
itself is in test_import_worker.py."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from roadmap.models import Initiative
from roadmap.services.initiatives import initiative_create
from tests.helpers import signed_in, url
from tests.roadmap.views.test_imports import csv_file
from ui import imports
from ui.models import ImportStatus, StagedImport

pytestmark = pytest.mark.django_db

STOP_POLLING = 286  # htmx stops polling on this status
HEADERS = "Title,Component,Start month,End month"


@pytest.fixture(autouse=True)
def small_threshold(settings):
    settings.IMPORT_IN_REQUEST_ROWS = 2  # three rows or more go to the worker


@pytest.fixture
def sent(monkeypatch):
    """The messages handed to the broker, instead of a broker."""
    messages = []
    monkeypatch.setattr(
        imports.current_app, "send_task", lambda name, args: messages.append((name, args))
    )
    return messages


def rows(roadmap, titles) -> str:
    component = roadmap.components.first().name
    return "\n".join([HEADERS, *(f"{t},{component},2026-04,2027-03" for t in titles)])


def stage(client, roadmap, titles):
    file = csv_file(rows(roadmap, titles))
    response = client.post(url("initiative-import", roadmap), {"file": file})
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response["Location"])


def queue(client, roadmap, titles, django_capture_on_commit_callbacks):
    preview = stage(client, roadmap, titles)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            preview.context["apply_url"], {"fingerprint": preview.context["plan"].fingerprint}
        )
    return response


TITLES = ["Cloud hosting", "Data platform", "Website"]


def ignore(done: int) -> None:
    """Progress not recorded (the worker's writer is tested with a real worker)."""


@pytest.fixture
def queued(client, editor, roadmap, sent, django_capture_on_commit_callbacks):
    signed_in(client, editor)
    response = queue(client, roadmap, TITLES, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == url("initiative-import-progress", roadmap)
    return StagedImport.objects.get(user=editor)


# Queuing ------------------------------------------------------------------------


def test_a_large_import_is_queued_for_the_worker_not_applied(queued, editor, sent):
    assert queued.status == ImportStatus.QUEUED
    assert (queued.rows_done, queued.rows_total, queued.importer) == (0, 3, "roadmap:initiative")
    assert sent == [(imports.APPLY_TASK, [queued.pk, editor.pk])]
    assert not Initiative.objects.filter(title__in=TITLES).exists()


def test_a_small_import_is_still_applied_in_the_request(
    client, editor, roadmap, sent, django_capture_on_commit_callbacks
):
    signed_in(client, editor)
    response = queue(client, roadmap, TITLES[:2], django_capture_on_commit_callbacks)

    assert response["Location"] == url("initiatives", roadmap)
    assert Initiative.objects.filter(title__in=TITLES[:2]).count() == 2
    assert sent == [] and not StagedImport.objects.exists()


def test_a_stale_preview_is_not_queued(
    client, editor, roadmap, sent, django_capture_on_commit_callbacks
):
    signed_in(client, editor)
    preview = stage(client, roadmap, TITLES)
    initiative_create(
        roadmap=roadmap, title="Website", component=roadmap.components.first(),
        start_month=date(2026, 1, 1), end_month=date(2026, 6, 1),
    )  # fmt: skip
    response = client.post(
        preview.context["apply_url"], {"fingerprint": preview.context["plan"].fingerprint}
    )

    assert response.status_code == 200
    assert "changed after you saw the preview" in response.context["refusal"]
    assert sent == [] and StagedImport.objects.get().status == ImportStatus.STAGED


@pytest.mark.django_db(transaction=True)  # on_commit runs as the view's transaction ends
def test_a_broker_that_refuses_keeps_the_staged_import(
    client, editor, roadmap, monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(name, args):
        raise ConnectionError("broker down")

    monkeypatch.setattr(imports.current_app, "send_task", refuse)
    signed_in(client, editor)
    response = queue(client, roadmap, TITLES, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert response.context["refusal"].startswith("The import could not be started")
    assert "your file is kept" in response.content.decode()
    staged = StagedImport.objects.get()
    assert (staged.status, len(staged.rows)) == (ImportStatus.STAGED, 3)
    assert not Initiative.objects.filter(title__in=TITLES).exists()


# The service the worker runs --------------------------------------------------


def test_the_service_applies_every_row_and_records_progress_and_summary(queued, editor):
    progress = []
    staged = imports.staged_import_apply(
        staged_id=queued.pk, user_id=editor.pk, progress=progress.append
    )

    assert staged.status == ImportStatus.DONE
    assert staged.message == "Imported 3 initiatives: 3 added, 0 updated, 0 unchanged"
    assert (staged.rows_done, staged.rows_total, staged.rows) == (3, 3, [])
    assert progress[:3] == [1, 2, 3]
    assert Initiative.objects.filter(title__in=TITLES).count() == 3


def test_a_refused_row_imports_nothing_and_the_message_names_it(queued, editor, monkeypatch):
    importer = imports.registered("roadmap:initiative")
    real_apply = type(importer).apply

    def apply_then_refuse(self, parent, plan, present, by):
        real_apply(self, parent, plan, present, by)  # every row written...
        raise imports.RowRefused(4, "the services refused it.")  # ...then one refused

    monkeypatch.setattr(type(importer), "apply", apply_then_refuse)
    staged = imports.staged_import_apply(staged_id=queued.pk, user_id=editor.pk, progress=ignore)

    assert staged.status == ImportStatus.FAILED
    assert staged.message == "Nothing was imported. Row 4: the services refused it."
    assert not Initiative.objects.filter(title__in=TITLES).exists()  # one transaction


def test_a_plan_changed_while_queued_imports_nothing(queued, editor, roadmap):
    initiative_create(
        roadmap=roadmap, title="Website", component=roadmap.components.first(),
        start_month=date(2026, 1, 1), end_month=date(2026, 6, 1),
    )  # fmt: skip
    staged = imports.staged_import_apply(staged_id=queued.pk, user_id=editor.pk, progress=ignore)

    assert staged.status == ImportStatus.FAILED
    assert "changed after you saw the preview" in staged.message
    assert not Initiative.objects.filter(title__in=["Cloud hosting", "Data platform"]).exists()


def test_an_unexpected_error_imports_nothing_and_says_so(queued, editor, monkeypatch):
    importer = imports.registered("roadmap:initiative")

    def broken(self, parent, plan, present, by):
        for row in plan.rows:
            Initiative.objects.filter(pk=0).update(title=row.label)
        raise RuntimeError("a bug")

    monkeypatch.setattr(type(importer), "apply", broken)
    staged = imports.staged_import_apply(staged_id=queued.pk, user_id=editor.pk, progress=ignore)

    assert staged.status == ImportStatus.FAILED
    assert staged.message.startswith("Nothing was imported: something went wrong")


@pytest.mark.parametrize("status", [ImportStatus.STAGED, ImportStatus.DONE, ImportStatus.FAILED])
def test_the_service_applies_only_a_queued_import(queued, editor, status):
    StagedImport.objects.filter(pk=queued.pk).update(status=status)

    assert imports.staged_import_apply(staged_id=queued.pk, user_id=editor.pk) is None
    assert not Initiative.objects.filter(title__in=TITLES).exists()


def test_the_service_applies_only_for_the_uploader(queued, lead):
    assert imports.staged_import_apply(staged_id=queued.pk, user_id=lead.pk) is None
    assert StagedImport.objects.get().status == ImportStatus.QUEUED


# The progress page --------------------------------------------------------------


def progress_url(roadmap):
    return url("initiative-import-progress", roadmap)


def test_the_progress_page_polls_while_queued_and_works_without_js(client, queued, roadmap):
    response = client.get(progress_url(roadmap))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Waiting to start" in page and "Rows done: 0 of 3 (0%)" in page
    assert 'hx-trigger="every 2s"' in page
    assert f'<a href="{progress_url(roadmap)}">Check again</a>' in page


def test_the_polling_fragment_shows_the_rows_done(client, queued, roadmap):
    StagedImport.objects.filter(pk=queued.pk).update(
        status=ImportStatus.APPLYING, rows_done=1200, rows_total=5000, progress_at=timezone.now()
    )
    response = client.get(progress_url(roadmap), headers={"HX-Request": "true"})

    fragment = response.content.decode()
    assert response.status_code == 200
    assert fragment.lstrip().startswith('<div class="job-status" id="import-status"')
    assert "<h1>" not in fragment
    assert "Importing…" in fragment and "Rows done: 1,200 of 5,000 (24%)" in fragment
    assert 'hx-trigger="every 2s"' in fragment


def test_polling_stops_when_done_with_the_summary_and_a_link_back(client, queued, editor, roadmap):
    imports.staged_import_apply(staged_id=queued.pk, user_id=editor.pk, progress=ignore)
    response = client.get(progress_url(roadmap), headers={"HX-Request": "true"})

    fragment = response.content.decode()
    assert response.status_code == STOP_POLLING
    assert "Imported 3 initiatives: 3 added, 0 updated, 0 unchanged" in fragment
    assert f'href="{url("initiatives", roadmap)}"' in fragment
    assert "hx-trigger" not in fragment
    page = client.get(progress_url(roadmap)).content.decode()
    assert "Imported 3 initiatives" in page and "hx-trigger" not in page


def test_a_failure_stops_polling_and_offers_the_preview_again(client, queued, roadmap, editor):
    initiative_create(
        roadmap=roadmap, title="Website", component=roadmap.components.first(),
        start_month=date(2026, 1, 1), end_month=date(2026, 6, 1),
    )  # fmt: skip
    imports.staged_import_apply(staged_id=queued.pk, user_id=editor.pk, progress=ignore)
    response = client.get(progress_url(roadmap), headers={"HX-Request": "true"})

    assert response.status_code == STOP_POLLING
    assert "were not imported" in response.content.decode()
    preview = client.get(url("initiative-import-preview", roadmap))
    assert preview.status_code == 200
    assert "Your last try: Nothing was imported" in preview.content.decode()


def test_while_queued_the_preview_and_cancel_lead_to_the_progress_page(client, queued, roadmap):
    for response in (
        client.get(url("initiative-import-preview", roadmap)),
        client.post(url("initiative-import-cancel", roadmap)),
        client.post(url("initiative-import-apply", roadmap), {"fingerprint": "x"}),
    ):
        assert response.status_code == 302
        assert response["Location"] == progress_url(roadmap)
    assert StagedImport.objects.get().status == ImportStatus.QUEUED


def test_no_new_upload_while_the_last_one_is_applied(client, queued, roadmap):
    response = client.post(
        url("initiative-import", roadmap), {"file": csv_file(rows(roadmap, ["Other"]))}
    )

    assert response.status_code == 200
    assert "still running" in response.context["file_error"]
    assert StagedImport.objects.get().status == ImportStatus.QUEUED


def test_a_silent_import_is_failed_when_looked_at_and_never_applied_later(
    client, queued, roadmap, editor
):
    StagedImport.objects.filter(pk=queued.pk).update(
        queued_at=timezone.now() - imports.SILENT_FOR - timedelta(seconds=1)
    )
    page = client.get(progress_url(roadmap)).content.decode()

    assert "did not start within 10 minutes" in page
    assert imports.staged_import_apply(staged_id=queued.pk, user_id=editor.pk) is None
    assert not Initiative.objects.filter(title__in=TITLES).exists()


def test_an_applying_import_without_sign_of_life_is_failed(client, queued, roadmap):
    StagedImport.objects.filter(pk=queued.pk).update(
        status=ImportStatus.APPLYING,
        progress_at=timezone.now() - imports.SILENT_FOR - timedelta(seconds=1),
    )
    page = client.get(progress_url(roadmap)).content.decode()

    assert "stopped before it finished" in page
    assert StagedImport.objects.get().status == ImportStatus.FAILED


def test_an_applying_import_with_recent_progress_is_left_alone(client, queued, roadmap):
    StagedImport.objects.filter(pk=queued.pk).update(
        status=ImportStatus.APPLYING, progress_at=timezone.now() - timedelta(minutes=1)
    )
    client.get(progress_url(roadmap))

    assert StagedImport.objects.get().status == ImportStatus.APPLYING


# Who may see it -------------------------------------------------------------------


def test_only_the_uploader_sees_the_progress(client, queued, roadmap, lead):
    signed_in(client, lead)  # a lead of the same agency, not the uploader

    assert client.get(progress_url(roadmap)).status_code == 404


def test_another_agency_gets_404(client, queued, roadmap, outsider):
    signed_in(client, outsider)

    assert client.get(progress_url(roadmap)).status_code == 404


def test_a_viewer_is_refused(client, queued, roadmap, viewer):
    signed_in(client, viewer)

    assert client.get(progress_url(roadmap)).status_code == 403


def test_signed_out_goes_to_sign_in(client, queued, roadmap):
    client.logout()
    response = client.get(progress_url(roadmap))

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_progress_page_is_get_only(client, queued, roadmap):
    assert client.post(progress_url(roadmap)).status_code == 405


def test_the_progress_page_queries_do_not_grow_with_the_rows(client, queued, roadmap):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(progress_url(roadmap)).status_code == 200
        return len(captured)

    few = queries()
    staged = StagedImport.objects.get()
    StagedImport.objects.filter(pk=staged.pk).update(
        rows=staged.rows * 10, rows_total=staged.rows_total * 10
    )
    assert queries() == few
