"""Every public service function, with arguments Hypothesis builds from its type
hints: no input gives a server error (it is done, or refused in a way a view shows
as a message or a 4xx), and what is refused changes nothing in the database.

The functions are found, not listed (tests/property/discovery.py), so a service
that a later part of the product adds is covered as soon as it exists.
"""

import pytest
from django.core.exceptions import (
    BadRequest,
    PermissionDenied,
    SuspiciousOperation,
    ValidationError,
)
from django.http import Http404
from hypothesis import given
from hypothesis import strategies as st

from ui.concurrency import Refused, StaleEdit

from .conftest import in_savepoint, snapshot
from .discovery import project_service_functions
from .strategies import service_arguments

# The databases must exist; each example is then undone in a savepoint of its own.
pytestmark = pytest.mark.django_db

# What a service may raise instead of doing the work: each becomes a message on the
# form (Refused, StaleEdit, ValidationError) or a 4xx page; anything else is a 500.
REFUSALS = (Refused, StaleEdit, ValidationError, Http404, PermissionDenied, BadRequest)
REFUSALS += (SuspiciousOperation,)

SERVICES = project_service_functions()


def test_the_services_are_found():
    names = {f"{f.__module__}.{f.__name__}" for f in SERVICES}
    assert {"roadmap.services.kpis.kpi_create", "roadmap.services.roadmaps.roadmap_update"} <= names
    assert not any(name.rsplit(".", 1)[1].startswith("_") for name in names)


@pytest.mark.parametrize("service", SERVICES, ids=lambda f: f"{f.__module__}.{f.__name__}")
def test_no_input_gives_a_server_error_and_a_refusal_changes_nothing(world, service):
    arguments = service_arguments(service)
    before = snapshot()

    @given(data=st.data())
    def any_input(data):
        def run():
            kwargs = data.draw(arguments, label="arguments")
            try:
                service(**kwargs)
            except REFUSALS as refusal:
                assert snapshot() == before, f"refused ({refusal!r}) but changed the data"

        in_savepoint(run)

    any_input()
