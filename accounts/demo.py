"""The demo admin's second factor, so a person trying the demo reaches Django admin."""

from dataclasses import dataclass

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import selectors, services


@dataclass(frozen=True)
class DemoSecondFactor:
    username: str
    secret: str  # base32, as typed into an authenticator app
    config_url: str  # otpauth://, what the QR code holds
    recovery_codes: list[str]


@transaction.atomic
def seed_second_factor(*, user) -> DemoSecondFactor:
    """Give `user` an authenticator app and recovery codes, once; run again, it
    keeps them (codes already used stay used) and reports them."""
    device = selectors.authenticator_for(user)
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name="Authenticator app (demo)", key=services.new_totp_key(), confirmed=True
        )
        services.recovery_codes_replace(user=user)
    codes = selectors.recovery_codes_for(user) or services.recovery_codes_replace(user=user)
    return DemoSecondFactor(
        username=user.get_username(),
        secret=services.b32_secret(device.key),
        config_url=device.config_url,
        recovery_codes=codes,
    )


def describe(second_factor: DemoSecondFactor) -> list[str]:
    """What seed_demo prints about it."""
    return [
        f"{second_factor.username} also enters a code (two-factor authentication):",
        f"  add this key to an authenticator app: {second_factor.secret}",
        f"  ({second_factor.config_url})",
        f"  or use a recovery code, each once: {' '.join(second_factor.recovery_codes)}",
    ]
