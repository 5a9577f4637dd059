"""Forgot your password? Django's password reset by email, throttled per address
and per email, answering the same whether or not an account has the email."""

import os
import re
import subprocess
import sys
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import PasswordResetRequest
from tests.conftest import ROOT, TEST_PASSWORD

pytestmark = pytest.mark.django_db

RESET = reverse("accounts:password-reset")
DONE = reverse("accounts:password-reset-done")
NEW_PASSWORD = "Another-long-passphrase-31"


def ask(client, email, address="10.1.0.1"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


def link_in(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/password-reset/[^\s]+/)", message.body).group(1)


def test_a_reset_link_by_email_sets_a_new_password_once(client, lead):
    response = ask(client, lead.email.upper())  # as people type it
    assert (response.status_code, response["Location"]) == (302, DONE)
    assert "Check your email" in client.get(DONE).text
    [message] = mail.outbox
    assert message.to == [lead.email]
    assert message.subject == "Reset your Roadmap planner password"

    link = link_in(message)
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.text
    set_password = form_page.redirect_chain[-1][0]
    response = client.post(
        set_password, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response["Location"] == reverse("accounts:password-reset-complete")
    assert client.login(username=lead.username, password=NEW_PASSWORD)
    client.logout()

    again = client.get(link, follow=True)
    assert "This link does not work" in again.text


def test_a_weak_new_password_is_refused_next_to_the_field(client, lead):
    ask(client, lead.email)
    set_password = client.get(link_in(mail.outbox[0]), follow=True).redirect_chain[-1][0]
    response = client.post(set_password, {"new_password1": "password", "new_password2": "password"})
    assert response.status_code == 200
    assert 'id="id_new_password2_error"' in response.text
    lead.refresh_from_db()
    assert lead.check_password(TEST_PASSWORD)


def test_an_unknown_email_gets_the_same_answer_and_no_email(client, lead):
    known = ask(client, lead.email, address="10.1.0.1")
    unknown = ask(client, "nobody@example.gov", address="10.1.0.2")

    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert [m.to for m in mail.outbox] == [[lead.email]]


def test_one_email_address_gets_at_most_three_emails_an_hour(client, lead):
    for n in range(5):
        response = ask(client, lead.email, address=f"10.1.1.{n}")
        assert (response.status_code, response["Location"]) == (302, DONE)  # the same answer

    assert len(mail.outbox) == 3


def test_one_address_may_ask_ten_times_an_hour_then_is_told_to_wait(client, lead):
    for n in range(10):
        ask(client, f"someone-{n}@example.gov")

    for email in (lead.email, "nobody@example.gov"):  # the same for both
        response = ask(client, email)
        assert response.status_code == 429
        assert "You have asked for too many password reset emails" in response.text
    assert mail.outbox == []
    assert ask(client, lead.email, address="10.1.9.9").status_code == 302  # another address


def test_requests_older_than_an_hour_are_forgotten(client, lead):
    for n in range(10):
        ask(client, f"someone-{n}@example.gov")
    PasswordResetRequest.objects.update(requested_at=timezone.now() - timedelta(minutes=61))

    assert ask(client, lead.email).status_code == 302
    assert PasswordResetRequest.objects.count() == 1  # the old ones are gone
    assert len(mail.outbox) == 1


def test_the_email_is_kept_only_as_a_digest(client, lead):
    ask(client, lead.email)
    row = PasswordResetRequest.objects.get()
    assert lead.email not in str(row.__dict__)


def test_a_reset_lifts_a_lockout_on_the_user_name(client, lead, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": lead.username, "password": "wrong"})
    assert (
        client.post(
            "/accounts/login/", {"username": lead.username, "password": TEST_PASSWORD}
        ).status_code
        == 429
    )

    ask(client, lead.email)
    set_password = client.get(link_in(mail.outbox[0]), follow=True).redirect_chain[-1][0]
    client.post(set_password, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    response = client.post(
        "/accounts/login/",
        {"username": lead.username, "password": NEW_PASSWORD},
        REMOTE_ADDR="10.1.2.2",  # the lockout by address stays: that is not the account's
    )
    assert response.status_code == 302


def email_settings_with(env: dict[str, str]) -> list[str]:
    """The email settings a fresh process reads from `env`."""
    code = (
        "import os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings');"
        "from django.conf import settings;"
        "print(settings.EMAIL_BACKEND, getattr(settings, 'EMAIL_HOST', '') or '-',"
        " getattr(settings, 'EMAIL_PORT', ''), getattr(settings, 'EMAIL_USE_TLS', ''))"
    )
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**inherited, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.split()[-4:]


def test_email_goes_to_the_console_unless_an_smtp_server_is_set():
    assert email_settings_with({})[:2] == ["django.core.mail.backends.console.EmailBackend", "-"]
    assert email_settings_with({"EMAIL_HOST": "smtp.example.gov", "EMAIL_PORT": "2525"}) == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.gov",
        "2525",
        "True",
    ]
