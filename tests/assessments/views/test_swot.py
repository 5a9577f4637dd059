"""The SWOT page: four inline lists in a 2 x 2 grid, each added to, changed, moved
and deleted in place (htmx) or as plain pages; tenancy and roles."""

import html

import pytest

from assessments.models import SwotItem
from tests.helpers import HTMX, MARKUP, count_queries, in_place_banner, signed_in

from ..factories import aurl, make_item

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_four_quadrants(client, viewer, roadmap):
    make_item(roadmap, "Committed leaders", "strength")
    make_item(roadmap, "Paper forms", "weakness")
    make_item(roadmap, "National funding", "opportunity")
    make_item(roadmap, "Budget cuts", "threat")
    text = signed_in(client, viewer).get(aurl("swot", roadmap)).text
    order = [
        text.index(f'id="{section}"')
        for section in ("strengths", "weaknesses", "opportunities", "threats")
    ]
    assert order == sorted(order)
    assert text.count('class="section swot__quadrant') == 4
    for item in ("Committed leaders", "Paper forms", "National funding", "Budget cuts"):
        assert item in text
    assert "Add a strength" not in text  # a viewer reads


def test_an_item_is_added_to_its_quadrant_with_htmx(client, editor, roadmap):
    signed_in(client, editor)
    opened = client.get(
        aurl("weakness-create", roadmap), headers={**HTMX, "HX-Target": "weaknesses"}
    )
    assert opened.text.lstrip().startswith('<section aria-labelledby="weaknesses-heading"')
    assert 'id="weakness-text"' in opened.text  # ids of its own: four forms on one page
    response = client.post(aurl("weakness-create", roadmap), {"text": MARKUP}, headers=HTMX)
    assert in_place_banner(response).startswith("Weakness added:")
    item = SwotItem.objects.get()
    assert (item.quadrant, item.text) == ("weakness", MARKUP)
    assert (
        "<script>alert" not in response.text
        and html.escape(MARKUP, quote=False)[:20] in response.text
    )
    assert response.text.lstrip().startswith('<section aria-labelledby="weaknesses-heading"')


def test_an_empty_item_is_refused_beside_its_field(client, editor, roadmap):
    response = signed_in(client, editor).post(
        aurl("threat-create", roadmap), {"text": " "}, headers=HTMX
    )
    assert "Enter the item, in one short sentence." in response.text
    assert not SwotItem.objects.exists()


def test_items_move_and_change_in_place_and_are_deleted(client, editor, roadmap):
    first = make_item(roadmap, "Paper forms")
    second = make_item(roadmap, "Few data skills")
    signed_in(client, editor)
    moved = client.post(first.move_url, {"direction": "down"}, headers=HTMX)
    assert moved.status_code == 200
    assert list(SwotItem.objects.order_by("position").values_list("text", flat=True)) == [
        "Few data skills",
        "Paper forms",
    ]
    saved = client.post(second.change_url, {"text": "Few data staff", "revision": "1"})
    assert saved["Location"] == aurl("swot", roadmap) + f"#weakness-{second.pk}"
    assert SwotItem.objects.get(pk=second.pk).text == "Few data staff"
    deleted = client.post(first.delete_url)
    assert deleted["Location"] == aurl("swot", roadmap) + "#weaknesses"
    assert list(SwotItem.objects.values_list("text", flat=True)) == ["Few data staff"]


def test_an_item_is_only_found_in_its_own_quadrant(client, editor, roadmap):
    strength = make_item(roadmap, "Committed leaders", "strength")
    signed_in(client, editor)
    wrong = aurl("weakness-edit", roadmap, pk=strength.pk)
    assert client.post(wrong, {"text": "Now a weakness"}).status_code == 404
    assert SwotItem.objects.get().text == "Committed leaders"


def test_tenancy_and_roles(client, viewer, editor, roadmap, other_roadmap):
    theirs = make_item(other_roadmap, "Their secret")
    signed_in(client, editor)
    assert client.get(aurl("swot", other_roadmap)).status_code == 404
    assert client.post(theirs.change_url, {"text": "Taken"}).status_code == 404
    assert client.post(theirs.delete_url).status_code == 404
    mine = make_item(roadmap, "Mine")
    signed_in(client, viewer)
    assert client.post(aurl("strength-create", roadmap), {"text": "New"}).status_code == 403
    assert client.post(mine.move_url, {"direction": "down"}).status_code == 403
    assert client.post(aurl("swot", roadmap)).status_code == 405
    assert SwotItem.objects.count() == 2


def test_the_page_costs_the_same_with_ten_times_the_items(client, editor, roadmap):
    signed_in(client, editor)
    quadrants = ("strength", "weakness", "opportunity", "threat")
    for n in range(4):
        make_item(roadmap, f"Item {n}", quadrants[n % 4])
    few, _ = count_queries(client, aurl("swot", roadmap))
    for n in range(4, 40):
        make_item(roadmap, f"Item {n}", quadrants[n % 4])
    many, _ = count_queries(client, aurl("swot", roadmap))
    assert few == many, f"{few} queries with 4 items, {many} with 40"
