"""The stakeholder register: people and groups, where they stand, and (for
people) the personal data held about them, its lawful basis and review date.

Names and roles are visible to every member; email and phone only to editors
and above. An anonymised person keeps their history without their personal
fields (`anonymised_at` says when that was done).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from roadmap.models import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH, Roadmap
from ui.addresses import Addressed
from ui.concurrency import Revisioned


def scale_field(what: str, help_text: str) -> models.PositiveSmallIntegerField:
    message = f"Enter {what} from 1 to 5."
    return models.PositiveSmallIntegerField(
        default=3,
        help_text=help_text,
        validators=[MinValueValidator(1, message=message), MaxValueValidator(5, message=message)],
    )


class EntryKind(models.TextChoices):
    PERSON = "person", "Person"
    GROUP = "group", "Group"


class Level(models.TextChoices):
    ELECTED = "elected", "Elected officials"
    EXECUTIVE = "executive", "Executive"
    SENIOR = "senior", "Senior management"
    MIDDLE = "middle", "Middle management"
    STAFF = "staff", "Staff"
    UNIONS = "unions", "Unions"
    CITIZENS = "citizens", "Citizens and service users"
    PARTNERS = "partners", "Partners and vendors"
    REGULATORS = "regulators", "Regulators and oversight"


class Attitude(models.TextChoices):
    CHAMPION = "champion", "Champion"
    SUPPORTER = "supporter", "Supporter"
    NEUTRAL = "neutral", "Neutral"
    SCEPTIC = "sceptic", "Sceptic"
    BLOCKER = "blocker", "Blocker"


class Engagement(models.TextChoices):
    """Engagement levels, lowest first (the order matters: a gap is desired above current)."""

    UNAWARE = "unaware", "Unaware"
    RESISTANT = "resistant", "Resistant"
    NEUTRAL = "neutral", "Neutral"
    SUPPORTIVE = "supportive", "Supportive"
    LEADING = "leading", "Leading"


class LawfulBasis(models.TextChoices):
    """The lawful bases for processing personal data (UK GDPR / GDPR Article 6)."""

    PUBLIC_TASK = "public_task", "Public task"
    LEGITIMATE_INTERESTS = "legitimate_interests", "Legitimate interests"
    CONSENT = "consent", "Consent"
    LEGAL_OBLIGATION = "legal_obligation", "Legal obligation"
    CONTRACT = "contract", "Contract"
    VITAL_INTERESTS = "vital_interests", "Vital interests"


class Stakeholder(Addressed, Revisioned):
    roadmap = models.ForeignKey(Roadmap, on_delete=models.CASCADE, related_name="stakeholders")
    kind = models.CharField(max_length=10, choices=EntryKind.choices, default=EntryKind.PERSON)
    name = models.CharField(max_length=TITLE_MAX_LENGTH)
    role = models.CharField("role or title", max_length=TITLE_MAX_LENGTH, blank=True)
    organisation = models.CharField("organisation or unit", max_length=TITLE_MAX_LENGTH, blank=True)
    level = models.CharField(max_length=20, choices=Level.choices)
    influence = scale_field("an influence", "1 (little) to 5 (decisive).")
    interest = scale_field("an interest", "1 (little) to 5 (very high).")
    attitude = models.CharField(max_length=20, choices=Attitude.choices, default=Attitude.NEUTRAL)
    current_engagement = models.CharField(
        max_length=20, choices=Engagement.choices, default=Engagement.NEUTRAL
    )
    desired_engagement = models.CharField(
        max_length=20, choices=Engagement.choices, default=Engagement.SUPPORTIVE
    )
    relationship_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The member who keeps in touch with them.",
    )
    tags = models.JSONField(default=list, blank=True)
    notes = models.TextField(max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    # The people in a group, when they are in the register too.
    members = models.ManyToManyField("self", symmetrical=False, related_name="groups", blank=True)
    # Personal data (people only): shown to editors and above.
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    lawful_basis = models.CharField(
        "lawful basis", max_length=30, choices=LawfulBasis.choices, blank=True
    )
    review_on = models.DateField(
        "review date", null=True, blank=True, help_text="When to check the data is still needed."
    )
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(influence__gte=1, influence__lte=5)
                & Q(interest__gte=1, interest__lte=5),
                name="stakeholder_scales_1_to_5",
            ),
            # Contact details belong to a person, never to a group.
            models.CheckConstraint(
                condition=Q(kind="person") | (Q(email="") & Q(phone="")),
                name="stakeholder_group_has_no_contact",
            ),
        ]

    url_name = "stakeholders:stakeholder"

    def __str__(self) -> str:
        return self.name

    def url_kwargs(self) -> dict[str, str | int]:
        return {**self.roadmap.url_kwargs(), "pk": self.pk}

    def get_absolute_url(self) -> str:
        return self.address("stakeholders:stakeholder")

    @property
    def is_group(self) -> bool:
        return self.kind == EntryKind.GROUP

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None


class PersonalDataAction(models.TextChoices):
    ANONYMISED = "anonymised", "Anonymised on request"
    SUBJECT_EXPORT = "subject_export", "Data-subject export"
    REGISTER_EXPORT = "register_export", "Register exported with personal data"


class PersonalDataEvent(models.Model):
    """A record of what was done with personal data: who, when, what (kept after
    anonymisation; it names the entry by its key, not its erased name)."""

    roadmap = models.ForeignKey(
        Roadmap, on_delete=models.CASCADE, related_name="personal_data_events"
    )
    stakeholder = models.ForeignKey(
        Stakeholder, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=30, choices=PersonalDataAction.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=TITLE_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} at {self.at:%Y-%m-%d %H:%M}"
