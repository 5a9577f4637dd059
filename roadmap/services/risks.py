"""Writes to a roadmap's risks and the initiatives each threatens."""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from ui.concurrency import Refused, editor, locked, only_known_fields, save_revised
from ui.ordering import next_position

from ..models import Initiative, Risk, RiskStatus, Roadmap
from ._checks import check_fields

# What the risk form edits (besides its initiatives), in the order it shows them.
FIELDS = ("title", "description", "likelihood", "impact", "owner", "mitigation", "status")


def _checked(risk: Risk, initiatives: Iterable[Initiative]) -> list[Initiative]:
    """The rules a form applies, for any caller."""
    risk.title = risk.title.strip()
    check_fields(risk, FIELDS)
    initiatives = list(initiatives)
    if any(initiative.roadmap_id != risk.roadmap_id for initiative in initiatives):
        raise Refused("initiatives", "Choose initiatives of this roadmap.")
    return initiatives


@transaction.atomic
def risk_create(
    *,
    roadmap: Roadmap,
    title: str,
    likelihood: int,
    impact: int,
    description: str = "",
    owner: AbstractBaseUser | None = None,
    mitigation: str = "",
    status: str = RiskStatus.OPEN,
    initiatives: Iterable[Initiative] = (),
    by: AbstractBaseUser | None = None,
) -> Risk:
    risk = Risk(
        roadmap=roadmap,
        title=title,
        description=description,
        likelihood=likelihood,
        impact=impact,
        owner=owner,
        mitigation=mitigation,
        status=status,
        updated_by=editor(by),
    )
    chosen = _checked(risk, initiatives)
    locked(roadmap)  # two editors adding at once get distinct positions
    risk.position = next_position(roadmap.risks.all())
    risk.save()
    risk.initiatives.set(chosen)
    return risk


@transaction.atomic
def risk_update(
    *,
    risk: Risk,
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
    initiatives: Iterable[Initiative] | None = None,
    **fields,
) -> Risk:
    """Change the fields given (any of FIELDS) and, when given, the initiatives it
    threatens. `revision` is the one the user saw: a save over a later one is refused."""
    only_known_fields(fields, FIELDS, "risk_update")
    for name, value in fields.items():
        setattr(risk, name, value)
    chosen = _checked(risk, risk.initiatives.all() if initiatives is None else initiatives)
    save_revised(risk, fields=FIELDS, revision=revision, by=by)
    if initiatives is not None:
        risk.initiatives.set(chosen)
    return risk


@transaction.atomic
def risk_delete(*, risk: Risk) -> None:
    risk.delete()
