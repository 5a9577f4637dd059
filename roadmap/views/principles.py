"""Add, edit, reorder and delete a roadmap's guiding principles.

The roadmap page adds a principle inline and moves principles up and down;
with htmx those swap the page's "principles" part, without JavaScript they
redirect back. Editing and deleting (after a confirmation page) are pages of
their own.
"""

from copy import copy

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from agencies.access import get_membership
from agencies.models import Role
from ui.concurrency import save_form
from ui.http import HtmxHttpRequest, member_page
from ui.ordering import move_announcement, requested_move

from ..forms.principles import PrincipleForm
from ..selectors.principles import principle_for
from ..selectors.roadmaps import roadmap_for
from ..services import principles as services
from .roadmaps import PRINCIPLE_IDS, render_roadmap_page


@login_required
@require_http_methods(["GET", "POST"])
def principle_create(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    roadmap = roadmap_for(membership, slug)
    form = PrincipleForm(
        request.POST if request.method == "POST" else None, roadmap=roadmap, auto_id=PRINCIPLE_IDS
    )
    announcement = ""
    if (
        request.method == "POST"
        and form.is_valid()
        and (
            principle := save_form(
                form, services.principle_create, roadmap=roadmap, by=request.user
            )
        )
    ):
        if not request.htmx:
            return redirect(f"{roadmap.get_absolute_url()}#principles")
        form = PrincipleForm(roadmap=roadmap, auto_id=PRINCIPLE_IDS)  # ready for the next one
        announcement = f"Principle added: {principle.title}"
    if request.htmx:
        return render_roadmap_page(
            request,
            membership,
            roadmap,
            part="principles",
            principle_form=form,
            announcement=announcement,
        )
    return render(
        request,
        "roadmap/principles/form.html",
        member_page(membership, roadmap=roadmap, form=form),
    )


@login_required
@require_http_methods(["GET", "POST"])
def principle_edit(request: HtmxHttpRequest, agency: str, slug: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    roadmap = roadmap_for(membership, slug)
    principle = principle_for(roadmap, pk)
    form = PrincipleForm(
        request.POST if request.method == "POST" else None,
        instance=copy(principle),  # a refused edit leaves the page showing the saved title
        roadmap=roadmap,
        auto_id=PRINCIPLE_IDS,
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(form, services.principle_update, principle=principle, by=request.user)
    ):
        return redirect(f"{roadmap.get_absolute_url()}#principle-{principle.pk}")
    return render(
        request,
        "roadmap/principles/form.html",
        member_page(membership, roadmap=roadmap, principle=principle, form=form),
    )


@login_required
@require_POST
def principle_move(request: HtmxHttpRequest, agency: str, slug: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    roadmap = roadmap_for(membership, slug)
    principle = principle_for(roadmap, pk)
    move = requested_move(request)
    result = services.principle_move(principle=principle, move=move)
    if not request.htmx:
        return redirect(f"{roadmap.get_absolute_url()}#principle-{principle.pk}")
    return render_roadmap_page(
        request,
        membership,
        roadmap,
        part="principles",
        moved_pk=principle.pk,
        moved=move.value,
        announcement=move_announcement(principle.title, move, result),
    )


@login_required
@require_http_methods(["GET", "POST"])
def principle_delete(request: HtmxHttpRequest, agency: str, slug: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    roadmap = roadmap_for(membership, slug)
    principle = principle_for(roadmap, pk)
    if request.method == "POST":
        services.principle_delete(principle=principle)
        target = f"{roadmap.get_absolute_url()}#principles"
        return HttpResponseClientRedirect(target) if request.htmx else redirect(target)
    return render(
        request,
        "roadmap/principles/confirm_delete.html",
        member_page(membership, roadmap=roadmap, principle=principle),
    )
