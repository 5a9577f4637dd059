"""Writes about signing in: two-factor devices, recovery codes, password reset requests."""

import hashlib
import time
from binascii import unhexlify
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.validators import validate_ipv46_address
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import verify_token as otp_verify_token
from django_otp.models import Device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import rules, selectors
from .models import PasswordResetRequest

RECOVERY_CODE_COUNT = 10
SESSION_STEP_KEY = "accounts.second_factor_step"


# The session's second-factor step ---------------------------------------------------


def second_factor_required(*, is_agency_admin: bool) -> bool:
    return bool(settings.REQUIRE_MFA_FOR_AGENCY_ADMINS and is_agency_admin)


def second_factor_remember(
    sender: type | None = None,
    *,
    request: HttpRequest | None,
    user: AbstractBaseUser,
    **kwargs,
) -> rules.SecondFactorStep:
    """At sign-in (the user_logged_in signal): note in the session what this
    sign-in still has to do, so pages need not ask the database each time."""
    facts = selectors.second_factor_facts(user)
    step = rules.second_factor_step(
        has_device=facts.has_device,
        required=second_factor_required(is_agency_admin=facts.is_agency_admin),
    )
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_STEP_KEY] = str(step)
    return step


def second_factor_passed(*, request: HttpRequest, device: Device) -> None:
    """The session has proved the second factor with `device`."""
    request.session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    request.user.otp_device = device
    request.session[SESSION_STEP_KEY] = str(rules.SecondFactorStep.NONE)


# Authenticator app ----------------------------------------------------------------


def new_totp_key() -> str:
    return TOTPDevice._meta.get_field("key").default()


# The keys new_totp_key makes: 20 random bytes, written as 40 hexadecimal digits.
KEY_BYTES = 20


def _key(key_hex: str) -> bytes:
    """The authenticator key that `key_hex` writes out, refused unless it is one
    new_totp_key could have made."""
    try:
        key = unhexlify(key_hex.encode())
    except ValueError:  # an odd length, or not hexadecimal digits
        key = None
    if key is None or len(key) != KEY_BYTES:
        raise ValidationError(
            "This is not a key this site made. Scan the new QR code and try again.",
            code="invalid_key",
        )
    return key


def _matching_t(*, key_hex: str, code: str) -> TOTP | None:
    """The TOTP whose current code (one step either way) is `code`, or None."""
    totp = TOTP(_key(key_hex))
    totp.time = time.time()
    if not rules.is_app_code(code) or not totp.verify(int(code), tolerance=1):
        return None
    return totp


@transaction.atomic
def authenticator_add(
    *, user: AbstractBaseUser, key_hex: str, code: str
) -> tuple[TOTPDevice, list[str]]:
    """Add the authenticator app whose key the user scanned, once they have shown
    it works by typing its current code; give them recovery codes with it."""
    code = rules.clean_code(code)
    if TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).exists():
        raise ValidationError("You already have an authenticator app. Remove it first.")
    totp = _matching_t(key_hex=key_hex, code=code)
    if totp is None:
        raise ValidationError(
            "The code is not right. Enter the 6-digit code your app shows now.", code="wrong"
        )
    TOTPDevice.objects.filter(user=user).delete()  # any unconfirmed leftovers
    device = TOTPDevice.objects.create(
        user=user,
        name="Authenticator app",
        key=key_hex,
        confirmed=True,
        last_t=totp.t(),  # the code just typed cannot be used again to sign in
        drift=totp.drift,
    )
    return device, recovery_codes_replace(user=user)


@transaction.atomic
def recovery_codes_replace(*, user: AbstractBaseUser) -> list[str]:
    """A new set of recovery codes; the old ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


@transaction.atomic
def two_factor_remove(*, user: AbstractBaseUser) -> int:
    """Remove the user's authenticator app and recovery codes."""
    removed, _ = TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    return removed


def second_factor_check(*, user: AbstractBaseUser, code: str) -> Device:
    """The device that accepts `code` (an app code, or a recovery code, which then
    stops working), or a ValidationError that says why not."""
    code = rules.clean_code(code)
    if not code:
        raise ValidationError("Enter the code from your authenticator app.", code="required")
    if rules.is_app_code(code):
        device = selectors.authenticator_for(user)
    elif rules.is_recovery_code(code):
        device = selectors.recovery_device_for(user)
    else:
        device = None  # the shape of neither: wrong, without asking the database
    if device is None:
        if selectors.authenticator_for(user) is None:
            raise ValidationError("You have not set up an authenticator app.", code="no_device")
        raise ValidationError(
            "The code is not right. Enter the 6-digit code your app shows now, "
            "or one of your recovery codes.",
            code="wrong",
        )
    allowed, _ = device.verify_is_allowed()
    if not allowed:
        raise ValidationError(
            "Wait a few seconds before you try again: after each wrong code, "
            "the next try has to wait longer.",
            code="throttled",
        )
    verified = otp_verify_token(user, device.persistent_id, code)
    if verified is None:
        raise ValidationError(
            "The code is not right. Enter the 6-digit code your app shows now, "
            "or one of your recovery codes.",
            code="wrong",
        )
    return verified


# Password reset requests ------------------------------------------------------------

RESET_WINDOW = timedelta(hours=1)


def email_digest(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


@transaction.atomic
def password_reset_request_record(*, address: str | None, email: str) -> rules.ResetDecision:
    """Count a "Forgot your password?" request and say whether to send the email."""
    if address is not None:
        validate_ipv46_address(address)  # a ValidationError, never a database error
    since = timezone.now() - RESET_WINDOW
    PasswordResetRequest.objects.filter(requested_at__lt=since).delete()  # keep the table small
    digest = email_digest(email)
    recent = PasswordResetRequest.objects.filter(requested_at__gte=since)
    decision = rules.password_reset_decision(
        from_address=recent.filter(address=address).count() if address else 0,
        to_email=recent.filter(email_digest=digest).count(),
        address_limit=settings.PASSWORD_RESET_LIMIT_PER_ADDRESS,
        email_limit=settings.PASSWORD_RESET_LIMIT_PER_EMAIL,
    )
    if decision is not rules.ResetDecision.REFUSE:
        PasswordResetRequest.objects.create(address=address, email_digest=digest)
    return decision


def b32_secret(key_hex: str) -> str:
    """The key as people type it into an app by hand."""
    from base64 import b32encode

    return b32encode(_key(key_hex)).decode()
