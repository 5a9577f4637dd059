"""Reads of RACI: an initiative's, with its accountable sponsor, in a fixed
number of queries."""

from dataclasses import dataclass, field

from roadmap.models import Initiative

from ..models import RaciAssignment, RaciRole, Stakeholder


@dataclass
class Raci:
    """Who is accountable (the initiative's sponsor, in words), and the
    stakeholders in each of the other three roles."""

    accountable: str
    accountable_detail: str
    responsible: list[Stakeholder] = field(default_factory=list)
    consulted: list[Stakeholder] = field(default_factory=list)
    informed: list[Stakeholder] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.responsible or self.consulted or self.informed)


def sponsor_words(initiative: Initiative) -> tuple[str, str]:
    """The accountable person's name, and their role and organisation ("" if none)."""
    if initiative.sponsor_id:
        user = initiative.sponsor
        return (user.get_full_name().strip() or user.get_username(), "")
    if initiative.sponsor_name:
        detail = ", ".join(
            p for p in (initiative.sponsor_role, initiative.sponsor_organisation) if p
        )
        return initiative.sponsor_name, detail
    return "", ""


def raci_of(initiative: Initiative) -> Raci:
    """One query (the sponsor is loaded with the initiative by its selectors)."""
    name, detail = sponsor_words(initiative)
    raci = Raci(accountable=name, accountable_detail=detail)
    assignments = RaciAssignment.objects.filter(initiative=initiative).select_related("stakeholder")
    for assignment in sorted(assignments, key=lambda a: a.stakeholder.name.casefold()):
        assignment.stakeholder.roadmap = initiative.roadmap
        getattr(raci, RaciRole(assignment.role).value).append(assignment.stakeholder)
    return raci
