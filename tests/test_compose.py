"""docker-compose.yml cannot drift from what works: its exact migrate, web,
worker and beat commands run here natively (there is no container engine),
with its environment and .env.example, against the local PostgreSQL and Redis."""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
import yaml
from django.conf import settings

from config.celery import app as celery_app
from reports.models import ReportJobStatus
from reports.services import jobs

from .conftest import ROOT, database_url_for_tests

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
VENV_BIN = Path(sys.executable).parent


def interpolate(value: str, variables: dict) -> str:
    """Compose's `${NAME:-default}`, `${NAME:?message}` and `${NAME}`."""

    def one(match: re.Match) -> str:
        name, op, rest = match.group(1), match.group(2), match.group(3)
        if variables.get(name):
            return variables[name]
        if op == ":-":
            return rest
        raise AssertionError(f"compose needs {name}: {rest}")

    return re.sub(r"\$\{(\w+)(?:(:-|:\?)([^}]*))?\}", one, value)


def env_file(path: Path) -> dict:
    pairs = {}
    for line in path.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            pairs[name.strip()] = value.strip()
    return pairs


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def compose_env(media_root, tmp_path):
    """What a service container sees: .env (from .env.example, with the secrets
    a deployment sets), then the compose file's environment, then the URLs of
    the local PostgreSQL and Redis in place of the `db` and `redis` services."""
    port = free_port()
    dotenv = {
        **env_file(ROOT / ".env.example"),
        "SECRET_KEY": "compose-test-" + uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "POSTGRES_PASSWORD": "compose-test",
        "PORT": str(port),
    }
    service_env = {
        name: interpolate(str(value), dotenv)
        for name, value in COMPOSE["x-app"]["environment"].items()
    }
    assert set(service_env) == {"DATABASE_URL", "REDIS_URL"}
    base = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DEBUG", "DJANGO_SETTINGS_MODULE"} and not name.startswith("SECURE_")
    }
    env = {
        **base,
        **dotenv,
        **service_env,
        "DATABASE_URL": database_url_for_tests(),
        "REDIS_URL": settings.CELERY_BROKER_URL,
        "MEDIA_ROOT": str(media_root),
        "CELERY_QUEUE": f"roadmap-compose-{uuid.uuid4().hex[:8]}",
        "REPORT_SWEEP_INTERVAL": "1",
        "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONUNBUFFERED": "1",
    }
    return {"env": env, "dotenv": dotenv, "port": port, "logs": tmp_path}


def command(service: str, dotenv: dict) -> list[str]:
    words = [interpolate(str(word), dotenv) for word in COMPOSE["services"][service]["command"]]
    if words[0] == "python":
        words[0] = sys.executable
    return words


@pytest.fixture
def started(compose_env):
    processes = []

    def start(service: str) -> subprocess.Popen:
        log_path = compose_env["logs"] / f"{service}.log"
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                command(service, compose_env["dotenv"]),
                cwd=ROOT,
                env=compose_env["env"],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        process.log_path = log_path
        processes.append(process)
        return process

    yield start
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def wait_until(check, timeout: float, what: str, logs=()) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.3)
    pytest.fail(f"{what} within {timeout}s\n" + "\n".join(p.read_text() for p in logs))


def test_the_compose_services_start_every_process_they_need():
    assert {"db", "redis", "migrate", "web", "worker", "beat"} <= set(COMPOSE["services"])
    for service in ("web", "worker", "beat"):
        assert COMPOSE["services"][service].get("command"), f"{service} states its command"


def test_the_compose_commands_run_natively(compose_env, started, roadmap, lead):
    assert shutil.which("gunicorn", path=compose_env["env"]["PATH"])
    migrate = subprocess.run(
        command("migrate", compose_env["dotenv"]),
        cwd=ROOT,
        env=compose_env["env"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert migrate.returncode == 0, migrate.stderr

    web, worker, beat = started("web"), started("worker"), started("beat")
    url = f"http://127.0.0.1:{compose_env['port']}/healthz"

    def healthy() -> bool:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.load(response) == {"database": "ok", "broker": "ok", "status": "ok"}
        except OSError:
            return False

    wait_until(healthy, 60, "the web command answered /healthz", [web.log_path])
    wait_until(
        lambda: b"ready." in worker.log_path.read_bytes(),
        60,
        "the worker started",
        [worker.log_path],
    )
    # Beat's sweep reaches the worker: the periodic task is wired end to end.
    wait_until(
        lambda: b"reports.sweep_report_jobs" in worker.log_path.read_bytes(),
        60,
        "the worker received beat's sweep",
        [beat.log_path, worker.log_path],
    )

    session_queue = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = compose_env["env"]["CELERY_QUEUE"]
    try:
        job = jobs.report_job_request(roadmap=roadmap, requested_by=lead)
    finally:
        celery_app.conf.task_default_queue = session_queue

    def finished() -> bool:
        job.refresh_from_db()
        return job.is_finished

    wait_until(finished, 120, "the worker rendered the job", [worker.log_path])
    assert job.status == ReportJobStatus.READY, job.error_message
