"""Agency admins manage their agency's members: invite, change role, remove."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ui.http import HtmxHttpRequest, member_page

from . import services
from .access import get_membership, in_agency
from .forms import ChangeRoleForm, InviteMemberForm
from .models import Membership, Role


def _with_article(role_label: str) -> str:
    """'a viewer', 'an editor', 'a programme lead', 'an agency admin'."""
    label = role_label.lower()
    return f"an {label}" if label[:1] in "aeiou" else f"a {label}"


def _members_page(request, membership: Membership, invite_form: InviteMemberForm, status=200):
    members = in_agency(Membership.objects.select_related("user"), membership).order_by(
        "-role", "user__username"
    )
    return render(
        request,
        "agencies/members/list.html",
        member_page(membership, members=members, invite_form=invite_form, roles=Role.choices),
        status=status,
    )


@login_required
def member_list(request: HtmxHttpRequest, agency: str) -> HttpResponse:
    membership = get_membership(request.user, agency)
    if request.method not in ("GET", "HEAD"):  # after the agency check: 404 comes first
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return _members_page(request, membership, InviteMemberForm())


@login_required
@require_POST
def member_invite(request: HtmxHttpRequest, agency: str) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.ADMIN)
    form = InviteMemberForm(request.POST)
    if form.is_valid():
        try:
            added = services.membership_invite(
                organisation=membership.organisation,
                identifier=form.cleaned_data["identifier"],
                role=Role(form.cleaned_data["role"]),
            )
        except ValidationError as error:
            form.add_error("identifier", error)
        else:
            messages.success(
                request,
                f"{added.user.get_username()} is now {_with_article(added.get_role_display())}.",
            )
            return redirect("agencies:members", agency=agency)
    return _members_page(request, membership, form)


@login_required
@require_POST
def member_change_role(request: HtmxHttpRequest, agency: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.ADMIN)
    member = get_object_or_404(
        in_agency(Membership.objects.select_related("user"), membership), pk=pk
    )
    form = ChangeRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose one of the roles listed.")
    else:
        try:
            services.membership_change_role(membership=member, role=Role(form.cleaned_data["role"]))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                f"{member.user.get_username()} is now {_with_article(member.get_role_display())}.",
            )
    return redirect("agencies:members", agency=agency)


@login_required
@require_http_methods(["GET", "POST"])
def member_remove(request: HtmxHttpRequest, agency: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.ADMIN)
    member = get_object_or_404(
        in_agency(Membership.objects.select_related("user"), membership), pk=pk
    )
    if request.method == "GET":
        return render(
            request,
            "agencies/members/confirm_remove.html",
            member_page(membership, member=member),
        )
    try:
        services.membership_remove(membership=member)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("agencies:members", agency=agency)
    name = member.user.get_username()
    messages.success(request, f"{name} is no longer a member of {membership.organisation.name}.")
    if member.user_id == request.user.pk:
        return redirect("home")  # they removed themselves: this agency is no longer theirs
    return redirect("agencies:members", agency=agency)
