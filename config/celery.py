"""The Celery app. Tasks live in each app's tasks.py and are thin wrappers."""

import os

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("roadmap_planner")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def allow_report_queries_their_time_limit(**kwargs) -> None:
    """The web's statement timeout suits a page, not a long report: in the worker a
    statement may run as long as the report's hard time limit. Runs before the pool
    starts, so every pool process connects with it."""
    from django.conf import settings
    from django.db import connections

    for alias in connections:
        options = connections[alias].settings_dict.get("OPTIONS", {})
        if "statement_timeout" in options.get("options", ""):
            options["options"] = f"-c statement_timeout={settings.REPORT_TIME_LIMIT * 1000}"
            connections[alias].close()
