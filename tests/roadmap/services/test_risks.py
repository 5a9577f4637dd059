"""Risks' writes: the score and level by the rule (a high risk scores 15 or
more), refused naming the field when out of range or linked across roadmaps,
the initiatives kept or changed."""

from datetime import date

import pytest

from roadmap.models import Risk
from roadmap.rules.risks import RiskLevel
from roadmap.services.initiatives import initiative_create
from roadmap.services.risks import risk_create, risk_delete, risk_update
from ui.concurrency import Refused, StaleEdit

pytestmark = pytest.mark.django_db


def plan(roadmap, title="Cloud hosting"):
    return initiative_create(
        roadmap=roadmap,
        title=title,
        component=roadmap.components.first(),
        start_month=date(2026, 4, 1),
        end_month=date(2027, 3, 1),
    )


@pytest.mark.parametrize(
    ("likelihood", "impact", "score", "level"),
    [
        (3, 5, 15, RiskLevel.HIGH),
        (5, 5, 25, RiskLevel.HIGH),
        (1, 5, 5, RiskLevel.MEDIUM),
        (1, 4, 4, RiskLevel.LOW),
    ],
)
def test_score_and_level_follow_the_rule(roadmap, likelihood, impact, score, level):
    risk = risk_create(roadmap=roadmap, title="Risk", likelihood=likelihood, impact=impact)
    assert (risk.score, risk.level) == (score, level)


def test_below_fifteen_is_medium_and_fifteen_is_high(roadmap):
    below = risk_create(roadmap=roadmap, title="Below", likelihood=3, impact=4)  # 12
    at = risk_create(roadmap=roadmap, title="At", likelihood=5, impact=3)  # 15
    assert (below.level, at.level) == (RiskLevel.MEDIUM, RiskLevel.HIGH)
    assert at.unmitigated_high and not below.unmitigated_high


def test_a_high_risk_is_flagged_until_mitigated_or_closed(roadmap):
    risk = risk_create(roadmap=roadmap, title="Supplier fails", likelihood=4, impact=5)
    assert risk.unmitigated_high
    risk_update(risk=risk, mitigation="A second supplier on standby.")
    assert not risk.unmitigated_high
    risk_update(risk=risk, mitigation="", status="closed")
    assert not risk.unmitigated_high


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"likelihood": 0}, "likelihood", "between 1 and 5"),
        ({"impact": 6}, "impact", "between 1 and 5"),
        ({"title": ""}, "title", "cannot be blank"),
        ({"status": "forgotten"}, "status", "not a valid choice"),
        ({"mitigation": "a\x00b"}, "mitigation", "Null characters"),
    ],
)
def test_bad_input_is_refused_naming_its_field(roadmap, fields, field, message):
    arguments = {"roadmap": roadmap, "title": "Risk", "likelihood": 3, "impact": 3, **fields}
    with pytest.raises(Refused) as refused:
        risk_create(**arguments)
    assert refused.value.field == field
    assert message in refused.value.message
    assert not Risk.objects.exists()


def test_initiatives_of_another_roadmap_are_refused(roadmap, other_roadmap):
    with pytest.raises(Refused) as refused:
        risk_create(
            roadmap=roadmap,
            title="Risk",
            likelihood=3,
            impact=3,
            initiatives=[plan(other_roadmap)],
        )
    assert refused.value.field == "initiatives"
    assert not Risk.objects.exists()


def test_initiatives_are_kept_unless_given_and_a_stale_change_is_refused(roadmap, editor):
    cloud, skills = plan(roadmap), plan(roadmap, "Skills")
    risk = risk_create(roadmap=roadmap, title="Risk", likelihood=3, impact=3, initiatives=[cloud])
    seen = risk.revision
    risk_update(risk=risk, title="Renamed", revision=seen, by=editor)
    assert list(risk.initiatives.all()) == [cloud]
    risk_update(risk=risk, initiatives=[skills])
    assert list(risk.initiatives.all()) == [skills]
    with pytest.raises(StaleEdit):
        risk_update(risk=risk, title="Stale", revision=seen, by=editor)
    assert Risk.objects.get().title == "Renamed"
    risk_delete(risk=risk)
    assert not Risk.objects.exists()
    assert skills.pk  # the initiative stays
