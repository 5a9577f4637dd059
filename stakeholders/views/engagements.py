"""The engagement log: a roadmap's interactions, newest first, filtered by
stakeholder and type, an inline list (ui/inline_list.py) with the open
follow-ups beside it; each interaction's page with its follow-ups, an inline
list of their own."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from agencies.models import Membership
from roadmap.models import Roadmap
from roadmap.selectors.roadmaps import roadmap_for
from roadmap.views.lists import RoadmapPageList, list_membership
from ui.concurrency import save_form
from ui.formatting import format_date
from ui.http import HtmxHttpRequest, member_page
from ui.inline_list import InlineList
from ui.list_pages import ListIsThePage

from ..charts.engagements import sentiment_trend_svg
from ..forms.engagements import FollowUpForm, InteractionFilterForm, InteractionForm
from ..models import FollowUp, Interaction
from ..selectors.engagements import (
    follow_up_for,
    interaction_for,
    interaction_of_follow_up,
    interactions_of,
    mark_overdue,
    open_follow_ups,
    stakeholder_history,
)
from ..services import engagements as services

# How many open follow-ups the log lists beside the interactions.
OPEN_FOLLOW_UPS_SHOWN = 10


class Interactions(ListIsThePage, RoadmapPageList):
    noun = "interaction"
    section = "interactions"
    section_template = "stakeholders/engagements/list.html"
    form_template = "stakeholders/engagements/form.html"
    confirm_template = "stakeholders/engagements/confirm_delete.html"
    page_route = "stakeholders:interactions"
    form_class = InteractionForm
    add_on_demand = True
    movable = False
    services = services

    def item(self, membership: Membership, roadmap: Roadmap, *, pk: int, **_: Any) -> Interaction:
        return interaction_for(roadmap, pk)

    def section_context(self, membership: Membership, roadmap: Roadmap) -> dict[str, Any]:
        follow_ups = open_follow_ups(roadmap, today=timezone.localdate())
        return member_page(
            membership,
            roadmap=roadmap,
            open_follow_ups=follow_ups[:OPEN_FOLLOW_UPS_SHOWN],
            open_count=len(follow_ups),
            overdue_count=sum(f.overdue for f in follow_ups),
        )

    def request_context(
        self, request: HtmxHttpRequest, membership: Membership, roadmap: Roadmap
    ) -> dict[str, Any]:
        filters = InteractionFilterForm(request.GET or None, roadmap=roadmap)
        chosen = filters.chosen
        interactions = interactions_of(
            roadmap, stakeholder=chosen.get("stakeholder"), kind=chosen.get("kind", "")
        )
        context = {"filter_form": filters, "interactions": interactions}
        if (stakeholder := chosen.get("stakeholder")) and interactions:
            # One stakeholder's log: how their sentiment moved (each row says it in words).
            context["trend_of"] = stakeholder
            context["trend_svg"] = sentiment_trend_svg(
                [(i.occurred_on, i.sentiment) for i in reversed(interactions)],
                title=f"Sentiment of {stakeholder.name} over time",
                id_prefix="log-sentiment",
            )
        return context

    def after_change_url(self, roadmap: Roadmap, interaction: Interaction) -> str:
        return interaction.get_absolute_url()

    def label(self, interaction: Interaction) -> str:
        return f"{interaction.get_kind_display()} on {format_date(interaction.occurred_on)}"

    def confirm_context(self, request: HtmxHttpRequest, interaction: Interaction) -> dict:
        count = len(interaction.follow_ups.all())
        if not count:
            return {}
        if count == 1:
            return {"consequence": "Its follow-up goes with it."}
        return {"consequence": f"Its {count} follow-ups go with it."}


interaction_list = Interactions()


@login_required
@require_GET
def interaction_detail(request: HtmxHttpRequest, agency: str, slug: str, pk: int) -> HttpResponse:
    membership = list_membership(request, agency, write=False)
    interaction = interaction_for(roadmap_for(membership, slug), pk)
    return render(
        request,
        FollowUps.section_template,
        follow_up_list.context(membership, interaction),
    )


class FollowUps(InlineList):
    """An interaction's follow-ups, on its page. The list's address names the
    interaction; an item's names only the follow-up (its model's address)."""

    noun = "follow-up"
    section = "follow-ups"
    section_template = "stakeholders/engagements/detail.html"
    form_template = "stakeholders/engagements/follow_up_form.html"
    confirm_template = "stakeholders/engagements/follow_up_confirm_delete.html"
    form_class = FollowUpForm
    add_on_demand = True
    movable = False
    services = services
    parent_arg = "interaction"

    def parent(
        self,
        request: HtmxHttpRequest,
        *,
        write: bool,
        agency: str,
        slug: str,
        interaction_pk: int | None = None,
        pk: int | None = None,
        **_: Any,
    ) -> tuple[Membership, Interaction]:
        membership = list_membership(request, agency, write=write)
        roadmap = roadmap_for(membership, slug)
        if interaction_pk is not None:
            return membership, interaction_for(roadmap, interaction_pk)
        return membership, interaction_of_follow_up(roadmap, pk)

    def item(self, membership: Membership, interaction: Interaction, *, pk: int, **_) -> FollowUp:
        return follow_up_for(interaction, pk)

    def section_context(self, membership: Membership, interaction: Interaction) -> dict[str, Any]:
        return member_page(
            membership,
            roadmap=interaction.roadmap,
            interaction=interaction,
            interaction_title=f"{interaction.get_kind_display()} on "
            f"{format_date(interaction.occurred_on)}",
            follow_up_create_url=reverse(
                "stakeholders:follow-up-create",
                kwargs={**interaction.roadmap.url_kwargs(), "interaction_pk": interaction.pk},
            ),
            follow_ups=mark_overdue(list(interaction.follow_ups.all()), timezone.localdate()),
        )

    def form_kwargs(self, interaction: Interaction) -> dict[str, Any]:
        return {"interaction": interaction}

    def create(self, form, interaction: Interaction, by) -> FollowUp | None:
        return save_form(form, services.follow_up_create, interaction=interaction, by=by)

    def update(self, form, follow_up: FollowUp, by) -> FollowUp | None:
        return save_form(form, services.follow_up_update, follow_up=follow_up, by=by)

    def delete(self, follow_up: FollowUp) -> None:
        services.follow_up_delete(follow_up=follow_up)

    def render_section(self, request, membership, interaction, **extra: Any) -> HttpResponse:
        # The "add" form under a name templates can reach ("follow-up_form" has a hyphen);
        # the follow-ups read afresh, since a write changed them.
        if "follow-up_form" in extra:
            extra["follow_up_form"] = extra["follow-up_form"]
        fresh = interaction_for(interaction.roadmap, interaction.pk)
        return super().render_section(request, membership, fresh, **extra)

    def page_url(self, interaction: Interaction) -> str:
        return interaction.get_absolute_url()

    def list_url(self, interaction: Interaction) -> str:
        return reverse(
            "stakeholders:follow-up-list",
            kwargs={**interaction.roadmap.url_kwargs(), "interaction_pk": interaction.pk},
        )

    def label(self, follow_up: FollowUp) -> str:
        return follow_up.action


follow_up_list = FollowUps()


def stakeholder_panel(membership: Membership, stakeholder) -> dict[str, Any]:
    """What a stakeholder's page shows of the log (ui/panels.py, page kind
    "stakeholder"): their history, their sentiment over time as a chart with a
    table, and their open follow-ups. Four queries."""
    found = stakeholder_history(stakeholder, today=timezone.localdate())
    return {
        **found,
        "trend_svg": sentiment_trend_svg(
            found["trend"],
            title=f"Sentiment of {stakeholder.name} over time",
            id_prefix=f"sentiment-{stakeholder.pk}",
        ),
        "log_url": stakeholder.roadmap.address("stakeholders:interactions")
        + f"?stakeholder={stakeholder.pk}",
    }
