"""Fixtures of the stakeholders tests: a person with contact details and a group
in agency A's roadmap, and a person in agency B's."""

from datetime import date

import pytest

from stakeholders.models import EntryKind, Level
from stakeholders.services.stakeholders import stakeholder_create


def person(roadmap, name="Dana Whitfield", **fields):
    values = {
        "level": "senior",
        "role": "Head of licensing",
        "organisation": "Licensing",
        "email": "dana@example.gov",
        "phone": "01632 960 111",
        "lawful_basis": "public_task",
        "review_on": date(2030, 1, 1),
    }
    values.update(fields)
    return stakeholder_create(roadmap=roadmap, name=name, **values)


def make_stakeholder(roadmap, name, *, kind=EntryKind.PERSON, level=Level.SENIOR, **fields):
    """An entry with only what is given: the register's rules apply, as in person()."""
    return stakeholder_create(roadmap=roadmap, name=name, kind=kind, level=level, **fields)


@pytest.fixture
def ada(roadmap):
    return make_stakeholder(
        roadmap,
        "Ada Lovelace",
        role="Chief digital officer",
        email="ada@example.gov",
        lawful_basis="public_task",
        review_on=date(2030, 1, 1),
    )


@pytest.fixture
def bob(roadmap):
    return make_stakeholder(roadmap, "Bob Marley", role="Union representative", level=Level.UNIONS)


def group(roadmap, name="Frontline staff", **fields):
    return stakeholder_create(
        roadmap=roadmap, name=name, kind="group", **{"level": "staff", **fields}
    )


@pytest.fixture
def dana(roadmap):
    return person(roadmap)


@pytest.fixture
def frontline(roadmap):
    return group(roadmap)


@pytest.fixture
def stranger(other_roadmap):
    return person(other_roadmap, name="Agency B's minister", email="b@example.gov")
