"""Invitation services: send, resend, withdraw, accept (signed in or with a new
account). Nobody joins without accepting; a link works once and expires; what
the inviter learns never depends on whether the address has an account."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from agencies.models import Invitation, Membership, Role
from agencies.selectors.invitations import invitation_by_token
from agencies.services.invitations import (
    invitation_accept,
    invitation_accept_new_account,
    invitation_resend,
    invitation_send,
    invitation_withdraw,
)

SITE = "https://roadmap.example.gov/"


def assert_refused(code: str, call) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call()
    assert caught.value.code == code
    return caught.value


@pytest.fixture
def send(agency, admin_user, django_capture_on_commit_callbacks):
    """Invite and return (invitation, the token from the emailed link)."""

    def send(email="nia@example.gov", role=Role.EDITOR, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            invitation = invitation_send(
                organisation=agency, email=email, role=role, by=admin_user, site=SITE, **kwargs
            )
        return invitation, token_in(mail.outbox[-1].body)

    return send


def token_in(body: str) -> str:
    link = next(line for line in body.splitlines() if line.startswith(SITE))
    return link.rstrip("/").rsplit("/", 1)[-1]


def test_sending_emails_a_link_and_adds_nobody(agency, admin_user, outsider, send):
    members_before = set(Membership.objects.values_list("pk", flat=True))

    invitation, token = send(email="Olga-Outsider@Example.GOV")

    assert set(Membership.objects.values_list("pk", flat=True)) == members_before
    message = mail.outbox[-1]
    assert message.to == ["Olga-Outsider@example.gov"]
    assert message.subject == "Join Agency A on the roadmap planner"
    assert "alice-admin has invited you to join Agency A on the roadmap planner as an editor." in (
        message.body
    )
    assert f"{SITE}invitations/{token}/" in message.body
    assert invitation_by_token(token) == invitation
    assert token not in invitation.token_digest  # only the digest is kept


def test_nothing_is_emailed_when_the_transaction_rolls_back(agency, admin_user):
    with pytest.raises(RuntimeError):
        from django.db import transaction

        with transaction.atomic():
            invitation_send(
                organisation=agency,
                email="x@example.gov",
                role=Role.VIEWER,
                by=admin_user,
                site=SITE,
            )
            raise RuntimeError
    assert mail.outbox == []
    assert not Invitation.objects.exists()


def test_the_inviter_learns_nothing_about_accounts(agency, admin_user, outsider, send):
    """An address with an account and one without get the same invitation."""
    with_account, _ = send(email="olga-outsider@example.gov")
    without, _ = send(email="nobody-here@example.gov")

    assert (
        mail.outbox[0].body.replace("olga-outsider", "X").split("http")[0]
        == (mail.outbox[1].body.replace("nobody-here", "X").split("http")[0])
    )
    assert (with_account.role, without.role) == (Role.EDITOR, Role.EDITOR)


def test_inviting_the_same_address_again_is_one_invitation_with_a_new_link(send):
    first, old_token = send(role=Role.VIEWER)
    again, new_token = send(email="NIA@example.gov", role=Role.LEAD)

    assert again.pk == first.pk and again.role == Role.LEAD
    assert invitation_by_token(old_token) is None
    assert invitation_by_token(new_token) == again


def test_a_member_cannot_be_invited_again(agency, admin_user, editor):
    error = assert_refused(
        "already_member",
        lambda: invitation_send(
            organisation=agency,
            email="EDDIE-editor@example.gov",
            role=Role.ADMIN,
            by=admin_user,
            site=SITE,
        ),
    )
    assert error.messages == ["eddie-editor is already a member of Agency A."]
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("persona", ["lead", "outsider"])
def test_only_an_admin_of_the_agency_may_invite(request, agency, persona):
    assert_refused(
        "not_admin",
        lambda: invitation_send(
            organisation=agency,
            email="x@example.gov",
            role=Role.VIEWER,
            by=request.getfixturevalue(persona),
            site=SITE,
        ),
    )
    assert not Invitation.objects.exists()


def test_resend_replaces_the_link_and_the_expiry(
    send, admin_user, django_capture_on_commit_callbacks
):
    invitation, old_token = send()
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(days=1)
    )

    with django_capture_on_commit_callbacks(execute=True):
        invitation_resend(invitation=invitation, by=admin_user, site=SITE)
    new_token = token_in(mail.outbox[-1].body)

    assert len(mail.outbox) == 2
    assert invitation_by_token(old_token) is None
    assert invitation_by_token(new_token).is_usable


def test_withdraw_deletes_the_invitation_and_its_link(send, admin_user):
    invitation, token = send()

    invitation_withdraw(invitation=invitation, by=admin_user)

    assert invitation_by_token(token) is None
    assert_refused("not_pending", lambda: invitation_withdraw(invitation=invitation, by=admin_user))


def test_accepting_signed_in_adds_the_account_once(send, outsider, agency):
    _, token = send(email="someone-else@example.gov", role=Role.LEAD)

    membership = invitation_accept(invitation=invitation_by_token(token), user=outsider)

    assert (membership.organisation, membership.user, membership.role) == (
        agency,
        outsider,
        Role.LEAD,
    )
    used = invitation_by_token(token)
    assert (used.accepted_by, used.is_usable) == (outsider, False)
    assert_refused("unusable", lambda: invitation_accept(invitation=used, user=outsider))


def test_a_member_accepting_keeps_the_higher_role(send, admin_user, editor, lead):
    invitation, _ = send(email="new@example.gov", role=Role.VIEWER)
    assert invitation_accept(invitation=invitation, user=editor).role == Role.EDITOR

    invitation, _ = send(email="new@example.gov", role=Role.ADMIN)
    assert invitation_accept(invitation=invitation, user=lead).role == Role.ADMIN


@override_settings(INVITATION_MAX_AGE_DAYS=3)
def test_a_link_expires_after_the_set_number_of_days(send, outsider):
    invitation, _ = send()
    assert invitation.expires_at - invitation.sent_at == timedelta(days=3)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())

    assert_refused("unusable", lambda: invitation_accept(invitation=invitation, user=outsider))
    assert not outsider.memberships.filter(organisation=invitation.organisation).exists()


def test_a_new_person_gets_an_account_that_signs_in_with_the_email(send, agency):
    invitation, _ = send(email="Nia.Newcomer@Example.gov")

    membership = invitation_accept_new_account(
        invitation=invitation,
        first_name=" Nia ",
        last_name="Newcomer",
        password="a-long-unusual-phrase",
    )

    user = membership.user
    assert (user.username, user.email, user.get_full_name()) == (
        "nia.newcomer@example.gov",
        "Nia.Newcomer@example.gov",
        "Nia Newcomer",
    )
    assert user.check_password("a-long-unusual-phrase")
    assert (membership.organisation, membership.role) == (agency, Role.EDITOR)
    assert_refused(
        "unusable",
        lambda: invitation_accept_new_account(
            invitation=invitation, first_name="A", last_name="B", password="a-long-unusual-phrase"
        ),
    )


def test_a_weak_password_is_refused_and_creates_nothing(send):
    invitation, _ = send()
    users = get_user_model().objects.count()

    with pytest.raises(ValidationError) as caught:
        invitation_accept_new_account(
            invitation=invitation, first_name="Nia", last_name="N", password="123"
        )

    assert any("too short" in message for message in caught.value.messages)
    assert get_user_model().objects.count() == users
    assert Invitation.objects.get(pk=invitation.pk).is_usable


def test_an_existing_account_with_that_email_must_sign_in(django_user_model, send):
    django_user_model.objects.create_user(username="nia@example.gov", password="x")
    invitation, _ = send()

    assert_refused(
        "account_exists",
        lambda: invitation_accept_new_account(
            invitation=invitation, first_name="Nia", last_name="N", password="a-long-unusual-phrase"
        ),
    )
    assert Invitation.objects.get(pk=invitation.pk).is_usable
