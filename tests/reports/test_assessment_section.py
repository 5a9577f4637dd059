"""Chapter 2 of the report, Current-state assessment: the latest completed
assessment's summary, radar chart, dimension table and top gaps, in the same
number of queries at 1x and 10x answers; one sentence when there is none."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agencies.models import Membership, Role
from assessments.models import Framework
from assessments.services.assessments import assessment_complete
from reports.sections.assessments import assessment_chapter
from tests.assessments.conftest import answer_every_question, make_assessment
from tests.reports.test_assembly import html_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework(db):
    return Framework.objects.get(code="public-sector-digital-maturity", is_current=True)


def chapter_of(html: str) -> str:
    return html.split('id="current-state-assessment"')[1].split('id="the-roadmap"')[0]


def test_without_a_completed_assessment_the_chapter_says_so(roadmap, framework, editor):
    answer_every_question(make_assessment(roadmap, framework), editor)  # in progress only
    chapter = chapter_of(html_of(roadmap))
    assert "2. Current-state assessment" in chapter
    assert "No maturity assessment has been completed yet." in chapter
    assert "<svg" not in chapter


def test_the_latest_completed_assessment_is_summarised(roadmap, framework, editor, lead):
    older = make_assessment(roadmap, framework, "Baseline 2025", date(2025, 2, 1))
    answer_every_question(older, editor, current=1, target=2)
    assessment_complete(assessment=older, by=lead)
    latest = make_assessment(roadmap, framework, "Baseline 2026", date(2026, 2, 16))
    answer_every_question(latest, editor, current=2, target=4)
    answer_every_question(latest, lead, current=2, target=5)
    assessment_complete(assessment=latest, by=lead)
    make_assessment(roadmap, framework, "Follow-up", date(2026, 10, 1))  # in progress

    html = html_of(roadmap)
    chapter = chapter_of(html)
    assert "From “Baseline 2026”" in chapter and "dated 16 February 2026" in chapter
    assert "2 people answered 25 questions" in chapter
    assert (
        "Overall maturity is <strong>2.0</strong> against a target of <strong>4.5</strong>"
        in chapter
    )
    assert chapter.count("<svg") == 1
    assert chapter.count('<tr><th scope="row">') == 8
    assert "Top gaps" in chapter and "a gap of 2.5 levels" in chapter
    assert html.index("1. Vision and objectives") < html.index("2. Current-state assessment")
    assert html.index("2. Current-state assessment") < html.index("4. The roadmap")


def test_the_chapter_costs_the_same_queries_at_1x_and_10x_answers(
    django_user_model, agency, roadmap, other_roadmap, framework, lead, outsider
):
    few = make_assessment(roadmap, framework)
    answer_every_question(few, lead)
    assessment_complete(assessment=few, by=lead)
    many = make_assessment(other_roadmap, framework)
    people = [outsider]
    for n in range(9):
        person = django_user_model.objects.create_user(username=f"b-member-{n}")
        Membership.objects.create(
            user=person, organisation=other_roadmap.organisation, role=Role.EDITOR
        )
        people.append(person)
    for person in people:
        answer_every_question(many, person)
    assessment_complete(assessment=many, by=outsider)
    counts = []
    for target in (roadmap, other_roadmap):
        with CaptureQueriesContext(connection) as queries:
            chapter = assessment_chapter(target)
        counts.append(len(queries))
        assert chapter is not None
    assert counts == [5, 5]
