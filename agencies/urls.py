from django.urls import path

from . import views

app_name = "agencies"

urlpatterns = [
    path("agencies/<slug:agency>/members/", views.member_list, name="members"),
    path("agencies/<slug:agency>/members/invite/", views.member_invite, name="member-invite"),
    path(
        "agencies/<slug:agency>/members/<int:pk>/role/",
        views.member_change_role,
        name="member-role",
    ),
    path(
        "agencies/<slug:agency>/members/<int:pk>/remove/",
        views.member_remove,
        name="member-remove",
    ),
]
