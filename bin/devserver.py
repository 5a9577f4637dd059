"""Run the development web server, a Celery worker and Celery beat together.

Ctrl-C stops all three. Beat sends the periodic sweep that re-queues report
jobs whose worker died (see README, "Background work"). The server listens on
$HOST:$PORT (default 127.0.0.1:8000).
"""

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def main() -> int:
    # DEBUG is off unless set; this is the development server, so say so (an
    # explicit DEBUG=0 in the environment still wins).
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.setdefault("DEBUG", "1")
    beat_schedule = Path(os.environ.get("VAR_DIR", ROOT / "var")) / "celerybeat-schedule"
    beat_schedule.parent.mkdir(parents=True, exist_ok=True)
    worker = subprocess.Popen(  # noqa: S603 - fixed arguments
        [
            str(VENV_BIN / "celery"),
            "-A",
            "config",
            "worker",
            "--loglevel=INFO",
            "--concurrency=1",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=env,
    )
    beat = subprocess.Popen(  # noqa: S603 - fixed arguments
        [
            str(VENV_BIN / "celery"),
            "-A",
            "config",
            "beat",
            "--loglevel=INFO",
            f"--schedule={beat_schedule}",
        ],
        cwd=ROOT,
        env=env,
    )
    address = f"{os.environ.get('HOST') or '127.0.0.1'}:{os.environ.get('PORT') or '8000'}"
    web = subprocess.Popen(  # noqa: S603 - our own address from the environment, no shell
        [sys.executable, "manage.py", "runserver", address], cwd=ROOT, env=env
    )
    children = [web, worker, beat]
    try:
        # Whichever stops first (or Ctrl-C) stops the other.
        while all(child.poll() is None for child in children):
            with contextlib.suppress(subprocess.TimeoutExpired):
                web.wait(timeout=1)
    except KeyboardInterrupt:
        pass
    finally:
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in children:
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
