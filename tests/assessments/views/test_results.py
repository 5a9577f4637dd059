"""The results page: radar chart with its table, biggest gaps first, every
question's median and spread, the comparison with an earlier assessment, and
creating gaps from the results."""

import re
from datetime import date

import pytest

from assessments.models import Gap
from assessments.services.answers import answer_save
from assessments.services.gaps_from_results import gap_title
from tests.assessments.conftest import address, make_assessment, questions_of
from tests.helpers import signed_in

pytestmark = pytest.mark.django_db


def answer(assessment, respondent, levels_by_dimension):
    for question in questions_of(assessment.framework):
        levels = levels_by_dimension.get(question.dimension.name)
        if levels:
            answer_save(
                assessment=assessment,
                question=question,
                respondent=respondent,
                current_level=levels[0],
                target_level=levels[1],
            )


def dimension_rows(text: str) -> list[str]:
    table = text.split('id="dimension-table-caption"')[1].split("</table>")[0]
    return re.findall(r'<th scope="row">([^<]+)</th>', table)


def test_a_viewer_sees_the_chart_the_table_and_every_question(
    client, viewer, editor, lead, assessment
):
    answer(
        assessment,
        editor,
        {"Strategy and leadership": (2, 3), "Data management and analytics": (1, 4)},
    )
    answer(assessment, lead, {"Strategy and leadership": (4, 4)})
    response = signed_in(client, viewer).get(address("assessment-results", assessment))
    assert response.status_code == 200
    text = response.text
    assert text.count("<svg") == 1 and 'role="img"' in text
    assert "Current level (solid line, round markers)" in text
    rows = dimension_rows(text)
    assert rows[:2] == ["Data management and analytics", "Strategy and leadership"]
    assert len(rows) == 8
    # Strategy: the editor said 2, the lead 4: median 3.0, spread 2 to 4.
    assert '3.0 <span class="muted">(2 to 4)</span>' in text
    assert "Not answered" in text  # the dimensions nobody answered
    assert "Create" not in text.split('id="gaps"')[1].split("</section>")[0]  # a viewer


def test_an_editor_creates_gaps_and_is_told_which(client, editor, assessment):
    answer(
        assessment,
        editor,
        {"Data management and analytics": (1, 4), "Strategy and leadership": (3, 4)},
    )
    signed_in(client, editor)
    page = client.get(address("assessment-results", assessment))
    assert "Create 1 gap from these results" in page.text
    response = client.post(address("assessment-gaps", assessment), follow=True)
    gap = Gap.objects.get()
    assert gap.title == gap_title("Data management and analytics") and gap.severity == "critical"
    assert f"1 gap created: “{gap.title}”." in response.text
    assert "The roadmap already has this gap." in response.text
    assert "Closed by initiatives in: Data management and security." in response.text
    again = client.post(address("assessment-gaps", assessment), follow=True)
    assert "No new gaps" in again.text and Gap.objects.count() == 1


def test_viewers_and_outsiders_cannot_create_gaps(client, viewer, outsider, editor, assessment):
    answer(assessment, editor, {"Data management and analytics": (1, 4)})
    assert signed_in(client, viewer).post(address("assessment-gaps", assessment)).status_code == 403
    assert (
        signed_in(client, outsider).post(address("assessment-gaps", assessment)).status_code == 404
    )
    assert not Gap.objects.exists()


def test_results_compare_with_an_earlier_assessment_of_the_roadmap(
    client, editor, roadmap, framework, oecd, assessment
):
    earlier = make_assessment(roadmap, framework, "Pilot 2025", date(2025, 5, 1))
    oldest = make_assessment(roadmap, oecd, "OECD check", date(2024, 5, 1))
    answer(earlier, editor, {"Strategy and leadership": (1, 3)})
    answer(assessment, editor, {"Strategy and leadership": (3, 4)})
    signed_in(client, editor)
    text = client.get(address("assessment-results", assessment)).text
    compared = text.split('id="compare"')[1].split("</section>")[0]
    assert "Pilot 2025" in compared and "OECD check" in compared  # both offered
    assert "<td>1.0</td><td>3.0</td><td>+2.0</td>" in compared
    chosen = client.get(address("assessment-results", assessment) + f"?compare={oldest.pk}").text
    compared = chosen.split('id="compare"')[1].split("</section>")[0]
    assert "Current level in “OECD check” and now" in compared
    assert "no earlier answer" in compared  # OECD's dimensions have other names
    # The earliest has nothing to compare with; a later one is never offered.
    first = client.get(address("assessment-results", oldest)).text
    assert "nothing earlier to compare with" in first


def test_results_before_anyone_answers_say_so(client, viewer, assessment):
    response = signed_in(client, viewer).get(address("assessment-results", assessment))
    assert "Nobody has answered yet" in response.text
    assert "No dimension is 2 or more levels below its target." in response.text
