"""Who is responsible, consulted and informed for an initiative (declared here,
pointing up to roadmap). Accountable is not stored: it is always the
initiative's sponsor, so the product never names two accountable people."""

from django.db import models

from .stakeholders import Stakeholder


class RaciRole(models.TextChoices):
    RESPONSIBLE = "responsible", "Responsible"
    CONSULTED = "consulted", "Consulted"
    INFORMED = "informed", "Informed"


class RaciAssignment(models.Model):
    initiative = models.ForeignKey(
        "roadmap.Initiative", on_delete=models.CASCADE, related_name="raci_assignments"
    )
    stakeholder = models.ForeignKey(
        Stakeholder, on_delete=models.CASCADE, related_name="raci_assignments"
    )
    role = models.CharField(max_length=20, choices=RaciRole.choices)

    class Meta:
        ordering = ["role", "stakeholder__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "stakeholder"], name="raci_one_role_per_stakeholder"
            )
        ]

    def __str__(self) -> str:
        return f"{self.stakeholder}: {self.get_role_display()}"
