"""The stakeholders app's addresses, grouped by concept as the views are."""

app_name = "stakeholders"

ROADMAP = "agencies/<slug:agency>/roadmaps/<slug:slug>/"

urlpatterns: list = []
