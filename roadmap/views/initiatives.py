"""A roadmap's initiatives: the list (the Roadmap section's page, filtered and
sorted from the address), each initiative's page with every link both ways, and
the dependencies between them.

The list is an inline list (ui/inline_list.py) that does not move: it is
sorted, not ordered. An initiative has too many fields to add or change in a
row, so "Add an initiative" and "Change" are whole pages, and a change lands
on the initiative's page.
"""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from agencies.access import get_membership
from agencies.models import Membership, Role
from ui.concurrency import save_form
from ui.feedback import confirm
from ui.http import HtmxHttpRequest, member_page
from ui.list_pages import ListIsThePage
from ui.spreadsheets import FILE_FORMATS, table_response

from ..charts.timeline import timeline_rows, timeline_svg
from ..forms.initiatives import DependencyForm, InitiativeFilterForm, InitiativeForm
from ..models import Initiative, Roadmap
from ..rules.horizons import HORIZONS_RULE_TEXT, Horizon, horizon
from ..rules.schedule import Span, conflicts
from ..selectors.initiatives import initiative_for, initiative_in_full, initiatives_of
from ..selectors.milestones import milestones_of_initiative
from ..selectors.plan_tables import TABLES
from ..selectors.risks import risks_of_initiative
from ..selectors.roadmaps import roadmap_for
from ..selectors.timeline import timeline_of
from ..services import initiatives as services
from .lists import RoadmapPageList

TEMPLATE = "roadmap/initiatives/detail.html"


def starts_too_soon(dependant: Initiative, prerequisite: Initiative) -> bool:
    spans = {
        initiative.pk: Span(initiative.start_month, initiative.end_month)
        for initiative in (dependant, prerequisite)
    }
    return bool(conflicts(spans, [(dependant.pk, prerequisite.pk)]))


class Initiatives(ListIsThePage, RoadmapPageList):
    noun = "initiative"
    section = "initiatives"
    section_template = "roadmap/initiatives/list.html"
    form_template = "roadmap/initiatives/form.html"
    confirm_template = "roadmap/initiatives/confirm_delete.html"
    page_route = "roadmap:initiatives"
    form_class = InitiativeForm
    add_on_demand = True
    movable = False
    services = services

    def item(self, membership: Membership, roadmap: Roadmap, *, pk: int, **_: Any) -> Initiative:
        return initiative_for(roadmap, pk)

    def section_context(self, membership: Membership, roadmap: Roadmap) -> dict[str, Any]:
        return member_page(membership, roadmap=roadmap)

    def request_context(
        self, request: HtmxHttpRequest, membership: Membership, roadmap: Roadmap
    ) -> dict[str, Any]:
        """The initiatives the address asks for (?component=&objective=&status=&owner=&sort=)."""
        filters = InitiativeFilterForm(request.GET, roadmap=roadmap)
        return {
            "filter_form": filters,
            "initiatives": filters.initiatives(initiatives_of(roadmap)),
        }

    def label(self, initiative: Initiative) -> str:
        return initiative.title

    def after_change_url(self, roadmap: Roadmap, initiative: Initiative) -> str:
        return initiative.get_absolute_url()

    def confirm_context(self, request: HtmxHttpRequest, initiative: Initiative) -> dict[str, Any]:
        """What goes with it: its dependencies and milestones; the risks to it stay,
        without it."""
        links = initiative.dependencies.count() + initiative.dependant_links.count()
        milestones = initiative.milestones.count()
        risks = initiative.risks.count()
        said = []
        if links:
            said.append(f"Its {_count(links, 'dependency', 'dependencies')} will be removed too.")
        if milestones:
            said.append(f"Its {_count(milestones, 'milestone', 'milestones')} will be deleted too.")
        if risks:
            which = "The risk" if risks == 1 else f"The {risks} risks"
            said.append(f"{which} naming it will stay, without it.")
        return {"consequence": " ".join(said)} if said else {}


initiative_list = Initiatives()


def _count(number: int, one: str, many: str) -> str:
    return f"1 {one}" if number == 1 else f"{number} {many}"


def initiative_page_context(
    membership: Membership, initiative: Initiative, **extra: object
) -> dict[str, object]:
    """The initiative's page and its `dependencies` section, with its own
    milestones and the risks to it; `extra` may hold a bound `dependency_form`
    (errors to show)."""
    dependencies = list(initiative.dependencies.all())
    dependants = list(initiative.dependant_links.all())
    context: dict[str, object] = member_page(
        membership,
        roadmap=initiative.roadmap,
        initiative=initiative,
        objectives=list(initiative.objectives.all()),
        # Each with whether it is a schedule conflict (the rule in rules/schedule.py).
        dependencies=[
            (link, starts_too_soon(initiative, link.prerequisite)) for link in dependencies
        ],
        dependants=[(link, starts_too_soon(link.initiative, initiative)) for link in dependants],
        milestones=milestones_of_initiative(initiative),
        risks=risks_of_initiative(initiative),
    )
    if membership.can_edit and "dependency_form" not in extra:
        context["dependency_form"] = DependencyForm(initiative=initiative)
    context.update(extra)
    return context


@login_required
@require_GET
def initiative_detail(request: HtmxHttpRequest, agency: str, slug: str, pk: int) -> HttpResponse:
    membership = get_membership(request.user, agency)
    initiative = initiative_in_full(roadmap_for(membership, slug), pk)
    template = TEMPLATE
    if request.htmx and request.htmx.target == "dependencies":
        template = f"{TEMPLATE}#dependencies"
    return render(request, template, initiative_page_context(membership, initiative))


@login_required
@require_http_methods(["GET", "POST"])
def dependency_create(request: HtmxHttpRequest, agency: str, slug: str, pk: int) -> HttpResponse:
    """Say what the initiative depends on; refused, with the circle named, when it
    would make one."""
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    roadmap = roadmap_for(membership, slug)
    initiative = initiative_for(roadmap, pk)
    form = DependencyForm(request.POST or None, initiative=initiative)
    if (
        request.method == "POST"
        and form.is_valid()
        and (dependency := save_form(form, services.dependency_add, initiative=initiative))
    ):
        confirm(request, f"“{initiative.title}” now depends on “{dependency.prerequisite.title}”.")
        if not request.htmx:
            return redirect(f"{initiative.get_absolute_url()}#dependencies")
        form = None
    context = initiative_page_context(
        membership,
        initiative_in_full(roadmap, pk),
        **({"dependency_form": form} if form is not None else {}),
    )
    if request.htmx:
        return render(request, f"{TEMPLATE}#dependencies", context)
    return render(request, TEMPLATE, context, status=200 if request.method == "GET" else 400)


@login_required
@require_POST
def dependency_delete(
    request: HtmxHttpRequest, agency: str, slug: str, pk: int, dependency_pk: int
) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.EDITOR)
    roadmap = roadmap_for(membership, slug)
    initiative = initiative_for(roadmap, pk)
    dependency = get_object_or_404(
        initiative.dependencies.select_related("prerequisite"), pk=dependency_pk
    )
    services.dependency_remove(dependency=dependency)
    confirm(
        request,
        f"“{initiative.title}” no longer depends on “{dependency.prerequisite.title}”.",
    )
    if not request.htmx:
        return redirect(f"{initiative.get_absolute_url()}#dependencies")
    return render(
        request,
        f"{TEMPLATE}#dependencies",
        initiative_page_context(membership, initiative_in_full(roadmap, pk)),
    )


@login_required
def roadmap_timeline(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    """The initiatives on a timeline (or, `?view=table`, the same as a table), with
    the list's filters and a zoom (`?zoom=years`) in the address, so a view can be
    shared. With htmx, the `timeline` section alone."""
    membership = get_membership(request.user, agency)
    if request.method not in ("GET", "HEAD"):  # after the agency check: 404 comes first
        return HttpResponseNotAllowed(["GET", "HEAD"])
    roadmap = roadmap_for(membership, slug)
    filters = InitiativeFilterForm(request.GET, roadmap=roadmap)
    initiatives = filters.initiatives(initiatives_of(roadmap))
    zoom = "years" if request.GET.get("zoom") == "years" else "quarters"
    as_table = request.GET.get("view") == "table"
    timeline = timeline_of(roadmap, initiatives, filtered=filters.active)
    context = member_page(
        membership,
        roadmap=roadmap,
        filter_form=filters,
        timeline=timeline,
        zoom=zoom,
        as_table=as_table,
        rows=timeline_rows(timeline.lanes, timeline.bars, timeline.arrows),
        critical_titles=[
            initiative.title
            for key in timeline.critical
            for initiative in initiatives
            if initiative.pk == key
        ],
        query=_without(request.GET, "zoom", "view"),
    )
    if not as_table:
        context["chart"] = timeline_svg(
            timeline.lanes,
            timeline.bars,
            timeline.milestones,
            timeline.arrows,
            today=timezone.localdate(),
            financial_year_start_month=roadmap.organisation.financial_year_start_month,
            zoom=zoom,
            title=f"Timeline of {roadmap.title}",
        )
    template = "roadmap/initiatives/timeline.html"
    if request.htmx and request.htmx.target == "timeline":
        template += "#timeline"
    return render(request, template, context)


def _without(query, *names: str) -> str:
    """The address's query without `names`, to add them back changed."""
    kept = query.copy()
    for name in names:
        kept.pop(name, None)
    return kept.urlencode()


@login_required
def roadmap_board(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    """Now, next and later (rules/horizons.py): the initiatives by when they start,
    in the agency's financial quarters."""
    membership = get_membership(request.user, agency)
    if request.method not in ("GET", "HEAD"):  # after the agency check: 404 comes first
        return HttpResponseNotAllowed(["GET", "HEAD"])
    roadmap = roadmap_for(membership, slug)
    today = timezone.localdate()
    columns: dict[Horizon, list[Initiative]] = {column: [] for column in Horizon}
    for initiative in sorted(initiatives_of(roadmap), key=lambda i: (i.start_month, i.title)):
        column = horizon(
            status=initiative.status,
            start=initiative.start_month,
            today=today,
            financial_year_start_month=roadmap.organisation.financial_year_start_month,
        )
        if column:
            columns[column].append(initiative)
    return render(
        request,
        "roadmap/initiatives/board.html",
        member_page(
            membership, roadmap=roadmap, columns=columns.items(), rule_text=HORIZONS_RULE_TEXT
        ),
    )


@login_required
def roadmap_traceability(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    """Objectives x initiatives: which initiative serves which objective, with the
    objectives no initiative serves and the initiatives serving none shown up."""
    membership = get_membership(request.user, agency)
    if request.method not in ("GET", "HEAD"):  # after the agency check: 404 comes first
        return HttpResponseNotAllowed(["GET", "HEAD"])
    roadmap = roadmap_for(membership, slug)
    objectives = list(roadmap.objectives.order_by("position", "pk"))
    initiatives = list(initiatives_of(roadmap))
    rows = [
        (initiative, [objective in initiative.objectives.all() for objective in objectives])
        for initiative in initiatives
    ]
    served = [sum(row[1][n] for row in rows) for n in range(len(objectives))]
    return render(
        request,
        "roadmap/initiatives/traceability.html",
        member_page(
            membership,
            roadmap=roadmap,
            objectives=list(zip(objectives, served, strict=True)),
            rows=rows,
        ),
    )


@login_required
@require_GET
def plan_download(
    request: HtmxHttpRequest, agency: str, slug: str, table: str, file_format: str
) -> HttpResponse:
    """The initiatives, milestones or risks as a CSV or XLSX file."""
    membership = get_membership(request.user, agency)
    roadmap = roadmap_for(membership, slug)
    if table not in TABLES or file_format not in FILE_FORMATS:
        raise Http404("No such download.")
    data = TABLES[table](roadmap)
    return table_response(
        file_format, f"{roadmap.slug}-{table}", data.title, data.headers, data.rows
    )
