"""Reads of a roadmap's engagement log: the log (filtered), one interaction and
its follow-ups, the open follow-ups, and one stakeholder's history, each in a
fixed number of queries."""

from datetime import date

from django.db.models import F, Prefetch
from django.shortcuts import get_object_or_404

from roadmap.models import Roadmap

from ..models import FollowUp, Interaction, Stakeholder


def _stakeholders():
    return Prefetch("stakeholders", queryset=Stakeholder.objects.order_by("kind", "name", "pk"))


def _follow_ups():
    return Prefetch("follow_ups", queryset=FollowUp.objects.select_related("owner"))


def _knowing(roadmap: Roadmap, interactions) -> list[Interaction]:
    interactions = list(interactions)
    for interaction in interactions:
        interaction.roadmap = roadmap
        for stakeholder in interaction.stakeholders.all():
            stakeholder.roadmap = roadmap
        for follow_up in interaction.follow_ups.all():
            follow_up.interaction = interaction
    return interactions


def interactions_of(
    roadmap: Roadmap, *, stakeholder: Stakeholder | None = None, kind: str = ""
) -> list[Interaction]:
    """The log, newest first, each with who took part and its follow-ups: three queries."""
    interactions = roadmap.interactions.prefetch_related(_stakeholders(), _follow_ups())
    if stakeholder is not None:
        interactions = interactions.filter(stakeholders=stakeholder)
    if kind:
        interactions = interactions.filter(kind=kind)
    return _knowing(roadmap, interactions.order_by("-occurred_on", "-pk"))


def interaction_for(roadmap: Roadmap, pk: int) -> Interaction:
    interaction = get_object_or_404(
        roadmap.interactions.prefetch_related(_stakeholders(), _follow_ups()), pk=pk
    )
    return _knowing(roadmap, [interaction])[0]


def follow_up_for(interaction: Interaction, pk: int) -> FollowUp:
    follow_up = get_object_or_404(interaction.follow_ups.select_related("owner"), pk=pk)
    follow_up.interaction = interaction
    return follow_up


def interaction_of_follow_up(roadmap: Roadmap, pk: int) -> Interaction:
    """The interaction a follow-up of this roadmap belongs to (404 for another's)."""
    interaction_pk = get_object_or_404(
        FollowUp.objects.filter(interaction__roadmap=roadmap).values_list(
            "interaction_id", flat=True
        ),
        pk=pk,
    )
    return interaction_for(roadmap, interaction_pk)


def mark_overdue(follow_ups: list[FollowUp], today: date) -> list[FollowUp]:
    for follow_up in follow_ups:
        follow_up.overdue = (
            not follow_up.done and follow_up.due_on is not None and follow_up.due_on < today
        )
    return follow_ups


def open_follow_ups(
    roadmap: Roadmap, *, today: date, stakeholder: Stakeholder | None = None
) -> list[FollowUp]:
    """Follow-ups not done yet, soonest due first (undated last), overdue
    marked: one query."""
    follow_ups = FollowUp.objects.filter(interaction__roadmap=roadmap, done=False)
    if stakeholder is not None:
        follow_ups = follow_ups.filter(interaction__stakeholders=stakeholder)
    follow_ups = list(
        follow_ups.select_related("owner", "interaction").order_by(
            F("due_on").asc(nulls_last=True), "interaction__occurred_on", "pk"
        )
    )
    for follow_up in follow_ups:
        follow_up.interaction.roadmap = roadmap
    return mark_overdue(follow_ups, today)


def stakeholder_history(stakeholder: Stakeholder, *, today: date) -> dict:
    """One stakeholder's interactions (newest first), the sentiment over time
    (oldest first) and their open follow-ups: four queries."""
    roadmap = stakeholder.roadmap
    history = interactions_of(roadmap, stakeholder=stakeholder)
    return {
        "history": history,
        "trend": [(i.occurred_on, i.sentiment) for i in reversed(history)],
        "open_follow_ups": open_follow_ups(roadmap, today=today, stakeholder=stakeholder),
    }
