"""The stakeholders app's addresses, grouped by concept as the views are."""

from django.urls import path

from .views import analysis, imports, raci, stakeholders

app_name = "stakeholders"

ROADMAP = "agencies/<slug:agency>/roadmaps/<slug:slug>/"

# The register
STAKEHOLDER = ROADMAP + "stakeholders/<int:pk>/"

urlpatterns: list = [
    # The register, each entry's page, personal data, downloads
    *stakeholders.stakeholder_list.routes(
        list_path=ROADMAP + "stakeholders/", item_path=STAKEHOLDER, list_name="register"
    ),
    path(STAKEHOLDER, stakeholders.stakeholder_detail, name="stakeholder"),
    path(
        STAKEHOLDER + "personal-data/",
        stakeholders.stakeholder_personal_data,
        name="stakeholder-personal-data",
    ),
    path(
        STAKEHOLDER + "anonymise/", stakeholders.stakeholder_anonymise, name="stakeholder-anonymise"
    ),
    path(
        ROADMAP + "stakeholders/register.<slug:file_format>",
        stakeholders.register_download,
        name="register-download",
    ),
    path(
        ROADMAP + "stakeholders/personal-data-log/",
        stakeholders.personal_data_log,
        name="personal-data-log",
    ),
    # Import of the register from a spreadsheet (ui/imports.py)
    *imports.stakeholder_import.routes(base=ROADMAP + "stakeholders/", namespace=app_name),
    # Analysis
    path(ROADMAP + "stakeholders/grid/", analysis.power_interest_grid, name="grid"),
    path(ROADMAP + "stakeholders/engagement/", analysis.engagement_assessment, name="engagement"),
    # RACI of an initiative
    path(ROADMAP + "initiatives/<int:pk>/raci/", raci.raci_edit, name="raci-edit"),
]
