"""The links the assessment wires into the roadmap's pages (ui/panels.py): "Gaps
this closes" on an initiative's page, the gaps x initiatives matrix on the
traceability page, and the health finding "a gap no initiative closes" with a
link to fix it; each page in the same number of queries at 1x and 10x gaps."""

import html

import pytest
from django.urls import reverse

from tests.helpers import count_queries, signed_in, url

from ..factories import make_gap, make_initiative

pytestmark = pytest.mark.django_db


def test_an_initiatives_page_lists_the_gaps_it_closes(client, viewer, roadmap):
    cloud, skills = make_initiative(roadmap), make_initiative(roadmap, "Skills")
    closed = make_gap(roadmap, "Ageing servers", severity="critical", initiatives=[cloud])
    make_gap(roadmap, "Few data skills", initiatives=[skills])
    text = html.unescape(signed_in(client, viewer).get(cloud.get_absolute_url()).text)
    panel = text.split('id="gaps-closed"')[1].split("</section>")[0]
    assert "Gaps this closes" in panel
    assert f'<a href="{closed.get_absolute_url()}">Ageing servers</a>' in panel
    assert "Critical severity" in panel and "Few data skills" not in panel
    empty = html.unescape(client.get(make_initiative(roadmap, "Other").get_absolute_url()).text)
    assert "It closes no gap found by the assessment." in empty


def test_the_traceability_page_has_the_gaps_by_initiatives_matrix(client, viewer, roadmap):
    cloud, skills = make_initiative(roadmap), make_initiative(roadmap, "Skills")
    make_initiative(roadmap, "Closes nothing")
    ageing = make_gap(roadmap, "Ageing servers", severity="critical", initiatives=[cloud, skills])
    open_gap = make_gap(roadmap, "Open gap", severity="low")
    text = html.unescape(signed_in(client, viewer).get(url("traceability", roadmap)).text)
    matrix = text.split('id="gap-matrix"')[1].split("</section>")[0]
    header = matrix.split("<thead>")[1].split("</thead>")[0]
    assert "Cloud hosting" in header and "Skills" in header and "Closes nothing" not in header
    assert "1 other initiative closes none." in matrix
    rows = matrix.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert f'<a href="{ageing.get_absolute_url()}">Ageing servers</a>' in rows[0]
    assert rows[0].count("Closes</span>") == 2
    assert f'<a href="{open_gap.get_absolute_url()}">Open gap</a>' in rows[1]
    assert "No initiative closes it" in rows[1]


def test_the_health_page_finds_a_gap_no_initiative_closes(client, viewer, roadmap):
    cloud = make_initiative(roadmap)
    make_gap(roadmap, "Closed gap", initiatives=[cloud])
    open_gap = make_gap(roadmap, "Open gap")
    address = reverse(
        "reports:roadmap-health", kwargs={"agency": roadmap.organisation.slug, "slug": roadmap.slug}
    )
    text = html.unescape(signed_in(client, viewer).get(address).text)
    assert "No initiative closes the gap “Open gap”." in text
    assert "Closed gap" not in text
    assert f'<a href="{open_gap.get_absolute_url()}">Go to the gap' in text


def grow(roadmap, first, count):
    for n in range(first, first + count):
        initiative = make_initiative(roadmap, f"Initiative {n}")
        make_gap(roadmap, f"Gap {n}", initiatives=[initiative, roadmap.initiatives.first()])


@pytest.mark.parametrize("page", ["initiative", "traceability"])
def test_the_pages_cost_the_same_with_ten_times_the_gaps(client, viewer, roadmap, page):
    signed_in(client, viewer)
    first = make_initiative(roadmap, "First")
    address = first.get_absolute_url() if page == "initiative" else url("traceability", roadmap)
    grow(roadmap, 0, 2)
    few, _ = count_queries(client, address)
    grow(roadmap, 2, 18)
    many, text = count_queries(client, address)
    assert "Gap 19" in text
    assert few == many, f"{page}: {few} queries with 2 gaps, {many} with 20"
