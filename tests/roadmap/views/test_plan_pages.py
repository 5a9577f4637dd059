"""Now, next and later, and the objectives x initiatives matrix."""

from datetime import date

import pytest
from django.utils import timezone

from roadmap.services.initiatives import initiative_create
from tests.helpers import count_queries, signed_in, url

pytestmark = pytest.mark.django_db


def plan(roadmap, title, start, status="planned", objectives=()):
    return initiative_create(
        roadmap=roadmap,
        title=title,
        component=roadmap.components.first(),
        start_month=start,
        end_month=date(2100, 12, 1),
        status=status,
        objectives=objectives,
    )


def months_ahead(count: int) -> date:
    today = timezone.localdate()
    index = today.year * 12 + today.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def column(text: str, name: str) -> str:
    return text.split(f'id="board-{name}-heading"')[1].split("</section>")[0]


def test_the_board_puts_each_initiative_in_its_column(client, viewer, roadmap):
    plan(roadmap, "Under way", months_ahead(24), status="in_progress")
    plan(roadmap, "Late to start", months_ahead(-6))
    plan(roadmap, "Starting in a year", months_ahead(12))
    plan(roadmap, "Finished", months_ahead(-12), status="done")
    plan(roadmap, "Dropped", months_ahead(1), status="cancelled")
    text = signed_in(client, viewer).get(url("board", roadmap)).text
    assert "Under way" in column(text, "now") and "Late to start" in column(text, "now")
    assert "Starting in a year" in column(text, "later")
    assert "Finished" not in text and "Dropped" not in text


def test_the_matrix_shows_what_serves_what_and_what_is_missing(client, viewer, roadmap):
    served = roadmap.objectives.get()
    roadmap.objectives.create(title="Open data", position=1)
    plan(roadmap, "Cloud hosting", months_ahead(1), objectives=[served])
    plan(roadmap, "Apprenticeships", months_ahead(1))
    text = signed_in(client, viewer).get(url("traceability", roadmap)).text
    body = text.split("<tbody>")[1]
    cloud = body.split("Cloud hosting")[1].split("</tr>")[0]
    assert cloud.count('<span class="visually-hidden">Serves</span>') == 1
    assert 'Apprenticeships</a> <strong class="warning-text">Serves no objective' in body
    footer = text.split("<tfoot>")[1]
    assert ">1</td>" in footer and "None</strong>" in footer


@pytest.mark.parametrize("route", ["board", "traceability"])
def test_the_pages_cost_the_same_with_ten_times_the_initiatives(client, viewer, roadmap, route):
    signed_in(client, viewer)
    objective = roadmap.objectives.get()

    def grow(count):
        start = roadmap.initiatives.count()
        for n in range(count):
            plan(roadmap, f"Initiative {start + n}", months_ahead(n % 8), objectives=[objective])

    grow(3)
    small, _ = count_queries(client, url(route, roadmap))
    grow(27)
    large, _ = count_queries(client, url(route, roadmap))
    assert large == small


def test_another_agencys_plan_pages_are_not_found(client, viewer, other_roadmap):
    signed_in(client, viewer)
    for route in ("board", "traceability", "timeline"):
        assert client.get(url(route, other_roadmap)).status_code == 404
