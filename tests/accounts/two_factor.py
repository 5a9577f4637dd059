"""Two-factor helpers for the tests: real TOTP codes, computed here by RFC 6238
itself (not by django-otp, which is what they check), and a signed-in session
that has given its code."""

import hashlib
import hmac
import struct
import time
from binascii import unhexlify

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.services import SESSION_STEP_KEY

# A fixed key, so a test can compute the code an app would show.
KEY_HEX = "3132333435363738393031323334353637383930"  # RFC 6238's "12345678901234567890"


def totp_code(key_hex: str = KEY_HEX, *, steps_ahead: int = 0, at: float | None = None) -> str:
    """The 6-digit code an authenticator app shows now (or `steps_ahead` 30-second
    steps later), by RFC 6238 with SHA-1."""
    counter = int((time.time() if at is None else at) // 30) + steps_ahead
    digest = hmac.new(unhexlify(key_hex), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def give_authenticator(user, key_hex: str = KEY_HEX) -> TOTPDevice:
    return TOTPDevice.objects.create(
        user=user, name="Authenticator app", key=key_hex, confirmed=True
    )


def sign_in_with_second_factor(client, user) -> TOTPDevice:
    """Signed in as `user`, whose session has given a code from their app (an app
    is added when they have none), as after the second sign-in step."""
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or give_authenticator(
        user
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session[SESSION_STEP_KEY] = ""
    session.save()
    return device


def a_while_later(user) -> None:
    """After a wrong code the next try must wait (django-otp's throttling): move
    the last failure back, as if the person took a minute to try again."""
    from datetime import timedelta

    from django.utils import timezone

    TOTPDevice.objects.filter(user=user, throttling_failure_timestamp__isnull=False).update(
        throttling_failure_timestamp=timezone.now() - timedelta(minutes=1)
    )
