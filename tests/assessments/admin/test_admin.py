"""Django admin for the SWOT, systems, processes and gaps: the pages load, and the
admin refuses what the app refuses (a year before 1950, a negative cost, a gap
whose weakness is a strength, an initiative of another roadmap)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from assessments.models import Gap, Process, SwotItem, System
from tests.accounts.two_factor import sign_in_with_second_factor

from ..factories import make_gap, make_initiative, make_item, make_process, make_system

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    platform = get_user_model().objects.create_superuser("platform", "p@example.gov")
    sign_in_with_second_factor(client, platform)
    return client


def admin_url(model, action: str, *args) -> str:
    return reverse(f"admin:assessments_{model._meta.model_name}_{action}", args=args)


def test_every_page_loads(admin_client, roadmap):
    things = {
        SwotItem: make_item(roadmap, "Paper forms"),
        System: make_system(roadmap),
        Process: make_process(roadmap),
        Gap: make_gap(roadmap),
    }
    for model, thing in things.items():
        assert admin_client.get(admin_url(model, "changelist")).status_code == 200
        assert admin_client.get(admin_url(model, "add")).status_code == 200
        assert admin_client.get(admin_url(model, "change", thing.pk)).status_code == 200


def system_data(roadmap, **changes):
    data = {
        "roadmap": roadmap.pk,
        "name": "Mainframe",
        "hosting": "on_premises",
        "lifecycle": "migrate",
        "condition": "3",
        "criticality": "high",
        "data_classification": "internal",
        "position": "0",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"year_introduced": "1949"}, "1949 is before the first computers"),
        ({"annual_cost": "-1"}, "a running cost cannot be negative"),
    ],
)
def test_the_admin_refuses_a_system_the_app_refuses(admin_client, roadmap, changes, message):
    response = admin_client.post(admin_url(System, "add"), system_data(roadmap, **changes))
    assert response.status_code == 200
    assert message in response.text
    assert not System.objects.exists()
    ok = admin_client.post(admin_url(System, "add"), system_data(roadmap, year_introduced="1978"))
    assert ok.status_code == 302 and System.objects.get().year_introduced == 1978


def gap_data(roadmap, **changes):
    data = {
        "roadmap": roadmap.pk,
        "title": "No single view",
        "severity": "high",
        "source": "other",
        "position": "0",
    }
    data.update(changes)
    return data


def test_the_admin_refuses_a_gap_whose_source_does_not_fit(admin_client, roadmap, other_roadmap):
    strength = make_item(roadmap, "Good staff", "strength")
    response = admin_client.post(
        admin_url(Gap, "add"), gap_data(roadmap, source="weakness", weakness=strength.pk)
    )
    assert "Choose a weakness: that SWOT item is a strength." in response.text
    theirs = make_initiative(other_roadmap)
    response = admin_client.post(admin_url(Gap, "add"), gap_data(roadmap, initiatives=[theirs.pk]))
    assert "Choose initiatives of the gap&#x27;s roadmap." in response.text
    assert not Gap.objects.exists()
    weakness = make_item(roadmap, "Paper forms")
    ok = admin_client.post(
        admin_url(Gap, "add"), gap_data(roadmap, source="weakness", weakness=weakness.pk)
    )
    assert ok.status_code == 302 and Gap.objects.get().weakness == weakness


def test_the_admin_names_the_processes_in_plain_english(admin_client):
    index = admin_client.get(reverse("admin:index")).text
    assert ">Processes</a>" in index and "Processs" not in index


def test_no_admin_model_is_named_with_a_doubled_plural():
    """Django adds an "s": "process" would become "processs"."""
    from django.contrib import admin

    for model in admin.site._registry:
        plural = str(model._meta.verbose_name_plural)
        assert not plural.endswith(("sss", "ss s")), f"{model.__name__}: {plural}"
