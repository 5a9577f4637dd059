"""Imports of the plan's tables from a spreadsheet, one module per concept
(initiatives, milestones, risks), filling in the pattern of ui/imports.py:
the columns (as the downloads in selectors/plan_tables.py write them), the
plan (each row added, updated or unchanged, by its natural key, with what it
names resolved and the form's rules applied, in a fixed number of queries)
and the apply (through the same services the forms use).

What every import here shares: finding a member by what a row calls them, the
roadmap's things by their names, and the model fields' own checks (ranges,
lengths) on the values a row gives.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from agencies.access import agency_members
from ui.imports import RowProblem

# What a row calls a member, for the pages and the template file.
MEMBER_DOC = (
    "A member of your agency: their e-mail address, user name or full name "
    "(as the downloads write it). Leave it empty for nobody."
)


class Members:
    """The agency's members, found by e-mail address, user name or full name,
    in any case. One query."""

    def __init__(self, organisation):
        self.by_name: dict[str, list] = {}
        for user in agency_members(organisation):
            keys = {user.get_username(), user.email, user.get_full_name().strip()}
            for key in {k.casefold() for k in keys if k}:
                self.by_name.setdefault(key, []).append(user)

    def find(self, text: str) -> tuple[Any, str | None]:
        """(the member, None) or (None, why not)."""
        found = self.by_name.get(" ".join(text.split()).casefold(), [])
        if len(found) == 1:
            return found[0], None
        if found:
            return None, f"more than one member is called “{text}”: use their e-mail address."
        return None, f"no member of your agency is called “{text}”."

    def resolve(self, values: dict[str, Any], key: str) -> str | None:
        """Put the member that `values[key]` names in its place (None for an empty
        cell; nothing when the file has no such column). Says why, if not one
        member is called that."""
        if values.get(key):
            values[key], why = self.find(values[key])
            return why
        if key in values:
            values[key] = None
        return None


def field_problems(
    model: type[models.Model], line: int, headers: dict[str, str], values: dict[str, Any]
) -> list[RowProblem]:
    """The model fields' own validators (ranges of roadmap/rules/bounds.py) on
    the plain values a row gives; relations are resolved elsewhere."""
    problems = []
    for key, value in values.items():
        try:
            field = model._meta.get_field(key)
        except Exception:  # noqa: S112 - not a model field (a list of names, a sponsor)
            continue
        if field.is_relation or value is None or value == "":
            continue
        try:
            field.run_validators(value)
        except ValidationError as error:
            problems.append(RowProblem(line, f"{headers[key]}: {error.messages[0]}"))
    return problems


def unknown_names(wanted: Iterable[str], known: dict, what: str) -> str | None:
    """The message for the names of `wanted` that `known` (by case-folded name)
    lacks, or None."""
    missing = [name for name in wanted if name.casefold() not in known]
    if not missing:
        return None
    said = ", ".join(f"“{name}”" for name in missing)
    return f"this roadmap has no {what} called {said}."


def resolve_names(values: dict[str, Any], key: str, known: dict, what: str) -> str | None:
    """Put what the names in `values[key]` name (of `known`, by case-folded name)
    in their place, when the file has that column; the message for the names
    `known` lacks, or None."""
    if key not in values:
        return None
    missing = unknown_names(values[key], known, what)
    values[key] = [known[n.casefold()] for n in values[key] if n.casefold() in known]
    return missing
