"""A large import through a real `celery worker` process, the real broker and
the real database: queued from the preview, applied in one transaction, its
progress seen by other connections while it runs; and a silent broker that
does not hang the request."""

import json
import time

import pytest
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.test import Client

from roadmap.models import Initiative
from tests.conftest import database_url_for_tests
from tests.helpers import signed_in, url
from tests.roadmap.views.test_imports import csv_file
from tests.silent_dependency import SilentServer, run_django
from ui import imports
from ui.models import ImportStatus, StagedImport

pytestmark = pytest.mark.django_db(transaction=True)

HEADERS = "Title,Component,Start month,End month"
APPLY_BUDGET = 8  # seconds: the broker's 2 s connect and read, one retry, and margin


@pytest.fixture
def component(roadmap):
    # A transactional test flushes the seeded components: make one when there is none.
    from roadmap.models import Component

    return roadmap.components.first() or Component.objects.create(
        roadmap=roadmap, name="Technology adoption"
    )


def staged_preview(client, roadmap, component, count):
    lines = [HEADERS, *(f"Initiative {n},{component.name},2026-04,2027-03" for n in range(count))]
    response = client.post(url("initiative-import", roadmap), {"file": csv_file("\n".join(lines))})
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response["Location"])


def wait_for_finish(timeout: float = 120) -> StagedImport:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        staged = StagedImport.objects.get()
        if staged.is_finished:
            return staged
        time.sleep(0.25)
    pytest.fail(f"Import still {StagedImport.objects.get().status} after {timeout}s")


@pytest.mark.worker
def test_the_worker_applies_a_large_import(
    celery_worker_process, settings, editor, roadmap, component
):
    settings.IMPORT_IN_REQUEST_ROWS = 5
    client = signed_in(Client(), editor)
    preview = staged_preview(client, roadmap, component, 30)

    response = client.post(
        preview.context["apply_url"], {"fingerprint": preview.context["plan"].fingerprint}
    )
    assert response["Location"] == url("initiative-import-progress", roadmap)
    staged = wait_for_finish()

    assert staged.status == ImportStatus.DONE, staged.message
    assert staged.message == "Imported 30 initiatives: 30 added, 0 updated, 0 unchanged"
    assert (staged.rows_done, staged.rows_total) == (30, 30)
    assert Initiative.objects.filter(title__startswith="Initiative ").count() == 30
    page = client.get(url("initiative-import-progress", roadmap)).content.decode()
    assert "Imported 30 initiatives: 30 added" in page


@pytest.mark.worker
def test_the_worker_imports_nothing_when_the_plan_changed(
    celery_worker_process, settings, editor, roadmap, component
):
    settings.IMPORT_IN_REQUEST_ROWS = 5
    client = signed_in(Client(), editor)
    preview = staged_preview(client, roadmap, component, 10)
    StagedImport.objects.update(status=ImportStatus.QUEUED, fingerprint="a preview of before")
    StagedImport.objects.update(importer="roadmap:initiative", rows_total=10)

    from ui.tasks import apply_staged_import

    apply_staged_import.delay(StagedImport.objects.get().pk, editor.pk)
    staged = wait_for_finish()

    assert preview.status_code == 200
    assert staged.status == ImportStatus.FAILED
    assert "changed after you saw the preview" in staged.message
    assert not Initiative.objects.filter(title__startswith="Initiative ").exists()


def test_progress_is_seen_by_others_before_the_import_commits(editor, roadmap):
    staged = StagedImport.objects.create(
        user=editor, scope="x", filename="f.csv", columns=[], rows=[],
        status=ImportStatus.APPLYING, rows_total=10,
    )  # fmt: skip
    with transaction.atomic():  # as the worker's apply is
        writer = imports._Progress(staged.pk)
        try:
            writer(7)
        finally:
            writer.close()
        StagedImport.objects.filter(pk=0).update(rows_done=1)  # the transaction is open
        seen = StagedImport.objects.get(pk=staged.pk)

    assert seen.rows_done == 7
    assert seen.progress_at is not None


TIMED_APPLY = """
import json, time
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from ui.models import StagedImport
settings.IMPORT_IN_REQUEST_ROWS = 1
client = Client(headers={"host": "localhost"})
client.force_login(get_user_model().objects.get(username=USERNAME))
started = time.monotonic()
response = client.post(APPLY_URL, {"fingerprint": FINGERPRINT})
print(json.dumps({"status": response.status_code, "seconds": time.monotonic() - started,
                  "text": response.text, "staged": StagedImport.objects.get().status}))
"""


def test_a_silent_broker_does_not_hang_the_request_and_keeps_the_import(editor, roadmap, component):
    client = signed_in(Client(), editor)
    preview = staged_preview(client, roadmap, component, 3)
    code = (
        TIMED_APPLY.replace("USERNAME", repr(editor.username))
        .replace("APPLY_URL", repr(preview.context["apply_url"]))
        .replace("FINGERPRINT", repr(preview.context["plan"].fingerprint))
    )
    silent = SilentServer()
    try:
        done = run_django(
            code,
            REDIS_URL=f"redis://127.0.0.1:{silent.port}/0",
            DATABASE_URL=database_url_for_tests(),
        )
    finally:
        silent.close()

    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["seconds"] < APPLY_BUDGET, result["seconds"]
    assert result["status"] == 200
    assert "The import could not be started" in result["text"]
    assert result["staged"] == ImportStatus.STAGED
    assert not Initiative.objects.filter(title__startswith="Initiative ").exists()


def test_an_import_failed_meanwhile_as_silent_is_rolled_back(
    settings, editor, roadmap, component, monkeypatch
):
    """The progress page failed it (no sign of life) while the worker still ran:
    the worker sees it before committing and keeps nothing."""
    settings.IMPORT_IN_REQUEST_ROWS = 1
    client = signed_in(Client(), editor)
    preview = staged_preview(client, roadmap, component, 3)
    staged = StagedImport.objects.get()
    StagedImport.objects.filter(pk=staged.pk).update(
        status=ImportStatus.QUEUED,
        importer="roadmap:initiative",
        fingerprint=preview.context["plan"].fingerprint,
    )
    importer = imports.registered("roadmap:initiative")
    real_apply = type(importer).apply

    def apply_then_failed_by_the_page(self, parent, plan, present, by):
        real_apply(self, parent, plan, present, by)
        other = connections.create_connection(DEFAULT_DB_ALIAS)  # as the web's connection
        try:
            with other.cursor() as cursor:
                cursor.execute(
                    "UPDATE ui_stagedimport SET status = 'failed' WHERE id = %s", [staged.pk]
                )
        finally:
            other.close()

    monkeypatch.setattr(type(importer), "apply", apply_then_failed_by_the_page)
    imports.staged_import_apply(staged_id=staged.pk, user_id=editor.pk, progress=lambda n: None)

    assert StagedImport.objects.get().status == ImportStatus.FAILED
    assert not Initiative.objects.filter(title__startswith="Initiative ").exists()
