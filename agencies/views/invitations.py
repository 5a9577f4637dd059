"""Invitations: agency admins invite by email, resend and withdraw; the person
accepts through the emailed link, signed in or by creating an account."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from ui.formatting import format_date
from ui.http import HtmxHttpRequest, member_page

from ..access import get_membership
from ..forms.invitations import InvitationForm, NewAccountForm
from ..models import Invitation, Role
from ..selectors.invitations import invitation_by_token, pending_invitations
from ..services import invitations as services
from .memberships import members_page


def _site(request) -> str:
    return request.build_absolute_uri("/")


def _pending(membership, pk: int) -> Invitation:
    invitation = pending_invitations(membership).filter(pk=pk).first()
    if invitation is None:
        raise Http404("No such invitation.")
    return invitation


def _until(invitation: Invitation) -> str:
    return format_date(timezone.localtime(invitation.expires_at).date())


@login_required
@require_POST
def invitation_create(request: HtmxHttpRequest, agency: str) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.ADMIN)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            invitation = services.invitation_send(
                organisation=membership.organisation,
                email=form.cleaned_data["email"],
                role=Role(form.cleaned_data["role"]),
                by=request.user,
                site=_site(request),
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            # The same words whether or not the address has an account.
            messages.success(
                request,
                f"We have sent an invitation to {invitation.email} to join as "
                f"{invitation.role_choice.with_article}. The link works until "
                f"{_until(invitation)}.",
            )
            return redirect("agencies:members", agency=agency)
    return members_page(request, membership, form, status=400)


@login_required
@require_POST
def invitation_resend(request: HtmxHttpRequest, agency: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.ADMIN)
    invitation = _pending(membership, pk)
    try:
        invitation = services.invitation_resend(
            invitation=invitation, by=request.user, site=_site(request)
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            f"We have sent the invitation to {invitation.email} again. The earlier link no "
            f"longer works; the new one works until {_until(invitation)}.",
        )
    return redirect(reverse("agencies:members", kwargs={"agency": agency}) + "#invitations")


@login_required
@require_http_methods(["GET", "POST"])
def invitation_withdraw(request: HtmxHttpRequest, agency: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.ADMIN)
    invitation = _pending(membership, pk)
    if request.method == "GET":
        return render(
            request,
            "agencies/invitations/confirm_withdraw.html",
            member_page(membership, invitation=invitation),
        )
    try:
        services.invitation_withdraw(invitation=invitation, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, f"The invitation to {invitation.email} is withdrawn: its link no longer works."
        )
    return redirect(reverse("agencies:members", kwargs={"agency": agency}) + "#invitations")


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """Reachable signed out: the secret link is the permission."""
    invitation = invitation_by_token(token)
    if invitation is None:
        raise Http404("No such invitation.")
    context = {
        "invitation": invitation,
        "agency": invitation.organisation,
        "role": invitation.role_choice,
        "inviter": invitation.invited_by,
        "until": _until(invitation),
    }
    if not invitation.is_usable:
        return render(request, "agencies/invitations/unusable.html", context, status=410)
    user = request.user
    form = None if user.is_authenticated else NewAccountForm(email=invitation.email)
    if request.method == "GET":
        return render(request, "agencies/invitations/accept.html", context | {"form": form})
    try:
        if user.is_authenticated:
            services.invitation_accept(invitation=invitation, user=user)
        else:
            form = NewAccountForm(request.POST, email=invitation.email)
            if not form.is_valid():
                return _accept_page(request, context, form)
            user = services.invitation_accept_new_account(
                invitation=invitation,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password"],
            ).user
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    except ValidationError as error:
        code = getattr(error, "code", None)  # Django's password validators give a list
        if code == "unusable" or form is None:  # used or expired meanwhile
            return render(request, "agencies/invitations/unusable.html", context, status=410)
        form.add_error("password" if code is None else None, error)
        return _accept_page(request, context, form)
    messages.success(
        request,
        f"You are now {invitation.role_choice.with_article} of {invitation.organisation.name}.",
    )
    return redirect("roadmap:agency", agency=invitation.organisation.slug)


def _accept_page(request, context: dict, form: NewAccountForm) -> HttpResponse:
    return render(request, "agencies/invitations/accept.html", context | {"form": form}, status=400)
