"""One sponsor, written once (roadmap/rules/sponsors.py), and the words for a
roadmap's objectives (roadmap/rules/labels.py)."""

import pytest

from roadmap.rules.labels import OBJECTIVE_LABELS, objective_words
from roadmap.rules.sponsors import BOTH, NO_NAME, sponsor_problems, sponsor_text


@pytest.mark.parametrize(
    "member, name, role, organisation, problems",
    [
        (False, "", "", "", {}),  # nobody yet: allowed, said on the page
        (True, "", "", "", {}),
        (False, "Amina Okafor", "Permanent Secretary", "DWP", {}),
        (False, "Amina Okafor", "", "", {}),
        (True, "Amina Okafor", "", "", {"sponsor_name": BOTH}),
        (False, "", "Permanent Secretary", "", {"sponsor_name": NO_NAME}),
        (False, "  ", "", "DWP", {"sponsor_name": NO_NAME}),
    ],
)
def test_one_named_sponsor(member, name, role, organisation, problems):
    assert (
        sponsor_problems(
            has_member_sponsor=member,
            sponsor_name=name,
            sponsor_role=role,
            sponsor_organisation=organisation,
        )
        == problems
    )


def test_a_sponsor_is_printed_with_name_role_and_organisation():
    assert (
        sponsor_text(
            member_name="", name="Amina Okafor", role="Permanent Secretary", organisation="DWP"
        )
        == "Amina Okafor, Permanent Secretary, DWP"
    )
    assert sponsor_text(member_name="Lena Lead", name="", role="", organisation="") == "Lena Lead"
    assert sponsor_text(member_name="", name="", role="", organisation="") == ""


@pytest.mark.parametrize(
    "label, numbered, plural, add, section",
    [
        ("objective", "Objective 2", "objectives", "Add an objective", "Objectives and KPIs"),
        ("mission", "Mission 2", "missions", "Add a mission", "Missions and KPIs"),
        ("priority", "Priority 2", "priorities", "Add a priority", "Priorities and KPIs"),
        ("outcome", "Outcome 2", "outcomes", "Add an outcome", "Outcomes and KPIs"),
    ],
)
def test_the_words_for_a_roadmaps_objectives(label, numbered, plural, add, section):
    words = objective_words(label)
    assert (words.numbered(2), words.lower_plural, words.add, words.section) == (
        numbered,
        plural,
        add,
        section,
    )
    assert words.count(1) == f"1 {words.lower}"
    assert words.count(3) == f"3 {plural}"


def test_an_unknown_label_reads_as_objective_and_every_label_has_its_plural():
    assert objective_words("nonsense").singular == "Objective"
    assert all(words.plural != words.singular for words in OBJECTIVE_LABELS.values())
