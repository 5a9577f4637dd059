"""Invitations over HTTP: an agency admin invites by email, resends and
withdraws; the person accepts through the emailed link, signed in or with a
new account. Personas: tests/conftest.py (agency A's alice-admin and others,
agency B's olga-outsider)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from agencies.models import Invitation, Membership, Organisation, Role
from tests.conftest import make_member
from tests.helpers import signed_in
from tests.html import FormPage

ACCOUNT = {
    "first_name": "Nia",
    "last_name": "Newcomer",
    "password": "a-long-unusual-phrase",
    "password_again": "a-long-unusual-phrase",
}


def members_url(agency="agency-a") -> str:
    return reverse("agencies:members", kwargs={"agency": agency})


def invite_url(agency="agency-a") -> str:
    return reverse("agencies:invitation-create", kwargs={"agency": agency})


def accept_url(token: str) -> str:
    return reverse("agencies:invitation-accept", kwargs={"token": token})


def emailed_link(body: str) -> str:
    return next(line for line in body.splitlines() if "/invitations/" in line)


@pytest.fixture
def invite(client, admin_user, django_capture_on_commit_callbacks):
    """alice-admin invites `email` through the page; returns the emailed path."""

    def invite(email="nia@example.gov", role=Role.EDITOR):
        with django_capture_on_commit_callbacks(execute=True):
            response = signed_in(client, admin_user).post(
                invite_url(), {"email": email, "role": role}, follow=True
            )
        assert response.redirect_chain == [(members_url(), 302)], response.text
        link = emailed_link(mail.outbox[-1].body)
        assert link.startswith("http://testserver/invitations/")
        client.logout()
        return link.removeprefix("http://testserver"), response

    return invite


def test_the_message_is_the_same_with_or_without_an_account(invite, outsider):
    _, with_account = invite("olga-outsider@example.gov")
    _, without = invite("nobody@example.gov")

    def said(response, email):
        return [str(m).replace(email, "X") for m in response.context["messages"]]

    assert said(with_account, "olga-outsider@example.gov") == said(without, "nobody@example.gov")
    assert (
        "We have sent an invitation to X to join as an editor."
        in said(without, "nobody@example.gov")[0]
    )
    assert not outsider.memberships.filter(organisation__slug="agency-a").exists()


def test_pending_invitations_are_listed_with_resend_and_withdraw(client, invite, admin_user):
    invite()
    invitation = Invitation.objects.get()

    page = signed_in(client, admin_user).get(members_url())

    assert "nia@example.gov" in page.text
    assert f'action="{invitation.get_resend_url()}"' in page.text
    assert f'href="{invitation.get_withdraw_url()}"' in page.text


@pytest.mark.parametrize(
    "data, message",
    [
        ({"email": "", "role": Role.VIEWER}, "Enter their email address."),
        (
            {"email": "not-an-address", "role": Role.VIEWER},
            "Enter an email address in the right format",
        ),
        (
            {"email": "eddie-editor@example.gov", "role": Role.VIEWER},
            "eddie-editor is already a member",
        ),
    ],
    ids=["empty", "malformed", "member"],
)
def test_a_refused_invitation_says_why_next_to_the_field(client, admin_user, editor, data, message):
    response = signed_in(client, admin_user).post(invite_url(), data)

    assert response.status_code == 400
    assert message in FormPage(response).error("email")
    assert "There is 1 problem with what you entered" in response.text
    assert not Invitation.objects.exists() and mail.outbox == []


def test_a_new_person_creates_an_account_and_joins_once(client, invite, agency):
    path, _ = invite(role=Role.LEAD)

    page = client.get(path)
    assert page.status_code == 200
    assert (
        "alice-admin has invited you to join Agency A on the roadmap planner as a programme lead."
        in page.text
    )
    assert "You will sign in with your email address" in page.text

    joined = client.post(path, ACCOUNT, follow=True)

    assert joined.redirect_chain == [
        (reverse("roadmap:agency", kwargs={"agency": "agency-a"}), 302)
    ]
    assert "You are now a programme lead of Agency A." in joined.text
    membership = Membership.objects.get(user__username="nia@example.gov")
    assert (membership.organisation, membership.role) == (agency, Role.LEAD)

    client.logout()
    again = client.get(path)
    assert again.status_code == 410
    assert "This invitation link no longer works" in again.text
    assert client.post(path, ACCOUNT).status_code == 410
    assert Membership.objects.filter(user__username="nia@example.gov").count() == 1


def test_an_existing_account_signs_in_and_accepts(client, invite, outsider):
    path, _ = invite(email="olga-outsider@example.gov")

    signed_out = client.get(path)
    assert f'href="/accounts/login/?next={path}"' in signed_out.text.replace("%2F", "/")

    signed_in(client, outsider)
    assert "Accept and join" in client.get(path).text
    response = client.post(path)

    assert response.status_code == 302
    assert outsider.memberships.get(organisation__slug="agency-a").role == Role.EDITOR
    assert outsider.memberships.get(organisation__slug="agency-b").role == Role.LEAD


def test_account_errors_are_next_to_their_fields_and_change_nothing(client, invite):
    path, _ = invite()

    response = client.post(path, ACCOUNT | {"first_name": "", "password_again": "different"})

    assert response.status_code == 400
    page = FormPage(response)
    assert "Enter your first name." in page.error("first_name")
    assert "The passwords do not match." in page.error("password_again")
    weak = client.post(path, ACCOUNT | {"password": "1234", "password_again": "1234"})
    assert "too short" in FormPage(weak).error("password")
    assert not Membership.objects.filter(user__username="nia@example.gov").exists()
    assert Invitation.objects.get().is_usable


def test_an_expired_link_is_refused_and_adds_nobody(client, invite, outsider):
    path, _ = invite(email="olga-outsider@example.gov")
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))

    signed_in(client, outsider)
    assert client.get(path).status_code == 410
    assert client.post(path).status_code == 410
    assert not outsider.memberships.filter(organisation__slug="agency-a").exists()


def test_an_unknown_token_is_not_found(client, outsider):
    assert client.get(accept_url("no-such-token")).status_code == 404
    assert signed_in(client, outsider).post(accept_url("no-such-token")).status_code == 404


def test_a_resent_invitation_replaces_the_link(
    client, invite, admin_user, django_capture_on_commit_callbacks
):
    old, _ = invite()
    invitation = Invitation.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        signed_in(client, admin_user).post(invitation.get_resend_url())
    new = emailed_link(mail.outbox[-1].body).removeprefix("http://testserver")
    client.logout()

    assert new != old
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_a_withdrawn_invitation_link_is_not_found(client, invite, admin_user):
    path, _ = invite()
    invitation = Invitation.objects.get()
    client = signed_in(client, admin_user)

    assert (
        "Withdraw the invitation to nia@example.gov?"
        in client.get(invitation.get_withdraw_url()).text
    )
    client.post(invitation.get_withdraw_url())
    client.logout()

    assert client.get(path).status_code == 404


@pytest.mark.parametrize("action", ["resend", "withdraw"])
def test_another_agencys_invitation_is_not_found(
    client, django_user_model, other_agency, outsider, action
):
    b_admin = make_member(django_user_model, other_agency, "bea-b-admin", Role.ADMIN)
    theirs = Invitation.objects.create(
        organisation=other_agency,
        email="secret@example.gov",
        token_digest="0" * 64,
        invited_by=b_admin,
        sent_at=timezone.now(),
        expires_at=timezone.now() + timedelta(days=7),
    )
    a_admin = make_member(
        django_user_model,
        Organisation.objects.create(name="Agency C", slug="agency-c"),
        "cat-c-admin",
        Role.ADMIN,
    )
    url = reverse(f"agencies:invitation-{action}", kwargs={"agency": "agency-c", "pk": theirs.pk})

    response = signed_in(client, a_admin).post(url)

    assert response.status_code == 404
    assert Invitation.objects.filter(pk=theirs.pk, token_digest="0" * 64).exists()
