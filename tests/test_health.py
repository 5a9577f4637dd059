"""GET /healthz: what a load balancer and `docker compose` ask before sending traffic."""

import json
import time
from unittest import mock

import kombu
import pytest
from django.db import OperationalError, connection

from config import health

from .conftest import database_url_for_tests
from .silent_dependency import SilentServer, run_django

pytestmark = pytest.mark.django_db


def test_healthz_is_ok_when_the_database_and_broker_answer(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"database": "ok", "broker": "ok", "status": "ok"}


def test_healthz_needs_no_sign_in_and_is_never_cached(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_does_not_answer(client):
    with mock.patch.object(
        connection, "cursor", side_effect=OperationalError("could not connect to server")
    ):
        response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["database"] == "unavailable"
    assert body["status"] == "unavailable"
    assert "could not connect" not in response.content.decode()


def test_healthz_reports_a_broker_that_fails_its_check(client):
    refused = kombu.exceptions.OperationalError(
        "Error 111 connecting to redis. Connection refused."
    )
    failing = mock.MagicMock()
    failing.__enter__.return_value.ensure_connection.side_effect = refused
    with mock.patch.object(health.celery_app, "connection_for_write", return_value=failing):
        response = client.get("/healthz")

    assert response.status_code == 200, "the web app still serves pages without the broker"
    assert response.json() == {"database": "ok", "broker": "unavailable", "status": "ok"}
    assert "Connection refused" not in response.content.decode()


def test_healthz_answers_quickly_when_nothing_listens_at_the_broker_address(client):
    unreachable = kombu.Connection("redis://127.0.0.1:1/0")  # nothing listens on port 1
    with mock.patch.object(health.celery_app, "connection_for_write", return_value=unreachable):
        started = time.monotonic()
        response = client.get("/healthz")
        elapsed = time.monotonic() - started

    assert response.json()["broker"] == "unavailable"
    assert elapsed < 10, "a health check must not hang on a dead broker"


def test_healthz_reports_both_when_neither_answers(client):
    with (
        mock.patch.object(connection, "cursor", side_effect=OperationalError("down")),
        mock.patch.object(
            health.celery_app, "connection_for_write", side_effect=ConnectionRefusedError()
        ),
    ):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {
        "database": "unavailable",
        "broker": "unavailable",
        "status": "unavailable",
    }


def test_healthz_only_answers_get(client):
    assert client.post("/healthz").status_code == 405


# A silent dependency: accepts connections, never answers (finding 1) -------------

HEALTHZ_BUDGET = 6  # seconds: the broker's 2 s connect and read, and margin for a busy machine

TIMED_HEALTHZ = """
import json, time
from django.test import Client
started = time.monotonic()
response = Client().get("/healthz", headers={"host": "localhost"})
print(json.dumps({"status": response.status_code, "body": response.json(),
                  "seconds": time.monotonic() - started}))
"""


@pytest.fixture
def silent():
    server = SilentServer()
    yield server
    server.close()


def timed_healthz(**env: str) -> dict:
    done = run_django(TIMED_HEALTHZ, **env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.django_db(transaction=True)
def test_healthz_answers_within_budget_naming_a_silent_broker(silent):
    result = timed_healthz(
        REDIS_URL=f"redis://127.0.0.1:{silent.port}/0", DATABASE_URL=database_url_for_tests()
    )

    assert result["seconds"] < HEALTHZ_BUDGET, result
    assert result["status"] == 200, "pages still work without the broker"
    assert result["body"] == {"database": "ok", "broker": "unavailable", "status": "ok"}
    assert silent.accepted, "the check did reach the silent broker"


def test_healthz_answers_within_budget_naming_a_silent_database(silent):
    result = timed_healthz(DATABASE_URL=f"postgres://roadmap@127.0.0.1:{silent.port}/roadmap")

    assert result["seconds"] < HEALTHZ_BUDGET, result
    assert result["status"] == 503
    assert result["body"]["database"] == "unavailable"
    assert result["body"]["status"] == "unavailable"


def test_web_requests_have_a_statement_timeout_on_postgresql(settings):
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("the statement timeout is a PostgreSQL setting")
    from django.db import connection as db

    with db.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == f"{int(settings.DATABASE_STATEMENT_TIMEOUT)}s"
    assert settings.DATABASES["default"]["OPTIONS"]["connect_timeout"] == 3
