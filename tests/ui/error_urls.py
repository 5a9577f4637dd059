"""The project's addresses plus views that fail, to render each error page for real."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns


def bad_request(request):
    raise SuspiciousOperation("a detail nobody should see")


def forbidden(request):
    raise PermissionDenied("a detail nobody should see")


def broken(request):
    raise RuntimeError("a detail nobody should see")


urlpatterns = [
    *project_urlpatterns,
    path("test-errors/400/", bad_request),
    path("test-errors/403/", forbidden),
    path("test-errors/500/", broken),
]
