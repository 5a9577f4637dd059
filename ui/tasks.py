"""Celery tasks of the shared UI: thin wrappers that take ids and call a service.

Only the worker imports this module (Celery's autodiscovery finds it); the web
queues the task by its name (`imports.APPLY_TASK`)."""

from celery import shared_task

from . import imports


@shared_task(
    name=imports.APPLY_TASK,
    acks_late=True,
    ignore_result=True,
    # A dead worker's message may come again: the import is no longer queued
    # then, so it does nothing, and its page fails it after imports.SILENT_FOR.
    reject_on_worker_lost=True,
    soft_time_limit=int(imports.SILENT_FOR.total_seconds()) * 3,
    time_limit=int(imports.SILENT_FOR.total_seconds()) * 3 + 60,
)
def apply_staged_import(staged_id: int, user_id: int) -> None:
    imports.staged_import_apply(staged_id=staged_id, user_id=user_id)
