"""A roadmap's own goals (its aims: only its objectives serve them), an inline
list on the roadmap's "Vision and principles" page beside the guiding
principles (ui/inline_list.py). The agency's shared goals are on the agency's
goals page (views/goals.py)."""

from typing import Any

from django.db.models import Count

from agencies.models import Membership
from ui.http import HtmxHttpRequest, member_page

from ..forms.goals import RoadmapGoalForm
from ..models import OrganisationalGoal, Roadmap
from ..selectors.goals import roadmap_goal_for
from ..services import goals
from .lists import RoadmapPageList


def vision_page_context(membership: Membership, roadmap: Roadmap) -> dict[str, Any]:
    """What the "Vision and principles" page shows: its two lists, freshly read."""
    return member_page(
        membership,
        roadmap=roadmap,
        principles=list(roadmap.principles.all()),
        roadmap_goals=list(
            roadmap.own_goals.annotate(objective_count=Count("alignments")).order_by(
                "position", "pk"
            )
        ),
    )


class RoadmapGoals(RoadmapPageList):
    noun = "roadmap_goal"
    label_noun = "goal of this roadmap"
    section = "roadmap-goals"
    section_template = "roadmap/roadmaps/vision.html"
    page_route = "roadmap:vision"
    add_on_demand = True
    add_form_ids = "goal-%s"  # the page's principles use the usual ids
    form_template = "roadmap/roadmap_goals/form.html"
    confirm_template = "roadmap/roadmap_goals/confirm_delete.html"
    form_class = RoadmapGoalForm
    services = goals

    def item(
        self, membership: Membership, roadmap: Roadmap, *, pk: int, **_: Any
    ) -> OrganisationalGoal:
        return roadmap_goal_for(roadmap, pk)

    def section_context(self, membership: Membership, roadmap: Roadmap) -> dict[str, Any]:
        return vision_page_context(membership, roadmap)

    def label(self, goal: OrganisationalGoal) -> str:
        return goal.title

    def message(self, done: str, goal: OrganisationalGoal) -> str:
        return f"Goal of this roadmap {done}: {goal.title}"

    def confirm_context(self, request: HtmxHttpRequest, goal: OrganisationalGoal) -> dict:
        count = goal.alignments.count()
        words = goal.roadmap.objective_words
        if not count:
            return {}
        serving = words.count(count)
        verb = "serves" if count == 1 else "serve"
        return {
            "consequence": f"{serving[0].upper()}{serving[1:]} {verb} it: "
            "the alignment goes with it; "
            f"the {words.lower if count == 1 else words.lower_plural} stay."
        }


roadmap_goal_list = RoadmapGoals()
