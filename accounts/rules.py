"""Pure rules of signing in: no Django, so they are tested without a request."""

from enum import StrEnum


class SecondFactorStep(StrEnum):
    """What a signed-in session still has to do before it may use the app."""

    NONE = ""
    VERIFY = "verify"  # enter a code from the app (or a recovery code)
    SET_UP = "set-up"  # add an authenticator app first


def second_factor_step(*, has_device: bool, required: bool) -> SecondFactorStep:
    """Whoever has set up an app proves it at every sign-in; whoever must have
    one and has not is sent to set it up; everyone else goes on."""
    if has_device:
        return SecondFactorStep.VERIFY
    if required:
        return SecondFactorStep.SET_UP
    return SecondFactorStep.NONE


def clean_code(code: str) -> str:
    """A code as people type it: "123 456", "abcd-efgh", "ABCD EFGH"."""
    return "".join(code.split()).replace("-", "").lower()


def is_app_code(code: str) -> bool:
    """Six digits come from the authenticator app; anything else may be a
    recovery code."""
    return len(code) == 6 and code.isascii() and code.isdigit()


RECOVERY_CODE_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz234567")  # base32, lower case


def is_recovery_code(code: str) -> bool:
    """Recovery codes are eight base32 letters and digits, as django-otp makes
    them; nothing else can be one."""
    return len(code) == 8 and set(code) <= RECOVERY_CODE_LETTERS


class ResetDecision(StrEnum):
    SEND = "send"
    QUIET = "quiet"  # answer as if sent, send nothing: that inbox has had enough
    REFUSE = "refuse"  # this address asked too often: say so


def password_reset_decision(
    *, from_address: int, to_email: int, address_limit: int, email_limit: int
) -> ResetDecision:
    """Given the requests of the last hour from this address and for this email.

    The per-email limit answers exactly as a sent email does, so nobody learns
    whether the address has an account or how often it was asked for."""
    if from_address >= address_limit:
        return ResetDecision.REFUSE
    if to_email >= email_limit:
        return ResetDecision.QUIET
    return ResetDecision.SEND
