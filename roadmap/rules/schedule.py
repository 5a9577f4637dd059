"""The schedule rules of a roadmap: spans in months, dependencies, circles of
dependencies, schedule conflicts and the critical path.

- **Months.** An initiative runs from its start month to its end month, both
  included: it starts on the first day of its start month and ends on the last
  day of its end month. January to March is three months. Only the month of
  each date counts (the day is ignored). The end must be in or after the start
  month.
- **Dependencies** are finish-to-start: an initiative that depends on another
  (its prerequisite) may start once the prerequisite has ended.
- **Circles.** A dependency that would close a circle (A depends on B, B on C,
  C on A) is refused, and the message names every initiative in the circle.
  An initiative cannot depend on itself.
- **Conflicts.** A dependency is in conflict when the dependant starts in a
  month before the month in which its prerequisite ends. Starting in the same
  month as the prerequisite ends is allowed: month precision cannot say more.
  The conflict says by how many months the dependant starts too early.
- **The critical path** is the chain of dependent initiatives with the longest
  total duration: the sum of the months of every initiative on it (each
  counted inclusively). With no dependencies it is the single longest
  initiative. When chains tie, the one ending with the lowest key wins, and
  at each step back the prerequisite with the lowest key. A circle in the
  data (which the rules above refuse on the way in) is not ignored: the
  critical path raises `DependencyCycleError`, naming the circle.

Dependencies are pairs `(dependant, prerequisite)` of keys (primary keys):
hashable, and orderable so that results come in the same order every time.
Pure: no Django.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
Edge = tuple[K, K]  # (dependant, prerequisite)

SCHEDULE_RULE_TEXT = (
    "Dates are in whole months: an initiative starts on the first day of its start month "
    "and ends on the last day of its end month, so January to March is three months. "
    "Dependencies are finish-to-start: an initiative may start once what it depends on "
    "has ended. A dependency that would make a circle (A depends on B, and B on A, "
    "directly or through others) is refused. A dependency is in conflict when an "
    "initiative starts in a month before the month in which what it depends on ends; "
    "starting in that same month is allowed. The critical path is the chain of "
    "dependent initiatives with the longest total duration, adding up the months of "
    "every initiative on it; it is the chain that sets the earliest end of the whole "
    "roadmap."
)


class ScheduleError(ValueError):
    """A schedule that cannot be; `field` names the input to correct, when there is one."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class DependencyCycleError(ScheduleError):
    """The dependencies hold a circle; `cycle` is its path, first key repeated last."""

    def __init__(self, cycle: list):
        super().__init__("The dependencies make a circle.", field=None)
        self.cycle = cycle


def month_index(day: date) -> int:
    """A date's month as one number, so months subtract: January 2026 - December 2025 = 1."""
    return day.year * 12 + day.month - 1


def months_between(start: date, end: date) -> int:
    """Months from `start`'s month to `end`'s month, both included (Jan..Mar = 3)."""
    return month_index(end) - month_index(start) + 1


@dataclass(frozen=True)
class Span:
    """When an initiative runs: from its start month to its end month, both included."""

    start: date
    end: date

    def __post_init__(self):
        if month_index(self.end) < month_index(self.start):
            raise ScheduleError("The end must be in or after the start month.", field="end")

    @property
    def months(self) -> int:
        """The duration in months, counting the start and end months (Jan..Mar = 3)."""
        return months_between(self.start, self.end)


# Circles ----------------------------------------------------------------------


def dependency_cycle(edges: Iterable[Edge], new_edge: Edge) -> list | None:
    """The circle that adding `new_edge` to `edges` would make, or None.

    The circle is a path [A, B, C, A] in which each key depends on the next, so
    the message can name it; it is the shortest such circle. A dependency of an
    initiative on itself is the circle [A, A]. Only circles through the new
    dependency are looked for: the existing ones were checked as each was added.
    Breadth-first, without recursion: linear in the number of dependencies.
    """
    dependant, prerequisite = new_edge
    if dependant == prerequisite:
        return [dependant, dependant]
    prerequisites: dict = {}
    for after, before in edges:
        prerequisites.setdefault(after, []).append(before)
    # Does the prerequisite depend, directly or through others, on the dependant?
    came_from = {prerequisite: None}
    queue = deque([prerequisite])
    while queue:
        key = queue.popleft()
        if key == dependant:
            path = []
            step = key
            while step is not None:
                path.append(step)
                step = came_from[step]
            # path runs dependant ... prerequisite; the circle starts at the dependant.
            return [dependant, *reversed(path[1:]), dependant]
        for before in prerequisites.get(key, ()):
            if before not in came_from:
                came_from[before] = key
                queue.append(before)
    return None


def cycle_message(cycle: Sequence, names: Mapping) -> str:
    """The circle in plain words, every initiative named in quotes:
    'This would make a circle of dependencies: “A” depends on “B”, “B” depends on
    “C”, and “C” depends on “A”.'"""
    if len(cycle) < 2:
        raise ValueError("A circle needs at least two steps: [A, ..., A].")

    def quoted(key) -> str:
        return f"“{names[key]}”"

    if len(cycle) == 2 and cycle[0] == cycle[1]:
        return f"{quoted(cycle[0])} cannot depend on itself."
    steps = [f"{quoted(after)} depends on {quoted(before)}" for after, before in pairwise(cycle)]
    if len(steps) == 1:  # not a closed circle, but say it plainly anyway
        said = steps[0]
    elif len(steps) == 2:
        said = f"{steps[0]} and {steps[1]}"
    else:
        said = ", ".join(steps[:-1]) + f", and {steps[-1]}"
    return f"This would make a circle of dependencies: {said}."


# Conflicts --------------------------------------------------------------------


@dataclass(frozen=True)
class Conflict(Generic[K]):
    """A dependant that starts before the month in which its prerequisite ends.

    `overlap_months` is how many months too early it starts: the number of months
    it runs alongside its prerequisite before the prerequisite's end month, which is
    also how far it must move later to start in that month."""

    dependant: K
    prerequisite: K
    overlap_months: int


def conflicts(spans: Mapping[K, Span], edges: Iterable[Edge]) -> list[Conflict[K]]:
    """Every dependency in conflict, in order of the dependant's start month, then
    dependant key, then prerequisite key. Dependencies on or of initiatives without
    a span are skipped; a dependency given twice is reported once."""
    found = {}
    for dependant, prerequisite in edges:
        if dependant == prerequisite or dependant not in spans or prerequisite not in spans:
            continue
        early = month_index(spans[prerequisite].end) - month_index(spans[dependant].start)
        if early > 0:
            found[(dependant, prerequisite)] = Conflict(dependant, prerequisite, early)
    return sorted(
        found.values(),
        key=lambda c: (month_index(spans[c.dependant].start), c.dependant, c.prerequisite),
    )


# The critical path ------------------------------------------------------------


def critical_path(spans: Mapping[K, Span], edges: Iterable[Edge]) -> list[K]:
    """The chain of dependent initiatives with the longest total duration in months,
    first (the earliest prerequisite) to last. [] when there are no spans.

    Ties: the chain ending with the lowest key, and at each step back the
    prerequisite with the lowest key. Dependencies on or of keys without a span are
    ignored, and a dependency given twice counts once. A circle raises
    `DependencyCycleError` with the circle. Linear in spans + dependencies: one pass
    in topological order (Kahn's algorithm).
    """
    prerequisites: dict = {key: set() for key in spans}
    dependants: dict = {key: [] for key in spans}
    for dependant, prerequisite in edges:
        if dependant not in spans or prerequisite not in spans:
            continue
        if dependant == prerequisite:
            raise DependencyCycleError([dependant, dependant])
        if prerequisite not in prerequisites[dependant]:
            prerequisites[dependant].add(prerequisite)
            dependants[prerequisite].append(dependant)

    waiting = {key: len(before) for key, before in prerequisites.items()}
    ready = deque(key for key, count in waiting.items() if count == 0)
    total: dict = {}  # the longest chain ending at each key, in months
    previous: dict = {}  # that chain's step before the key
    while ready:
        key = ready.popleft()
        best = min(prerequisites[key], key=lambda b: (-total[b], b), default=None)
        total[key] = spans[key].months + (total[best] if best is not None else 0)
        previous[key] = best
        for after in dependants[key]:
            waiting[after] -= 1
            if waiting[after] == 0:
                ready.append(after)

    if len(total) < len(spans):
        raise DependencyCycleError(_a_cycle(prerequisites, set(spans) - set(total)))
    if not total:
        return []
    end = min(total, key=lambda key: (-total[key], key))
    path = []
    step = end
    while step is not None:
        path.append(step)
        step = previous[step]
    return path[::-1]


def chain_months(spans: Mapping[K, Span], chain: Iterable[K]) -> int:
    """The total duration of a chain: the sum of each initiative's months."""
    return sum(spans[key].months for key in chain)


def _a_cycle(prerequisites: Mapping, stuck: set) -> list:
    """A circle among `stuck`: keys Kahn's algorithm never freed, each of which
    still waits for another stuck key. Walk prerequisites until a key repeats."""
    start = min(stuck)
    seen: dict = {}
    path = []
    key = start
    while key not in seen:
        seen[key] = len(path)
        path.append(key)
        key = min(before for before in prerequisites[key] if before in stuck)
    return [*path[seen[key] :], key]
