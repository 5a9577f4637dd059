"""The accountable sponsor an initiative and an objective share: a member, or a
named person outside the product (name, role, organisation), never both
(rules/sponsors.py; a database constraint too)."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from ..rules.sponsors import BOTH, sponsor_text
from .roadmaps import TITLE_MAX_LENGTH

SPONSOR_FIELDS = ("sponsor", "sponsor_name", "sponsor_role", "sponsor_organisation")


class Sponsored(models.Model):
    sponsor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The one person accountable for it, if they are a member.",
    )
    sponsor_name = models.CharField(
        max_length=TITLE_MAX_LENGTH,
        blank=True,
        help_text="Or the accountable person's name, when they are not a member.",
    )
    sponsor_role = models.CharField(max_length=TITLE_MAX_LENGTH, blank=True)
    sponsor_organisation = models.CharField(max_length=TITLE_MAX_LENGTH, blank=True)

    class Meta:
        abstract = True

    @property
    def sponsor_text(self) -> str:
        """ "Ada Lovelace, Permanent Secretary, HM Treasury", or "" for nobody."""
        member = ""
        if self.sponsor_id is not None:
            member = self.sponsor.get_full_name().strip() or self.sponsor.get_username()
        return sponsor_text(
            member_name=member,
            name=self.sponsor_name,
            role=self.sponsor_role,
            organisation=self.sponsor_organisation,
        )


def one_sponsor(name: str) -> models.CheckConstraint:
    """The database's side of "one sponsor, not two"."""
    return models.CheckConstraint(
        condition=Q(sponsor__isnull=True) | Q(sponsor_name=""),
        name=name,
        violation_error_message=BOTH,
    )
