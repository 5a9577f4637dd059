"""The health rules, each on and off at its boundary, the sentences they say, and
`findings` putting them in order: severity, then rule, then title."""

from dataclasses import replace
from datetime import date

import pytest

from roadmap.rules.health import (
    HEALTH_RULE_TEXT,
    SEVERITIES,
    Finding,
    GapFacts,
    InitiativeFacts,
    ObjectiveFacts,
    RiskFacts,
    Rule,
    Severity,
    counts_by_severity,
    dependency_conflicts,
    findings,
    gaps_not_closed,
    initiatives_past_end,
    initiatives_without_objective,
    objectives_without_initiative,
    objectives_without_kpi,
    unfunded_starting_soon,
    unmitigated_high_risks,
)
from roadmap.rules.schedule import Span, conflicts

TODAY = date(2026, 12, 3)  # in December 2026


def initiative(**changes) -> InitiativeFacts:
    """A healthy initiative: planned, funded, serving an objective, well in the future."""
    healthy = InitiativeFacts(
        key=1,
        title="Cloud hosting",
        status="planned",
        start=date(2027, 6, 1),
        end=date(2027, 12, 1),
        objective_count=1,
        funding_status="approved",
    )
    return replace(healthy, **changes)


def objective(**changes) -> ObjectiveFacts:
    return replace(
        ObjectiveFacts(key=10, title="Services online", initiative_count=2, kpi_count=1), **changes
    )


def risk(**changes) -> RiskFacts:
    return replace(
        RiskFacts(key=20, title="Supplier fails", score=20, mitigation="", status="open"), **changes
    )


def rules_of(found: list[Finding]) -> list[str]:
    return [f.rule for f in found]


# Each rule, on and off ------------------------------------------------------------


def test_an_initiative_serving_no_objective():
    (found,) = initiatives_without_objective([initiative(objective_count=0)])

    assert found.rule is Rule.INITIATIVE_WITHOUT_OBJECTIVE
    assert found.severity is Severity.MEDIUM
    assert found.message == "The initiative “Cloud hosting” serves no objective."
    assert found.subject == ("initiative", 1)
    assert initiatives_without_objective([initiative(objective_count=1)]) == []
    assert initiatives_without_objective([initiative(objective_count=0, status="cancelled")]) == []
    # In the roadmap's own word for its objectives.
    (missions,) = initiatives_without_objective(
        [initiative(objective_count=0, objective_noun="mission")]
    )
    assert missions.message == "The initiative “Cloud hosting” serves no mission."


def test_an_objective_with_no_initiative():
    (found,) = objectives_without_initiative([objective(initiative_count=0)])

    assert found.message == "No initiative delivers the objective “Services online”."
    assert found.severity is Severity.MEDIUM
    assert found.subject == ("objective", 10)
    assert objectives_without_initiative([objective(initiative_count=1)]) == []


def test_an_objective_with_no_kpi():
    (found,) = objectives_without_kpi([objective(kpi_count=0)])

    assert found.message == "The objective “Services online” has no KPI to measure it."
    assert found.severity is Severity.LOW
    assert objectives_without_kpi([objective(kpi_count=1)]) == []


def test_a_dependency_conflict_names_both_and_the_months():
    build = initiative(key=1, title="Build", start=date(2027, 1, 1), end=date(2027, 3, 1))
    launch = initiative(key=2, title="Launch", start=date(2027, 1, 1), end=date(2027, 6, 1))
    spans = {i.key: Span(i.start, i.end) for i in (build, launch)}

    (found,) = dependency_conflicts(conflicts(spans, [(2, 1)]), {1: build, 2: launch})

    assert found.rule is Rule.DEPENDENCY_CONFLICT
    assert found.severity is Severity.HIGH
    assert found.subject == ("dependency", (2, 1))
    assert found.message == (
        "“Launch” starts in January 2027, but it depends on “Build”, which ends in "
        "March 2027: it starts 2 months too early."
    )


def test_a_conflict_of_one_month_says_one_month():
    build = initiative(key=1, title="Build", start=date(2027, 1, 1), end=date(2027, 3, 1))
    launch = initiative(key=2, title="Launch", start=date(2027, 2, 1), end=date(2027, 6, 1))
    spans = {i.key: Span(i.start, i.end) for i in (build, launch)}

    (found,) = dependency_conflicts(conflicts(spans, [(2, 1)]), {1: build, 2: launch})

    assert found.message.endswith("it starts 1 month too early.")
    assert conflicts(spans | {2: Span(date(2027, 3, 1), date(2027, 6, 1))}, [(2, 1)]) == []


@pytest.mark.parametrize(
    ("end", "status", "found"),
    [
        (date(2026, 11, 1), "in_progress", True),  # ended last month
        (date(2026, 12, 1), "in_progress", False),  # ends this month: not past yet
        (date(2027, 1, 1), "planned", False),
        (date(2025, 1, 1), "on_hold", True),
        (date(2025, 1, 1), "proposed", True),
        (date(2026, 11, 1), "done", False),
        (date(2026, 11, 1), "cancelled", False),
    ],
)
def test_an_initiative_past_its_end_and_not_done(end, status, found):
    given = initiative(start=date(2025, 1, 1), end=end, status=status)

    result = initiatives_past_end([given], today=TODAY)

    assert bool(result) == found
    if found:
        assert result[0].severity is Severity.HIGH
        assert result[0].message == (
            f"The initiative “Cloud hosting” was due to end in {end:%B %Y} and is not marked done."
        )


@pytest.mark.parametrize(
    ("changes", "found"),
    [
        ({}, True),
        ({"score": 15}, True),
        ({"score": 14}, False),
        ({"mitigation": "Two suppliers on the framework."}, False),
        ({"mitigation": "   \n"}, True),  # blank is no mitigation
        ({"status": "closed"}, False),
        ({"status": "monitoring"}, True),
    ],
)
def test_a_high_risk_with_no_mitigation_still_open(changes, found):
    result = unmitigated_high_risks([risk(**changes)])

    assert bool(result) == found
    if found:
        assert result[0].severity is Severity.HIGH
        assert result[0].subject == ("risk", 20)
        assert "“Supplier fails”" in result[0].message
        assert result[0].message.endswith("has no mitigation.")


@pytest.mark.parametrize(
    ("start", "changes", "found"),
    [
        (date(2026, 12, 1), {}, "starts this month and has no funding"),
        (date(2027, 3, 1), {}, "starts in March 2027 and has no funding"),  # three months on
        (date(2027, 4, 1), {}, None),  # four months on
        (date(2026, 11, 1), {}, None),  # started last month: not "starting"
        (
            date(2027, 1, 1),
            {"funding_status": "requested"},
            "starts in January 2027 and has funding requested but not yet approved",
        ),
        (date(2027, 1, 1), {"funding_status": "approved"}, None),
        (date(2027, 1, 1), {"status": "cancelled"}, None),
        (date(2027, 1, 1), {"status": "done"}, None),
        (date(2027, 1, 1), {"status": "on_hold"}, "starts in January 2027 and has no funding"),
    ],
)
def test_an_unfunded_initiative_starting_within_three_months(start, changes, found):
    given = initiative(start=start, end=date(2027, 12, 1), funding_status="unfunded")

    result = unfunded_starting_soon([replace(given, **changes)], today=TODAY)

    if found is None:
        assert result == []
    else:
        (finding,) = result
        assert finding.message == f"The initiative “Cloud hosting” {found}."
        assert finding.severity is Severity.MEDIUM


def test_a_gap_no_initiative_closes():
    (found,) = gaps_not_closed([GapFacts(key=30, title="No single sign-on", initiative_count=0)])

    assert found.message == "No initiative closes the gap “No single sign-on”."
    assert found.subject == ("gap", 30)
    assert found.severity is Severity.MEDIUM
    assert gaps_not_closed([GapFacts(key=30, title="No single sign-on", initiative_count=1)]) == []


# All together ---------------------------------------------------------------------


def test_a_healthy_roadmap_has_no_findings():
    assert (
        findings(
            today=TODAY,
            initiatives=[initiative()],
            objectives=[objective()],
            risks=[risk(mitigation="A plan.")],
            gaps=[GapFacts(key=30, title="Gap", initiative_count=1)],
            conflicts=[],
        )
        == []
    )


def test_findings_come_by_severity_then_rule_then_title():
    build = initiative(key=1, title="build", start=date(2027, 1, 1), end=date(2027, 3, 1))
    launch = initiative(key=2, title="Launch", start=date(2027, 2, 1), end=date(2027, 6, 1))
    orphans = [
        initiative(key=3, title="zebra crossing", objective_count=0),
        initiative(key=4, title="Apple", objective_count=0),
    ]
    late = initiative(key=5, title="Late", start=date(2025, 1, 1), end=date(2026, 1, 1))
    everyone = [build, launch, *orphans, late]
    spans = {i.key: Span(i.start, i.end) for i in everyone}

    found = findings(
        today=TODAY,
        initiatives=everyone,
        objectives=[objective(kpi_count=0), objective(key=11, title="A", initiative_count=0)],
        risks=[risk()],
        gaps=[GapFacts(key=30, title="Gap", initiative_count=0)],
        conflicts=conflicts(spans, [(2, 1)]),
    )

    assert [(f.severity.value, f.rule.value, f.title) for f in found] == [
        ("high", "dependency-conflict", "Launch"),
        ("high", "past-end", "Late"),
        ("high", "unmitigated-high-risk", "Supplier fails"),
        ("medium", "initiative-without-objective", "Apple"),  # case ignored
        ("medium", "initiative-without-objective", "zebra crossing"),
        ("medium", "objective-without-initiative", "A"),
        ("medium", "gap-not-closed", "Gap"),
        ("low", "objective-without-kpi", "Services online"),
    ]
    assert counts_by_severity(found) == {Severity.HIGH: 3, Severity.MEDIUM: 4, Severity.LOW: 1}


def test_the_same_facts_in_any_order_give_the_same_findings():
    facts = [initiative(key=n, title=f"Initiative {n % 3}", objective_count=0) for n in range(6)]

    forwards = findings(today=TODAY, initiatives=facts)

    assert findings(today=TODAY, initiatives=list(reversed(facts))) == forwards
    assert [f.key for f in forwards] == [0, 3, 1, 4, 2, 5]


def test_today_decides_what_is_late_and_what_is_soon():
    given = initiative(start=date(2027, 3, 1), end=date(2027, 4, 1), funding_status="unfunded")

    assert findings(today=date(2026, 11, 30), initiatives=[given]) == []
    assert rules_of(findings(today=date(2026, 12, 1), initiatives=[given])) == [
        Rule.UNFUNDED_STARTING_SOON
    ]
    assert rules_of(findings(today=date(2027, 5, 1), initiatives=[given])) == [Rule.PAST_END]


def test_no_counts_are_zeros_for_each_severity():
    assert counts_by_severity([]) == {Severity.HIGH: 0, Severity.MEDIUM: 0, Severity.LOW: 0}


def test_every_rule_has_a_severity_and_a_description_and_the_rule_text_gives_them():
    assert set(SEVERITIES) == set(Rule)
    for rule in Rule:
        assert rule.description.endswith(".")
    assert "15 or more" in Rule.UNMITIGATED_HIGH_RISK.description
    for severity in Severity:
        assert f"{severity.label} severity" in HEALTH_RULE_TEXT
    for words in ("15 or more", "three months", "no KPI", "no initiative closes"):
        assert words in HEALTH_RULE_TEXT
