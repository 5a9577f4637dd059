from django.conf import settings
from django.db import models

from ui.formatting import with_a

from .organisations import Organisation


class Role(models.IntegerChoices):
    """Ordered so that `role >= Role.EDITOR` reads as 'at least an editor'."""

    VIEWER = 10, "Viewer"
    EDITOR = 20, "Editor"
    LEAD = 30, "Programme lead"
    ADMIN = 40, "Agency admin"

    @property
    def description(self) -> str:
        """What the role may do, in one line, for the members and invitation pages."""
        return ROLE_DESCRIPTIONS[self]

    @property
    def with_article(self) -> str:
        """ "a viewer", "an editor", "a programme lead", "an agency admin"."""
        return with_a(self.label.lower())


ROLE_DESCRIPTIONS = {
    Role.VIEWER: "Reads the agency's roadmaps, objectives, KPIs and exports.",
    Role.EDITOR: "Everything a viewer does, and writes the vision, objectives and KPIs.",
    Role.LEAD: "Everything an editor does, and exports the official PDF report.",
    Role.ADMIN: "Everything a programme lead does, and manages members, invitations "
    "and the agency's settings.",
}


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.PositiveSmallIntegerField(choices=Role.choices, default=Role.VIEWER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="one_membership_per_agency"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.organisation} ({self.get_role_display()})"

    @property
    def role_choice(self) -> Role:
        return Role(self.role)

    def has_role(self, minimum: Role) -> bool:
        return self.role >= minimum

    @property
    def can_edit(self) -> bool:
        return self.has_role(Role.EDITOR)

    @property
    def can_lead(self) -> bool:
        return self.has_role(Role.LEAD)

    @property
    def can_administer(self) -> bool:
        return self.has_role(Role.ADMIN)
