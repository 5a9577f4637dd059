"""What the assessment's inline lists (ui/inline_list.py) share: the roadmap is
their parent, as for the roadmap's own lists, and their routes are in the
`assessments` namespace."""

from roadmap.models import Roadmap
from roadmap.views.lists import RoadmapPageList


class AssessmentPageList(RoadmapPageList):
    def list_url(self, roadmap: Roadmap) -> str:
        return roadmap.address(f"assessments:{self.noun}-list")
