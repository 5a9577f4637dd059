"""The schedule rules: spans in whole months, circles of dependencies named in
plain words, conflicts at month precision and the critical path, on hand-made
graphs, a large random one, and (with Hypothesis) small graphs against brute force."""

import random
from datetime import date
from graphlib import CycleError, TopologicalSorter
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmap.rules.schedule import (
    SCHEDULE_RULE_TEXT,
    Conflict,
    DependencyCycleError,
    ScheduleError,
    Span,
    chain_months,
    conflicts,
    critical_path,
    cycle_message,
    dependency_cycle,
)


def month(year: int, number: int) -> date:
    return date(year, number, 1)


def span(first: tuple[int, int], last: tuple[int, int]) -> Span:
    return Span(month(*first), month(*last))


def spans_of(months: dict) -> dict:
    """Back-to-back spans of the given lengths from January 2026: only the lengths
    matter to the critical path."""
    return {
        key: Span(month(2026, 1), _add_months(month(2026, 1), n - 1)) for key, n in months.items()
    }


def _add_months(day: date, count: int) -> date:
    index = day.year * 12 + day.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


# Spans ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "last", "months"),
    [
        ((2026, 1), (2026, 3), 3),  # January to March
        ((2026, 5), (2026, 5), 1),  # one month
        ((2025, 11), (2026, 2), 4),  # across a new year
        ((2026, 1), (2030, 12), 60),
    ],
)
def test_a_span_counts_its_start_and_end_months(first, last, months):
    assert span(first, last).months == months


def test_only_the_month_of_a_date_counts():
    assert Span(date(2026, 1, 31), date(2026, 3, 1)).months == 3
    assert Span(date(2026, 3, 20), date(2026, 3, 2)).months == 1  # same month: fine


def test_an_end_before_the_start_month_is_refused_with_a_plain_message():
    with pytest.raises(ScheduleError) as refused:
        span((2026, 4), (2026, 3))

    assert str(refused.value) == "The end must be in or after the start month."
    assert refused.value.field == "end"
    assert isinstance(refused.value, ValueError)


# Circles of dependencies ------------------------------------------------------------

CHAIN = [("B", "A"), ("C", "B"), ("D", "C")]  # D depends on C, C on B, B on A
DIAMOND = [("B", "A"), ("C", "A"), ("D", "B"), ("D", "C")]


def is_circle_of(cycle: list, edges: list) -> bool:
    """Each key depends on the next, through `edges`, and the path comes back."""
    return cycle[0] == cycle[-1] and all(pair in edges for pair in pairwise(cycle))


def test_a_dependency_on_itself_is_the_circle_of_one():
    assert dependency_cycle([], ("A", "A")) == ["A", "A"]
    assert dependency_cycle(CHAIN, ("C", "C")) == ["C", "C"]


def test_two_initiatives_depending_on_each_other_make_a_circle():
    assert dependency_cycle([("A", "B")], ("B", "A")) == ["B", "A", "B"]


def test_a_circle_across_five_is_named_from_the_new_dependency_round():
    edges = [("A", "B"), ("B", "C"), ("C", "D"), ("D", "E")]

    cycle = dependency_cycle(edges, ("E", "A"))

    assert cycle == ["E", "A", "B", "C", "D", "E"]
    assert is_circle_of(cycle, [*edges, ("E", "A")])


def test_the_shortest_circle_is_named_when_there_are_several():
    # D depends on C directly and through B: adding "C depends on D" closes both.
    edges = [("D", "C"), ("D", "B"), ("B", "C")]

    assert dependency_cycle(edges, ("C", "D")) == ["C", "D", "C"]


@pytest.mark.parametrize(
    ("edges", "new_edge"),
    [
        (CHAIN, ("D", "A")),  # a shortcut along the chain
        (CHAIN, ("A", "Z")),  # a new prerequisite for the first
        (DIAMOND, ("D", "A")),
        (DIAMOND, ("C", "B")),  # across the diamond, same direction
        ([], ("A", "B")),
        (CHAIN, ("B", "A")),  # already there: not a circle
    ],
)
def test_a_dependency_that_makes_no_circle_is_none(edges, new_edge):
    assert dependency_cycle(edges, new_edge) is None


@pytest.mark.parametrize(
    ("edges", "new_edge", "cycle"),
    [
        (CHAIN, ("A", "D"), ["A", "D", "C", "B", "A"]),
        (DIAMOND, ("A", "D"), ["A", "D", "B", "A"]),  # B before C: the first found
        ([*DIAMOND, ("X", "Y")], ("B", "D"), ["B", "D", "B"]),
    ],
)
def test_a_dependency_that_closes_a_circle_names_it(edges, new_edge, cycle):
    found = dependency_cycle(edges, new_edge)

    assert found == cycle
    assert is_circle_of(found, [*edges, new_edge])


def test_a_long_chain_needs_no_recursion():
    edges = [(n + 1, n) for n in range(20_000)]

    cycle = dependency_cycle(edges, (0, 20_000))

    assert len(cycle) == 20_002
    assert cycle[0] == cycle[-1] == 0


def test_the_circle_is_said_in_plain_words_with_every_name_quoted():
    names = {1: "Cloud hosting", 2: "Data platform", 3: "Digital ID"}

    assert cycle_message([1, 2, 3, 1], names) == (
        "This would make a circle of dependencies: “Cloud hosting” depends on "
        "“Data platform”, “Data platform” depends on “Digital ID”, and “Digital ID” "
        "depends on “Cloud hosting”."
    )
    assert cycle_message([1, 2, 1], names) == (
        "This would make a circle of dependencies: “Cloud hosting” depends on "
        "“Data platform” and “Data platform” depends on “Cloud hosting”."
    )
    assert cycle_message([3, 3], names) == "“Digital ID” cannot depend on itself."


def test_a_circle_found_is_named_whole_in_the_message():
    names = {key: f"Initiative {key}" for key in "ABCDE"}
    edges = [("A", "B"), ("B", "C"), ("C", "D"), ("D", "E")]

    message = cycle_message(dependency_cycle(edges, ("E", "A")), names)

    assert message.count("depends on") == 5
    for key in "ABCDE":
        assert f"“Initiative {key}”" in message


# Conflicts ------------------------------------------------------------------------


def test_starting_in_the_month_the_prerequisite_ends_is_no_conflict():
    spans = {"build": span((2026, 1), (2026, 3)), "launch": span((2026, 3), (2026, 5))}

    assert conflicts(spans, [("launch", "build")]) == []


def test_starting_one_month_before_the_prerequisite_ends_is_a_conflict():
    spans = {"build": span((2026, 1), (2026, 3)), "launch": span((2026, 2), (2026, 5))}

    assert conflicts(spans, [("launch", "build")]) == [Conflict("launch", "build", 1)]


def test_starting_after_the_prerequisite_ends_is_no_conflict():
    spans = {"build": span((2026, 1), (2026, 3)), "launch": span((2026, 4), (2026, 5))}

    assert conflicts(spans, [("launch", "build")]) == []


def test_the_conflict_counts_the_months_too_early_across_a_year():
    spans = {"build": span((2025, 6), (2026, 2)), "launch": span((2025, 10), (2026, 6))}

    (found,) = conflicts(spans, [("launch", "build")])

    assert found.overlap_months == 4  # October to January, before February


def test_the_direction_of_a_dependency_matters():
    spans = {"build": span((2026, 1), (2026, 3)), "launch": span((2026, 2), (2026, 5))}

    # "build depends on launch": launch ends in May, build starts in January.
    assert conflicts(spans, [("build", "launch")]) == [Conflict("build", "launch", 4)]


def test_conflicts_come_by_the_dependants_start_then_keys_once_each():
    spans = {
        1: span((2026, 1), (2026, 6)),
        2: span((2026, 1), (2026, 6)),
        3: span((2026, 3), (2026, 4)),  # starts before 1 and 2 end
        4: span((2026, 2), (2026, 2)),  # starts before 1 ends
        5: span((2026, 7), (2026, 8)),  # fine
    }
    edges = [(3, 2), (3, 1), (4, 1), (5, 1), (3, 2)]

    assert conflicts(spans, edges) == [Conflict(4, 1, 4), Conflict(3, 1, 3), Conflict(3, 2, 3)]


def test_dependencies_of_initiatives_without_dates_are_skipped():
    spans = {1: span((2026, 1), (2026, 6))}

    assert conflicts(spans, [(2, 1), (1, 3), (1, 1)]) == []


# The critical path ------------------------------------------------------------------


def test_a_chain_is_its_own_critical_path_first_to_last():
    spans = spans_of({"A": 2, "B": 3, "C": 1, "D": 4})

    path = critical_path(spans, CHAIN)

    assert path == ["A", "B", "C", "D"]
    assert chain_months(spans, path) == 10


def test_a_diamond_takes_its_longer_side():
    spans = spans_of({"A": 1, "B": 2, "C": 5, "D": 1})

    assert critical_path(spans, DIAMOND) == ["A", "C", "D"]


def test_a_diamond_with_equal_sides_takes_the_lower_key():
    spans = spans_of({"A": 1, "B": 3, "C": 3, "D": 1})

    assert critical_path(spans, DIAMOND) == ["A", "B", "D"]
    assert critical_path(spans, list(reversed(DIAMOND))) == ["A", "B", "D"]


def test_of_two_disconnected_parts_the_longer_chain_wins():
    spans = spans_of({"A": 2, "B": 2, "X": 3, "Y": 2, "Z": 1})
    edges = [("B", "A"), ("Y", "X"), ("Z", "Y")]

    assert critical_path(spans, edges) == ["X", "Y", "Z"]  # 6 months against 4


def test_a_single_long_initiative_beats_a_shorter_chain():
    spans = spans_of({"A": 2, "B": 2, "Solo": 5})

    assert critical_path(spans, [("B", "A")]) == ["Solo"]


def test_with_no_dependencies_it_is_the_longest_initiative_lowest_key_on_a_tie():
    assert critical_path(spans_of({3: 4, 1: 2, 2: 4}), []) == [2]


def test_with_no_initiatives_there_is_no_path():
    assert critical_path({}, []) == []


def test_it_counts_duration_not_the_dates_themselves():
    # B starts long after A ends: the gap between them is not on the path's total.
    spans = {"A": span((2026, 1), (2026, 2)), "B": span((2027, 1), (2027, 3))}

    path = critical_path(spans, [("B", "A")])

    assert path == ["A", "B"]
    assert chain_months(spans, path) == 5


def test_dependencies_on_initiatives_without_dates_are_ignored_and_repeats_count_once():
    spans = spans_of({"A": 2, "B": 2})

    assert critical_path(spans, [("B", "A"), ("B", "A"), ("B", "ghost"), ("ghost", "A")]) == [
        "A",
        "B",
    ]


def test_a_circle_in_the_data_raises_naming_it():
    spans = spans_of({"A": 1, "B": 1, "C": 1, "D": 1, "E": 1, "F": 1})
    edges = [("A", "B"), ("B", "C"), ("C", "D"), ("D", "E"), ("E", "A"), ("F", "A")]

    with pytest.raises(DependencyCycleError) as raised:
        critical_path(spans, edges)

    cycle = raised.value.cycle
    assert set(cycle) == set("ABCDE")
    assert is_circle_of(cycle, edges)
    assert isinstance(raised.value, ScheduleError)


def test_a_dependency_on_itself_in_the_data_raises():
    with pytest.raises(DependencyCycleError) as raised:
        critical_path(spans_of({"A": 1}), [("A", "A")])

    assert raised.value.cycle == ["A", "A"]


def random_dag(nodes: int, edges: int, seed: int) -> tuple[dict, list]:
    """`nodes` initiatives of 1 to 24 months, `edges` dependencies, each from a later
    to an earlier initiative in a shuffled order (so the graph is acyclic)."""
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    order = list(range(nodes))
    rng.shuffle(order)
    pairs = set()
    while len(pairs) < edges:
        a, b = sorted(rng.sample(range(nodes), 2))
        pairs.add((order[b], order[a]))
    spans = spans_of({key: rng.randint(1, 24) for key in range(nodes)})
    return spans, sorted(pairs)


def longest_chains_by_relaxation(spans: dict, edges: list) -> dict:
    """The longest chain ending at each key, in months, by relaxing every dependency
    until nothing changes: slow, simple, and independent of the code under test."""
    best = {key: s.months for key, s in spans.items()}
    changed = True
    while changed:
        changed = False
        for dependant, prerequisite in edges:
            through = best[prerequisite] + spans[dependant].months
            if through > best[dependant]:
                best[dependant] = through
                changed = True
    return best


def test_500_initiatives_with_1500_dependencies():
    spans, edges = random_dag(500, 1500, seed=11)
    edge_set = set(edges)

    path = critical_path(spans, edges)

    assert all((after, before) in edge_set for before, after in pairwise(path))
    assert chain_months(spans, path) == max(longest_chains_by_relaxation(spans, edges).values())
    assert is_circle_of(dependency_cycle(edges, (path[0], path[-1])), [*edges, (path[0], path[-1])])
    assert dependency_cycle(edges, (path[-1], path[0])) is None
    assert len(conflicts(spans, edges)) > 0  # back-to-back spans from one month: many


def test_the_rule_text_says_the_rules_in_plain_words():
    for words in ("January to March is three months", "same month", "longest total duration"):
        assert words in SCHEDULE_RULE_TEXT


# Properties on small graphs, against brute force ------------------------------------


@st.composite
def small_dags(draw, max_nodes: int = 7):
    """A random acyclic graph: keys 0..n-1 in a drawn order, each dependency from a
    later to an earlier key in that order; durations 1 to 12 months."""
    n = draw(st.integers(min_value=1, max_value=max_nodes))
    order = draw(st.permutations(range(n)))
    possible = [(order[j], order[i]) for i in range(n) for j in range(i + 1, n)]
    edges = draw(st.lists(st.sampled_from(possible), unique=True)) if possible else []
    lengths = draw(st.lists(st.integers(1, 12), min_size=n, max_size=n))
    return spans_of(dict(enumerate(lengths))), edges


def all_chains(spans: dict, edges: list) -> list[list]:
    """Every chain of dependent initiatives, first to last, by brute force."""
    dependants = {key: [a for a, b in edges if b == key] for key in spans}
    chains = []
    stack = [[key] for key in spans]
    while stack:
        chain = stack.pop()
        chains.append(chain)
        stack.extend([*chain, after] for after in dependants[chain[-1]])
    return chains


@given(small_dags())
def test_the_critical_path_is_a_chain_no_other_chain_is_longer_than(graph):
    spans, edges = graph

    path = critical_path(spans, edges)

    assert path and all(key in spans for key in path)
    assert all((after, before) in edges for before, after in pairwise(path))
    longest = max(chain_months(spans, chain) for chain in all_chains(spans, edges))
    assert chain_months(spans, path) == longest
    assert critical_path(spans, list(reversed(edges))) == path  # whatever the input order


def is_acyclic(keys, edges) -> bool:
    sorter = TopologicalSorter({key: set() for key in keys})
    for dependant, prerequisite in edges:
        sorter.add(dependant, prerequisite)
    try:
        sorter.prepare()
    except CycleError:
        return False
    return True


@given(small_dags(), st.data())
def test_a_circle_is_found_exactly_when_the_new_dependency_makes_one(graph, data):
    spans, edges = graph
    keys = sorted(spans)
    new_edge = (data.draw(st.sampled_from(keys)), data.draw(st.sampled_from(keys)))

    cycle = dependency_cycle(edges, new_edge)

    assert (cycle is None) == is_acyclic(keys, [*edges, new_edge])
    if cycle is not None:
        assert cycle[:2] == list(new_edge)
        assert is_circle_of(cycle, [*edges, new_edge])
