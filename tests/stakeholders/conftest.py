"""Fixtures shared by the stakeholders tests: a few register entries in agency
A's roadmap (people and a group) and one in agency B's."""

import pytest

from stakeholders.models import EntryKind, Level, Stakeholder


def make_stakeholder(roadmap, name, *, kind=EntryKind.PERSON, level=Level.SENIOR, **fields):
    return Stakeholder.objects.create(roadmap=roadmap, name=name, kind=kind, level=level, **fields)


@pytest.fixture
def ada(roadmap):
    return make_stakeholder(
        roadmap, "Ada Lovelace", role="Chief digital officer", email="ada@example.gov"
    )


@pytest.fixture
def bob(roadmap):
    return make_stakeholder(roadmap, "Bob Marley", role="Union representative", level=Level.UNIONS)


@pytest.fixture
def frontline(roadmap):
    return make_stakeholder(roadmap, "Frontline staff", kind=EntryKind.GROUP, level=Level.STAFF)


@pytest.fixture
def stranger(other_roadmap):
    return make_stakeholder(other_roadmap, "Agency B's minister", level=Level.ELECTED)
