"""The second sign-in step: a session that has not yet given its code sees only
the pages that let it give one (or set up an app, or sign out)."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect

from . import rules, selectors, services

# Pages a half-signed-in session may use: signing in and out, the second step
# itself, password reset, and the load balancer's probe.
OPEN_TO_UNVERIFIED = {
    "login",
    "logout",
    "healthz",
    "accounts:two-factor-verify",
    "accounts:two-factor-setup",
    "accounts:password-reset",
    "accounts:password-reset-done",
    "accounts:password-reset-confirm",
    "accounts:password-reset-complete",
}
STEP_PAGES = {
    rules.SecondFactorStep.VERIFY: "accounts:two-factor-verify",
    rules.SecondFactorStep.SET_UP: "accounts:two-factor-setup",
}


def _to(request, view_name: str):
    next_url = request.get_full_path() if request.method in ("GET", "HEAD") else "/"
    url = f"{reverse(view_name)}?{urlencode({'next': next_url})}"
    if getattr(request, "htmx", False):
        return HttpResponseClientRedirect(url)
    return redirect(url)


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Templates hide what only a fully signed-in person may see (the
        # header's account link) while the second step is still to be done.
        request.second_factor_pending = False
        match = request.resolver_match
        if match is None or match.view_name in ("healthz", "logout"):
            return None
        user = request.user
        if match.app_name == "admin":
            return self._admin(request, user, match.view_name)
        if not user.is_authenticated or user.is_verified():
            return None
        step = request.session.get(services.SESSION_STEP_KEY)
        if step is None:  # a session from before this check existed
            step = services.second_factor_remember(request=request, user=user)
        page = STEP_PAGES.get(rules.SecondFactorStep(step))
        request.second_factor_pending = page is not None
        if page is None or match.view_name in OPEN_TO_UNVERIFIED:
            return None
        return _to(request, page)

    def _admin(self, request, user, view_name: str):
        """Django admin: staff prove a second factor, whatever the session noted."""
        if not user.is_authenticated:
            if view_name == "admin:login":  # one sign-in page for the whole site
                next_url = request.GET.get("next") or reverse("admin:index")
                login = resolve_url(settings.LOGIN_URL)
                return redirect(f"{login}?{urlencode({'next': next_url})}")
            return None
        if not user.is_staff or user.is_verified():
            return None
        has_device = selectors.second_factor_facts(user).has_device
        step = rules.second_factor_step(has_device=has_device, required=True)
        return _to(request, STEP_PAGES[step])
