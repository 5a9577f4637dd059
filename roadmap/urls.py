from django.urls import path

from .views import objectives, roadmaps

app_name = "roadmap"

AGENCY = "agencies/<slug:agency>/"
ROADMAP = AGENCY + "roadmaps/<slug:slug>/"
OBJECTIVE = ROADMAP + "objectives/<int:pk>/"

urlpatterns = [
    path(AGENCY, roadmaps.agency_roadmaps, name="agency"),
    path(AGENCY + "roadmaps/new/", roadmaps.roadmap_create, name="create"),
    path(ROADMAP, roadmaps.roadmap_detail, name="detail"),
    path(ROADMAP + "edit/", roadmaps.roadmap_edit, name="edit"),
    path(ROADMAP + "objectives/new/", objectives.objective_create, name="objective-create"),
    path(OBJECTIVE + "edit/", objectives.objective_edit, name="objective-edit"),
    path(OBJECTIVE + "delete/", objectives.objective_delete, name="objective-delete"),
]
