"""The report's current-state assessment: the SWOT as a 2 x 2 grid, systems by
lifecycle decision and hosting, processes by digitisation level, the gaps with
the initiatives closing them; loaded in the same queries at 1x and 10x."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.sections.assessment_inventory import report_inventory
from tests.assessments.factories import (
    make_gap,
    make_initiative,
    make_item,
    make_process,
    make_system,
)

pytestmark = pytest.mark.django_db

QUADRANTS = ("strength", "weakness", "opportunity", "threat")


def fill(roadmap, first, count):
    for n in range(first, first + count):
        make_item(roadmap, f"Item {n}", QUADRANTS[n % 4])
        system = make_system(roadmap, f"System {n}", hosting=("saas", "hybrid")[n % 2])
        make_process(roadmap, f"Process {n}", digitisation=("paper", "online")[n % 2])
        make_gap(
            roadmap,
            f"Gap {n}",
            source="system",
            system=system,
            initiatives=[make_initiative(roadmap, f"Initiative {n}")],
        )


def loaded(roadmap):
    with CaptureQueriesContext(connection) as queries:
        inventory = report_inventory(roadmap)
        [list(gap.initiatives.all()) for gap in inventory.gaps]
        [item.dimension for _, items in inventory.swot for item in items]
        [(gap.system, gap.weakness, gap.process, gap.dimension) for gap in inventory.gaps]
    return len(queries), inventory


def test_the_section_is_loaded_in_the_same_queries_at_1x_and_10x(roadmap, other_roadmap):
    fill(roadmap, 0, 2)
    fill(other_roadmap, 0, 20)
    few, small = loaded(roadmap)
    many, large = loaded(other_roadmap)
    assert few == many == 5  # SWOT, systems, processes, gaps, their initiatives
    assert (small.swot_count, large.system_count, large.process_count) == (2, 20, 20)
    assert large.systems_by_lifecycle[2] == ("Migrate", [0, 0, 0, 10, 10], 20)
    assert large.systems_by_hosting == [0, 0, 0, 10, 10]
    assert [(row.label, row.count) for row in large.processes_by_digitisation] == [
        ("Paper", 10),
        ("Partly online", 0),
        ("Online end to end", 10),
    ]


def test_the_report_shows_the_chapter(roadmap):
    from datetime import UTC, datetime

    from reports.assembly import render_report_html

    fill(roadmap, 0, 4)
    make_gap(roadmap, "Open gap", severity="critical")
    page = render_report_html(roadmap, generated_at=datetime(2026, 12, 1, tzinfo=UTC), version=1)
    chapter = page.split('<section class="chapter" id="current-state-assessment">')[1].split(
        '<section class="chapter"'
    )[0]
    assert "<h2>2. Current-state assessment</h2>" in chapter
    assert chapter.count('class="swot-grid__quadrant"') == 4
    assert "4 systems by what to do with each" in chapter
    assert "5 gaps, the most severe first; 1 with no initiative closing it." in chapter
    assert chapter.index("Open gap") < chapter.index("Gap 0")
    assert "Initiative 0" in chapter
