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


def date_fields(name: str, day) -> dict[str, str]:
    """A date as a browser posts the day, month and year boxes of `name`
    (ui/dates.py): from a `date`, its numbers; from text, the parts as typed,
    separated by spaces ("31 4 2026", "1 March 2026", "" for nothing); from a
    tuple, each box ("1", "", "2026")."""
    if hasattr(day, "year"):
        parts = [str(day.day), str(day.month), str(day.year)]
    elif isinstance(day, tuple | list):  # each box as typed, "" for an empty one
        parts = list(day)
    else:
        parts = [*str(day).split(), "", "", ""][:3]
    return dict(zip((f"{name}_day", f"{name}_month", f"{name}_year"), parts, strict=True))


def with_dates(data: dict, *names: str) -> dict[str, str]:
    """`data` with each date field in `names` (a `date`, or text as typed) posted
    as its day, month and year boxes."""
    posted = {key: value for key, value in data.items() if key not in names}
    for name in names:
        if name in data:
            posted.update(date_fields(name, data[name]))
    return posted


def typed_value(data: dict, name: str) -> str:
    """What field `name` should show again of what was posted in `data`: its text,
    or for a date its boxes, day month year (as `FormPage.value` reads them)."""
    if name in data:
        return " ".join(str(data[name]).split())
    parts = (data.get(f"{name}_{part}", "") for part in ("day", "month", "year"))
    return " ".join(" ".join(parts).split())
