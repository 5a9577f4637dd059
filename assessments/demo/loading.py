"""Loading the demo's assessments through the services, adding only what is
missing (an assessment whose title the roadmap has is left as it is)."""

from django.contrib.auth import get_user_model

from agencies.models import Membership, Role
from roadmap.models import Initiative, Roadmap

from ..models import Framework
from ..services.answers import answer_save
from ..services.assessments import assessment_complete, assessment_create
from ..services.gaps import gap_update
from ..services.gaps_from_results import gaps_from_results
from . import assessments as content


def _clamp(level: int) -> int:
    return max(1, min(5, level))


def _extra_respondent(agency):
    username, (first, last) = content.EXTRA_RESPONDENT
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "first_name": first,
            "last_name": last,
            "email": f"{username}@digital-services.example.gov",
        },
    )
    if created:
        user.set_unusable_password()  # answers in the demo; nobody signs in as them
        user.save(update_fields=["password"])
    Membership.objects.get_or_create(user=user, organisation=agency, defaults={"role": Role.EDITOR})
    return user


def _answer_all(assessment, framework, respondents, *, dimensions=None, improvement=None):
    for name, respondent in respondents.items():
        offsets = content.OFFSETS.get(name, [0])
        count = 0
        for d_index, dimension in enumerate(framework.dimensions.prefetch_related("questions")):
            if dimensions is not None and d_index >= dimensions.get(name, 0):
                break
            levels = content.BASELINE_LEVELS[dimension.name]
            lift = (improvement or {}).get(dimension.name, 0)
            for q_index, question in enumerate(dimension.questions.all()):
                current, target = levels[q_index % len(levels)]
                offset = offsets[count % len(offsets)]
                count += 1
                answer_save(
                    assessment=assessment,
                    question=question,
                    respondent=respondent,
                    current_level=_clamp(current + offset + lift),
                    target_level=_clamp(max(target, current + offset + lift)),
                    evidence=content.EVIDENCE.get((dimension.name, q_index), "")
                    if name == "lead"
                    else "",
                    confidence=content.CONFIDENCE[name],
                )


def seed_demo_assessments(*, roadmap: Roadmap, users: dict) -> list[str]:
    """The completed baseline (and the gaps its results show) and the follow-up in
    progress, when missing; says what it added."""
    framework = Framework.objects.filter(code=content.FRAMEWORK_CODE, is_current=True).first()
    if framework is None or "lead" not in users or "editor" not in users:
        return []
    respondents = {
        "lead": users["lead"],
        "editor": users["editor"],
        "analyst": _extra_respondent(roadmap.organisation),
    }
    titles = set(roadmap.assessments.values_list("title", flat=True))
    added = []
    if content.BASELINE["title"] not in titles:
        baseline = assessment_create(
            roadmap=roadmap, framework=framework, by=users["lead"], **content.BASELINE
        )
        _answer_all(baseline, framework, respondents)
        assessment_complete(assessment=baseline, by=users["lead"])
        made = gaps_from_results(assessment=baseline, by=users["lead"])
        _close_with_initiatives(made.created, by=users["lead"])
        added.append("the baseline maturity assessment")
        if made.created:
            count = len(made.created)
            added.append(f"{count} gap{'' if count == 1 else 's'} from its results")
    if content.FOLLOW_UP["title"] not in titles:
        follow_up = assessment_create(
            roadmap=roadmap, framework=framework, by=users["lead"], **content.FOLLOW_UP
        )
        _answer_all(
            follow_up,
            framework,
            {name: respondents[name] for name in content.FOLLOW_UP_PROGRESS},
            dimensions=content.FOLLOW_UP_PROGRESS,
            improvement=content.FOLLOW_UP_IMPROVEMENT,
        )
        added.append("the follow-up assessment (in progress)")
    return added


def _close_with_initiatives(gaps, *, by) -> None:
    """Link each gap from the results to the initiatives that improve its dimension:
    those in components of the dimension's kinds (the first three by start)."""
    for gap in gaps:
        kinds = gap.dimension.kinds.all() if gap.dimension else []
        closing = Initiative.objects.filter(
            roadmap=gap.roadmap, component__kind__in=kinds
        ).order_by("start_month", "pk")[:3]
        if closing:
            gap_update(gap=gap, initiatives=list(closing), by=by)
