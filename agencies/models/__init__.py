from .invitations import Invitation, token_digest
from .memberships import ROLE_DESCRIPTIONS, Membership, Role
from .organisations import MONTH_CHOICES, Organisation

__all__ = [
    "MONTH_CHOICES",
    "ROLE_DESCRIPTIONS",
    "Invitation",
    "Membership",
    "Organisation",
    "Role",
    "token_digest",
]
