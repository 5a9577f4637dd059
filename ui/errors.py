"""The page for a refused form submission (CSRF_FAILURE_VIEW), in the site's layout."""

from django.http import HttpRequest, HttpResponseForbidden
from django.template.loader import render_to_string


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponseForbidden:
    """Most often an old page (the form was opened before signing in again) or blocked
    cookies: say what to do, not Django's reason, which means nothing to a reader."""
    return HttpResponseForbidden(render_to_string("403_csrf.html", request=request))
