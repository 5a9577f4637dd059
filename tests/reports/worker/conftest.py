"""Real `celery worker` and `celery beat` processes, each in its own process
group (so a test can kill a whole worker, pool children included), on the test
database, the test broker and a queue of their own."""

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from config.celery import app as celery_app

from ...conftest import ROOT, database_url_for_tests

CELERY = shutil.which("celery", path=str(Path(sys.executable).parent)) or "celery"


class CeleryProcesses:
    """Starts workers and beats that share one queue and one set of limits."""

    def __init__(self, *, queue: str, media_root: Path, logs: Path, limits: dict) -> None:
        self.queue, self.logs = queue, logs
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url_for_tests(),
            "MEDIA_ROOT": str(media_root),
            "CELERY_QUEUE": queue,
            "PYTHONUNBUFFERED": "1",
            **{name: str(value) for name, value in limits.items()},
        }
        if django_settings.CELERY_BROKER_URL.startswith("filesystem"):
            self.env["VAR_DIR"] = str(django_settings.VAR_DIR)
        self.started: list[subprocess.Popen] = []

    def _start(self, name: str, args: list[str], ready: bytes) -> subprocess.Popen:
        log_path = self.logs / f"{name}-{len(self.started)}.log"
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                [CELERY, "-A", "config", *args],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: killpg reaches its children
            )
        process.log_path = log_path
        self.started.append(process)
        deadline = time.monotonic() + 60
        while ready not in log_path.read_bytes():
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"celery {name} did not start:\n{log_path.read_text()}")
            time.sleep(0.2)
        return process

    def worker(self, concurrency: int = 1) -> subprocess.Popen:
        """A prefork worker: a main process and `concurrency` pool children."""
        return self._start(
            "worker",
            [
                "worker",
                "--pool=prefork",
                f"--concurrency={concurrency}",
                "--loglevel=INFO",
                "-Q",
                self.queue,
                f"--hostname=test-{uuid.uuid4().hex[:6]}@%h",
                "--without-gossip",
                "--without-mingle",
            ],
            b"ready.",
        )

    def beat(self) -> subprocess.Popen:
        schedule = self.logs / f"beat-schedule-{len(self.started)}"
        return self._start(
            "beat",
            ["beat", "--loglevel=INFO", f"--schedule={schedule}"],
            b"beat: Starting",
        )

    @staticmethod
    def kill_group(process: subprocess.Popen) -> None:
        """SIGKILL to the whole process group, as when a machine or container dies."""
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def stop_all(self) -> None:
        for process in self.started:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)

    def log(self) -> str:
        return "\n".join(f"--- {p.log_path.name}\n{p.log_path.read_text()}" for p in self.started)


# Limits lowered so recovery is seen in seconds (the defaults are in minutes).
FAST_LIMITS = {
    "REPORT_JOB_LEASE": 3,
    "REPORT_SWEEP_INTERVAL": 1,
    "REPORT_QUEUED_LIMIT": 8,
    "REPORT_MAX_ATTEMPTS": 3,
}


@pytest.fixture
def celery_processes(media_root, tmp_path, settings):
    queue = f"roadmap-test-{uuid.uuid4().hex[:8]}"
    # This test's jobs go to its own queue, which only its own workers read.
    session_queue = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = queue
    for name, value in FAST_LIMITS.items():
        setattr(settings, name, value)
    processes = CeleryProcesses(
        queue=queue, media_root=media_root, logs=tmp_path, limits=FAST_LIMITS
    )
    yield processes
    processes.stop_all()
    celery_app.conf.task_default_queue = session_queue
    try:
        with celery_app.connection_for_write() as conn:
            conn.default_channel.queue_delete(queue)
    except Exception:  # noqa: S110 - the queue may never have been declared
        pass
