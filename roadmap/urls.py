"""The roadmap app's addresses, grouped by concept as the views are. Inline
lists (ui/inline_list.py) give their five routes: <noun>-list, -create,
-edit, -move and -delete."""

from django.urls import path

from .views import (
    alignments,
    components,
    goals,
    imports,
    initiatives,
    kpis,
    measurements,
    milestones,
    objectives,
    partners,
    principles,
    risks,
    roadmap_goals,
    roadmaps,
)

app_name = "roadmap"

AGENCY = "agencies/<slug:agency>/"
ROADMAP = AGENCY + "roadmaps/<slug:slug>/"
PRINCIPLE = ROADMAP + "principles/<int:pk>/"
PARTNER = ROADMAP + "partners/<int:pk>/"
ROADMAP_GOAL = ROADMAP + "goals/<int:pk>/"
GOAL = AGENCY + "goals/<int:pk>/"
OBJECTIVE = ROADMAP + "objectives/<int:pk>/"
KPI = OBJECTIVE + "kpis/<int:kpi_pk>/"
MEASUREMENT = KPI + "measurements/<int:measurement_pk>/"
COMPONENT = ROADMAP + "components/<int:pk>/"
INITIATIVE = ROADMAP + "initiatives/<int:pk>/"
MILESTONE = ROADMAP + "milestones/<int:pk>/"
RISK = ROADMAP + "risks/<int:pk>/"

urlpatterns = [
    # Roadmaps
    path(AGENCY, roadmaps.agency_roadmaps, name="agency"),
    path(AGENCY + "roadmaps/new/", roadmaps.roadmap_create, name="create"),
    path(ROADMAP, roadmaps.roadmap_detail, name="detail"),
    path(ROADMAP + "edit/", roadmaps.roadmap_edit, name="edit"),
    # Partner organisations of a joint roadmap: a list on the overview
    *partners.partner_list.routes(list_path=ROADMAP + "partners/", item_path=PARTNER),
    # Vision and principles: the vision and purpose, and the guiding principles' list
    path(ROADMAP + "vision/", roadmaps.roadmap_vision, name="vision"),
    *principles.principle_list.routes(list_path=ROADMAP + "principles/", item_path=PRINCIPLE),
    # The roadmap's own goals, listed on the same page
    *roadmap_goals.roadmap_goal_list.routes(list_path=ROADMAP + "goals/", item_path=ROADMAP_GOAL),
    # Organisational goals: the list is the agency's goals page
    *goals.goal_list.routes(list_path=AGENCY + "goals/", item_path=GOAL, list_name="goals"),
    # Objectives and KPIs: the list of objectives is the section's page
    *objectives.objective_list.routes(
        list_path=ROADMAP + "objectives/", item_path=OBJECTIVE, list_name="objectives"
    ),
    path(ROADMAP + "kpis/", kpis.roadmap_kpis, name="kpis"),
    path(OBJECTIVE, objectives.objective_detail, name="objective-detail"),
    # Alignments of an objective with the agency's goals
    path(OBJECTIVE + "alignments/new/", alignments.alignment_create, name="alignment-create"),
    path(
        OBJECTIVE + "alignments/<int:alignment_pk>/delete/",
        alignments.alignment_delete,
        name="alignment-delete",
    ),
    # KPIs
    *kpis.kpi_list.routes(list_path=OBJECTIVE + "kpis/", item_path=KPI),
    path(KPI, kpis.kpi_detail, name="kpi-detail"),
    # Measurements, in the order of their dates
    *measurements.measurement_list.routes(list_path=KPI + "measurements/", item_path=MEASUREMENT),
    # The plan: components (lanes) and initiatives; the initiatives' list is the
    # Roadmap section's page
    *components.component_list.routes(
        list_path=ROADMAP + "components/", item_path=COMPONENT, list_name="components"
    ),
    *initiatives.initiative_list.routes(
        list_path=ROADMAP + "initiatives/", item_path=INITIATIVE, list_name="initiatives"
    ),
    path(INITIATIVE, initiatives.initiative_detail, name="initiative-detail"),
    path(ROADMAP + "timeline/", initiatives.roadmap_timeline, name="timeline"),
    path(ROADMAP + "board/", initiatives.roadmap_board, name="board"),
    path(
        ROADMAP + "plan/<slug:table>.<slug:file_format>",
        initiatives.plan_download,
        name="plan-download",
    ),
    path(ROADMAP + "traceability/", initiatives.roadmap_traceability, name="traceability"),
    path(
        INITIATIVE + "dependencies/new/",
        initiatives.dependency_create,
        name="dependency-create",
    ),
    path(
        INITIATIVE + "dependencies/<int:dependency_pk>/delete/",
        initiatives.dependency_delete,
        name="dependency-delete",
    ),
    # Milestones by due date, and risks by score with the heat map: each list is a
    # page of the Roadmap section
    *milestones.milestone_list.routes(
        list_path=ROADMAP + "milestones/", item_path=MILESTONE, list_name="milestones"
    ),
    *risks.risk_list.routes(list_path=ROADMAP + "risks/", item_path=RISK, list_name="risks"),
    # Imports from a spreadsheet: upload, template file, preview, apply, cancel (ui/imports.py)
    *imports.initiative_import.routes(base=ROADMAP + "initiatives/", namespace=app_name),
    *imports.milestone_import.routes(base=ROADMAP + "milestones/", namespace=app_name),
    *imports.risk_import.routes(base=ROADMAP + "risks/", namespace=app_name),
]
