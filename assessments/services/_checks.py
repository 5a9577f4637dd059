"""What the assessment's services share: the roadmap's field checks, and "this
year" for the year-introduced rule."""

from django.utils import timezone

from roadmap.services._checks import check_fields
from ui.concurrency import Refused

__all__ = ["Refused", "check_fields", "refuse_if", "this_year"]


def this_year() -> int:
    return timezone.localdate().year


def refuse_if(field: str, problem: str | None) -> None:
    if problem:
        raise Refused(field, problem)
