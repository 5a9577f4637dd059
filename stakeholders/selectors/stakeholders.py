"""Reads of a roadmap's stakeholder register, in a fixed number of queries, and
everything held about one person (the data-subject export)."""

from datetime import date
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from roadmap.models import Roadmap
from ui.formatting import format_date

from ..models import EntryKind, PersonalDataEvent, RaciAssignment, Stakeholder
from ..rules.stakeholders import review_due


def stakeholders_of(roadmap: Roadmap) -> QuerySet[Stakeholder]:
    """The register in its order, with each entry's relationship owner: one query
    (plus one for the groups when a caller iterates them)."""
    return roadmap.stakeholders.select_related("relationship_owner").order_by("position", "pk")


def register_of(roadmap: Roadmap) -> list[Stakeholder]:
    """The register with the groups each person is in and each group's members:
    three queries however many entries there are."""
    entries = list(
        stakeholders_of(roadmap).prefetch_related(
            Prefetch("groups", queryset=Stakeholder.objects.order_by("name")),
            Prefetch("members", queryset=Stakeholder.objects.order_by("name")),
        )
    )
    for entry in entries:
        entry.roadmap = roadmap
        for other in [*entry.groups.all(), *entry.members.all()]:
            other.roadmap = roadmap
    return entries


def stakeholder_for(roadmap: Roadmap, pk: int) -> Stakeholder:
    stakeholder = get_object_or_404(stakeholders_of(roadmap), pk=pk)
    stakeholder.roadmap = roadmap
    return stakeholder


def stakeholder_in_full(roadmap: Roadmap, pk: int) -> Stakeholder:
    """One entry with its groups, members and RACI roles (with the initiatives)."""
    stakeholder = get_object_or_404(
        stakeholders_of(roadmap).prefetch_related(
            Prefetch("groups", queryset=Stakeholder.objects.order_by("name")),
            Prefetch("members", queryset=Stakeholder.objects.order_by("name")),
            Prefetch(
                "raci_assignments",
                queryset=RaciAssignment.objects.select_related("initiative").order_by(
                    "initiative__title", "role"
                ),
            ),
        ),
        pk=pk,
    )
    stakeholder.roadmap = roadmap
    for assignment in stakeholder.raci_assignments.all():
        assignment.initiative.roadmap = roadmap
    for other in [*stakeholder.groups.all(), *stakeholder.members.all()]:
        other.roadmap = roadmap  # already loaded: no query to reach it again
    return stakeholder


def reviews_due(entries: list[Stakeholder], today: date) -> list[Stakeholder]:
    """The people whose review date is today or past, earliest first."""
    return sorted(
        (e for e in entries if e.kind == EntryKind.PERSON and review_due(e.review_on, today)),
        key=lambda entry: (entry.review_on, entry.pk),
    )


def personal_data_events(roadmap: Roadmap, limit: int = 20) -> list[PersonalDataEvent]:
    return list(
        roadmap.personal_data_events.select_related(
            "by", "stakeholder__roadmap__organisation"
        ).order_by("-at", "-pk")[:limit]
    )


def _person(user) -> str:
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()


def subject_data(stakeholder: Stakeholder) -> dict[str, Any]:
    """Everything held about one person: their fields, the groups they are in,
    their RACI roles, the communications addressed to them (to them or to a group
    they are in) and the interactions they were in. Plain data, ready for JSON."""
    roadmap = stakeholder.roadmap
    groups = list(stakeholder.groups.order_by("name"))
    raci = stakeholder.raci_assignments.select_related("initiative").order_by("initiative__title")
    communications = (
        roadmap.communications.filter(audience__in=[stakeholder, *groups])
        .distinct()
        .order_by("planned_on", "pk")
    )
    interactions = stakeholder.interactions.prefetch_related("follow_ups").order_by(
        "occurred_on", "pk"
    )
    return {
        "entry": {
            "reference": stakeholder.pk,
            "kind": stakeholder.get_kind_display(),
            "name": stakeholder.name,
            "role or title": stakeholder.role,
            "organisation or unit": stakeholder.organisation,
            "level": stakeholder.get_level_display(),
            "influence": stakeholder.influence,
            "interest": stakeholder.interest,
            "attitude": stakeholder.get_attitude_display(),
            "current engagement": stakeholder.get_current_engagement_display(),
            "desired engagement": stakeholder.get_desired_engagement_display(),
            "relationship owner": _person(stakeholder.relationship_owner),
            "tags": list(stakeholder.tags),
            "notes": stakeholder.notes,
            "email": stakeholder.email,
            "phone": stakeholder.phone,
            "lawful basis": stakeholder.get_lawful_basis_display(),
            "review date": format_date(stakeholder.review_on) if stakeholder.review_on else "",
            "added": format_date(stakeholder.created_at.date()),
            "anonymised": format_date(stakeholder.anonymised_at.date())
            if stakeholder.anonymised_at
            else "",
        },
        "groups": [group.name for group in groups],
        "raci roles": [
            {"initiative": a.initiative.title, "role": a.get_role_display()} for a in raci
        ],
        "communications": [
            {
                "purpose": item.purpose,
                "key message": item.key_message,
                "channel": item.get_channel_display(),
                "planned date": format_date(item.planned_on),
                "status": item.get_status_display(),
            }
            for item in communications
        ],
        "interactions": [
            {
                "date": format_date(interaction.occurred_on),
                "type": interaction.get_kind_display(),
                "summary": interaction.summary,
                "sentiment": interaction.sentiment,
                "follow-ups": [f.action for f in interaction.follow_ups.all()],
            }
            for interaction in interactions
        ],
    }
