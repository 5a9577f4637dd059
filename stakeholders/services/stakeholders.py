"""Writes to a roadmap's stakeholder register, and to the record of what was
done with personal data (PersonalDataEvent)."""

from collections.abc import Iterable
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from roadmap.models import Roadmap
from roadmap.services._checks import check_fields
from ui.concurrency import Refused, editor, locked, only_known_fields, save_revised
from ui.ordering import next_position

from ..models import (
    Attitude,
    Engagement,
    EntryKind,
    PersonalDataAction,
    PersonalDataEvent,
    Stakeholder,
)
from ..rules.stakeholders import (
    ERASED_FIELDS,
    anonymised_name,
    contact_problems,
    members_problem,
    tag_problem,
    tags_from,
)

# What the stakeholder form edits (besides the members of a group), in its order.
FIELDS = (
    "kind",
    "name",
    "role",
    "organisation",
    "level",
    "influence",
    "interest",
    "attitude",
    "current_engagement",
    "desired_engagement",
    "relationship_owner",
    "tags",
    "notes",
    "email",
    "phone",
    "lawful_basis",
    "review_on",
)


def _checked(stakeholder: Stakeholder, members: Iterable[Stakeholder]) -> list[Stakeholder]:
    """The rules a form applies, for any caller (an import, the admin)."""
    stakeholder.name = stakeholder.name.strip()
    stakeholder.email = stakeholder.email.strip()
    stakeholder.phone = stakeholder.phone.strip()
    tags = tags_from(stakeholder.tags)
    if tags is None:
        raise Refused("tags", "Enter tags as words separated by commas.")
    stakeholder.tags = tags
    if problem := tag_problem(tags):
        raise Refused("tags", problem)
    check_fields(stakeholder, FIELDS)
    problems = contact_problems(
        is_group=stakeholder.kind == EntryKind.GROUP,
        email=stakeholder.email,
        phone=stakeholder.phone,
        lawful_basis=stakeholder.lawful_basis,
        review_on=stakeholder.review_on,
    )
    if problems:  # the first, as a form shows each beside its field
        raise Refused(*next(iter(problems.items())))
    members = list(members)
    if problem := members_problem(
        is_group=stakeholder.kind == EntryKind.GROUP,
        roadmap=stakeholder.roadmap_id,
        members=[(m.roadmap_id, m.kind == EntryKind.PERSON) for m in members],
    ):
        raise Refused("members", problem)
    return members


@transaction.atomic
def stakeholder_create(
    *,
    roadmap: Roadmap,
    name: str,
    level: str,
    kind: str = EntryKind.PERSON,
    role: str = "",
    organisation: str = "",
    influence: int = 3,
    interest: int = 3,
    attitude: str = Attitude.NEUTRAL,
    current_engagement: str = Engagement.NEUTRAL,
    desired_engagement: str = Engagement.SUPPORTIVE,
    relationship_owner: AbstractBaseUser | None = None,
    tags: list[str] | str = (),
    notes: str = "",
    email: str = "",
    phone: str = "",
    lawful_basis: str = "",
    review_on: date | None = None,
    members: Iterable[Stakeholder] = (),
    by: AbstractBaseUser | None = None,
) -> Stakeholder:
    stakeholder = Stakeholder(
        roadmap=roadmap,
        kind=kind,
        name=name,
        role=role,
        organisation=organisation,
        level=level,
        influence=influence,
        interest=interest,
        attitude=attitude,
        current_engagement=current_engagement,
        desired_engagement=desired_engagement,
        relationship_owner=relationship_owner,
        tags=tags if isinstance(tags, str) else list(tags),
        notes=notes,
        email=email,
        phone=phone,
        lawful_basis=lawful_basis,
        review_on=review_on,
        updated_by=editor(by),
    )
    chosen = _checked(stakeholder, members)
    locked(roadmap)  # two editors adding at once get distinct positions
    stakeholder.position = next_position(roadmap.stakeholders.all())
    stakeholder.save()
    stakeholder.members.set(chosen)
    return stakeholder


@transaction.atomic
def stakeholder_update(
    *,
    stakeholder: Stakeholder,
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
    members: Iterable[Stakeholder] | None = None,
    **fields,
) -> Stakeholder:
    """Change the fields given (any of FIELDS) and, when given, a group's members.
    `revision` is the one the user saw: a save over a later one is refused."""
    only_known_fields(fields, FIELDS, "stakeholder_update")
    if stakeholder.is_anonymised and (fields.get("email") or fields.get("phone")):
        raise Refused("email", "This entry was anonymised: it holds no contact details again.")
    for name, value in fields.items():
        setattr(stakeholder, name, value)
    current = stakeholder.members.all() if members is None else members
    chosen = _checked(stakeholder, current)
    save_revised(stakeholder, fields=FIELDS, revision=revision, by=by)
    if members is not None:
        stakeholder.members.set(chosen)
    return stakeholder


@transaction.atomic
def stakeholder_delete(*, stakeholder: Stakeholder) -> None:
    stakeholder.delete()


def personal_data_recorded(
    *,
    roadmap: Roadmap,
    action: str,
    by: AbstractBaseUser | None,
    stakeholder: Stakeholder | None = None,
    note: str = "",
) -> PersonalDataEvent:
    """Record what was done with personal data: who, when, to whom."""
    return PersonalDataEvent.objects.create(
        roadmap=roadmap, stakeholder=stakeholder, action=action, by=editor(by), note=note
    )


@transaction.atomic
def stakeholder_anonymise(*, stakeholder: Stakeholder, by: AbstractBaseUser) -> Stakeholder:
    """Erase the person's personal fields (rules/stakeholders.py ERASED_FIELDS),
    keep their place and history, and record who did it and when."""
    if stakeholder.kind != EntryKind.PERSON:
        raise Refused(None, "Only a person's entry is anonymised: a group holds no personal data.")
    if stakeholder.is_anonymised:
        raise Refused(None, "This entry is already anonymised.")
    locked(stakeholder)
    number = (
        Stakeholder.objects.filter(
            roadmap_id=stakeholder.roadmap_id, anonymised_at__isnull=False
        ).count()
        + 1
    )
    for name, value in ERASED_FIELDS.items():
        setattr(stakeholder, name, list(value) if isinstance(value, list) else value)
    stakeholder.name = anonymised_name(number)
    stakeholder.anonymised_at = timezone.now()
    stakeholder.bump(by)
    stakeholder.save(
        update_fields=[
            "name",
            *ERASED_FIELDS,
            "anonymised_at",
            "revision",
            "updated_at",
            "updated_by",
        ]
    )
    personal_data_recorded(
        roadmap=stakeholder.roadmap,
        stakeholder=stakeholder,
        action=PersonalDataAction.ANONYMISED,
        by=by,
        note=f"Entry {stakeholder.pk} anonymised on request.",
    )
    return stakeholder
