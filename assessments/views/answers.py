"""Answering: one page per dimension of the assessment's framework, a form per
question. Each form saves its own question: with htmx in place (the question
comes back saying "Saved", and the banner announces it to screen readers), or
as a plain page that comes back to the question. Editors and above answer;
a completed assessment takes no answers."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from agencies.access import get_membership
from agencies.models import Role
from roadmap.selectors.roadmaps import roadmap_for
from ui.concurrency import save_form
from ui.feedback import confirm, refuse
from ui.http import HtmxHttpRequest, member_page

from ..forms.answers import AnswerForm
from ..models import AssessmentStatus
from ..selectors.answers import dimension_for, own_answers, question_for, questions_of
from ..selectors.assessments import assessment_for
from ..services.answers import answer_save

TEMPLATE = "assessments/answers/dimension.html"


def _question_pk(request) -> int:
    try:
        return int(request.POST.get("question", ""))
    except ValueError:
        raise Http404("No such question.") from None


@login_required
@require_http_methods(["GET", "POST"])
def answer_dimension(
    request: HtmxHttpRequest, agency: str, slug: str, pk: int, dimension_pk: int
) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    roadmap = roadmap_for(membership, slug)
    assessment = assessment_for(roadmap, pk)
    dimension = dimension_for(assessment, dimension_pk)
    if assessment.status != AssessmentStatus.IN_PROGRESS:
        refuse(request, f"“{assessment.title}” is completed: its answers cannot change.")
        return redirect(assessment)
    bound, saved_pk = None, None
    if request.method == "POST":
        question = question_for(dimension, _question_pk(request))
        answers = own_answers(assessment, request.user, dimension)
        form = AnswerForm(request.POST, instance=answers.get(question.pk), question=question)
        if form.is_valid() and save_form(
            form,
            answer_save,
            assessment=assessment,
            question=question,
            respondent=request.user,
        ):
            number = _number(dimension, question)
            confirm(request, f"Your answer to question {number} of {dimension.name} saved.")
            if not request.htmx:
                return redirect(f"{request.path}#question-{question.pk}")
            saved_pk = question.pk
            form = AnswerForm(
                instance=own_answers(assessment, request.user, dimension)[question.pk],
                question=question,
            )
        if request.htmx:
            return render(
                request,
                f"{TEMPLATE}#question",
                member_page(
                    membership,
                    roadmap=roadmap,
                    assessment=assessment,
                    dimension=dimension,
                    item={
                        "question": question,
                        "form": form,
                        "number": _number(dimension, question),
                    },
                    saved=saved_pk == question.pk,
                    saved_at=timezone.localtime(),
                ),
            )
        bound = form
    questions = questions_of(dimension)
    answers = own_answers(assessment, request.user, dimension)
    items = []
    for number, question in enumerate(questions, start=1):
        form = bound if bound is not None and bound.question.pk == question.pk else None
        if form is None:
            form = AnswerForm(instance=answers.get(question.pk), question=question)
        items.append({"question": question, "form": form, "number": number})
    dimensions = list(assessment.framework.dimensions.only("pk", "name", "position"))
    index = next(i for i, d in enumerate(dimensions) if d.pk == dimension.pk)
    return render(
        request,
        TEMPLATE,
        member_page(
            membership,
            roadmap=roadmap,
            assessment=assessment,
            dimension=dimension,
            items=items,
            answered=len(answers),
            dimension_number=index + 1,
            dimension_count=len(dimensions),
            previous=dimensions[index - 1] if index > 0 else None,
            following=dimensions[index + 1] if index + 1 < len(dimensions) else None,
            has_errors=bound is not None,
        ),
        status=400 if bound is not None else 200,
    )


def _number(dimension, question) -> int:
    return list(dimension.questions.values_list("pk", flat=True)).index(question.pk) + 1
