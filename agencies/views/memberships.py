"""Agency admins manage their agency's members: change a role, remove.

Lowering a role, or removing a member, who owns something asks who takes over
(see `agencies.ownership`) before it changes anything.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from ui.http import HtmxHttpRequest, member_page

from .. import ownership
from ..access import agency_members, get_membership
from ..forms.invitations import InvitationForm
from ..forms.memberships import ChangeRoleForm, ChangeRoleWithSuccessorForm, SuccessorForm, person
from ..models import Membership, Role
from ..selectors.invitations import pending_invitations
from ..selectors.memberships import agency_membership, agency_memberships
from ..services import memberships as services


def members_page(request, membership: Membership, invite_form: InvitationForm, status=200):
    context = member_page(
        membership,
        members=agency_memberships(membership),
        roles=Role.choices,
        role_descriptions=list(Role),
    )
    if membership.can_administer:
        context |= {
            "invite_form": invite_form,
            "invitations": pending_invitations(membership),
        }
    return render(request, "agencies/members/list.html", context, status=status)


@login_required
def member_list(request: HtmxHttpRequest, agency: str) -> HttpResponse:
    membership = get_membership(request.user, agency)
    if request.method not in ("GET", "HEAD"):  # after the agency check: 404 comes first
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return members_page(request, membership, InvitationForm())


def _member(membership: Membership, pk: int) -> Membership:
    member = agency_membership(membership, pk)
    if member is None:
        raise Http404("No such member.")
    return member


def _refused(request, agency: str, error: ValidationError) -> HttpResponse:
    messages.error(request, " ".join(error.messages))
    return redirect("agencies:members", agency=agency)


@login_required
@require_POST
def member_change_role(request: HtmxHttpRequest, agency: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.ADMIN)
    member = _member(membership, pk)
    form = ChangeRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose one of the roles listed.")
        return redirect("agencies:members", agency=agency)
    role = Role(form.cleaned_data["role"])
    owned = ownership.holdings(organisation=membership.organisation, user=member.user)
    arguments = {}
    if role < member.role and owned:
        question = ChangeRoleWithSuccessorForm(
            request.POST if "successor" in request.POST else None,
            member=member,
            others=agency_members(membership.organisation),
            may_keep=True,
        )
        if not question.is_valid():
            return render(
                request,
                "agencies/members/change_role.html",
                member_page(
                    membership,
                    member=member,
                    role=role,
                    owned=ownership.describe(owned),
                    form=question,
                ),
                status=200 if not question.is_bound else 400,
            )
        arguments["successor"] = question.cleaned_data["successor"]
    try:
        services.membership_change_role(membership=member, role=role, by=request.user, **arguments)
    except ValidationError as error:
        return _refused(request, agency, error)
    messages.success(request, f"{person(member.user)} is now {role.with_article}.")
    return redirect("agencies:members", agency=agency)


@login_required
@require_http_methods(["GET", "POST"])
def member_remove(request: HtmxHttpRequest, agency: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.ADMIN)
    member = _member(membership, pk)
    owned = ownership.holdings(organisation=membership.organisation, user=member.user)
    form = None
    if owned:
        form = SuccessorForm(
            request.POST if request.method == "POST" else None,
            member=member,
            others=agency_members(membership.organisation),
            may_keep=False,
        )
    if request.method == "GET" or (form is not None and not form.is_valid()):
        return render(
            request,
            "agencies/members/confirm_remove.html",
            member_page(membership, member=member, owned=ownership.describe(owned), form=form),
            status=200 if request.method == "GET" else 400,
        )
    arguments = {"successor": form.cleaned_data["successor"]} if form is not None else {}
    try:
        services.membership_remove(membership=member, by=request.user, **arguments)
    except ValidationError as error:
        return _refused(request, agency, error)
    messages.success(
        request, f"{person(member.user)} is no longer a member of {membership.organisation.name}."
    )
    if member.user_id == request.user.pk:
        return redirect("home")  # they removed themselves: this agency is no longer theirs
    return redirect("agencies:members", agency=agency)
