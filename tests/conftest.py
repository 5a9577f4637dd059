"""Shared fixtures: personas in two agencies, an isolated media folder and
Celery queue, and a real Celery worker process for the tests that need one.

Under CI=true the real PostgreSQL and Redis are required: a missing
DATABASE_URL or REDIS_URL fails the run instead of quietly using SQLite.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.test.utils import override_settings
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from agencies.models import Membership, Organisation, Role
from config.celery import app as celery_app
from roadmap.models import Objective, Roadmap
from roadmap.services.components import components_seed

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI", "").lower() == "true"
TEST_PASSWORD = "correct-horse-battery-staple"
TEST_QUEUE = f"roadmap-test-{uuid.uuid4().hex[:8]}"


# Hypothesis (tests/property/): under CI=true the same examples every run (derandomize),
# few enough to keep the property tests within about a minute, no per-example deadline
# (a shared CI machine is slow now and then), and no example database written.
# HYPOTHESIS_PROFILE=thorough searches harder, on purpose.
hypothesis_settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=20,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
hypothesis_settings.register_profile(
    "dev", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.register_profile(
    "thorough", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("ci" if IN_CI else os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def pytest_sessionstart(session):
    if IN_CI:
        missing = [name for name in ("DATABASE_URL", "REDIS_URL") if not os.environ.get(name)]
        if missing:
            pytest.exit(f"CI=true but {', '.join(missing)} is not set.", returncode=1)
    # Our own queue, so a developer's running worker never takes a test's job.
    celery_app.conf.task_default_queue = TEST_QUEUE


def pytest_sessionfinish(session, exitstatus):
    try:
        with celery_app.connection_for_write() as conn:
            conn.default_channel.queue_delete(TEST_QUEUE)
    except Exception:  # noqa: S110 - the queue may never have been declared
        pass


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory):
    path = tmp_path_factory.mktemp("media")
    # MD5 only in tests: the real hasher makes every test user cost ~0.8 s.
    with override_settings(
        MEDIA_ROOT=path, PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    ):
        yield path


# Personas -----------------------------------------------------------------


def make_member(django_user_model, organisation, username, role):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.gov", password=TEST_PASSWORD
    )
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture
def agency(db):
    return Organisation.objects.create(name="Agency A", slug="agency-a")


@pytest.fixture
def other_agency(db):
    return Organisation.objects.create(
        name="Agency B", slug="agency-b", classification_marking="OFFICIAL-SENSITIVE"
    )


@pytest.fixture
def admin_user(django_user_model, agency):
    return make_member(django_user_model, agency, "alice-admin", Role.ADMIN)


@pytest.fixture
def lead(django_user_model, agency):
    return make_member(django_user_model, agency, "lena-lead", Role.LEAD)


@pytest.fixture
def editor(django_user_model, agency):
    return make_member(django_user_model, agency, "eddie-editor", Role.EDITOR)


@pytest.fixture
def viewer(django_user_model, agency):
    return make_member(django_user_model, agency, "vik-viewer", Role.VIEWER)


@pytest.fixture
def outsider(django_user_model, other_agency):
    """A lead of agency B: powerful there, nobody in agency A."""
    return make_member(django_user_model, other_agency, "olga-outsider", Role.LEAD)


@pytest.fixture(autouse=True)
def component_kinds(request):
    """The seven kinds of component are reference data a migration loads. A
    transactional test empties every table when it ends, so the ones after it
    get them back here."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        return
    from importlib import import_module

    from django.apps import apps

    request.getfixturevalue("transactional_db")
    import_module("roadmap.migrations.0007_component_kinds").add_kinds(apps)
    import_module("assessments.frameworks").load_frameworks(apps)  # and the frameworks


@pytest.fixture
def roadmap(agency):
    roadmap = Roadmap.objects.create(
        organisation=agency,
        title="Digital roadmap 2026 to 2030",
        slug="digital-2026",
        horizon_start_year=2026,
        horizon_end_year=2030,
        vision="Every service digital by default.",
    )
    components_seed(roadmap=roadmap)  # as roadmap_create does
    Objective.objects.create(roadmap=roadmap, title="Services online", position=0)
    return roadmap


@pytest.fixture
def other_roadmap(other_agency):
    roadmap = Roadmap.objects.create(
        organisation=other_agency,
        title="Agency B's secret roadmap",
        slug="digital-2026",
        horizon_start_year=2026,
        horizon_end_year=2028,
        vision="Not for agency A.",
    )
    components_seed(roadmap=roadmap)
    return roadmap


@pytest.fixture
def request_persona(request):
    """Look a persona fixture up by name, for parametrized tests."""
    return request.getfixturevalue


# A real Celery worker --------------------------------------------------------


def database_url_for_tests() -> str:
    """The URL of the test database that pytest-django created, for another process."""
    from django.db import connection

    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    user = db.get("USER") or ""
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{auth}{db.get('HOST') or '127.0.0.1'}{port}/{db['NAME']}"


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, django_db_blocker, media_root, tmp_path_factory):
    """A `celery worker` subprocess on the test database, broker and queue."""
    log_path = tmp_path_factory.mktemp("worker") / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": database_url_for_tests(),
        "MEDIA_ROOT": str(media_root),
        "CELERY_QUEUE": TEST_QUEUE,
        "PYTHONUNBUFFERED": "1",
    }
    if settings.CELERY_BROKER_URL.startswith("filesystem"):
        env["VAR_DIR"] = str(settings.VAR_DIR)
    celery = shutil.which("celery", path=str(Path(sys.executable).parent)) or "celery"
    from config.celery import app as celery_app

    try:  # the worker starts on an empty queue: nothing left by earlier tests
        with celery_app.connection_for_write() as conn:
            conn.default_channel.queue_purge(TEST_QUEUE)
    except Exception:  # noqa: S110 - a queue never declared has nothing to purge
        pass
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                celery,
                "-A",
                "config",
                "worker",
                "--pool=solo",
                "--loglevel=INFO",
                "-Q",
                TEST_QUEUE,
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 60
    while b"ready." not in log_path.read_bytes():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"The Celery worker did not start:\n{log_path.read_text()}")
        time.sleep(0.2)
    yield process
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
