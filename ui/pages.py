"""The service's own pages, readable signed in or not: help, accessibility, privacy."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_safe

app_name = "pages"


def _page(template: str):
    @require_safe
    def view(request: HttpRequest) -> HttpResponse:
        return render(request, template)

    return view


urlpatterns = [
    path("help/", _page("pages/help.html"), name="help"),
    path("accessibility/", _page("pages/accessibility.html"), name="accessibility"),
    path("privacy/", _page("pages/privacy.html"), name="privacy"),
]
