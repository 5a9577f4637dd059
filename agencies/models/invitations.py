import hashlib

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from .memberships import Role
from .organisations import Organisation


def token_digest(token: str) -> str:
    """Only a digest of the secret is stored: a database leak gives no working link."""
    return hashlib.sha256(token.encode()).hexdigest()


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True)


class Invitation(models.Model):
    """An agency admin's invitation of a person, by email, to join with a role.

    Nobody becomes a member without accepting one: the secret link, sent by
    email, works once and until `expires_at`.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    role = models.PositiveSmallIntegerField(choices=Role.choices, default=Role.VIEWER)
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_at", "pk"]
        constraints = [
            # One pending invitation per address and agency: a second one is a resend.
            models.UniqueConstraint(
                "organisation",
                Lower("email"),
                condition=models.Q(accepted_at__isnull=True),
                name="one_pending_invitation_per_email",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} to {self.organisation} ({self.get_role_display()})"

    @property
    def role_choice(self) -> Role:
        return Role(self.role)

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and not self.is_expired

    def get_resend_url(self) -> str:
        return reverse(
            "agencies:invitation-resend",
            kwargs={"agency": self.organisation.slug, "pk": self.pk},
        )

    def get_withdraw_url(self) -> str:
        return reverse(
            "agencies:invitation-withdraw",
            kwargs={"agency": self.organisation.slug, "pk": self.pk},
        )
