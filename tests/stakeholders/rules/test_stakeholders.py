"""The register's pure rules: tags, contact details, anonymisation, review dates."""

from datetime import date

import pytest

from stakeholders.rules.stakeholders import (
    ERASED_FIELDS,
    GROUP_CONTACT,
    KEPT_FIELDS,
    MEMBERS_OF_THIS_REGISTER,
    NO_LAWFUL_BASIS,
    NO_REVIEW_DATE,
    ONLY_GROUPS_HAVE_MEMBERS,
    anonymised_name,
    contact_problems,
    members_problem,
    normalised_tags,
    review_due,
    tag_problem,
)


@pytest.mark.parametrize(
    ("typed", "tags"),
    [
        ("", []),
        (" , ,", []),
        ("digital", ["digital"]),
        ("Digital,  north   region , digital,,UNIONS", ["Digital", "north region", "UNIONS"]),
    ],
)
def test_tags_typed_on_one_line_become_a_tidy_list(typed, tags):
    assert normalised_tags(typed) == tags


def test_too_many_or_too_long_tags_are_refused():
    assert tag_problem(["a"] * 20) == ""
    assert "at most 20 tags" in tag_problem([str(n) for n in range(21)])
    assert "40 characters" in tag_problem(["x" * 41])


def test_a_persons_contact_details_need_a_lawful_basis_and_a_review_date():
    problems = contact_problems(
        is_group=False, email="a@example.gov", phone="", lawful_basis="", review_on=None
    )
    assert problems == {"lawful_basis": NO_LAWFUL_BASIS, "review_on": NO_REVIEW_DATE}
    assert (
        contact_problems(
            is_group=False,
            email="",
            phone="0161",
            lawful_basis="consent",
            review_on=date(2030, 1, 1),
        )
        == {}
    )


def test_a_person_without_contact_details_needs_no_lawful_basis():
    assert (
        contact_problems(is_group=False, email="", phone=" ", lawful_basis="", review_on=None) == {}
    )


def test_a_group_has_no_contact_details():
    assert contact_problems(
        is_group=True, email="x@example.gov", phone="1", lawful_basis="consent", review_on=None
    ) == {"email": GROUP_CONTACT, "phone": GROUP_CONTACT}


def test_anonymisation_erases_what_identifies_and_keeps_what_places_them():
    assert {"role", "organisation", "email", "phone", "notes", "tags"} <= set(ERASED_FIELDS)
    assert not set(ERASED_FIELDS) & set(KEPT_FIELDS)
    assert {"level", "influence", "interest", "attitude"} <= set(KEPT_FIELDS)
    assert anonymised_name(3) == "Anonymised stakeholder 3"


def test_a_review_is_due_on_its_date_and_after():
    today = date(2026, 12, 3)
    assert review_due(date(2026, 12, 3), today)
    assert review_due(date(2026, 1, 1), today)
    assert not review_due(date(2026, 12, 4), today)
    assert not review_due(None, today)


@pytest.mark.parametrize(
    ("is_group", "members", "problem"),
    [
        (True, [], ""),
        (False, [], ""),
        (True, [(1, True), (1, True)], ""),
        (False, [(1, True)], ONLY_GROUPS_HAVE_MEMBERS),
        (True, [(1, True), (2, True)], MEMBERS_OF_THIS_REGISTER),  # another register's
        (True, [(1, False)], MEMBERS_OF_THIS_REGISTER),  # a group in a group
    ],
)
def test_only_a_group_has_members_and_they_are_people_of_its_register(is_group, members, problem):
    assert members_problem(is_group=is_group, roadmap=1, members=members) == problem
