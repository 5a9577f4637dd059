"""Your account: the second sign-in step, the authenticator app and recovery
codes, the sign-in lockout page and the throttled "Forgot your password?"."""

from urllib.parse import urlencode

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import rules, selectors, services
from .forms import AuthenticatorForm, CodeForm, ResetRequestForm
from .qr import qr_svg

KEY_SALT = "accounts.authenticator-key"
KEY_MAX_AGE = 60 * 60  # an hour to scan the code and type it


def _next(request: HttpRequest, default: str = "home") -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse(default)


def _with_next(view_name: str, next_url: str) -> str:
    return f"{reverse(view_name)}?{urlencode({'next': next_url})}"


def _private(response: HttpResponse) -> HttpResponse:
    """Secrets and codes: never kept by a cache."""
    add_never_cache_headers(response)
    response["Cache-Control"] = "private, no-store"
    return response


# Sign-in lockout (AXES_LOCKOUT_CALLABLE) -----------------------------------------


def sign_in_locked_out(request: HttpRequest, response=None, credentials=None) -> HttpResponse:
    """The sign-in page, saying signing in is paused. The same for every user
    name, existing or not, and whichever limit was reached."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(
        request,
        "registration/login.html",
        {
            "form": AuthenticationForm(request),
            "locked_out": True,
            "lockout_minutes": minutes,
            "next": _next(request),
        },
        status=429,
    )
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response


# The account page ------------------------------------------------------------------


@login_required
@require_GET
def account(request: HttpRequest) -> HttpResponse:
    authenticator = selectors.authenticator_for(request.user)
    return render(
        request,
        "accounts/account/detail.html",
        {
            "authenticator": authenticator,
            "recovery_codes_left": len(selectors.recovery_codes_for(request.user))
            if authenticator
            else 0,
            "required": _second_factor_required(request.user),
        },
    )


def _second_factor_required(user) -> str:
    """Why this user must keep an authenticator app, in words; "" if they need not."""
    if services.second_factor_required(
        is_agency_admin=selectors.second_factor_facts(user).is_agency_admin
    ):
        return "Agency admins must use two-factor authentication."
    if user.is_staff:
        return "You need it to use Django admin."
    return ""


# Setting up an authenticator app ---------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    if selectors.authenticator_for(request.user) is not None:
        return redirect(_with_next("accounts:two-factor-verify", _next(request)))
    form = AuthenticatorForm(request.POST if request.method == "POST" else None)
    key_hex = _scanned_key(request)
    if request.method == "POST" and key_hex is None:
        form.add_error("code", "This page was open too long. Scan the new QR code and try again.")
    elif request.method == "POST" and form.is_valid():
        try:
            device, _codes = services.authenticator_add(
                user=request.user, key_hex=key_hex, code=form.cleaned_data["code"]
            )
        except ValidationError as error:
            form.add_error("code", error)
        else:
            services.second_factor_passed(request=request, device=device)
            messages.success(request, "Two-factor authentication is on.")
            return redirect(_with_next("accounts:recovery-codes", _next(request)))
    if key_hex is None:
        key_hex = services.new_totp_key()
    device = TOTPDevice(user=request.user, key=key_hex)  # not saved: only for its otpauth URL
    return _private(
        render(
            request,
            "accounts/two_factor/setup.html",
            {
                "form": form,
                "signed_key": signing.dumps(key_hex, salt=KEY_SALT),
                "secret": _grouped(services.b32_secret(key_hex)),
                "qr": qr_svg(device.config_url, title="QR code to add this account to your app"),
                "next": _next(request),
                "required": _second_factor_required(request.user),
            },
            status=400 if form.errors else 200,
        )
    )


def _scanned_key(request: HttpRequest) -> str | None:
    """The key of the QR code the user was shown, kept while they correct a
    mistyped code, so the account they added to their app stays the right one."""
    try:
        return signing.loads(request.POST.get("key", ""), salt=KEY_SALT, max_age=KEY_MAX_AGE)
    except signing.BadSignature:
        return None


def _grouped(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


# Entering a code at sign-in ----------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            device = services.second_factor_check(user=request.user, code=form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error("code", error)
        else:
            services.second_factor_passed(request=request, device=device)
            return redirect(_next(request))
    has_device = selectors.authenticator_for(request.user) is not None
    return render(
        request,
        "accounts/two_factor/verify.html",
        {"form": form, "has_device": has_device, "next": _next(request)},
        status=400 if form.errors else 200,
    )


# Removing it ------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def two_factor_remove(request: HttpRequest) -> HttpResponse:
    """Asks for a current code, so a borrowed session cannot turn it off."""
    form = CodeForm(request.POST if request.method == "POST" else None)
    has_device = selectors.authenticator_for(request.user) is not None
    if request.method == "POST" and form.is_valid():
        try:
            services.second_factor_check(user=request.user, code=form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error("code", error)
        else:
            services.two_factor_remove(user=request.user)
            request.session[services.SESSION_STEP_KEY] = str(
                rules.second_factor_step(
                    has_device=False,
                    required=services.second_factor_required(
                        is_agency_admin=selectors.second_factor_facts(request.user).is_agency_admin
                    ),
                )
            )
            messages.success(request, "Two-factor authentication is off.")
            return redirect("accounts:detail")
    return render(
        request,
        "accounts/two_factor/remove.html",
        {
            "form": form,
            "has_device": has_device,
            "required": _second_factor_required(request.user),
        },
        status=400 if form.errors else 200,
    )


# Recovery codes -------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """GET shows the unused codes (the session has proved its second factor to
    get here); POST replaces them."""
    has_device = selectors.authenticator_for(request.user) is not None
    if request.method == "POST" and has_device:
        services.recovery_codes_replace(user=request.user)
        messages.success(request, "You have new recovery codes. The old ones no longer work.")
        return redirect(_with_next("accounts:recovery-codes", _next(request)))
    return _private(
        render(
            request,
            "accounts/two_factor/recovery_codes.html",
            {
                "codes": selectors.recovery_codes_for(request.user) if has_device else [],
                "has_device": has_device,
                "next": _next(request, default="accounts:detail"),
            },
        )
    )


# Forgot your password? --------------------------------------------------------------


class PasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, throttled per address and per email; every
    answer is the same whether or not an account has the email."""

    form_class = ResetRequestForm
    http_method_names = ["get", "head", "post"]  # Django's form views take PUT as POST
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-done")

    def form_valid(self, form):
        decision = services.password_reset_request_record(
            address=get_client_ip_address(self.request), email=form.cleaned_data["email"]
        )
        if decision is rules.ResetDecision.REFUSE:
            form.add_error(
                None,
                "You have asked for too many password reset emails. Wait an hour, then try again.",
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if decision is rules.ResetDecision.QUIET:
            return redirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "registration/password_reset_confirm.html"
    http_method_names = ["get", "head", "post"]
    success_url = reverse_lazy("accounts:password-reset-complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        # Whoever can read the account's email may lift a lockout on its name.
        from axes.utils import reset as axes_reset

        axes_reset(username=form.user.get_username())
        return response
