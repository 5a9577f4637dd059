"""One lock order for every change to an agency's members and invitations.

Membership changes that race (two admins demoting or removing each other at
the same moment) used to lock membership rows in opposite orders and deadlock.
Every write here now locks the agency row first, so they queue one behind the
other, and re-reads what it checks (the caller's role, the member, the admins)
under that lock: the second of two racing changes sees the first's result.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError

from ..models import Membership, Organisation, Role


def agency_locked(organisation_id: int) -> Organisation:
    """The agency, locked; refused when it is gone (removed while the caller worked)."""
    organisation = Organisation.objects.select_for_update().filter(pk=organisation_id).first()
    if organisation is None:
        raise ValidationError(
            "That agency no longer exists, so nothing was changed.", code="no_agency"
        )
    return organisation


def admin_still(*, organisation: Organisation, by: AbstractBaseUser) -> Membership:
    """The caller's membership, refused when they are no longer an agency admin."""
    membership = Membership.objects.filter(
        organisation=organisation, user_id=getattr(by, "pk", None), role__gte=Role.ADMIN
    ).first()
    if membership is None:
        raise ValidationError(
            "You are no longer an agency admin of this agency, so nothing was changed.",
            code="not_admin",
        )
    return membership
