"""A roadmap in sections: the overview at a glance, each section its own page,
the roadmap navigation marking where the person is, and every KPI in one table."""

import pytest
from django.test.html import parse_html
from django.urls import reverse

from reports.models import ReportJob
from roadmap.models import Objective
from tests.helpers import HTMX, count_queries, signed_in, url
from tests.html import elements, find, text_of
from tests.roadmap.kpi_factories import days_ago, make_kpi, measure

pytestmark = pytest.mark.django_db


def nav_links(response) -> list[tuple[str, str, str]]:
    """The roadmap navigation as (label, address, aria-current)."""
    document = parse_html(response.content.decode())
    nav = find(document, **{"class": "roadmap-nav"})
    assert nav is not None, "no roadmap navigation on the page"
    return [
        (text_of(a), dict(a.attributes)["href"], dict(a.attributes).get("aria-current", ""))
        for a in elements(nav)
        if a.name == "a"
    ]


def objective_with_kpis(roadmap, title, statuses):
    """An objective whose KPIs have the given statuses ("on", "off", "none")."""
    objective = Objective.objects.create(
        roadmap=roadmap, title=title, position=roadmap.objectives.count()
    )
    for number, status in enumerate(statuses):
        kpi = make_kpi(objective, name=f"{title} KPI {number}", position=number)
        if status == "on":
            measure(kpi, days_ago(1), 49)  # on the straight line from 0 to 100
        elif status == "off":
            measure(kpi, days_ago(1), 1)
    return objective


# The navigation ------------------------------------------------------------


SECTION_PAGES = {
    "detail": "Overview",
    "vision": "Vision and principles",
    "objectives": "Objectives and KPIs",
}


@pytest.mark.parametrize(("route", "label"), SECTION_PAGES.items())
def test_each_section_page_is_marked_as_the_current_page(client, viewer, roadmap, route, label):
    links = nav_links(signed_in(client, viewer).get(url(route, roadmap)))
    assert [link[0] for link in links] == [
        "Overview",
        "Vision and principles",
        "Objectives and KPIs",
        "Assessment",
        "Stakeholders",
        "Roadmap",
        "Health",
        "Exports",
    ]
    assert [(text, current) for text, _, current in links if current] == [(label, "page")]
    assert dict((text, href) for text, href, _ in links)[label] == url(route, roadmap)


def test_pages_inside_a_section_mark_it_as_the_current_section(client, editor, roadmap, kpi):
    objective = kpi.objective
    signed_in(client, editor)
    inside = {
        url("edit", roadmap): "Vision and principles",
        url("principle-create", roadmap): "Vision and principles",
        url("kpis", roadmap): "Objectives and KPIs",
        url("objective-create", roadmap): "Objectives and KPIs",
        objective.get_absolute_url(): "Objectives and KPIs",
        kpi.get_absolute_url(): "Objectives and KPIs",
    }
    for address, label in inside.items():
        links = nav_links(client.get(address))
        current = [(text, mark) for text, _, mark in links if mark]
        assert current == [(label, "true")], address


def test_a_report_jobs_page_sits_in_exports(client, lead, roadmap):
    job = ReportJob.objects.create(roadmap=roadmap, requested_by=lead)
    links = nav_links(signed_in(client, lead).get(job.get_absolute_url()))
    assert [(text, mark) for text, _, mark in links if mark] == [("Exports", "true")]


def test_pages_outside_a_roadmap_have_no_roadmap_navigation(client, viewer, roadmap):
    signed_in(client, viewer)
    for address in (
        reverse("home"),
        reverse("roadmap:agency", kwargs={"agency": roadmap.organisation.slug}),
        reverse("roadmap:goals", kwargs={"agency": roadmap.organisation.slug}),
    ):
        assert 'class="roadmap-nav"' not in client.get(address).text, address


def test_another_agencys_roadmap_is_not_found_and_shows_no_navigation(
    client, viewer, other_roadmap
):
    signed_in(client, viewer)
    for route in ("detail", "vision", "objectives", "kpis"):
        response = client.get(url(route, other_roadmap))
        assert response.status_code == 404
        assert "roadmap-nav" not in response.text
        assert other_roadmap.title not in response.text


# The overview ----------------------------------------------------------------


def test_the_overview_counts_objectives_and_kpis_and_links_to_the_lists(client, viewer, roadmap):
    roadmap.objectives.all().delete()
    objective_with_kpis(roadmap, "Digital services", ["on", "on", "off"])
    objective_with_kpis(roadmap, "Open data", ["none"])
    Objective.objects.create(roadmap=roadmap, title="Skills", position=5, citizen_centric=True)
    response = signed_in(client, viewer).get(url("detail", roadmap))
    document = parse_html(response.text)
    figures = {
        text_of(a): dict(a.attributes)["href"]
        for a in elements(document)
        if dict(a.attributes).get("class") == "figure__link"
        and "/initiatives/" not in dict(a.attributes)["href"]  # the plan's figures
        and "/health/" not in dict(a.attributes)["href"]
    }
    kpis = url("kpis", roadmap)
    objectives = url("objectives", roadmap)
    assert figures == {
        "3 objectives": objectives,
        "1 citizen-centric": objectives,
        "1 without a KPI yet": objectives,
        "2 on track": f"{kpis}?status=on_track",
        "1 off track": f"{kpis}?status=off_track",
        "1 not measured yet": f"{kpis}?status=no_data",
        # The KPI never measured is past its first report (baseline + a period + the
        # reporting lag), so it is also counted as overdue (issue 12).
        "1 overdue": f"{kpis}?overdue=1",
    }
    assert "4 KPIs" in response.text


def test_the_overview_is_short_the_lists_live_on_their_pages(client, editor, roadmap, kpi):
    roadmap.principles.create(title="Digital by default", position=0)
    response = signed_in(client, editor).get(url("detail", roadmap))
    assert "Digital by default" not in response.text  # on Vision and principles
    assert kpi.objective.title not in response.text  # on Objectives and KPIs
    assert "<form" not in response.text.split('id="main"')[1].split("export-heading")[0]
    assert 'name="title"' not in response.text  # no "add" form is open
    assert "Read the vision, purpose and 1 guiding principle<" in response.text


def test_the_export_comes_before_everything_else_on_the_overview(client, lead, roadmap):
    text = signed_in(client, lead).get(url("detail", roadmap)).text
    export = text.index(">Export PDF</button>")
    assert export < text.index('id="vision-heading"') < text.index('id="objectives-heading"')


def test_a_viewer_is_told_who_exports(client, viewer, roadmap):
    text = signed_in(client, viewer).get(url("detail", roadmap)).text
    assert ">Export PDF</button>" not in text
    assert "A programme lead can export this roadmap as a PDF." in text


def test_an_empty_roadmap_says_what_to_do_first(client, editor, roadmap):
    roadmap.objectives.all().delete()
    roadmap.vision = ""
    roadmap.save(update_fields=["vision"])
    text = signed_in(client, editor).get(url("detail", roadmap)).text
    assert "No vision statement yet." in text
    assert f'href="{url("edit", roadmap)}">Write the vision and purpose<' in text
    assert f'href="{url("objective-create", roadmap)}">Add the first objective<' in text
    assert "No KPIs yet." in text


def test_the_vision_is_shown_in_brief_on_the_overview_and_whole_on_its_page(
    client, viewer, roadmap
):
    roadmap.vision = " ".join(f"word{number}" for number in range(100))
    roadmap.save(update_fields=["vision"])
    signed_in(client, viewer)
    overview = client.get(url("detail", roadmap)).text
    assert "word59" in overview and "word60" not in overview
    assert "word99" in client.get(url("vision", roadmap)).text


# Every KPI in one table -------------------------------------------------------


def kpi_names(response) -> list[str]:
    document = parse_html(response.text)
    return [
        text_of(row.children[0])
        for row in elements(document)
        if row.name == "tr" and dict(row.attributes).get("id", "").startswith("kpi-")
    ]


def test_the_kpi_table_lists_every_kpi_by_objective_and_filters_by_status(client, viewer, roadmap):
    objective_with_kpis(roadmap, "Services", ["on", "off"])
    objective_with_kpis(roadmap, "Data", ["none", "on"])
    signed_in(client, viewer)
    every = kpi_names(client.get(url("kpis", roadmap)))
    assert every == ["Services KPI 0", "Services KPI 1", "Data KPI 0", "Data KPI 1"]
    on_track = client.get(url("kpis", roadmap) + "?status=on_track")
    assert kpi_names(on_track) == ["Services KPI 0", "Data KPI 1"]
    assert "<h1>KPIs on track</h1>" in on_track.text
    assert '<strong aria-current="page">2 on track</strong>' in on_track.text
    assert kpi_names(client.get(url("kpis", roadmap) + "?status=no_data")) == ["Data KPI 0"]
    # An unknown status shows them all rather than an empty or broken page.
    assert kpi_names(client.get(url("kpis", roadmap) + "?status=<b>")) == every


def test_a_status_no_kpi_has_says_so(client, viewer, roadmap):
    objective_with_kpis(roadmap, "Services", ["on"])
    text = signed_in(client, viewer).get(url("kpis", roadmap) + "?status=achieved").text
    assert "No KPIs have this status now." in text


def test_the_kpi_table_shows_only_this_roadmaps_kpis(client, viewer, roadmap, other_roadmap):
    objective_with_kpis(roadmap, "Ours", ["on"])
    objective_with_kpis(other_roadmap, "Theirs", ["on"])
    names = kpi_names(signed_in(client, viewer).get(url("kpis", roadmap)))
    assert names == ["Ours KPI 0"]


@pytest.mark.parametrize("route", ["detail", "vision", "objectives", "kpis"])
def test_section_pages_cost_the_same_with_ten_times_the_data(client, viewer, roadmap, route):
    signed_in(client, viewer)

    def grow(times):
        for _ in range(times):
            objective_with_kpis(roadmap, f"Objective {roadmap.objectives.count()}", ["on", "off"])
            roadmap.principles.create(
                title=f"Principle {roadmap.principles.count()}",
                position=roadmap.principles.count(),
            )

    grow(1)
    small, _ = count_queries(client, url(route, roadmap))
    grow(9)
    large, _ = count_queries(client, url(route, roadmap))
    assert large == small


# Add forms open on demand -----------------------------------------------------


@pytest.mark.parametrize(
    ("route", "create", "button", "section"),
    [
        ("vision", "principle-create", "Add a guiding principle", "principles"),
        ("objectives", "objective-create", "Add an objective", "objectives"),
    ],
)
def test_add_forms_open_on_demand(client, editor, roadmap, route, create, button, section):
    signed_in(client, editor)
    page = client.get(url(route, roadmap)).text
    create_url = url(create, roadmap)
    assert 'name="title"' not in page  # no form open until asked for
    assert f'href="{create_url}" hx-get="{create_url}" hx-target="#{section}"' in page
    assert f">{button}</a>" in page
    opened = client.get(create_url, headers={**HTMX, "HX-Target": section})
    assert f'<section aria-labelledby="{section}-heading" class="section" id="{section}">' in (
        opened.text
    )
    assert 'name="title"' in opened.text and "Cancel</a>" in opened.text
    assert f">{button}</a>" not in opened.text  # the button gives way to the form


def test_the_exports_page_is_the_exports_section(client, lead, roadmap):
    exports = reverse(
        "reports:roadmap-exports",
        kwargs={"agency": roadmap.organisation.slug, "slug": roadmap.slug},
    )
    links = nav_links(signed_in(client, lead).get(exports))
    assert [(text, mark) for text, _, mark in links if mark] == [("Exports", "page")]
