"""What the stakeholders app's services check before they save (the same field
rules a form applies: roadmap/services/_checks.py), and that every related
object is this roadmap's."""

from collections.abc import Iterable

from roadmap.services._checks import check_fields
from ui.concurrency import Refused

__all__ = ["check_fields", "check_same_roadmap"]


def check_same_roadmap(roadmap_id: int, field: str, message: str, objects: Iterable) -> None:
    if any(obj is not None and obj.roadmap_id != roadmap_id for obj in objects):
        raise Refused(field, message)
