"""Invitations: an agency admin invites a person by email; they accept by link.

Nobody joins an agency without accepting. The link holds a random secret (only
its digest is stored), works once and expires after
`settings.INVITATION_MAX_AGE_DAYS`. What the admin is told never depends on
whether the address has an account.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import (
    MaxLengthValidator,
    ProhibitNullCharactersValidator,
    validate_email,
)
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from ui.formatting import format_date

from ..models import Invitation, Membership, Organisation, Role, token_digest
from .locking import admin_still, agency_locked


def _max_age() -> timedelta:
    return timedelta(days=settings.INVITATION_MAX_AGE_DAYS)


def _new_token(invitation: Invitation) -> str:
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    invitation.token_digest = token_digest(token)
    invitation.sent_at = now
    invitation.expires_at = now + _max_age()
    return token


def _send(*, invitation: Invitation, token: str, site: str, by: AbstractBaseUser) -> None:
    """Email the link once the invitation is saved, so a rollback sends nothing."""
    link = site.rstrip("/") + reverse("agencies:invitation-accept", kwargs={"token": token})
    context = {
        "invitation": invitation,
        "agency": invitation.organisation,
        "inviter": by.get_full_name() or by.get_username(),
        "role": invitation.role_choice,
        "link": link,
        "expires": format_date(timezone.localtime(invitation.expires_at).date()),
    }
    subject = f"Join {invitation.organisation.name} on the roadmap planner"
    body = render_to_string("agencies/invitations/email.txt", context)
    recipient = invitation.email
    transaction.on_commit(lambda: send_mail(subject, body, None, [recipient]))


def _normalised(email: str) -> str:
    email = email.strip()
    if not email or len(email) > 254:
        raise ValidationError("Enter an email address.", code="invalid_email")
    try:
        validate_email(email)  # what the form checks
    except ValidationError as error:
        raise ValidationError(
            "Enter an email address in the right format, like name@example.gov.",
            code="invalid_email",
        ) from error
    local, _, domain = email.rpartition("@")
    return f"{local}@{domain.lower()}"


@transaction.atomic
def invitation_send(
    *, organisation: Organisation, email: str, role: Role, by: AbstractBaseUser, site: str
) -> Invitation:
    """Invite `email` with `role`, or send a pending invitation to it again."""
    role = Role(role)
    email = _normalised(email)
    organisation = agency_locked(organisation.pk)
    admin_still(organisation=organisation, by=by)
    # A member's address is on the members page already: saying so reveals nothing.
    member = (
        Membership.objects.select_related("user")
        .filter(organisation=organisation, user__email__iexact=email, user__is_active=True)
        .first()
    )
    if member is not None:
        name = member.user.get_full_name() or member.user.get_username()
        raise ValidationError(
            f"{name} is already a member of {organisation.name}.", code="already_member"
        )
    invitation = (
        Invitation.objects.pending()
        .select_for_update()
        .filter(organisation=organisation, email__iexact=email)
        .first()
    ) or Invitation(organisation=organisation, email=email)
    invitation.role = role
    invitation.invited_by = by
    token = _new_token(invitation)
    invitation.save()
    _send(invitation=invitation, token=token, site=site, by=by)
    return invitation


def _pending_locked(invitation: Invitation) -> Invitation:
    current = (
        Invitation.objects.pending()
        .select_for_update()
        .select_related("organisation")
        .filter(pk=invitation.pk, organisation_id=invitation.organisation_id)
        .first()
    )
    if current is None:
        raise ValidationError(
            "That invitation has been accepted or withdrawn already.", code="not_pending"
        )
    return current


@transaction.atomic
def invitation_resend(*, invitation: Invitation, by: AbstractBaseUser, site: str) -> Invitation:
    """A new link (the old one stops working) with a new expiry, emailed again."""
    organisation = agency_locked(invitation.organisation_id)
    admin_still(organisation=organisation, by=by)
    invitation = _pending_locked(invitation)
    invitation.invited_by = by
    token = _new_token(invitation)
    invitation.save(update_fields=["token_digest", "sent_at", "expires_at", "invited_by"])
    _send(invitation=invitation, token=token, site=site, by=by)
    return invitation


@transaction.atomic
def invitation_withdraw(*, invitation: Invitation, by: AbstractBaseUser) -> None:
    organisation = agency_locked(invitation.organisation_id)
    admin_still(organisation=organisation, by=by)
    _pending_locked(invitation).delete()


def _usable_locked(invitation: Invitation) -> Invitation:
    current = Invitation.objects.select_for_update().filter(pk=invitation.pk).first()
    if current is None or not current.is_usable:
        raise ValidationError(
            "This invitation link has expired or has been used already.", code="unusable"
        )
    return current


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: AbstractBaseUser) -> Membership:
    """`user` joins the agency with the invitation's role. A member already
    keeps the higher of their role and the invited one."""
    if not user.is_authenticated or not user.is_active:
        raise ValidationError("Sign in to accept this invitation.", code="signed_out")
    organisation = agency_locked(invitation.organisation_id)
    invitation = _usable_locked(invitation)
    membership, created = Membership.objects.get_or_create(
        organisation=organisation, user=user, defaults={"role": invitation.role}
    )
    if not created and membership.role < invitation.role:
        membership.role = invitation.role
        membership.save(update_fields=["role"])
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def invitation_accept_new_account(
    *, invitation: Invitation, first_name: str, last_name: str, password: str
) -> Membership:
    """Create the person's account (they sign in with the invited email
    address) and accept the invitation with it."""
    first_name, last_name = first_name.strip(), last_name.strip()
    if not first_name or not last_name:
        raise ValidationError("Enter your first name and last name.", code="name_required")
    agency_locked(invitation.organisation_id)  # the agency first, as every write here
    invitation = _usable_locked(invitation)
    user_model = get_user_model()
    username = invitation.email.lower()
    candidate = user_model(
        username=username, email=invitation.email, first_name=first_name, last_name=last_name
    )
    # What NewAccountForm checks of the names, and that the address fits as a user
    # name: no NUL character (PostgreSQL cannot store one), no longer than the fields.
    for name in ("first_name", "last_name"):
        ProhibitNullCharactersValidator()(getattr(candidate, name))
        MaxLengthValidator(user_model._meta.get_field(name).max_length)(getattr(candidate, name))
    if len(username) > user_model._meta.get_field("username").max_length:
        raise ValidationError(
            "This email address is too long to sign in with: ask to be invited with a shorter one.",
            code="email_too_long",
        )
    password_validation.validate_password(password, candidate)
    if user_model.objects.filter(username__iexact=username).exists():
        # Only the holder of the emailed link sees this, about their own address.
        raise ValidationError(
            "An account already signs in with this email address: sign in to accept.",
            code="account_exists",
        )
    candidate.set_password(password)
    try:
        with transaction.atomic():
            candidate.save()
    except IntegrityError as error:
        raise ValidationError(
            "An account already signs in with this email address: sign in to accept.",
            code="account_exists",
        ) from error
    return invitation_accept(invitation=invitation, user=candidate)
