"""The pure rules of signing in (accounts/rules.py)."""

import pytest

from accounts.rules import (
    ResetDecision,
    SecondFactorStep,
    clean_code,
    is_app_code,
    is_recovery_code,
    password_reset_decision,
    second_factor_step,
)


@pytest.mark.parametrize(
    "has_device, required, step",
    [
        (True, False, SecondFactorStep.VERIFY),  # offered, taken: asked every time
        (True, True, SecondFactorStep.VERIFY),
        (False, True, SecondFactorStep.SET_UP),
        (False, False, SecondFactorStep.NONE),
    ],
)
def test_second_factor_step(has_device, required, step):
    assert second_factor_step(has_device=has_device, required=required) is step


@pytest.mark.parametrize(
    "typed, cleaned, from_the_app",
    [
        ("123 456", "123456", True),
        (" 123456\n", "123456", True),
        ("ABCD-EFGH", "abcdefgh", False),
        ("12345", "12345", False),
        ("\uff11\uff12\uff13\uff14\uff15\uff16", "\uff11\uff12\uff13\uff14\uff15\uff16", False),
    ],
)
def test_codes_as_people_type_them(typed, cleaned, from_the_app):
    assert clean_code(typed) == cleaned
    assert is_app_code(clean_code(typed)) is from_the_app


@pytest.mark.parametrize(
    "typed, is_one",
    [
        ("abcd-efgh", True),
        ("ABCD 2345", True),
        ("abcdefg", False),
        ("abcdefg0", False),
        ("abcdefg\x00", False),
        ("123456", False),
    ],
)
def test_recovery_codes_have_one_shape(typed, is_one):
    assert is_recovery_code(clean_code(typed)) is is_one


@pytest.mark.parametrize(
    "from_address, to_email, decision",
    [
        (0, 0, ResetDecision.SEND),
        (9, 2, ResetDecision.SEND),
        (9, 3, ResetDecision.QUIET),
        (10, 0, ResetDecision.REFUSE),
        (10, 3, ResetDecision.REFUSE),
    ],
)
def test_password_reset_decision(from_address, to_email, decision):
    assert (
        password_reset_decision(
            from_address=from_address, to_email=to_email, address_limit=10, email_limit=3
        )
        is decision
    )
