from django.urls import path

from .views import invitations, memberships, organisations

app_name = "agencies"

urlpatterns = [
    path("agencies/<slug:agency>/members/", memberships.member_list, name="members"),
    path(
        "agencies/<slug:agency>/members/<int:pk>/role/",
        memberships.member_change_role,
        name="member-role",
    ),
    path(
        "agencies/<slug:agency>/members/<int:pk>/remove/",
        memberships.member_remove,
        name="member-remove",
    ),
    path(
        "agencies/<slug:agency>/invitations/",
        invitations.invitation_create,
        name="invitation-create",
    ),
    path(
        "agencies/<slug:agency>/invitations/<int:pk>/resend/",
        invitations.invitation_resend,
        name="invitation-resend",
    ),
    path(
        "agencies/<slug:agency>/invitations/<int:pk>/withdraw/",
        invitations.invitation_withdraw,
        name="invitation-withdraw",
    ),
    path(
        "invitations/<str:token>/",
        invitations.invitation_accept,
        name="invitation-accept",
    ),
    path("agencies/<slug:agency>/settings/", organisations.agency_settings, name="settings"),
]
