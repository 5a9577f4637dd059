"""The gaps page: most severe first, each with where it was found and the
initiatives that close it (links both ways); the source picker must fit the
source; "Suggest gaps" makes gaps of the inventory's systems and processes."""

import html

import pytest

from assessments.models import Gap
from tests.helpers import HTMX, count_queries, in_place_banner, signed_in
from tests.html import FormPage

from ..factories import aurl, make_gap, make_initiative, make_item, make_process, make_system

pytestmark = pytest.mark.django_db


def form_data(**changes):
    data = {"title": "No single view", "description": "", "severity": "high", "source": "other"}
    data.update(changes)
    return data


def test_the_page_lists_gaps_most_severe_first_with_source_and_initiatives(client, viewer, roadmap):
    cloud = make_initiative(roadmap)
    system = make_system(roadmap, "Mainframe")
    make_gap(roadmap, "Minor", severity="low")
    make_gap(
        roadmap,
        "Mainframe ageing",
        severity="critical",
        source="system",
        system=system,
        initiatives=[cloud],
    )
    text = html.unescape(signed_in(client, viewer).get(aurl("gaps", roadmap)).text)
    assert text.index("Mainframe ageing") < text.index("Minor")
    assert (
        f'Found in the system <a href="{system.get_absolute_url()}">Mainframe</a> (migrate)' in text
    )
    assert f'<a href="{cloud.get_absolute_url()}">Cloud hosting</a>' in text
    assert "No initiative closes it yet" in text
    assert "1 gap has no initiative closing it." in text


def test_an_editor_adds_a_gap_from_a_weakness_closed_by_an_initiative(client, editor, roadmap):
    weakness = make_item(roadmap, "Paper forms")
    cloud = make_initiative(roadmap)
    data = form_data(source="weakness", weakness=weakness.pk, initiatives=[cloud.pk])
    response = signed_in(client, editor).post(aurl("gap-create", roadmap), data, headers=HTMX)
    assert in_place_banner(response) == "Gap added: No single view"
    gap = Gap.objects.get()
    assert (gap.weakness, list(gap.initiatives.all())) == (weakness, [cloud])


def test_a_picker_of_another_source_is_cleared(client, editor, roadmap):
    weakness = make_item(roadmap, "Paper forms")
    signed_in(client, editor).post(aurl("gap-create", roadmap), form_data(weakness=weakness.pk))
    assert Gap.objects.get().weakness is None


@pytest.mark.parametrize(
    ("source", "field", "make", "message"),
    [
        (
            "weakness",
            "weakness",
            lambda r: make_item(r, "Good staff", "strength"),
            "Choose one of this roadmap's SWOT weaknesses.",
        ),
        (
            "system",
            "system",
            lambda r: make_system(r, "Payroll", lifecycle="tolerate"),
            "Choose a system of this roadmap marked migrate or eliminate.",
        ),
        (
            "process",
            "process",
            lambda r: make_process(r, "Tax", digitisation="online"),
            "Choose a process of this roadmap on paper or partly online.",
        ),
        ("weakness", "weakness", lambda r: None, "Choose the weakness the gap comes from."),
    ],
)
def test_a_source_that_does_not_fit_is_refused_and_nothing_typed_is_lost(
    client, editor, roadmap, source, field, make, message
):
    thing = make(roadmap)
    data = form_data(source=source, description="Typed", **{field: thing.pk if thing else ""})
    page = FormPage(signed_in(client, editor).post(aurl("gap-create", roadmap), data))
    assert message in page.error(field)
    assert page.value("title") == "No single view" and page.value("description") == "Typed"
    assert not Gap.objects.exists()


def test_initiatives_of_another_roadmap_cannot_close_it(client, editor, roadmap, other_roadmap):
    theirs = make_initiative(other_roadmap, "Their secret")
    data = form_data(initiatives=[theirs.pk])
    page = FormPage(signed_in(client, editor).post(aurl("gap-create", roadmap), data))
    assert "Choose initiatives of this roadmap." in page.response.text
    assert "Their secret" not in page.response.text
    assert not Gap.objects.exists()


def test_suggest_gaps_previews_then_makes_the_ones_ticked(client, editor, roadmap):
    mainframe = make_system(roadmap, "Mainframe", criticality="critical")
    make_system(roadmap, "Payroll", lifecycle="tolerate")
    paper = make_process(roadmap, "Parking permits")
    make_process(roadmap, "Tax", digitisation="online")
    signed_in(client, editor)
    preview = html.unescape(client.get(aurl("gap-suggest", roadmap)).text)
    assert "Mainframe: migrate" in preview and "Parking permits: paper" in preview
    assert "Payroll" not in preview and "Tax:" not in preview
    assert preview.count("checked") == 2  # all ticked to start with
    nothing = client.post(aurl("gap-suggest", roadmap), {})
    assert nothing.status_code == 400
    assert "Tick at least one system or process" in nothing.text
    made = client.post(aurl("gap-suggest", roadmap), {"systems": [mainframe.pk]})
    assert made["Location"] == aurl("gaps", roadmap) + "#gaps"
    assert list(Gap.objects.values_list("title", "severity")) == [("Migrate Mainframe", "critical")]
    again = html.unescape(client.get(aurl("gap-suggest", roadmap)).text)
    assert "Mainframe: migrate" not in again and "Parking permits: paper" in again
    stale = client.post(
        aurl("gap-suggest", roadmap), {"systems": [mainframe.pk], "processes": [paper.pk]}
    )
    assert stale.status_code == 400 and Gap.objects.count() == 1


def test_tenancy_and_roles(client, viewer, editor, roadmap, other_roadmap):
    theirs = make_gap(other_roadmap, "Their secret")
    signed_in(client, editor)
    for response in (
        client.get(aurl("gaps", other_roadmap)),
        client.get(aurl("gap-suggest", other_roadmap)),
        client.post(theirs.change_url, form_data()),
        client.post(theirs.delete_url),
    ):
        assert response.status_code == 404
        assert "Their secret" not in response.text
    signed_in(client, viewer)
    assert client.get(aurl("gap-suggest", roadmap)).status_code == 403
    assert client.post(aurl("gap-create", roadmap), form_data()).status_code == 403
    assert Gap.objects.count() == 1


def test_the_page_costs_the_same_with_ten_times_the_gaps(client, viewer, roadmap):
    signed_in(client, viewer)

    def grow(first, count):
        for n in range(first, first + count):
            system = make_system(roadmap, f"System {n}")
            weakness = make_item(roadmap, f"Weakness {n}")
            make_gap(
                roadmap,
                f"Gap {n}",
                source="system",
                system=system,
                initiatives=[make_initiative(roadmap, f"I {n}")],
            )
            make_gap(roadmap, f"Gap w{n}", source="weakness", weakness=weakness)

    grow(0, 2)
    few, _ = count_queries(client, aurl("gaps", roadmap))
    grow(2, 18)
    many, text = count_queries(client, aurl("gaps", roadmap))
    assert "(40)" in text
    assert few == many, f"{few} queries with 4 gaps, {many} with 40"
