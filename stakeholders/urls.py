"""The stakeholders app's addresses, grouped by concept as the views are."""

from django.urls import path

from .views import calendar, communications, engagements

app_name = "stakeholders"

ROADMAP = "agencies/<slug:agency>/roadmaps/<slug:slug>/"

# communication plan and calendar feed
COMMUNICATION = ROADMAP + "communications/<int:pk>/"
# engagement log
INTERACTION = ROADMAP + "engagements/<int:pk>/"
FOLLOW_UP = ROADMAP + "follow-ups/<int:pk>/"

urlpatterns: list = [
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
