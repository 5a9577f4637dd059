from . import invitations, memberships

__all__ = ["invitations", "memberships"]
