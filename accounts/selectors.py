"""Reads about a user's sign-in: their two-factor devices and whether they must have one."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from agencies.models import Membership, Role


@dataclass(frozen=True)
class SecondFactorFacts:
    has_device: bool
    is_agency_admin: bool


def second_factor_facts(user) -> SecondFactorFacts:
    """One query: has the user an authenticator app, and are they an agency admin?"""
    row = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(
            has_device=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)),
            is_agency_admin=Exists(Membership.objects.filter(user=OuterRef("pk"), role=Role.ADMIN)),
        )
        .values("has_device", "is_agency_admin")
        .first()
    ) or {"has_device": False, "is_agency_admin": False}
    return SecondFactorFacts(**row)


def authenticator_for(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def recovery_device_for(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


def recovery_codes_for(user) -> list[str]:
    return list(
        StaticToken.objects.filter(device__user=user, device__confirmed=True)
        .order_by("pk")
        .values_list("token", flat=True)
    )
