"""The report's communication plan: the next two quarters from the "as at" date,
by month, recurring items in each month they happen, cancelled ones left out,
individuals named only when the person exporting chose so; two queries
whatever the size of the plan."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reports.assembly import load_roadmap_for_report, render_report_html
from reports.options import ReportOptions
from reports.sections.stakeholders_communications import report_communications
from stakeholders.services.communications import communication_create
from tests.stakeholders.conftest import make_stakeholder

pytestmark = pytest.mark.django_db

AS_AT = date(2027, 2, 10)


def plan(roadmap, purpose, planned_on, **fields):
    fields.setdefault("channel", "briefing")
    return communication_create(roadmap=roadmap, purpose=purpose, planned_on=planned_on, **fields)


def months_of(found) -> dict[str, list[tuple[str, list[int]]]]:
    return {
        f"{m.month:%B %Y}": [(c.item.purpose, [d.day for d in c.days]) for c in m.communications]
        for m in found["months"]
    }


def test_the_next_two_quarters_by_month_with_recurring_items_in_each_month(roadmap):
    plan(roadmap, "Before", date(2027, 1, 31))
    plan(roadmap, "First", date(2027, 2, 1))
    plan(roadmap, "Last", date(2027, 7, 31))
    plan(roadmap, "After", date(2027, 8, 1))
    plan(roadmap, "Stopped", date(2027, 3, 1), status="cancelled")
    plan(roadmap, "Board", date(2026, 11, 30), frequency="quarterly")
    plan(roadmap, "Weekly call", date(2027, 6, 20), frequency="weekly")
    found = report_communications(roadmap, ReportOptions(as_at=AS_AT))
    assert (found["first"], found["last"]) == (date(2027, 2, 1), date(2027, 7, 31))
    assert months_of(found) == {
        "February 2027": [("First", [1]), ("Board", [28])],
        "March 2027": [],
        "April 2027": [],
        "May 2027": [("Board", [30])],
        "June 2027": [("Weekly call", [20, 27])],
        "July 2027": [("Weekly call", [4, 11, 18, 25]), ("Last", [31])],
    }
    assert found["count"] == 4


def test_individuals_are_named_only_when_chosen_otherwise_by_role(roadmap):
    person = make_stakeholder(roadmap, "Ada Lovelace", role="Chief digital officer")
    group = make_stakeholder(roadmap, "Frontline staff", kind="group", level="staff")
    plan(roadmap, "Brief", AS_AT).audience.set([person, group])
    hidden = report_communications(roadmap, ReportOptions(as_at=AS_AT))
    by_role = "Frontline staff, Chief digital officer"
    assert hidden["months"][0].communications[0].audience == by_role
    named = report_communications(roadmap, ReportOptions(as_at=AS_AT, name_individuals=True))
    assert named["months"][0].communications[0].audience == "Frontline staff, Ada Lovelace"
    html = render_report_html(
        load_roadmap_for_report(roadmap.pk),
        generated_at=timezone.now(),
        version=1,
        options=ReportOptions(as_at=AS_AT),
    )
    chapter = html.split('id="stakeholder-engagement"')[1].split('id="the-roadmap"')[0]
    assert "Communication plan, February 2027 to July 2027" in chapter
    assert "Chief digital officer" in chapter and "Ada Lovelace" not in chapter


def test_the_plan_costs_two_queries_at_any_size(roadmap, other_roadmap):
    for target, count in ((roadmap, 2), (other_roadmap, 20)):
        for n in range(count):
            item = plan(target, f"Item {n}", AS_AT, frequency="weekly")
            item.audience.set([make_stakeholder(target, f"Person {n}")])
    for target in (roadmap, other_roadmap):
        with CaptureQueriesContext(connection) as queries:
            report_communications(target, ReportOptions(as_at=AS_AT))
        assert len(queries) == 2
