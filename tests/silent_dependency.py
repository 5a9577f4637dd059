"""A dependency that accepts connections and never answers (a half-dead Redis or
PostgreSQL, a network black hole), and a way to run code in a fresh Django
process pointed at it, with the settings as production loads them."""

import os
import socket
import subprocess
import sys
import threading

from .conftest import ROOT


class SilentServer:
    """Listens on 127.0.0.1, accepts every connection, reads nothing, answers nothing."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0), backlog=128)
        self.port = self.socket.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            self.accepted.append(connection)  # kept open, never answered

    def close(self) -> None:
        self.socket.close()
        for connection in self.accepted:
            connection.close()


def run_django(code: str, timeout: float = 60, **env: str) -> subprocess.CompletedProcess:
    """Run `code` after django.setup() in a new process with `env` on top of ours."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", **env}
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{code}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
