"""Helpers shared by the view tests: signing in, sending a request, counting a
page's queries, roadmap addresses, and the values several test files send."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from roadmap.models import Objective, Roadmap

MARKUP = '<script>alert("x")</script><b onmouseover="steal()">bold</b> & \'quoted\''
HTMX = {"HX-Request": "true"}


def signed_in(client, user):
    client.force_login(user)
    return client


def url(name: str, roadmap: Roadmap, **kwargs) -> str:
    return reverse(
        f"roadmap:{name}",
        kwargs={"agency": roadmap.organisation.slug, "slug": roadmap.slug, **kwargs},
    )


def send(client, method: str, target, headers=None):
    address, data = target
    if method == "post":
        return client.post(address, data or {}, headers=headers or {})
    return client.get(address, headers=headers or {})


def count_queries(client, address: str) -> tuple[int, str]:
    client.get(address)  # warm caches that are not the page's own work
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries), response.text


def roadmaps_and_objectives() -> tuple[list[dict], list[dict]]:
    """Every roadmap's and objective's row, to show a refused write changed nothing."""
    return (
        list(Roadmap.objects.order_by("pk").values()),
        list(Objective.objects.order_by("pk").values()),
    )


def in_place_banner(response) -> str:
    """The confirmation an htmx response shows in the banner (ui/feedback.py): the
    out-of-band swap of `#notifications` that comes last, or "" when there is none."""
    from django.test.html import parse_html

    document = parse_html(response.content.decode())
    last = document if document.name else document.children[-1]
    if getattr(last, "name", None) is None or dict(last.attributes).get("id") != "notifications":
        return ""
    assert dict(last.attributes) == {"id": "notifications", "hx-swap-oob": "innerHTML"}
    return " ".join(
        "".join(str(part) for part in child.children) for child in last.children
    ).strip()
