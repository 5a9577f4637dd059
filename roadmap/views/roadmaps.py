"""The home page, an agency's roadmaps, and a roadmap's own page and settings.

The roadmap page shows the vision, purpose, guiding principles and objectives;
the principle and objective views render its parts for htmx through
`render_roadmap_page`. A GET of the page from htmx aimed at the objectives (the
"Cancel" and "No, keep it" links of an objective edited or deleted in place) gets
just that part, with focus back on the control that opened it.

Views are thin: check membership and role, parse a form, call a service.
"""

import re
from copy import copy

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from agencies.access import get_membership, in_agency, in_users_agencies, user_memberships
from agencies.models import Membership, Role
from ui.concurrency import save_form
from ui.http import HtmxHttpRequest, member_page

from ..forms.objectives import ObjectiveForm
from ..forms.principles import PrincipleForm
from ..forms.roadmaps import RoadmapForm
from ..models import Roadmap
from ..rules.kpi_summary import summarise_kpis
from ..selectors.objectives import objectives_in_full
from ..selectors.roadmaps import roadmap_for
from ..services import roadmaps as services


@login_required
@require_safe
def home(request: HtmxHttpRequest) -> HttpResponse:
    memberships = list(user_memberships(request.user))
    roadmaps = (
        in_users_agencies(Roadmap.objects.all(), request.user)
        .select_related("organisation")
        .with_objective_counts()
        .order_by("organisation__name", "-horizon_start_year", "title")
    )
    by_agency: dict[int, list[Roadmap]] = {}
    for roadmap in roadmaps:
        by_agency.setdefault(roadmap.organisation_id, []).append(roadmap)
    agencies = [(m, by_agency.get(m.organisation_id, [])) for m in memberships]
    return render(request, "roadmap/roadmaps/home.html", {"agencies": agencies})


@login_required
def agency_roadmaps(request: HtmxHttpRequest, agency: str) -> HttpResponse:
    membership = get_membership(request.user, agency)
    if request.method not in ("GET", "HEAD"):  # after the agency check: 404 comes first
        return HttpResponseNotAllowed(["GET", "HEAD"])
    roadmaps = in_agency(Roadmap.objects.all(), membership).with_objective_counts()
    return render(
        request,
        "roadmap/roadmaps/agency.html",
        member_page(membership, roadmaps=roadmaps),
    )


@login_required
@require_http_methods(["GET", "POST"])
def roadmap_create(request: HtmxHttpRequest, agency: str) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    form = RoadmapForm(request.POST or None, organisation=membership.organisation)
    if (
        request.method == "POST"
        and form.is_valid()
        and (
            roadmap := save_form(
                form,
                services.roadmap_create,
                organisation=membership.organisation,
                created_by=request.user,
            )
        )
    ):
        return redirect(roadmap)
    return render(
        request,
        "roadmap/roadmaps/form.html",
        member_page(membership, form=form),
    )


ROADMAP_PAGE = "roadmap/roadmaps/detail.html"
SECTIONS = ("objectives",)  # the parts a GET of the page from htmx may ask for
# ?focus=edit-<pk> or delete-<pk>: the objective's link that takes focus again.
RETURN_FOCUS = re.compile(r"(edit|delete)-([0-9]+)")
PRINCIPLE_IDS = "id_principle_%s"  # the roadmap page has two forms with a "title" field


def roadmap_page_context(
    membership: Membership, roadmap: Roadmap, *, part: str | None = None, **extra
) -> dict:
    """What the roadmap page (or one of its parts, "principles" or "objectives") shows.

    Objectives come with owner, aligned goals and KPIs with their measurements
    (objectives_in_full), so the page costs the same number of queries however
    long the lists are.
    """
    context = member_page(membership, roadmap=roadmap)
    if part in (None, "principles"):
        context["principles"] = list(roadmap.principles.order_by("position", "pk"))
        if membership.can_edit:
            context["principle_form"] = PrincipleForm(roadmap=roadmap, auto_id=PRINCIPLE_IDS)
    if part in (None, "objectives"):
        context["objectives"] = [
            (objective, summarise_kpis(objective.kpis.all()))
            for objective in objectives_in_full(roadmap)
        ]
        if membership.can_edit:
            context["objective_form"] = ObjectiveForm(roadmap=roadmap)
    return {**context, **extra}


def render_roadmap_page(
    request: HtmxHttpRequest,
    membership: Membership,
    roadmap: Roadmap,
    *,
    part: str | None = None,
    **extra,
) -> HttpResponse:
    template = f"{ROADMAP_PAGE}#{part}" if part else ROADMAP_PAGE
    return render(request, template, roadmap_page_context(membership, roadmap, part=part, **extra))


@login_required
def roadmap_detail(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    membership = get_membership(request.user, agency)
    if request.method not in ("GET", "HEAD"):  # after the agency check: 404 comes first
        return HttpResponseNotAllowed(["GET", "HEAD"])
    roadmap = roadmap_for(membership, slug)
    if request.htmx and request.htmx.target in SECTIONS:
        focus = RETURN_FOCUS.fullmatch(request.GET.get("focus", ""))
        extra = {"focus_control": focus[1], "focus_objective": int(focus[2])} if focus else {}
        return render_roadmap_page(request, membership, roadmap, part=request.htmx.target, **extra)
    return render_roadmap_page(request, membership, roadmap)


@login_required
@require_http_methods(["GET", "POST"])
def roadmap_edit(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    roadmap = roadmap_for(membership, slug)
    # The form edits a copy, so a refused edit leaves the page's title and
    # breadcrumbs showing the saved roadmap.
    form = RoadmapForm(
        request.POST if request.method == "POST" else None,
        instance=copy(roadmap),
        organisation=membership.organisation,
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(form, services.roadmap_update, roadmap=roadmap, by=request.user)
    ):
        return redirect(roadmap)
    return render(
        request,
        "roadmap/roadmaps/form.html",
        member_page(membership, roadmap=roadmap, form=form),
    )
