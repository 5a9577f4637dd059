from django.conf import settings
from django.db import models


class Organisation(models.Model):
    """A public-sector agency: the unit of tenancy. Every object belongs to one."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    classification_marking = models.CharField(
        max_length=60,
        default="OFFICIAL",
        help_text="Printed in the header and footer of every page of exported reports.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "agency"
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name


class Role(models.IntegerChoices):
    """Ordered so that `role >= Role.EDITOR` reads as 'at least an editor'."""

    VIEWER = 10, "Viewer"
    EDITOR = 20, "Editor"
    LEAD = 30, "Programme lead"
    ADMIN = 40, "Agency admin"


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
