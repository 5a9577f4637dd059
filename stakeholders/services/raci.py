"""Writes to an initiative's RACI: who is responsible, consulted and informed
(accountable is the initiative's sponsor, never stored here)."""

from collections.abc import Iterable

from django.db import transaction

from roadmap.models import Initiative
from ui.concurrency import Refused

from ..models import RaciAssignment, RaciRole, Stakeholder
from ..rules.raci import CHOSEN_ROLES, raci_problems


@transaction.atomic
def raci_set(
    *,
    initiative: Initiative,
    responsible: Iterable[Stakeholder] = (),
    consulted: Iterable[Stakeholder] = (),
    informed: Iterable[Stakeholder] = (),
    accountable: Iterable[Stakeholder] = (),
) -> list[RaciAssignment]:
    """Replace the initiative's RACI with the stakeholders given for each role.
    Refused: anyone named accountable, someone in two roles, a stakeholder of
    another roadmap."""
    chosen = {
        "responsible": list(responsible),
        "consulted": list(consulted),
        "informed": list(informed),
        "accountable": list(accountable),
    }
    problems = raci_problems(
        {role: [(s.pk, s.name) for s in people] for role, people in chosen.items()}
    )
    if problems:
        field, message = next(iter(problems.items()))
        raise Refused(None if field == "__all__" else field, message)
    for role in CHOSEN_ROLES:
        if any(s.roadmap_id != initiative.roadmap_id for s in chosen[role]):
            raise Refused(role, "Choose stakeholders in this roadmap's register.")
    Initiative.objects.select_for_update().filter(pk=initiative.pk).first()
    initiative.raci_assignments.all().delete()
    return RaciAssignment.objects.bulk_create(
        RaciAssignment(initiative=initiative, stakeholder=stakeholder, role=RaciRole(role))
        for role in CHOSEN_ROLES
        for stakeholder in chosen[role]
    )
