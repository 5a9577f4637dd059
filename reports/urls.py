from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path(
        "agencies/<slug:agency>/roadmaps/<slug:slug>/health/",
        views.roadmap_health,
        name="roadmap-health",
    ),
    path(
        "agencies/<slug:agency>/roadmaps/<slug:slug>/exports/",
        views.roadmap_exports,
        name="roadmap-exports",
    ),
    path("agencies/<slug:agency>/reports/<uuid:pk>/", views.job_detail, name="job"),
    path(
        "agencies/<slug:agency>/reports/<uuid:pk>/download/",
        views.job_download,
        name="job-download",
    ),
]
