from django.db.models import QuerySet

from ..access import in_agency
from ..models import Membership


def agency_memberships(membership: Membership) -> QuerySet[Membership]:
    """The members of the caller's agency, highest role first, then by name."""
    return in_agency(Membership.objects.select_related("user"), membership).order_by(
        "-role", "user__first_name", "user__last_name", "user__username"
    )


def agency_membership(membership: Membership, pk: int) -> Membership | None:
    return agency_memberships(membership).filter(pk=pk).first()
