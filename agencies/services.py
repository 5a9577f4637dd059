"""Writes to agency membership. Each keeps at least one agency admin."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from .models import Membership, Organisation, Role


def find_user(identifier: str):
    """An existing user by exact user name or email address (case-insensitive)."""
    identifier = identifier.strip()
    # No account's name holds a NUL character, and PostgreSQL cannot even compare one.
    users = (
        []
        if "\x00" in identifier
        else list(
            get_user_model()
            .objects.filter(
                Q(username__iexact=identifier) | Q(email__iexact=identifier), is_active=True
            )
            .order_by("pk")[:2]
        )
    )
    if not users:
        raise ValidationError(
            "No one with that user name or email has an account. "
            "Ask a platform admin to create their account first.",
            code="unknown_user",
        )
    if len(users) > 1:
        raise ValidationError(
            "More than one account has that email address: use their user name instead.",
            code="ambiguous_user",
        )
    return users[0]


@transaction.atomic
def membership_invite(*, organisation: Organisation, identifier: str, role: Role) -> Membership:
    user = find_user(identifier)
    if Membership.objects.filter(organisation=organisation, user=user).exists():
        raise ValidationError(
            f"{user.get_username()} is already a member of {organisation.name}.",
            code="already_member",
        )
    return Membership.objects.create(organisation=organisation, user=user, role=role)


def _ensure_an_admin_remains(membership: Membership) -> None:
    other_admins = (
        Membership.objects.select_for_update()
        .filter(organisation_id=membership.organisation_id, role__gte=Role.ADMIN)
        .exclude(pk=membership.pk)
    )
    if not other_admins.exists():
        raise ValidationError(
            "An agency needs at least one agency admin: make someone else an admin first.",
            code="last_admin",
        )


@transaction.atomic
def membership_change_role(*, membership: Membership, role: Role) -> Membership:
    if membership.role >= Role.ADMIN and role < Role.ADMIN:
        _ensure_an_admin_remains(membership)
    membership.role = role
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership) -> None:
    if membership.role >= Role.ADMIN:
        _ensure_an_admin_remains(membership)
    membership.delete()
