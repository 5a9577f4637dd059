"""Makers of the assessment's inventory for the tests, through the services."""

from datetime import date

from django.urls import reverse

from assessments.services.gaps import gap_create
from assessments.services.processes import process_create
from assessments.services.swot import swot_item_create
from assessments.services.systems import system_create
from roadmap.services.initiatives import initiative_create


def aurl(name: str, roadmap, **kwargs) -> str:
    return reverse(
        f"assessments:{name}",
        kwargs={"agency": roadmap.organisation.slug, "slug": roadmap.slug, **kwargs},
    )


def make_system(roadmap, name="Mainframe", **fields):
    fields = {"hosting": "on_premises", "lifecycle": "migrate", "criticality": "high", **fields}
    return system_create(roadmap=roadmap, name=name, **fields)


def make_process(roadmap, name="Parking permits", **fields):
    fields = {"channel": "post", "digitisation": "paper", **fields}
    return process_create(roadmap=roadmap, name=name, **fields)


def make_item(roadmap, text, quadrant="weakness", **fields):
    return swot_item_create(roadmap=roadmap, quadrant=quadrant, text=text, **fields)


def make_initiative(roadmap, title="Cloud hosting"):
    return initiative_create(
        roadmap=roadmap,
        title=title,
        component=roadmap.components.first(),
        start_month=date(2026, 4, 1),
        end_month=date(2027, 3, 1),
    )


def make_gap(roadmap, title="No single view", **fields):
    return gap_create(roadmap=roadmap, title=title, **fields)
