from django.db.models import QuerySet

from ..access import in_agency
from ..models import Invitation, Membership, token_digest


def pending_invitations(membership: Membership) -> QuerySet[Invitation]:
    """The caller's agency's invitations not yet accepted, newest first."""
    return in_agency(
        Invitation.objects.pending().select_related("organisation", "invited_by"), membership
    ).order_by("-sent_at", "pk")


def invitation_by_token(token: str) -> Invitation | None:
    """The invitation a link names, used or not; None for a link that never was."""
    if not token or len(token) > 100:
        return None
    return (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(token_digest=token_digest(token))
        .first()
    )
