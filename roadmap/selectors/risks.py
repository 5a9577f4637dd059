"""Reads of a roadmap's risks, for their page (with the heat map) and an
initiative's page, in a fixed number of queries."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from ..models import Initiative, Risk, Roadmap
from .addresses import Link, addresses_in, row_actions


def _knowing(roadmap: Roadmap, risks) -> list[Risk]:
    """Each risk, and the initiatives it threatens, told their roadmap."""
    risks = list(risks)
    for risk in risks:
        risk.roadmap = roadmap
        for initiative in risk.initiatives.all():
            initiative.roadmap = roadmap
    return risks


def by_score(risks: list[Risk]) -> list[Risk]:
    """Highest score first; among equal scores, the more likely, then the older."""
    return sorted(risks, key=lambda risk: (-risk.score, -risk.likelihood, risk.position, risk.pk))


def risks_of(roadmap: Roadmap) -> list[Risk]:
    """The roadmap's risks, highest score first, each with its owner, the
    initiatives it threatens as links (`threats`) and its row's `actions`: two
    queries, and the addresses reversed once for the whole list (addresses.py)."""
    risks = list(
        roadmap.risks.select_related("owner").prefetch_related(
            Prefetch(
                "initiatives",
                queryset=Initiative.objects.order_by("title").only("pk", "title"),
                to_attr="threatened",
            )
        )
    )
    initiative_url = addresses_in(roadmap, "roadmap:initiative-detail")
    actions = row_actions(roadmap, Risk.url_name)
    for risk in risks:
        risk.roadmap = roadmap
        risk.threats = [Link(each.title, initiative_url(each.pk)) for each in risk.threatened]
        risk.actions = actions(risk.pk)
    return by_score(risks)


def risks_of_initiative(initiative: Initiative) -> list[Risk]:
    """The risks to one initiative, highest score first: one query."""
    risks = list(initiative.risks.select_related("owner"))
    for risk in risks:
        risk.roadmap = initiative.roadmap
    return by_score(risks)


def risk_for(roadmap: Roadmap, pk: int) -> Risk:
    risk = get_object_or_404(
        roadmap.risks.select_related("owner").prefetch_related(
            Prefetch("initiatives", queryset=Initiative.objects.order_by("title"))
        ),
        pk=pk,
    )
    return _knowing(roadmap, [risk])[0]
