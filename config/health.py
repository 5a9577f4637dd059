"""GET /healthz: can we reach the database and the broker?

Each check is bounded by the short timeouts in settings (DATABASE_CONNECT_TIMEOUT,
DATABASE_STATEMENT_TIMEOUT, BROKER_CONNECT_TIMEOUT, BROKER_READ_TIMEOUT), so a
dependency that accepts connections and never answers is reported "unavailable"
within a few seconds instead of hanging the probe.
"""

import logging

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .celery import app as celery_app

logger = logging.getLogger(__name__)


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("Health check: database unavailable")
        return "unavailable"
    return "ok"


def _broker() -> str:
    try:
        with celery_app.connection_for_write() as conn:
            # One try: its connect and read are bounded by the broker timeouts.
            conn.ensure_connection(max_retries=0, timeout=settings.BROKER_CONNECT_TIMEOUT)
    except Exception:
        logger.exception("Health check: broker unavailable")
        return "unavailable"
    return "ok"


@never_cache
@require_GET
def healthz(request):
    checks = {"database": _database(), "broker": _broker()}
    status = 200 if checks["database"] == "ok" else 503
    return JsonResponse(
        {**checks, "status": "ok" if status == 200 else "unavailable"}, status=status
    )
