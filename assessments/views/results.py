"""An assessment's results: the radar chart and its table, the dimensions with
the biggest gaps first, every question's median and spread, the comparison
with an earlier assessment of the roadmap, and "Create gaps from results".
Every member sees them."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from agencies.access import get_membership
from agencies.models import Role
from roadmap.selectors.roadmaps import roadmap_for
from ui.feedback import confirm
from ui.http import HtmxHttpRequest, member_page

from ..charts.radar import RadarAxis, radar_svg
from ..models import Assessment
from ..rules.results import SEVERITY_RULE_TEXT, Results, compare, gap_severity
from ..selectors.assessments import assessment_for, earlier_assessments
from ..selectors.results import framework_outline, results_of
from ..services.gaps_from_results import gap_title, gaps_from_results


def radar_axes(results: Results) -> list[RadarAxis]:
    return [RadarAxis(d.name, d.current, d.target) for d in results.dimensions]


def results_context(assessment: Assessment, results: Results, *, id_prefix: str) -> dict:
    """What the results page and the report share: the chart and the dimension rows."""
    return {
        "results": results,
        "radar": radar_svg(radar_axes(results), id_prefix=id_prefix),
        "by_gap": results.by_gap(),
    }


def _compared_with(assessment: Assessment, choice: str | None) -> tuple[list, Assessment | None]:
    earlier = earlier_assessments(assessment)
    chosen = None
    if choice:
        chosen = next((a for a in earlier if str(a.pk) == choice), None)
    elif earlier:
        chosen = earlier[0]
    return earlier, chosen


@login_required
@require_GET
def assessment_results(request: HtmxHttpRequest, agency: str, slug: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency)
    roadmap = roadmap_for(membership, slug)
    assessment = assessment_for(roadmap, pk)
    results = results_of(assessment)
    earlier, chosen = _compared_with(assessment, request.GET.get("compare"))
    changes = compare(results, results_of(chosen)) if chosen else []
    outline = framework_outline(assessment.framework)
    questions = [
        {"dimension": d, "rows": [(q, results.questions[q.pk]) for q in d.questions.all()]}
        for d in outline
    ]
    kinds = {d.pk: ", ".join(kind.name for kind in d.kinds.all()) for d in outline}
    offered = [
        (d, gap_severity(d.gap), gap_title(d.name), kinds[d.key])
        for d in results.by_gap()
        if d.gap is not None and gap_severity(d.gap)
    ]
    existing = set(roadmap.gaps.values_list("title", flat=True))
    return render(
        request,
        "assessments/results/results.html",
        member_page(
            membership,
            roadmap=roadmap,
            assessment=assessment,
            earlier=earlier,
            chosen=chosen,
            changes=changes,
            questions=questions,
            offered=[
                {
                    "dimension": d,
                    "severity": severity,
                    "title": title,
                    "kinds": kinds,
                    "exists": title in existing,
                }
                for d, severity, title, kinds in offered
            ],
            offer_new=sum(1 for _, _, title, _ in offered if title not in existing),
            severity_rule=SEVERITY_RULE_TEXT,
            **results_context(assessment, results, id_prefix="results-radar"),
        ),
    )


@login_required
@require_POST
def assessment_gaps(request: HtmxHttpRequest, agency: str, slug: str, pk: int) -> HttpResponse:
    """Create a gap for every dimension 2 or more levels below its target."""
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    assessment = assessment_for(roadmap_for(membership, slug), pk)
    made = gaps_from_results(assessment=assessment, by=request.user)
    if made.created:
        titles = ", ".join(f"“{gap.title}”" for gap in made.created)
        noun = "gap" if len(made.created) == 1 else "gaps"
        confirm(request, f"{len(made.created)} {noun} created: {titles}.")
    else:
        confirm(request, "No new gaps: the roadmap already has a gap for each of these dimensions.")
    return redirect(f"{assessment.address('assessments:assessment-results')}#gaps")
