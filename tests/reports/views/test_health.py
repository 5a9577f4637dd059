"""A roadmap's health: the findings page and the count on the overview."""

import itertools
from datetime import date

import pytest
from django.urls import reverse

from roadmap.services.initiatives import dependency_add, initiative_create
from tests.helpers import count_queries, signed_in
from tests.roadmap.kpi_factories import make_kpi

pytestmark = pytest.mark.django_db


def health_url(roadmap) -> str:
    return reverse(
        "reports:roadmap-health",
        kwargs={"agency": roadmap.organisation.slug, "slug": roadmap.slug},
    )


def plan(roadmap, title, start, end, **fields):
    return initiative_create(
        roadmap=roadmap,
        title=title,
        component=roadmap.components.first(),
        start_month=date(*start, 1),
        end_month=date(*end, 1),
        **fields,
    )


def test_the_findings_link_to_where_they_are_fixed(client, viewer, roadmap):
    objective = roadmap.objectives.get()
    make_kpi(objective)
    cloud = plan(roadmap, "Cloud hosting", (2027, 4), (2028, 3), objectives=[objective])
    retire = plan(roadmap, "Retire the old system", (2028, 1), (2028, 12), objectives=[objective])
    dependency_add(initiative=retire, prerequisite=cloud)
    loose = plan(roadmap, "Apprenticeships", (2027, 9), (2028, 8))
    text = signed_in(client, viewer).get(health_url(roadmap)).text
    assert "2 findings" in text
    high = text.split('id="high"')[1].split("</section>")[0]
    assert "“Retire the old system” starts in January 2028" in high
    assert f'href="{retire.get_absolute_url()}#dependencies"' in high
    medium = text.split('id="medium"')[1].split("</section>")[0]
    assert "Apprenticeships" in medium and f'href="{loose.get_absolute_url()}"' in medium


def test_the_overview_counts_the_findings(client, viewer, roadmap):
    # The fixture's objective has neither an initiative nor a KPI: two findings.
    text = signed_in(client, viewer).get(roadmap.get_absolute_url()).text
    panel = text.split('id="health-heading"')[1].split("</section>")[0]
    assert f'href="{health_url(roadmap)}">2 findings</a>' in panel
    assert "1</span> medium severity" in panel and "1</span> low severity" in panel


def test_a_healthy_roadmap_says_so(client, viewer, roadmap):
    objective = roadmap.objectives.get()
    make_kpi(objective)
    plan(roadmap, "Cloud hosting", (2027, 4), (2028, 3), objectives=[objective])
    signed_in(client, viewer)
    assert "No findings" in client.get(health_url(roadmap)).text
    assert "No findings" in client.get(roadmap.get_absolute_url()).text


def test_another_agencys_health_is_not_found(client, viewer, other_roadmap):
    assert signed_in(client, viewer).get(health_url(other_roadmap)).status_code == 404


def test_the_health_page_costs_the_same_with_ten_times_the_plan(client, viewer, roadmap):
    signed_in(client, viewer)

    def grow(count):
        start = roadmap.initiatives.count()
        made = [
            plan(roadmap, f"Initiative {start + n}", (2027, 1), (2027, 6)) for n in range(count)
        ]
        for earlier, later in itertools.pairwise(made):
            dependency_add(initiative=later, prerequisite=earlier)

    grow(3)
    small, _ = count_queries(client, health_url(roadmap))
    grow(27)
    large, _ = count_queries(client, health_url(roadmap))
    assert large == small


def test_a_high_risk_with_no_mitigation_is_a_finding(client, viewer, roadmap):
    from roadmap.services.risks import risk_create

    risk = risk_create(roadmap=roadmap, title="Supplier fails", likelihood=5, impact=3)
    risk_create(roadmap=roadmap, title="Mitigated", likelihood=5, impact=5, mitigation="A plan.")
    text = signed_in(client, viewer).get(health_url(roadmap)).text
    high = text.split('id="high"')[1].split("</section>")[0]
    assert "Supplier fails" in high and "Mitigated" not in high
    assert f'href="{risk.get_absolute_url()}"' in high
