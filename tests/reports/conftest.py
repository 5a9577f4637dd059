"""Fixtures shared by the report tests: a socket that counts the connections the
renderer makes, and the production URL fetcher, recording each instance made."""

import socket

import pytest

from reports import pdf
from reports.fetcher import StaticOnlyURLFetcher


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
