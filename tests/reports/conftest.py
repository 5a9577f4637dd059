"""Fixtures shared by the report tests: a job, plain-failure checks, a socket that
counts the connections the renderer makes, and the production URL fetcher,
recording each instance made."""

import socket
from unittest import mock

import pytest

from reports import pdf
from reports.fetcher import StaticOnlyURLFetcher
from reports.models import ReportJob
from reports.services import rendering

INTERNAL_DETAIL = "psycopg: secret-host.internal refused user=roadmap"


@pytest.fixture
def job(roadmap, lead):
    return ReportJob.objects.create(roadmap=roadmap, requested_by=lead, options={"version": 1})


def render_raising(error: BaseException):
    """The PDF engine failing with `error`."""
    return mock.patch.object(rendering, "render_roadmap_report", side_effect=error)


def assert_plain_failure(message: str) -> None:
    """A message a programme lead can act on, with nothing from the inside."""
    assert message
    assert "try again" in message.lower()
    assert INTERNAL_DETAIL not in message
    assert "Traceback" not in message
    assert "Error(" not in message


class ConnectionTrap:
    """A TCP socket listening on 127.0.0.1 that counts the connections made to it.

    The kernel completes a loopback connection before connect() returns, so
    anything the renderer opened is waiting in the backlog once it is done.
    """

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0), backlog=64)
        self.socket.setblocking(False)
        self.port = self.socket.getsockname()[1]

    def connections(self) -> int:
        count = 0
        while True:
            try:
                connection, _ = self.socket.accept()
            except BlockingIOError:
                return count
            connection.close()
            count += 1


@pytest.fixture
def trap():
    trap = ConnectionTrap()
    yield trap
    trap.socket.close()


class RecordingFetcher(StaticOnlyURLFetcher):
    """The production fetcher, remembering each instance the renderer makes."""

    made: list["RecordingFetcher"] = []

    def __init__(self) -> None:
        super().__init__()
        RecordingFetcher.made.append(self)


@pytest.fixture
def recording_fetcher(monkeypatch):
    RecordingFetcher.made = []
    monkeypatch.setattr(pdf, "StaticOnlyURLFetcher", RecordingFetcher)
    return RecordingFetcher
