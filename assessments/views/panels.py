"""What the assessment shows on the roadmap's pages (ui/panels.py, registered in
apps.py): the gaps an initiative closes, on its page, and the gaps x
initiatives matrix on the traceability page."""

from typing import Any

from roadmap.models import Initiative, Roadmap

from ..selectors.gaps import gap_matrix, gaps_of_initiative


def initiative_gaps(membership, initiative: Initiative) -> dict[str, Any]:
    """One query."""
    return {"gaps": gaps_of_initiative(initiative), "roadmap": initiative.roadmap}


def traceability_gaps(membership, roadmap: Roadmap) -> dict[str, Any]:
    """Three queries."""
    return {"matrix": gap_matrix(roadmap), "roadmap": roadmap}
