"""The agency's organisational goals: one list per agency, reused by all its roadmaps.

Viewers read the list; editors add goals inline and move them up and down
(with htmx the list is swapped in place, without JavaScript the page
redirects back), and edit or delete them on pages of their own.
"""

from copy import copy

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from agencies.access import get_membership, in_agency
from agencies.models import Membership, Role
from ui.concurrency import save_form
from ui.feedback import confirm
from ui.http import HtmxHttpRequest, member_page
from ui.ordering import move_announcement, requested_move

from ..forms.goals import GoalForm
from ..models import OrganisationalGoal
from ..selectors.goals import goal_for
from ..services import goals as services

GOALS_PAGE = "roadmap/goals/list.html"


def goals_page_context(membership: Membership, **extra) -> dict:
    goals = (
        in_agency(OrganisationalGoal.objects.all(), membership)
        .annotate(objective_count=Count("alignments"))
        .order_by("position", "pk")
    )
    form = GoalForm(organisation=membership.organisation) if membership.can_edit else None
    return member_page(membership, **{"goals": list(goals), "goal_form": form, **extra})


def goals_address(agency: str, anchor: str = "goals") -> str:
    return f"{reverse('roadmap:goals', kwargs={'agency': agency})}#{anchor}"


@login_required
def goal_list(request: HtmxHttpRequest, agency: str) -> HttpResponse:
    membership = get_membership(request.user, agency)
    if request.method not in ("GET", "HEAD"):  # after the agency check: 404 comes first
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return render(request, GOALS_PAGE, goals_page_context(membership))


@login_required
@require_http_methods(["GET", "POST"])
def goal_create(request: HtmxHttpRequest, agency: str) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    form = GoalForm(
        request.POST if request.method == "POST" else None, organisation=membership.organisation
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and (
            goal := save_form(
                form, services.goal_create, organisation=membership.organisation, by=request.user
            )
        )
    ):
        confirm(request, f"Goal added: {goal.title}")
        if not request.htmx:
            return redirect(goals_address(agency))
        form = GoalForm(organisation=membership.organisation)  # ready for the next one
    if request.htmx:
        return render(
            request, f"{GOALS_PAGE}#goals", goals_page_context(membership, goal_form=form)
        )
    return render(
        request,
        "roadmap/goals/form.html",
        member_page(membership, form=form),
    )


@login_required
@require_http_methods(["GET", "POST"])
def goal_edit(request: HtmxHttpRequest, agency: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    goal = goal_for(membership, pk)
    form = GoalForm(
        request.POST if request.method == "POST" else None,
        instance=copy(goal),  # a refused edit leaves the page showing the saved title
        organisation=membership.organisation,
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(form, services.goal_update, goal=goal, by=request.user)
    ):
        confirm(request, f"Goal saved: {form.cleaned_data['title']}")
        return redirect(goals_address(agency, f"goal-{goal.pk}"))
    return render(
        request,
        "roadmap/goals/form.html",
        member_page(membership, goal=goal, form=form),
    )


@login_required
@require_POST
def goal_move(request: HtmxHttpRequest, agency: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    goal = goal_for(membership, pk)
    move = requested_move(request)
    result = services.goal_move(goal=goal, move=move)
    confirm(request, move_announcement(goal.title, move, result))
    if not request.htmx:
        return redirect(goals_address(agency, f"goal-{goal.pk}"))
    context = goals_page_context(membership, moved_pk=goal.pk, moved=move.value)
    return render(request, f"{GOALS_PAGE}#goals", context)


@login_required
@require_http_methods(["GET", "POST"])
def goal_delete(request: HtmxHttpRequest, agency: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    goal = goal_for(membership, pk)
    if request.method == "POST":
        services.goal_delete(goal=goal)
        confirm(request, f"Goal deleted: {goal.title}")
        target = goals_address(agency)
        return HttpResponseClientRedirect(target) if request.htmx else redirect(target)
    alignments = goal.alignments.select_related("objective__roadmap").order_by(
        "objective__roadmap__title", "objective__position", "objective__pk"
    )
    return render(
        request,
        "roadmap/goals/confirm_delete.html",
        member_page(membership, goal=goal, alignments=list(alignments)),
    )
