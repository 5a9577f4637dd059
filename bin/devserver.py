"""Run the development web server and a Celery worker together; Ctrl-C stops both.

The server listens on $HOST:$PORT (default 127.0.0.1:8000)."""

import contextlib
import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent


def main() -> int:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
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
    address = f"{os.environ.get('HOST') or '127.0.0.1'}:{os.environ.get('PORT') or '8000'}"
    web = subprocess.Popen(  # noqa: S603 - our own address from the environment, no shell
        [sys.executable, "manage.py", "runserver", address], cwd=ROOT, env=env
    )
    children = [web, worker]
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
