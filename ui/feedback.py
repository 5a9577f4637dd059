"""Confirmation banners: one call in a view, shown on the next page or in place.

`confirm(request, "Principle saved")` puts a success message on the request
(Django's messages framework). A plain request that redirects shows it in the
banner at the top of the next page (templates/base.html, `#notifications`, a
polite `role="status"` region that never takes focus). An htmx request that is
answered in place gets the banner's new content added to its response as an
out-of-band swap by `FeedbackMiddleware`, so the same banner shows it without a
reload, and screen readers hear it from the same live region.
"""

from django.contrib import messages
from django.contrib.messages import get_messages
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

BANNER_TEMPLATE = "components/notifications.html"


def confirm(request: HttpRequest, message: str) -> None:
    """Confirm a successful change to the person who made it."""
    messages.success(request, message)


def refuse(request: HttpRequest, message: str) -> None:
    """Tell the person a change was not made (when no form can say it beside a field)."""
    messages.error(request, message)


# htmx follows these instead of swapping, so the message waits for the next page.
_NAVIGATING_HEADERS = ("HX-Redirect", "HX-Location", "HX-Refresh")


def _answered_in_place(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        bool(getattr(request, "htmx", False))
        and 200 <= response.status_code < 300  # htmx swaps nothing from an error response
        and response.status_code != 204
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not any(header in response for header in _NAVIGATING_HEADERS)
    )


class FeedbackMiddleware:
    """Add the pending messages to an htmx response as an out-of-band swap of the banner.

    Listed after MessageMiddleware, so the messages read here are marked as shown
    before that middleware stores what is left for the next request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not _answered_in_place(request, response):
            return response
        storage = get_messages(request)
        pending = list(storage)
        if not pending:
            return response
        # No request context: the banner needs none, and its processors would query.
        banner = render_to_string(
            BANNER_TEMPLATE + "#out-of-band", {"messages": pending, "live": True}
        )
        response.content += banner.encode(response.charset)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response
