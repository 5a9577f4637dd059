"""The report's chapter 3, stakeholder engagement: the grid, counts by level and
attitude, the main gaps; people named only when the exporter chooses so."""

from datetime import UTC, datetime

import pytest

from reports.assembly import render_report_html
from reports.options import ReportOptions
from tests.stakeholders.conftest import group, person

pytestmark = pytest.mark.django_db

GENERATED_AT = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


def chapter(roadmap, **options) -> str:
    html = render_report_html(
        roadmap, generated_at=GENERATED_AT, version=1, options=ReportOptions(**options)
    )
    return html.split('id="stakeholder-engagement"')[1].split('id="the-roadmap"')[0]


@pytest.fixture
def register(roadmap):
    person(
        roadmap, influence=5, interest=5, current_engagement="neutral", desired_engagement="leading"
    )
    group(roadmap, influence=2, interest=4, attitude="sceptic", current_engagement="unaware")
    group(roadmap, name="Regulator", level="regulators", influence=5, interest=1)


def test_people_are_shown_by_role_and_organisation_by_default(roadmap, register):
    text = chapter(roadmap)
    assert "Dana Whitfield" not in text
    assert "dana@example.gov" not in text
    assert "Head of licensing, Licensing" in text
    assert "Frontline staff" in text and "Regulator" in text
    assert "people are shown by their role and organisation only" in text


def test_people_are_named_when_the_exporter_chooses_so(roadmap, register):
    text = chapter(roadmap, name_individuals=True)
    assert "Dana Whitfield" in text and "dana@example.gov" not in text


def test_the_chapter_has_the_grid_counts_and_gaps_in_order(roadmap, register):
    text = chapter(roadmap)
    assert text.count("<svg") == 1
    assert "3 stakeholders: 1 manage closely, 1 keep satisfied, 1 keep informed, 0 monitor." in text
    level_table = text.split("Stakeholders by level")[1].split("</table>")[0]
    assert "Senior management" in level_table and "Regulators and oversight" in level_table
    assert "Elected officials" not in level_table
    gaps = text.split('id="engagement-gaps"')[1]
    # Highest influence first, then the bigger gap.
    assert gaps.index("Head of licensing") < gaps.index("Regulator") < gaps.index("Frontline staff")


def test_an_empty_register_says_so(roadmap):
    text = chapter(roadmap)
    assert "No stakeholders have been recorded yet." in text and "<svg" not in text
