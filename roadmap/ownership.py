"""What members own in the roadmap app, registered with `agencies.ownership` so
that removing a member, or lowering their role, asks who takes it over."""

from django.db.models import F
from django.utils import timezone

from agencies import ownership
from ui.concurrency import editor

from .models import KPI, Objective


def _owned_objectives(*, organisation, user):
    return Objective.objects.filter(roadmap__organisation=organisation, owner=user)


def _owned_kpis(*, organisation, user):
    return KPI.objects.filter(objective__roadmap__organisation=organisation, owner=user)


def _transfer(owned):
    def transfer(*, organisation, user, to, by) -> int:
        # Counted as a save, so an edit opened before the handover is refused.
        return owned(organisation=organisation, user=user).update(
            owner=to,
            revision=F("revision") + 1,
            updated_by=editor(by),
            updated_at=timezone.now(),
        )

    return transfer


def register() -> None:
    ownership.register(
        name="objectives",
        singular="objective",
        owned=_owned_objectives,
        transfer=_transfer(_owned_objectives),
    )
    ownership.register(
        name="KPIs", singular="KPI", owned=_owned_kpis, transfer=_transfer(_owned_kpis)
    )
