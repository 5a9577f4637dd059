"""The service navigation in the header: the current agency's Roadmaps, Goals and
(for agency admins) Members, with the current place marked for assistive technology."""

import re

import pytest
from django.urls import reverse

from agencies.models import Membership, Role
from roadmap.models import OrganisationalGoal
from tests.helpers import signed_in

pytestmark = pytest.mark.django_db


def service_nav(response) -> list[tuple[str, str, str]]:
    """(label, address, aria-current) of each link in the service navigation."""
    match = re.search(r'<nav class="service-nav"[^>]*>(.*?)</nav>', response.text, re.S)
    if not match:
        return []
    return [
        (label, href, current or "")
        for href, current, label in re.findall(
            r'<a class="service-nav__link" href="([^"]+)"(?: aria-current="(\w+)")?>([^<]+)</a>',
            match[1],
        )
    ]


def agency_url(name, agency, **kwargs):
    return reverse(name, kwargs={"agency": agency.slug, **kwargs})


def current(response) -> dict[str, str]:
    return {label: mark for label, _, mark in service_nav(response) if mark}


def test_an_agency_admin_gets_roadmaps_goals_and_members(client, admin_user, agency):
    response = signed_in(client, admin_user).get(agency_url("roadmap:agency", agency))

    assert service_nav(response) == [
        ("Roadmaps", agency_url("roadmap:agency", agency), "page"),
        ("Goals", agency_url("roadmap:goals", agency), ""),
        ("Members", agency_url("agencies:members", agency), ""),
    ]
    assert f'<nav class="service-nav" aria-label="{agency.name}">' in response.text


@pytest.mark.parametrize("persona", ["viewer", "editor", "lead"])
def test_below_agency_admin_there_is_no_members_link(client, request_persona, persona, agency):
    response = signed_in(client, request_persona(persona)).get(agency_url("roadmap:goals", agency))

    assert [label for label, _, _ in service_nav(response)] == ["Roadmaps", "Goals"]


@pytest.fixture
def goal(agency):
    return OrganisationalGoal.objects.create(organisation=agency, title="Cut waiting times")


@pytest.mark.parametrize(
    ("route", "kwargs", "expected"),
    [
        ("roadmap:agency", {}, {"Roadmaps": "page"}),
        ("roadmap:create", {}, {"Roadmaps": "true"}),
        ("roadmap:detail", {"slug": "digital-2026"}, {"Roadmaps": "true"}),
        ("roadmap:edit", {"slug": "digital-2026"}, {"Roadmaps": "true"}),
        ("reports:roadmap-exports", {"slug": "digital-2026"}, {"Roadmaps": "true"}),
        ("roadmap:goals", {}, {"Goals": "page"}),
        ("roadmap:goal-create", {}, {"Goals": "true"}),
        ("roadmap:goal-edit", {"pk": "goal"}, {"Goals": "true"}),
        ("agencies:members", {}, {"Members": "page"}),
    ],
)
def test_the_current_place_is_marked_on_every_section(
    client, admin_user, roadmap, goal, route, kwargs, expected
):
    kwargs = {key: goal.pk if value == "goal" else value for key, value in kwargs.items()}

    response = signed_in(client, admin_user).get(agency_url(route, roadmap.organisation, **kwargs))

    assert response.status_code == 200
    assert current(response) == expected


def test_a_member_of_one_agency_finds_its_navigation_on_the_home_page(client, viewer, agency):
    response = signed_in(client, viewer).get("/")

    assert [label for label, _, _ in service_nav(response)] == ["Roadmaps", "Goals"]
    assert current(response) == {}


def test_a_member_of_two_agencies_chooses_one_first(client, viewer, agency, other_agency):
    Membership.objects.create(user=viewer, organisation=other_agency, role=Role.VIEWER)
    client = signed_in(client, viewer)

    assert service_nav(client.get("/")) == []
    assert service_nav(client.get(agency_url("roadmap:goals", other_agency)))[0] == (
        "Roadmaps",
        agency_url("roadmap:agency", other_agency),
        "",
    )


def test_another_agencys_page_shows_only_your_own_agencys_navigation(
    client, outsider, roadmap, other_agency
):
    response = signed_in(client, outsider).get(roadmap.get_absolute_url())

    assert response.status_code == 404
    assert all(
        other_agency.slug in href and roadmap.organisation.slug not in href
        for _, href, _ in service_nav(response)
    )
    assert current(response) == {}


def test_signed_out_there_is_no_service_navigation(client):
    assert service_nav(client.get(reverse("login"))) == []
