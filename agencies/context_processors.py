from django.http import HttpRequest

from .access import user_memberships


def agency_navigation(request: HttpRequest) -> dict:
    """The header's agency switcher: the caller's agencies and the one in the URL."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    memberships = list(user_memberships(user))
    match = getattr(request, "resolver_match", None)
    current_slug = match.kwargs.get("agency") if match else None
    current = next((m for m in memberships if m.organisation.slug == current_slug), None)
    return {"nav_memberships": memberships, "current_membership": current}
