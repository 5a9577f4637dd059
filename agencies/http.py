from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """Typing aid: django-htmx's middleware adds `request.htmx` to every request."""

    htmx: HtmxDetails
