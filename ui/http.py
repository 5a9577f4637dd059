from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """Typing aid: django-htmx's middleware adds `request.htmx` to every request."""

    htmx: HtmxDetails


def member_page(membership, **context) -> dict:
    """What every page inside an agency starts from: whose membership, which agency."""
    return {"membership": membership, "agency": membership.organisation, **context}
