"""The roadmap's capability gaps: an inline list (ui/inline_list.py), most
severe first, each with where it was found and the initiatives that close it;
added on demand, changed in place, deleted after a question. "Suggest gaps"
offers a gap for each system to migrate or eliminate and each process on paper
that has none yet: a list with checkboxes, then the gaps ticked are made."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from agencies.models import Membership
from roadmap.models import Roadmap
from roadmap.selectors.roadmaps import roadmap_for
from roadmap.views.lists import list_membership
from ui.feedback import confirm
from ui.http import HtmxHttpRequest, member_page

from ..forms.gaps import GapForm, GapSuggestionForm
from ..models import Gap
from ..rules.gaps import SOURCE_RULE_TEXT
from ..selectors.gaps import gap_for, gaps_of
from ..services import gaps as services
from .lists import AssessmentPageList


class Gaps(AssessmentPageList):
    noun = "gap"
    section = "gaps"
    section_template = "assessments/gaps/list.html"
    form_template = "assessments/gaps/form.html"
    confirm_template = "assessments/gaps/confirm_delete.html"
    page_route = "assessments:gaps"
    form_class = GapForm
    add_on_demand = True
    movable = False
    services = services

    def item(self, membership: Membership, roadmap: Roadmap, *, pk: int, **_: Any) -> Gap:
        return gap_for(roadmap, pk)

    def section_context(self, membership: Membership, roadmap: Roadmap) -> dict[str, Any]:
        gaps = gaps_of(roadmap)
        return member_page(
            membership,
            roadmap=roadmap,
            gaps=gaps,
            unclosed=sum(not gap.initiatives.all() for gap in gaps),
            source_rule=SOURCE_RULE_TEXT,
        )

    def list_url(self, roadmap: Roadmap) -> str:
        return self.page_url(roadmap)  # the list is the page

    def page(self, request: HtmxHttpRequest, membership: Membership, roadmap) -> HttpResponse:
        return render(request, self.section_template, self.context(membership, roadmap))

    def label(self, gap: Gap) -> str:
        return gap.title


gap_list = Gaps()


@login_required
@require_http_methods(["GET", "POST"])
def gap_suggest(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    """The inventory's suggestions with checkboxes (all ticked); posting makes a
    gap of each one ticked."""
    membership = list_membership(request, agency, write=True)
    roadmap = roadmap_for(membership, slug)
    posted = request.method == "POST"
    form = GapSuggestionForm(request.POST if posted else None, roadmap=roadmap)
    suggestions = form.suggestions
    if not posted:
        form.initial = {
            "systems": [system.pk for system in suggestions.systems],
            "processes": [process.pk for process in suggestions.processes],
        }
    if posted and form.is_valid():
        made = services.gaps_from_inventory(
            roadmap=roadmap,
            systems=form.cleaned_data["systems"],
            processes=form.cleaned_data["processes"],
            by=request.user,
        )
        count = len(made)
        confirm(
            request,
            f"{count} gap{'s' if count != 1 else ''} added from the inventory."
            if count
            else "No gap added: each already had one, or its title was taken.",
        )
        return redirect(f"{roadmap.address('assessments:gaps')}#gaps")
    return render(
        request,
        "assessments/gaps/suggest.html",
        member_page(membership, roadmap=roadmap, form=form, suggestions=suggestions),
        status=400 if posted else 200,
    )
