"""A framework version used by an assessment is frozen: changing its dimensions,
questions, weights or level descriptors would change past results. Pure."""

from collections.abc import Sequence


def frozen_message(name: str, version: int, assessment_titles: Sequence[str]) -> str | None:
    """Why `name` version `version` cannot be changed, naming the assessments that
    use it; None when none do."""
    if not assessment_titles:
        return None
    shown = ", ".join(f"“{title}”" for title in assessment_titles[:5])
    more = len(assessment_titles) - 5
    if more > 0:
        shown += f" and {more} more"
    return (
        f"{name} version {version} cannot be changed: it is used by {shown}, whose results "
        "would change. Make a new version and change that instead."
    )


def next_version(versions: Sequence[int]) -> int:
    return max(versions, default=0) + 1
