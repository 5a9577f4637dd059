"""The assessments app's addresses, grouped by concept as the views are."""

from django.urls import path

from .models import Quadrant
from .views import answers, assessments, gaps, imports, processes, results, swot, systems

app_name = "assessments"

ROADMAP = "agencies/<slug:agency>/roadmaps/<slug:slug>/"
ASSESSMENT = ROADMAP + "assessments/<int:pk>/"

urlpatterns: list = [
    # Maturity assessments: the list is the Assessment section's page
    path(ROADMAP + "assessments/", assessments.assessment_list, name="assessments"),
    path(ROADMAP + "assessments/new/", assessments.assessment_create, name="assessment-create"),
    path(ASSESSMENT, assessments.assessment_detail, name="assessment"),
    path(ASSESSMENT + "edit/", assessments.assessment_edit, name="assessment-edit"),
    path(ASSESSMENT + "complete/", assessments.assessment_complete, name="assessment-complete"),
    path(ASSESSMENT + "reopen/", assessments.assessment_reopen, name="assessment-reopen"),
    path(
        ASSESSMENT + "dimensions/<int:dimension_pk>/",
        answers.answer_dimension,
        name="assessment-answer",
    ),
    path(ASSESSMENT + "results/", results.assessment_results, name="assessment-results"),
    path(ASSESSMENT + "results/gaps/", results.assessment_gaps, name="assessment-gaps"),
    # SWOT, systems, processes and gaps (the inventory)
    path(ROADMAP + "swot/", swot.swot_page, name="swot"),
    *(
        route
        for quadrant in Quadrant
        for route in swot.QUADRANT_LISTS[quadrant].routes(
            list_path=f"{ROADMAP}swot/{swot.PLURALS[quadrant]}/",
            item_path=f"{ROADMAP}swot/{swot.PLURALS[quadrant]}/<int:pk>/",
        )
    ),
    *systems.system_list.routes(
        list_path=ROADMAP + "systems/", item_path=ROADMAP + "systems/<int:pk>/", list_name="systems"
    ),
    *processes.process_list.routes(
        list_path=ROADMAP + "processes/",
        item_path=ROADMAP + "processes/<int:pk>/",
        list_name="processes",
    ),
    *imports.system_import.routes(base=ROADMAP + "systems/", namespace="assessments"),
    *imports.process_import.routes(base=ROADMAP + "processes/", namespace="assessments"),
    path(
        ROADMAP + "inventory/<slug:table>.<slug:file_format>",
        systems.inventory_download,
        name="inventory-download",
    ),
    *gaps.gap_list.routes(
        list_path=ROADMAP + "gaps/", item_path=ROADMAP + "gaps/<int:pk>/", list_name="gaps"
    ),
    path(ROADMAP + "gaps/suggest/", gaps.gap_suggest, name="gap-suggest"),
]
