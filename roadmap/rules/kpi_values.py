"""Qualified KPI values, as roadmaps publish them: "more than 100", "190+" (at
least 190), "about 62%", "fewer than 30 incidents".

A qualifier says which side of the number the true figure is on. The status
rule (kpi_status) judges on the *conservative reading*: the figure the KPI is
surely at, in its better direction. "More than 100" surely is 100 or better
when higher is better; when lower is better it could be any size, so it has
no conservative reading and cannot be judged. "About 100" is read as 100.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from ui.formatting import format_value


class Qualifier(StrEnum):
    EXACTLY = "exactly"
    ABOUT = "about"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    FEWER_THAN = "fewer_than"

    @property
    def words(self) -> str:
        """How it reads before the number: "more than"; "" for exactly."""
        return _WORDS[self]

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def floor(self) -> bool:
        """The true figure is at or above the number."""
        return self in (Qualifier.AT_LEAST, Qualifier.MORE_THAN)

    @property
    def ceiling(self) -> bool:
        """The true figure is at or below the number."""
        return self in (Qualifier.AT_MOST, Qualifier.FEWER_THAN)

    @property
    def strict(self) -> bool:
        """The number itself is excluded: "more than 100" is not 100."""
        return self in (Qualifier.MORE_THAN, Qualifier.FEWER_THAN)


_WORDS = {
    Qualifier.EXACTLY: "",
    Qualifier.ABOUT: "about",
    Qualifier.AT_LEAST: "at least",
    Qualifier.MORE_THAN: "more than",
    Qualifier.AT_MOST: "at most",
    Qualifier.FEWER_THAN: "fewer than",
}
_LABELS = {**_WORDS, Qualifier.EXACTLY: "exactly"}
QUALIFIER_CHOICES = [(q.value, q.label.capitalize()) for q in Qualifier]


def format_qualified(value: Decimal | None, unit: str = "", qualifier: str = "") -> str:
    """ "more than 100 services", "about 62.5%", "1,250 days" (exactly)."""
    if value is None:
        return ""
    text = format_value(value, unit or "")
    words = Qualifier(qualifier or Qualifier.EXACTLY).words
    return f"{words} {text}" if words else text


def bound_problem(qualifier: str, *, higher_is_better: bool) -> bool:
    """True when a value with this qualifier has no conservative reading: the
    true figure may be any distance on the worse side ("more than 30 incidents"
    when fewer is better)."""
    qualifier = Qualifier(qualifier or Qualifier.EXACTLY)
    return qualifier.ceiling if higher_is_better else qualifier.floor


def qualifier_problem(value: Decimal | None, qualifier: str, *, what: str) -> str | None:
    """A qualifier needs a number to qualify: "Enter the target value that 'at
    least' qualifies, or choose 'exactly'." Form, admin and services ask this."""
    if value is None and (qualifier or Qualifier.EXACTLY) != Qualifier.EXACTLY:
        words = Qualifier(qualifier).words
        return f"Enter the {what} that “{words}” qualifies, or choose “exactly”."
    return None


def looks_like_commitment(
    baseline_value: Decimal | None, target_value: Decimal | None, unit: str = ""
) -> str:
    """A 0 -> 1 or 0 -> 100% "done" measure may be a yes/no commitment dressed as
    a KPI, which is a milestone (or an initiative): done or not, by a date.
    "yes_no" for 0 -> 1 (nothing can lie between), "maybe" for 0 -> 100% (a
    share that moves step by step is a real KPI), "" otherwise."""
    if baseline_value is None or target_value is None or baseline_value != 0:
        return ""
    if unit.strip().startswith("%"):
        return "maybe" if target_value == 100 else ""
    return "yes_no" if target_value == 1 else ""


COMMITMENT_TEXT = (
    "This looks like a yes/no commitment (from 0 to {target}), not a measure: a KPI "
    "that can only be 0 or done would print “Achieved” the day it is done and say "
    "nothing before. Record it as a milestone (it can belong to the roadmap as a whole, "
    "with a month as its date) or as an initiative."
)
