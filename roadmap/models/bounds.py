"""Model field validators for the ranges in `roadmap.rules.bounds`.

A field lists them in `validators`, so ModelForms (the app's forms and the
admin) run them, and the services run them before saving through
`roadmap.services._checks.check_fields`: one rule, three places.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.deconstruct import deconstructible

from ..rules import bounds


@deconstructible
class InRange:
    """The value lies in the bound named `bound` of `roadmap.rules.bounds`; `what`
    names the field in the message ("a target date")."""

    def __init__(self, bound: str, what: str):
        if bound not in bounds.BOUNDS:
            raise ValueError(f"No bound called {bound!r} in roadmap.rules.bounds.")
        self.bound = bound
        self.what = what

    def __call__(self, value) -> None:
        message = bounds.problem(self.bound, value, self.what)
        if message:
            raise ValidationError(message, code="out_of_range")

    def __eq__(self, other) -> bool:
        return isinstance(other, InRange) and (self.bound, self.what) == (other.bound, other.what)

    def __hash__(self) -> int:
        return hash((self.bound, self.what))


@deconstructible
class NotInFuture:
    """The date is today or earlier, in the site's time zone; `what` names the field."""

    def __init__(self, what: str):
        self.what = what

    def __call__(self, value) -> None:
        message = bounds.future_problem(value, today=timezone.localdate(), what=self.what)
        if message:
            raise ValidationError(message, code="in_future")

    def __eq__(self, other) -> bool:
        return isinstance(other, NotInFuture) and self.what == other.what

    def __hash__(self) -> int:
        return hash(self.what)
