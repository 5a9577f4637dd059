"""The assessments app's addresses, grouped by concept as the views are."""

from django.urls import path

from .views import answers, assessments, results

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
]
