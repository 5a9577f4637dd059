"""The rules of the systems and processes inventory. Pure: no Django.

- Year introduced: from 1950 (no system predates electronic computing; legacy
  mainframes date from the 1960s) to this year (a system not yet introduced is
  not part of the current state).
- Annual running cost: not negative.
- Suggested gaps: every system marked migrate or eliminate, and every process
  still on paper, that no gap names yet.
"""

from __future__ import annotations

from decimal import Decimal

EARLIEST_YEAR = 1950
MIGRATE, ELIMINATE = "migrate", "eliminate"
SYSTEM_DECISIONS_THAT_ARE_GAPS = frozenset({MIGRATE, ELIMINATE})
PAPER, PARTLY_ONLINE = "paper", "partly_online"

YEAR_RULE_TEXT = f"The year introduced is from {EARLIEST_YEAR} (the first computers) to this year."


def year_problem(year: int | None, *, this_year: int) -> str | None:
    """The message for a year introduced outside 1950 to this year, or None."""
    if year is None:
        return None
    if year < EARLIEST_YEAR:
        return (
            f"Enter a year from {EARLIEST_YEAR} to {this_year}: {year} is before the first "
            "computers."
        )
    if year > this_year:
        return (
            f"Enter a year from {EARLIEST_YEAR} to {this_year}: {year} is in the future, and "
            "the inventory holds the systems in use now."
        )
    return None


def cost_problem(cost: Decimal | None) -> str | None:
    if cost is not None and not cost.is_finite():
        return "Enter the cost as a number, for example 125000 or 9999.50."
    if cost is not None and cost < 0:
        return "Enter a cost of 0 or more: a running cost cannot be negative."
    return None


def system_gap_title(name: str, lifecycle: str) -> str:
    """The title a suggested gap gets from a system to migrate or eliminate."""
    return f"Retire {name}" if lifecycle == ELIMINATE else f"Migrate {name}"


def process_gap_title(name: str) -> str:
    return f"Take {name} online"


# A system's business criticality gives a suggested gap's severity.
SEVERITY_OF_CRITICALITY = {"low": "low", "medium": "medium", "high": "high", "critical": "critical"}
