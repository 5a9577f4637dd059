"""The Celery app: the worker's database statements may run as long as a report."""

import pytest
from django.db import connections

from config.celery import allow_report_queries_their_time_limit


@pytest.mark.django_db(transaction=True)  # it reconnects, as a worker does
def test_the_worker_raises_the_web_statement_timeout_to_the_report_time_limit(settings):
    options = connections["default"].settings_dict.setdefault("OPTIONS", {})
    if "statement_timeout" not in options.get("options", ""):
        pytest.skip("the statement timeout is a PostgreSQL setting")
    web = options["options"]
    assert web == f"-c statement_timeout={int(settings.DATABASE_STATEMENT_TIMEOUT * 1000)}"
    try:
        allow_report_queries_their_time_limit()

        with connections["default"].cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == f"{settings.REPORT_TIME_LIMIT // 60}min"
    finally:
        options["options"] = web
        connections["default"].close()
