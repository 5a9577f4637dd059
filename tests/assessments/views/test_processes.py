"""The processes inventory: every field, counts by digitisation level, added with
htmx, tenancy and roles, bad input, the downloads and the query count."""

import html

import pytest

from assessments.models import Process
from tests.helpers import HTMX, MARKUP, count_queries, in_place_banner, signed_in
from tests.html import FormPage

from ..factories import aurl, make_process

pytestmark = pytest.mark.django_db


def form_data(**changes):
    data = {
        "name": "Pay council tax",
        "service": "Revenues",
        "channel": "online",
        "digitisation": "online",
        "yearly_volume": "61000",
        "pain_points": "",
    }
    data.update(changes)
    return data


def test_the_page_shows_every_field_and_the_counts_by_digitisation(client, viewer, roadmap):
    make_process(
        roadmap, "Parking permits", service="Parking", yearly_volume=18000, pain_points="Re-keyed."
    )
    make_process(roadmap, "Housing", digitisation="partly_online", channel="in_person")
    text = html.unescape(signed_in(client, viewer).get(aurl("processes", roadmap)).text)
    for shown in ("Parking permits", "Parking", "Post", "18000", "Re-keyed.", "In person"):
        assert shown in text
    counts = text.split("Processes by digitisation level")[1].split("</table>")[0]
    assert 'Paper</th><td class="numeric">1' in counts
    assert 'Partly online</th><td class="numeric">1' in counts
    assert 'Online end to end</th><td class="numeric">0' in counts


def test_an_editor_adds_a_process_with_htmx(client, editor, roadmap):
    response = signed_in(client, editor).post(
        aurl("process-create", roadmap), form_data(), headers=HTMX
    )
    assert in_place_banner(response) == "Process added: Pay council tax"
    assert Process.objects.get().yearly_volume == 61000


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"digitisation": "fax"}, "digitisation", "Choose the digitisation level from the list."),
        ({"yearly_volume": "lots"}, "yearly_volume", "Enter the yearly volume as a whole number"),
        ({"channel": ""}, "channel", "Choose the channel."),
    ],
)
def test_bad_input_is_refused_and_kept(client, editor, roadmap, changes, field, message):
    data = form_data(pain_points=MARKUP, **changes)
    page = FormPage(signed_in(client, editor).post(aurl("process-create", roadmap), data))
    assert message in page.error(field)
    assert page.value("pain_points") == " ".join(MARKUP.split())
    assert not Process.objects.exists()


def test_a_duplicate_name_is_refused(client, editor, roadmap):
    make_process(roadmap, "Pay council tax")
    page = FormPage(signed_in(client, editor).post(aurl("process-create", roadmap), form_data()))
    assert page.error("name") == "Error: This inventory already has a process with that name."
    assert Process.objects.count() == 1


def test_tenancy_and_roles(client, viewer, editor, roadmap, other_roadmap):
    theirs = make_process(other_roadmap, "Their secret")
    signed_in(client, editor)
    assert client.get(aurl("processes", other_roadmap)).status_code == 404
    assert client.post(theirs.delete_url).status_code == 404
    signed_in(client, viewer)
    assert client.post(aurl("process-create", roadmap), form_data()).status_code == 403
    assert Process.objects.count() == 1


def test_the_page_costs_the_same_with_ten_times_the_processes(client, viewer, roadmap):
    signed_in(client, viewer)
    for n in range(3):
        make_process(roadmap, f"Process {n}")
    few, _ = count_queries(client, aurl("processes", roadmap))
    for n in range(3, 30):
        make_process(roadmap, f"Process {n}", digitisation="online", channel="online")
    many, _ = count_queries(client, aurl("processes", roadmap))
    assert few == many, f"{few} queries with 3 processes, {many} with 30"


def test_the_download_holds_every_field(client, viewer, roadmap):
    make_process(roadmap, "+Parking permits", service="Parking", yearly_volume=18000)
    response = signed_in(client, viewer).get(
        aurl("inventory-download", roadmap, table="processes", file_format="csv")
    )
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines == [
        "Name,Service,Channel,Digitisation level,Yearly volume,Main pain points",
        "'+Parking permits,Parking,Post,Paper,18000,",
    ]
