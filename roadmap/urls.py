from django.urls import path

from . import views

app_name = "roadmap"

urlpatterns = [
    path("agencies/<slug:agency>/", views.agency_roadmaps, name="agency"),
    path("agencies/<slug:agency>/roadmaps/new/", views.roadmap_create, name="create"),
    path("agencies/<slug:agency>/roadmaps/<slug:slug>/", views.roadmap_detail, name="detail"),
    path("agencies/<slug:agency>/roadmaps/<slug:slug>/edit/", views.roadmap_edit, name="edit"),
    path(
        "agencies/<slug:agency>/roadmaps/<slug:slug>/objectives/new/",
        views.objective_create,
        name="objective-create",
    ),
    path(
        "agencies/<slug:agency>/roadmaps/<slug:slug>/objectives/<int:pk>/edit/",
        views.objective_edit,
        name="objective-edit",
    ),
    path(
        "agencies/<slug:agency>/roadmaps/<slug:slug>/objectives/<int:pk>/delete/",
        views.objective_delete,
        name="objective-delete",
    ),
]
