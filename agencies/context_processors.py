from django.http import HttpRequest
from django.urls import reverse

from ui.navigation import NavLink

from .access import user_memberships


def _section(view_name: str, kwargs: dict) -> str:
    """Which part of the service navigation a route belongs to."""
    if view_name.startswith(("agencies:member", "agencies:invitation")):
        return "members"
    if view_name.startswith("roadmap:goal"):
        return "goals"
    if view_name.startswith(("roadmap:", "reports:")) or "slug" in kwargs:
        return "roadmaps"  # the agency's roadmaps and everything inside a roadmap
    return ""


def service_navigation(membership, match) -> list[NavLink]:
    """Roadmaps, Goals and (for agency admins) Members of the membership's agency."""
    agency = membership.organisation.slug
    links = [
        ("roadmaps", "Roadmaps", "roadmap:agency"),
        ("goals", "Goals", "roadmap:goals"),
    ]
    if membership.can_administer:
        links.append(("members", "Members", "agencies:members"))
    view_name = match.view_name if match else ""
    section = _section(view_name, match.kwargs) if match else ""
    nav = []
    for key, label, name in links:
        current = "page" if view_name == name else "true" if section == key else ""
        nav.append(NavLink(label, reverse(name, kwargs={"agency": agency}), current))
    return nav


def agency_navigation(request: HttpRequest) -> dict:
    """The header's agency switcher (the caller's agencies and the one in the URL) and
    the service navigation of the agency in the URL, or of the caller's only agency."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    memberships = list(user_memberships(user))
    match = getattr(request, "resolver_match", None)
    current_slug = match.kwargs.get("agency") if match else None
    current = next((m for m in memberships if m.organisation.slug == current_slug), None)
    nav_for = current or (memberships[0] if len(memberships) == 1 else None)
    return {
        "nav_memberships": memberships,
        "current_membership": current,
        "service_nav": service_navigation(nav_for, match if current else None) if nav_for else [],
    }
