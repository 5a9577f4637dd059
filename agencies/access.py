"""Tenancy and permission helpers: the only way views reach agency data.

A view first asks for the caller's membership of the agency named in the URL
(`get_membership`: 404 when they are not a member, so another agency's data is
never revealed, 403 when their role is too low), then fetches objects through
`in_agency`, which scopes any queryset to that membership's agency. No view
fetches by primary key alone.
"""

from typing import TypeVar

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from .models import Membership, Role

M = TypeVar("M")


def get_membership(
    user: AbstractBaseUser | AnonymousUser, agency_slug: str, *, minimum: Role = Role.VIEWER
) -> Membership:
    if not user.is_authenticated:
        raise Http404("No such agency.")
    membership = (
        Membership.objects.select_related("organisation", "user")
        .filter(user=user, organisation__slug=agency_slug)
        .first()
    )
    if membership is None:
        raise Http404("No such agency.")
    if not membership.has_role(minimum):
        raise PermissionDenied(f"This needs the {Role(minimum).label.lower()} role or higher.")
    return membership


def in_agency(
    queryset: QuerySet[M], membership: Membership, *, via: str = "organisation"
) -> QuerySet[M]:
    """Scope `queryset` to the membership's agency, reached through the `via` lookup."""
    return queryset.filter(**{via: membership.organisation_id})


def user_memberships(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Membership]:
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user=user).select_related("organisation")


def in_users_agencies(
    queryset: QuerySet[M], user: AbstractBaseUser | AnonymousUser, *, via: str = "organisation"
) -> QuerySet[M]:
    """Scope `queryset` to every agency the user belongs to (for cross-agency lists)."""
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(**{f"{via}__memberships__user": user})


def agency_members(organisation):
    """The active members of an agency, by name: the choices for an owner."""
    return (
        get_user_model()
        .objects.filter(memberships__organisation=organisation, is_active=True)
        .order_by("first_name", "last_name", "username")
    )
