"""What a member owns, asked of every app that gives members things to own.

Agencies know nothing of objectives or KPIs (they import no other domain app),
so each app that has owners registers, once, in its AppConfig.ready():

    ownership.register(
        name="objectives",
        owned=lambda *, organisation, user: Objective.objects.filter(...),
        transfer=lambda *, organisation, user, to, by: ...,
    )

`owned` returns a queryset of what `user` owns in `organisation`; `transfer`
gives all of it to `to` (a member, or None for nobody) and returns how many.
Removing a member, or lowering their role, asks who takes over through
`holdings` and `holdings_transfer`, instead of silently clearing owners.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet


@dataclass(frozen=True)
class Kind:
    name: str  # plural, lower case: "objectives"
    singular: str  # "objective"
    owned: Callable[..., QuerySet]
    transfer: Callable[..., int]


@dataclass(frozen=True)
class Holding:
    kind: Kind
    count: int

    def __str__(self) -> str:
        return f"{self.count} {self.kind.singular if self.count == 1 else self.kind.name}"


_KINDS: dict[str, Kind] = {}


def register(
    *,
    name: str,
    singular: str,
    owned: Callable[..., QuerySet],
    transfer: Callable[..., int],
) -> None:
    """Declare a kind of thing members own. Registering a name again replaces it."""
    _KINDS[name] = Kind(name=name, singular=singular, owned=owned, transfer=transfer)


def kinds() -> list[Kind]:
    return list(_KINDS.values())


def holdings(*, organisation, user) -> list[Holding]:
    """What `user` owns in `organisation`, one entry per kind they own any of."""
    found = [
        Holding(kind=kind, count=kind.owned(organisation=organisation, user=user).count())
        for kind in _KINDS.values()
    ]
    return [holding for holding in found if holding.count]


def holdings_transfer(*, organisation, user, to, by) -> list[Holding]:
    """Give everything `user` owns in `organisation` to `to` (or to nobody: None)."""
    moved = [
        Holding(kind=kind, count=kind.transfer(organisation=organisation, user=user, to=to, by=by))
        for kind in _KINDS.values()
    ]
    return [holding for holding in moved if holding.count]


def describe(found: list[Holding]) -> str:
    """ "3 objectives and 1 KPI"."""
    parts = [str(holding) for holding in found]
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"
