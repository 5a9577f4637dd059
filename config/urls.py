from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from roadmap.views import roadmaps as roadmap_views

from .health import healthz

admin.site.site_header = "Roadmap planner administration"
admin.site.site_title = "Roadmap planner admin"

urlpatterns = [
    path("", roadmap_views.home, name="home"),
    path("healthz", healthz, name="healthz"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("accounts.urls")),
    path("admin/", admin.site.urls),
    path("", include("ui.pages")),
    path("", include("agencies.urls")),
    path("", include("roadmap.urls")),
    path("", include("assessments.urls")),
    path("", include("stakeholders.urls")),
    path("", include("reports.urls")),
]
