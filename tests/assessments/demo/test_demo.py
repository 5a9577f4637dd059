"""The demo's assessments: a completed baseline with three respondents who do not
always agree, a follow-up in progress, and the gaps the baseline shows; seeding
again adds nothing, --reset puts them back."""

import io

import pytest
from django.core.management import call_command

from assessments.models import Answer, AssessmentStatus, Gap, GapSource
from assessments.selectors.results import results_of
from roadmap.demo import DEMO_ROADMAP_SLUG
from roadmap.models import Roadmap

pytestmark = pytest.mark.django_db


def seed(*args) -> str:
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def test_the_demo_has_a_completed_baseline_a_follow_up_and_gaps():
    output = seed()
    assert "the baseline maturity assessment" in output and "gaps from its results" in output
    roadmap = Roadmap.objects.get(slug=DEMO_ROADMAP_SLUG)
    follow_up, baseline = roadmap.assessments.all()
    assert baseline.status == AssessmentStatus.COMPLETED
    assert follow_up.status == AssessmentStatus.IN_PROGRESS
    respondents = set(baseline.answers.values_list("respondent__username", flat=True))
    assert respondents == {"lead", "editor", "analyst"}
    assert baseline.answers.count() == 3 * 25
    results = results_of(baseline)
    spreads = [q.current_spread.width for q in results.questions.values()]
    assert max(spreads) >= 1 and min(spreads) == 0  # some disagreement, not everywhere
    assert all(d.current is not None for d in results.dimensions)
    gaps = Gap.objects.filter(roadmap=roadmap, source=GapSource.DIMENSION)
    assert gaps.count() == sum(1 for d in results.dimensions if d.gap >= 2) >= 3
    assert all(gap.assessment == baseline for gap in gaps)
    assert 0 < follow_up.answers.count() < 2 * 25
    assert Answer.objects.filter(evidence__contains="mainframe").exists()


def test_seeding_again_adds_nothing_and_reset_puts_it_back():
    seed()
    counts = (Answer.objects.count(), Gap.objects.count())
    assert "Nothing was missing" in seed()
    assert (Answer.objects.count(), Gap.objects.count()) == counts
    seed("--reset")
    assert (Answer.objects.count(), Gap.objects.count()) == counts
