"""The assessments app's addresses, grouped by concept as the views are."""

app_name = "assessments"

ROADMAP = "agencies/<slug:agency>/roadmaps/<slug:slug>/"

urlpatterns: list = []
