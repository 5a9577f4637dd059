"""Panels: what a higher app shows on a lower app's page without the lower app
importing it.

A page of `roadmap` (the overview, an initiative's page) renders
`{% panels "roadmap-overview" roadmap %}`; an app that knows more about the
thing (`reports`: its health findings; `assessments`: the gaps an initiative
closes; `stakeholders`: its RACI) registers a panel for that kind of page in its
`AppConfig.ready()`. The page renders whatever is registered, in order, so
dependencies between apps keep running one way.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Panel:
    template: str  # rendered with the page's membership, the thing, and `context`'s answer
    # What the template needs: called with the page's membership and the thing.
    context: Callable[[Any, Any], dict[str, Any]]
    order: int = 50


_panels: dict[str, dict[str, Panel]] = {}


def register_panel(page: str, panel: Panel) -> None:
    """Show `panel` on every page of the kind `page` ("roadmap-overview",
    "initiative"). Registering a template again replaces it."""
    _panels.setdefault(page, {})[panel.template] = panel


def panels_for(page: str) -> list[Panel]:
    return sorted(_panels.get(page, {}).values(), key=lambda panel: panel.order)
