"""Sign-in throttling (django-axes): per account and per address, a message that
says nothing about which accounts exist, a cool-off, and an unlock in Django admin."""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse

from tests.accounts.two_factor import sign_in_with_second_factor
from tests.conftest import TEST_PASSWORD

pytestmark = pytest.mark.django_db

LIMIT = settings.AXES_FAILURE_LIMIT
LOGIN = "/accounts/login/"
PAUSED = "Signing in is paused"


def sign_in(client, username, password=TEST_PASSWORD, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in_as(client) -> str | None:
    return client.session.get("_auth_user_id")


def fail(client, username, times=LIMIT, address="10.0.0.1"):
    for _ in range(times):
        response = sign_in(client, username, "wrong-password", address)
    return response


def test_the_limit_is_five_wrong_passwords_for_fifteen_minutes():
    assert (5, timedelta(minutes=15)) == (LIMIT, settings.AXES_COOLOFF_TIME)


def test_wrong_passwords_then_the_right_one_is_refused_until_the_cool_off(client, lead):
    response = fail(client, lead.username, LIMIT - 1)
    assert response.status_code == 200
    assert "The user name or password is not right" in response.text

    response = fail(client, lead.username, 1)
    assert response.status_code == 429
    assert PAUSED in response.text

    response = sign_in(client, lead.username)  # the right password
    assert response.status_code == 429
    assert PAUSED in response.text
    assert "paused for 15 minutes" in response.text
    assert response["Retry-After"] == "900"
    assert signed_in_as(client) is None

    # Fifteen minutes later, the right password works, and the count starts again.
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=15, seconds=1)
    )
    response = sign_in(client, lead.username)
    assert response.status_code == 302
    assert signed_in_as(client) == str(lead.pk)
    assert not AccessAttempt.objects.filter(username=lead.username).exists()


def test_attempts_during_the_lockout_do_not_extend_it(client, lead):
    fail(client, lead.username)
    first_lock = AccessAttempt.objects.get().attempt_time
    fail(client, lead.username, 3)
    assert AccessAttempt.objects.get().attempt_time == first_lock


def test_the_lockout_reads_the_same_for_a_user_name_that_does_not_exist(client, lead):
    def message(response) -> str:
        return re.search(r'<div class="error-summary".*?</div>', response.text, re.S).group(0)

    real = fail(client, lead.username, address="10.0.0.1")
    made_up = fail(client, "nobody-by-this-name", address="10.0.0.2")

    assert (real.status_code, made_up.status_code) == (429, 429)
    assert message(real) == message(made_up)
    assert lead.username not in real.text.replace(f'value="{lead.username}"', "")


def test_per_account_from_any_address(client, lead):
    for n in range(LIMIT):
        sign_in(client, lead.username, "wrong-password", address=f"10.0.1.{n}")

    response = sign_in(client, lead.username, address="10.0.2.99")  # a new address

    assert response.status_code == 429
    assert signed_in_as(client) is None


def test_per_address_for_any_user_name(client, lead, editor):
    for n in range(LIMIT):
        sign_in(client, f"guess-{n}", "wrong-password", address="10.0.3.1")

    assert sign_in(client, editor.username, address="10.0.3.1").status_code == 429
    assert signed_in_as(client) is None
    # The same person from another address is not affected.
    assert sign_in(client, editor.username, address="10.0.3.2").status_code == 302


def test_a_right_password_resets_the_count(client, lead):
    fail(client, lead.username, LIMIT - 1)
    assert sign_in(client, lead.username).status_code == 302
    client.logout()

    response = fail(client, lead.username, LIMIT - 1)
    assert response.status_code == 200  # not locked: the count started again


def test_a_platform_admin_unlocks_in_django_admin(client, lead, django_user_model):
    fail(client, lead.username)
    assert sign_in(client, lead.username).status_code == 429

    platform_admin = django_user_model.objects.create_superuser(
        "pat-platform", "pat@example.gov", TEST_PASSWORD
    )
    admin = client.__class__()
    sign_in_with_second_factor(admin, platform_admin)
    changelist = reverse("admin:axes_accessattempt_changelist")
    listed = admin.get(f"{changelist}?locked_out=yes")
    assert lead.username in listed.text
    attempts = list(AccessAttempt.objects.values_list("pk", flat=True))
    confirm = admin.post(changelist, {"action": "delete_selected", "_selected_action": attempts})
    assert confirm.status_code == 200  # "Are you sure?"
    done = admin.post(
        changelist,
        {"action": "delete_selected", "_selected_action": attempts, "post": "yes"},
    )
    assert done.status_code == 302

    assert sign_in(client, lead.username).status_code == 302
    assert signed_in_as(client) == str(lead.pk)


def test_the_sign_in_page_offers_password_reset(client):
    response = client.get(LOGIN)
    assert f'href="{reverse("accounts:password-reset")}"' in response.text
    assert "Forgot your password?" in response.text


def test_a_failed_attempt_keeps_no_password(client, lead):
    sign_in(client, lead.username, "my-real-password-with-a-typo")
    attempt = AccessAttempt.objects.get()
    assert "my-real-password-with-a-typo" not in attempt.post_data
    assert attempt.failures_since_start == 1
