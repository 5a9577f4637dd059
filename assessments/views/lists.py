"""What the assessment's inline lists (ui/inline_list.py) share: the roadmap is
their parent, as for the roadmap's own lists, and their routes are in the
`assessments` namespace; deleting a source of gaps says the gaps stay."""

from typing import Any

from roadmap.models import Roadmap
from roadmap.views.lists import RoadmapPageList


class AssessmentPageList(RoadmapPageList):
    def list_url(self, roadmap: Roadmap) -> str:
        return roadmap.address(f"assessments:{self.noun}-list")


def gaps_stay(gaps: int) -> dict[str, Any]:
    """The delete question's consequence for a system, process or weakness in which
    `gaps` gaps were found: they stay, without their source."""
    if not gaps:
        return {}
    which = "The gap" if gaps == 1 else f"The {gaps} gaps"
    return {"consequence": f"{which} found in it will stay, without it."}
