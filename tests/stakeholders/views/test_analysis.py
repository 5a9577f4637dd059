"""The power/interest grid (SVG, table, filters by level and tag, htmx section)
and the engagement matrix with its gaps, the ones that matter most first."""

import re

import pytest

from stakeholders.services.stakeholders import stakeholder_update
from tests.helpers import HTMX, signed_in

from ..conftest import group, person
from ..helpers import address

pytestmark = pytest.mark.django_db


def strategy_of(text: str, pk: int) -> str:
    row = text.split(f'id="grid-stakeholder-{pk}"')[1].split("</tr>")[0]
    return re.search(r'class="grid__strategy">([^<]+)<', row)[1]


def test_each_stakeholder_is_placed_and_their_strategy_named(client, roadmap, viewer):
    mighty = person(roadmap, name="Mighty", email="", influence=5, interest=5)
    quiet = group(roadmap, name="Quiet", influence=1, interest=2)
    text = signed_in(client, viewer).get(address("grid", roadmap)).text
    assert strategy_of(text, mighty.pk) == "Manage closely"
    assert strategy_of(text, quiet.pk) == "Monitor"
    assert 'data-influence="5" data-interest="5" data-count="1"' in text
    assert "2 stakeholders: 1 manage closely, 0 keep satisfied, 0 keep informed, 1 monitor." in text
    assert text.count("<svg") >= 1 and 'role="img"' in text


def test_several_at_one_point_are_counted(client, roadmap, viewer):
    for n in range(3):
        group(roadmap, name=f"Team {n}", influence=4, interest=2)
    text = signed_in(client, viewer).get(address("grid", roadmap)).text
    assert 'data-influence="4" data-interest="2" data-count="3"' in text
    assert "Team 0; Team 1; Team 2" in text


def test_editing_influence_moves_them_to_another_quadrant(client, roadmap, viewer):
    entry = group(roadmap, name="Union", influence=2, interest=5)
    client = signed_in(client, viewer)
    assert strategy_of(client.get(address("grid", roadmap)).text, entry.pk) == "Keep informed"
    stakeholder_update(stakeholder=entry, influence=5)
    assert strategy_of(client.get(address("grid", roadmap)).text, entry.pk) == "Manage closely"


def test_the_grid_filters_by_level_and_tag_and_htmx_gets_the_section(client, roadmap, viewer):
    person(roadmap, name="Cllr A", level="elected", email="", tags=["north"])
    group(roadmap, name="Staff B", tags=["south"])
    client = signed_in(client, viewer)
    base = address("grid", roadmap)
    assert ">Staff B<" not in client.get(base + "?level=elected").text
    by_tag = client.get(base + "?tag=south", headers={**HTMX, "HX-Target": "grid"}).text
    assert by_tag.lstrip().startswith('<section aria-labelledby="grid-heading"')
    assert ">Staff B<" in by_tag and ">Cllr A<" not in by_tag


def test_the_matrix_marks_current_and_desired_and_lists_gaps_by_importance(client, roadmap, viewer):
    group(
        roadmap,
        name="Low reach",
        influence=2,
        current_engagement="unaware",
        desired_engagement="leading",
    )
    group(
        roadmap,
        name="High reach",
        influence=5,
        current_engagement="neutral",
        desired_engagement="supportive",
    )
    group(
        roadmap,
        name="No gap",
        influence=5,
        current_engagement="leading",
        desired_engagement="leading",
    )
    text = signed_in(client, viewer).get(address("engagement", roadmap)).text
    gaps = text.split('id="gaps-heading"')[1].split("</ol>")[0]
    assert gaps.index("High reach") < gaps.index("Low reach") and "No gap" not in gaps
    matrix = text.split('id="matrix-caption"')[1]
    row = matrix.split(">No gap</a>")[1].split("</tr>")[0]
    assert "<strong>C D</strong>" in row
