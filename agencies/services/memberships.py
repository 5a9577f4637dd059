"""Writes to agency membership: change a role, remove a member.

Each locks the agency first (see `locking`), keeps at least one agency admin,
and asks who takes over what the member owns (see `agencies.ownership`)
instead of silently clearing it. A refused change leaves everything as it was.
"""

from typing import Literal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from .. import ownership
from ..models import Membership, Role
from .locking import admin_still, agency_locked

# `successor` when lowering a role: the member keeps what they own.
KEEP = "keep"
# `successor` not given: refused when the member owns anything.
UNSET = object()
# Who takes over what a member owns: another member, None for nobody, or KEEP.
Successor = AbstractBaseUser | Literal["keep"] | None


def _member_locked(membership: Membership) -> Membership:
    current = (
        Membership.objects.select_for_update()
        .select_related("user", "organisation")
        .filter(pk=membership.pk, organisation_id=membership.organisation_id)
        .first()
    )
    if current is None:
        raise ValidationError(
            "That person is no longer a member of this agency.", code="not_a_member"
        )
    return current


def _ensure_an_admin_remains(membership: Membership) -> None:
    others = (
        Membership.objects.filter(organisation_id=membership.organisation_id, role__gte=Role.ADMIN)
        .exclude(pk=membership.pk)
        .exists()
    )
    if not others:
        raise ValidationError(
            "An agency needs at least one agency admin: make someone else an admin first.",
            code="last_admin",
        )


def _hand_over(
    *, membership: Membership, successor: Successor, by: AbstractBaseUser, may_keep: bool
) -> list:
    """Give what the member owns to `successor`; refuse a missing or wrong choice."""
    organisation = membership.organisation
    owned = ownership.holdings(organisation=organisation, user=membership.user)
    if not owned:
        return []
    if successor is UNSET:
        raise ValidationError(
            f"{membership.user.get_full_name() or membership.user.get_username()} owns "
            f"{ownership.describe(owned)}: choose who takes over.",
            code="successor_needed",
        )
    if successor == KEEP:
        if not may_keep:
            raise ValidationError(
                "Someone who leaves the agency cannot keep what they own: choose who takes over.",
                code="successor_needed",
            )
        return []
    if successor is not None and (
        successor.pk == membership.user_id
        or not Membership.objects.filter(
            organisation=organisation, user=successor, user__is_active=True
        ).exists()
    ):
        raise ValidationError(
            "Choose another member of this agency to take over.", code="invalid_successor"
        )
    return ownership.holdings_transfer(
        organisation=organisation, user=membership.user, to=successor, by=by
    )


@transaction.atomic
def membership_change_role(
    *, membership: Membership, role: Role, by: AbstractBaseUser, successor: Successor = UNSET
) -> Membership:
    """Give the member `role`. Lowering it asks who takes over what they own:
    `successor` is another member, None for nobody, or KEEP."""
    role = Role(role)
    organisation = agency_locked(membership.organisation_id)
    admin_still(organisation=organisation, by=by)
    membership = _member_locked(membership)
    if membership.role >= Role.ADMIN and role < Role.ADMIN:
        _ensure_an_admin_remains(membership)
    if role < membership.role:
        _hand_over(membership=membership, successor=successor, by=by, may_keep=True)
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(
    *, membership: Membership, by: AbstractBaseUser, successor: Successor = UNSET
) -> Membership:
    """Remove the member; what they own goes to `successor` (a member, or None)."""
    organisation = agency_locked(membership.organisation_id)
    admin_still(organisation=organisation, by=by)
    membership = _member_locked(membership)
    if membership.role >= Role.ADMIN:
        _ensure_an_admin_remains(membership)
    _hand_over(membership=membership, successor=successor, by=by, may_keep=False)
    membership.delete()
    return membership
