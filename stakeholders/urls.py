"""The stakeholders app's addresses, grouped by concept as the views are."""

from django.urls import path

from .views import analysis, calendar, communications, engagements, imports, raci, stakeholders

app_name = "stakeholders"

ROADMAP = "agencies/<slug:agency>/roadmaps/<slug:slug>/"

# The register
STAKEHOLDER = ROADMAP + "stakeholders/<int:pk>/"

# communication plan and calendar feed
COMMUNICATION = ROADMAP + "communications/<int:pk>/"
# engagement log
INTERACTION = ROADMAP + "engagements/<int:pk>/"
FOLLOW_UP = ROADMAP + "follow-ups/<int:pk>/"

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
    # communication plan and calendar feed
    *communications.communication_list.routes(
        list_path=ROADMAP + "communications/", item_path=COMMUNICATION, list_name="communications"
    ),
    path(ROADMAP + "communications/calendar/", calendar.calendar_page, name="calendar"),
    path(
        ROADMAP + "communications/calendar/reset/", calendar.calendar_reset, name="calendar-reset"
    ),
    path("calendar/<str:token>.ics", calendar.calendar_feed, name="calendar-feed"),
    # engagement log
    *engagements.interaction_list.routes(
        list_path=ROADMAP + "engagements/", item_path=INTERACTION, list_name="interactions"
    ),
    path(INTERACTION, engagements.interaction_detail, name="interaction"),
    *engagements.follow_up_list.routes(
        list_path=ROADMAP + "engagements/<int:interaction_pk>/follow-ups/", item_path=FOLLOW_UP
    ),
]
