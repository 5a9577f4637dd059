"""GET /healthz: what a load balancer and `docker compose` ask before sending traffic."""

import time
from unittest import mock

import kombu
import pytest
from django.db import OperationalError, connection

from config import health

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
