"""Which source fits which gap: the picker beside the source holds a thing of
that kind (a weakness, a system to migrate or eliminate, a process on paper or
partly online, a dimension), and the other pickers are empty."""

import pytest

from assessments.rules.gaps import ChosenSource, severity_rank, source_problems


@pytest.mark.parametrize(
    ("source", "chosen"),
    [
        ("other", ChosenSource()),
        ("dimension", ChosenSource(dimension=True)),
        ("weakness", ChosenSource(weakness_quadrant="weakness")),
        ("system", ChosenSource(system_lifecycle="migrate")),
        ("system", ChosenSource(system_lifecycle="eliminate")),
        ("process", ChosenSource(process_digitisation="paper")),
        ("process", ChosenSource(process_digitisation="partly_online")),
    ],
)
def test_a_matching_source_is_fine(source, chosen):
    assert source_problems(source, chosen) == {}


def test_a_weakness_that_is_a_strength_is_refused():
    assert source_problems("weakness", ChosenSource(weakness_quadrant="strength")) == {
        "weakness": "Choose a weakness: that SWOT item is a strength."
    }


def test_a_system_to_keep_is_refused():
    assert source_problems("system", ChosenSource(system_lifecycle="tolerate")) == {
        "system": "Choose a system marked migrate or eliminate: that one is marked tolerate."
    }


def test_a_process_online_end_to_end_is_refused():
    problems = source_problems("process", ChosenSource(process_digitisation="online"))
    assert problems == {
        "process": "Choose a process on paper or partly online: that one is online end to end."
    }


@pytest.mark.parametrize(
    ("source", "field", "message"),
    [
        ("weakness", "weakness", "Choose the weakness the gap comes from."),
        ("system", "system", "Choose the system to migrate or eliminate."),
        ("process", "process", "Choose the process still on paper or partly online."),
        ("dimension", "dimension", "Choose the dimension that scored low."),
    ],
)
def test_a_source_with_nothing_chosen_asks_for_it(source, field, message):
    assert source_problems(source, ChosenSource()) == {field: message}


def test_a_picker_of_another_kind_must_be_empty():
    chosen = ChosenSource(weakness_quadrant="weakness", system_lifecycle="migrate")
    assert source_problems("other", chosen) == {
        "weakness": "Leave this empty: the gap's source is not a weakness.",
        "system": "Leave this empty: the gap's source is not a system.",
    }


def test_gaps_sort_most_severe_first():
    severities = ["low", "critical", "medium", "high"]
    assert sorted(severities, key=severity_rank) == ["critical", "high", "medium", "low"]
