"""A roadmap's maturity assessments: the list (the Assessment section's page),
adding and changing one, its page (who has answered and how far each has got,
the dimensions to answer), and completing or reopening it."""

from copy import copy

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from agencies.access import get_membership
from agencies.models import Role
from roadmap.selectors.roadmaps import roadmap_for
from ui.concurrency import Refused, save_form
from ui.feedback import confirm, refuse
from ui.http import HtmxHttpRequest, member_page

from ..forms.assessments import AssessmentForm
from ..models import AssessmentStatus
from ..selectors.assessments import assessment_for, assessments_of
from ..selectors.results import answered_per_dimension, framework_outline, progress_of
from ..services import assessments as services

FORM = "assessments/assessments/form.html"


@login_required
@require_GET
def assessment_list(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    membership = get_membership(request.user, agency)
    roadmap = roadmap_for(membership, slug)
    return render(
        request,
        "assessments/assessments/list.html",
        member_page(membership, roadmap=roadmap, assessments=list(assessments_of(roadmap))),
    )


@login_required
@require_http_methods(["GET", "POST"])
def assessment_create(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    roadmap = roadmap_for(membership, slug)
    form = AssessmentForm(request.POST or None, roadmap=roadmap)
    if (
        request.method == "POST"
        and form.is_valid()
        and (
            assessment := save_form(
                form, services.assessment_create, roadmap=roadmap, by=request.user
            )
        )
    ):
        confirm(request, f"Assessment “{assessment.title}” added. Answer its questions below.")
        return redirect(assessment)
    status = 400 if request.method == "POST" else 200
    return render(request, FORM, member_page(membership, roadmap=roadmap, form=form), status=status)


@login_required
@require_http_methods(["GET", "POST"])
def assessment_edit(request: HtmxHttpRequest, agency: str, slug: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    roadmap = roadmap_for(membership, slug)
    assessment = assessment_for(roadmap, pk)
    form = AssessmentForm(request.POST or None, instance=copy(assessment), roadmap=roadmap)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(form, services.assessment_update, assessment=assessment, by=request.user)
    ):
        confirm(request, f"Assessment “{assessment.title}” saved.")
        return redirect(assessment)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        FORM,
        member_page(membership, roadmap=roadmap, assessment=assessment, form=form),
        status=status,
    )


@login_required
@require_GET
def assessment_detail(request: HtmxHttpRequest, agency: str, slug: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency)
    roadmap = roadmap_for(membership, slug)
    assessment = assessment_for(roadmap, pk)
    dimensions = framework_outline(assessment.framework)
    mine = answered_per_dimension(assessment, request.user)
    rows = [
        {"dimension": d, "answered": mine.get(d.pk, 0), "questions": len(d.questions.all())}
        for d in dimensions
    ]
    progress = progress_of(assessment)
    return render(
        request,
        "assessments/assessments/detail.html",
        member_page(
            membership,
            roadmap=roadmap,
            assessment=assessment,
            dimension_rows=rows,
            my_answered=sum(mine.values()),
            question_total=sum(row["questions"] for row in rows),
            progress=progress,
            in_progress=assessment.status == AssessmentStatus.IN_PROGRESS,
        ),
    )


def _status_change(request, agency, slug, pk, *, minimum: Role, write, done: str):
    membership = get_membership(request.user, agency, minimum=minimum)
    assessment = assessment_for(roadmap_for(membership, slug), pk)
    try:
        write(assessment=assessment, by=request.user)
    except Refused as error:
        refuse(request, error.message)
    else:
        confirm(request, done.format(title=assessment.title))
    return redirect(assessment)


@login_required
@require_POST
def assessment_complete(request: HtmxHttpRequest, agency: str, slug: str, pk: int):
    """Editors and leads complete an assessment: its answers freeze."""
    return _status_change(
        request,
        agency,
        slug,
        pk,
        minimum=Role.EDITOR,
        write=services.assessment_complete,
        done="“{title}” is completed: its answers are frozen and its results final.",
    )


@login_required
@require_POST
def assessment_reopen(request: HtmxHttpRequest, agency: str, slug: str, pk: int):
    """Only leads reopen a completed assessment."""
    return _status_change(
        request,
        agency,
        slug,
        pk,
        minimum=Role.LEAD,
        write=services.assessment_reopen,
        done="“{title}” is open again: members can change their answers.",
    )
