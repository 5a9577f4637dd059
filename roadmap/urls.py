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

# The objective page, its alignments, its KPIs and their measurements -------------
# (roadmap/views/objective_page.py and roadmap/views/kpis.py)
from .views import kpis, objective_page  # noqa: E402

KPI = OBJECTIVE + "kpis/<int:kpi_pk>/"
MEASUREMENT = KPI + "measurements/<int:measurement_pk>/"

urlpatterns += [
    path(OBJECTIVE, objective_page.objective_detail, name="objective-detail"),
    path(OBJECTIVE + "alignments/new/", objective_page.alignment_create, name="alignment-create"),
    path(
        OBJECTIVE + "alignments/<int:alignment_pk>/delete/",
        objective_page.alignment_delete,
        name="alignment-delete",
    ),
    path(OBJECTIVE + "kpis/new/", kpis.kpi_create, name="kpi-create"),
    path(KPI, kpis.kpi_detail, name="kpi-detail"),
    path(KPI + "edit/", kpis.kpi_edit, name="kpi-edit"),
    path(KPI + "move/", kpis.kpi_move, name="kpi-move"),
    path(KPI + "delete/", kpis.kpi_delete, name="kpi-delete"),
    path(KPI + "measurements/new/", kpis.measurement_create, name="measurement-create"),
    path(MEASUREMENT + "edit/", kpis.measurement_edit, name="measurement-edit"),
    path(MEASUREMENT + "delete/", kpis.measurement_delete, name="measurement-delete"),
]

# Guiding principles, organisational goals and moving objectives ----------------
# (roadmap/views/principles.py, roadmap/views/goals.py, roadmap/views/objectives.py)
from .views import goals, principles  # noqa: E402

PRINCIPLE = ROADMAP + "principles/<int:pk>/"
GOAL = AGENCY + "goals/<int:pk>/"

urlpatterns += [
    path(ROADMAP + "principles/new/", principles.principle_create, name="principle-create"),
    path(PRINCIPLE + "edit/", principles.principle_edit, name="principle-edit"),
    path(PRINCIPLE + "move/", principles.principle_move, name="principle-move"),
    path(PRINCIPLE + "delete/", principles.principle_delete, name="principle-delete"),
    path(OBJECTIVE + "move/", objectives.objective_move, name="objective-move"),
    path(AGENCY + "goals/", goals.goal_list, name="goals"),
    path(AGENCY + "goals/new/", goals.goal_create, name="goal-create"),
    path(GOAL + "edit/", goals.goal_edit, name="goal-edit"),
    path(GOAL + "move/", goals.goal_move, name="goal-move"),
    path(GOAL + "delete/", goals.goal_delete, name="goal-delete"),
]
