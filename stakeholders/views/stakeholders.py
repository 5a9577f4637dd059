"""A roadmap's stakeholder register: the list (the Stakeholders section's page,
filtered from the address), each entry's page, the data-subject export and
anonymisation of a person, and the register as CSV or XLSX.

The register is an inline list (ui/inline_list.py) that does not move: an
entry has too many fields to add or change in a row, so "Add a stakeholder"
and "Change" are whole pages, and a change lands on the entry's page. Email
and phone are shown to editors and above only.
"""

import json
from datetime import timedelta
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from agencies.models import Membership, Role
from roadmap.models import Roadmap
from roadmap.views.lists import RoadmapPageList
from ui.concurrency import Refused
from ui.feedback import confirm, refuse
from ui.http import HtmxHttpRequest, member_page
from ui.list_pages import ListIsThePage
from ui.spreadsheets import FILE_FORMATS, table_response

from ..forms.stakeholders import StakeholderFilterForm, StakeholderForm, register_tags
from ..models import PersonalDataAction, PersonalDataEvent, Stakeholder
from ..rules.analysis import quadrant
from ..rules.stakeholders import ERASED_FIELDS
from ..selectors.register_table import register_table
from ..selectors.stakeholders import (
    personal_data_events,
    register_of,
    reviews_due,
    stakeholder_for,
    stakeholder_in_full,
    subject_data,
)
from ..services import stakeholders as services
from ..services.stakeholders import personal_data_recorded
from .access import member_and_roadmap

DETAIL = "stakeholders/stakeholders/detail.html"


class Register(ListIsThePage, RoadmapPageList):
    noun = "stakeholder"
    section = "register"
    section_template = "stakeholders/stakeholders/list.html"
    form_template = "stakeholders/stakeholders/form.html"
    confirm_template = "stakeholders/stakeholders/confirm_delete.html"
    page_route = "stakeholders:register"
    form_class = StakeholderForm
    add_on_demand = True
    movable = False
    services = services

    def item(self, membership: Membership, roadmap: Roadmap, *, pk: int, **_: Any) -> Stakeholder:
        return stakeholder_for(roadmap, pk)

    def section_context(self, membership: Membership, roadmap: Roadmap) -> dict[str, Any]:
        return member_page(membership, roadmap=roadmap, downloads=download_urls(roadmap))

    def request_context(
        self, request: HtmxHttpRequest, membership: Membership, roadmap: Roadmap
    ) -> dict[str, Any]:
        """The entries the address asks for (?kind=&level=&attitude=&tag=)."""
        entries = register_of(roadmap)
        filters = StakeholderFilterForm(request.GET, tags=register_tags(entries))
        context = {"filter_form": filters, "stakeholders": filters.entries(entries)}
        if membership.can_edit:
            context["reviews_due"] = reviews_due(entries, timezone.localdate())
        return context

    def label(self, stakeholder: Stakeholder) -> str:
        return stakeholder.name

    def after_change_url(self, roadmap: Roadmap, stakeholder: Stakeholder) -> str:
        return stakeholder.get_absolute_url()

    def confirm_context(self, request: HtmxHttpRequest, stakeholder: Stakeholder) -> dict[str, Any]:
        roles = stakeholder.raci_assignments.count()
        said = []
        if roles:
            said.append(f"Their {roles} RACI role{'s' if roles != 1 else ''} will be removed.")
        said.append(
            "The communications and interactions they were in stay, without them. "
            "To keep their history and erase only their personal data, anonymise them instead."
            if not stakeholder.is_group
            else "The communications and interactions addressed to it stay, without it."
        )
        return {"consequence": " ".join(said)}


stakeholder_list = Register()


def download_urls(roadmap: Roadmap) -> dict[str, str]:
    return {
        file_format: reverse(
            "stakeholders:register-download",
            kwargs={**roadmap.url_kwargs(), "file_format": file_format},
        )
        for file_format in FILE_FORMATS
    }


@login_required
@require_GET
def stakeholder_detail(request: HtmxHttpRequest, agency: str, slug: str, pk: int) -> HttpResponse:
    membership, roadmap = member_and_roadmap(request, agency, slug)
    stakeholder = stakeholder_in_full(roadmap, pk)
    return render(
        request,
        DETAIL,
        member_page(
            membership,
            roadmap=roadmap,
            stakeholder=stakeholder,
            review_due=stakeholder in reviews_due([stakeholder], timezone.localdate()),
            quadrant=quadrant(stakeholder.influence, stakeholder.interest),
        ),
    )


# How long the page or file of a recorded data-subject export stays open.
EXPORT_OPEN_FOR = timedelta(minutes=10)


@login_required
@require_http_methods(["GET", "POST"])
def stakeholder_personal_data(
    request: HtmxHttpRequest, agency: str, slug: str, pk: int
) -> HttpResponse:
    """Everything held about one person (editors and above). Asking for it is a
    POST, recorded (PersonalDataEvent), which leads to the page or the JSON file
    (`?event=<its id>&format=json`) for a few minutes; a GET without a fresh
    event of the caller's shows only what the export holds and the buttons."""
    membership, roadmap = member_and_roadmap(request, agency, slug, minimum=Role.EDITOR)
    stakeholder = stakeholder_for(roadmap, pk)
    if stakeholder.is_group:
        raise Http404("A group holds no personal data.")
    here = stakeholder.address("stakeholders:stakeholder-personal-data")
    as_json = (request.POST if request.method == "POST" else request.GET).get("format") == "json"
    if request.method == "POST":
        event = personal_data_recorded(
            roadmap=roadmap,
            stakeholder=stakeholder,
            action=PersonalDataAction.SUBJECT_EXPORT,
            by=request.user,
            note="Downloaded as JSON." if as_json else "Viewed as a page.",
        )
        return redirect(f"{here}?event={event.pk}{'&format=json' if as_json else ''}")
    event = recorded_export(request, PersonalDataAction.SUBJECT_EXPORT, stakeholder=stakeholder)
    context = member_page(membership, roadmap=roadmap, stakeholder=stakeholder, shown=bool(event))
    if event is None:
        return render(request, "stakeholders/stakeholders/personal_data.html", context)
    data = subject_data(stakeholder)
    if as_json:
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = (
            f'attachment; filename="personal-data-stakeholder-{stakeholder.pk}.json"'
        )
        return response
    context.update(
        entry=data["entry"].items(),
        groups=data["groups"],
        raci=data["raci roles"],
        communications=data["communications"],
        interactions=data["interactions"],
        event=event,
    )
    return render(request, "stakeholders/stakeholders/personal_data.html", context)


def recorded_export(
    request: HtmxHttpRequest, action: str, **subject: Roadmap | Stakeholder
) -> PersonalDataEvent | None:
    """The caller's own recent record of this export (`action`, of the roadmap or
    stakeholder in `subject`) that the address names (`?event=`), or None."""
    try:
        key = int(request.GET.get("event", ""))
    except ValueError:
        return None
    return PersonalDataEvent.objects.filter(
        pk=key, by=request.user, action=action, at__gte=timezone.now() - EXPORT_OPEN_FOR, **subject
    ).first()


@login_required
@require_http_methods(["GET", "POST"])
def stakeholder_anonymise(
    request: HtmxHttpRequest, agency: str, slug: str, pk: int
) -> HttpResponse:
    """Erase a person's personal fields on their request (leads and above), after
    a question; their history stays, without them."""
    membership, roadmap = member_and_roadmap(request, agency, slug, minimum=Role.LEAD)
    stakeholder = stakeholder_for(roadmap, pk)
    refusal = ""
    if stakeholder.is_group:
        refusal = "Only a person's entry is anonymised: a group holds no personal data."
    elif stakeholder.is_anonymised:
        refusal = "This entry is already anonymised."
    if request.method == "POST" and not refusal:
        try:
            services.stakeholder_anonymise(stakeholder=stakeholder, by=request.user)
        except Refused as refused:
            refusal = refused.message
        else:
            confirm(request, f"Anonymised: the entry is now “{stakeholder.name}”.")
            return redirect(stakeholder.get_absolute_url())
    if request.method == "POST":
        refuse(request, refusal)
        return redirect(stakeholder.get_absolute_url())
    erased = [Stakeholder._meta.get_field(name).verbose_name for name in ["name", *ERASED_FIELDS]]
    return render(
        request,
        "stakeholders/stakeholders/anonymise.html",
        member_page(
            membership,
            roadmap=roadmap,
            stakeholder=stakeholder,
            erased=erased,
            blocked=refusal,
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def register_download(
    request: HtmxHttpRequest, agency: str, slug: str, file_format: str
) -> HttpResponse:
    """The register as CSV or XLSX, without personal data. With it, for editors:
    asking is a POST, recorded (PersonalDataEvent), which leads to the file with
    it (`?event=<its id>`) for a few minutes, as a person's own export does."""
    membership, roadmap = member_and_roadmap(request, agency, slug)
    if file_format not in FILE_FORMATS:
        raise Http404("No such download.")
    if request.method == "POST":
        if not membership.can_edit:
            raise PermissionDenied("Personal data is for editors and above.")
        event = personal_data_recorded(
            roadmap=roadmap,
            action=PersonalDataAction.REGISTER_EXPORT,
            by=request.user,
            note=f"The register as {file_format.upper()}, with personal data.",
        )
        return redirect(f"{download_urls(roadmap)[file_format]}?event={event.pk}")
    personal = "event" in request.GET
    if personal and not (
        membership.can_edit
        and recorded_export(request, PersonalDataAction.REGISTER_EXPORT, roadmap=roadmap)
    ):
        raise Http404("No such download: ask for the register with contact details again.")
    table = register_table(register_of(roadmap), personal_data=personal)
    filename = f"{roadmap.slug}-stakeholders{'-personal-data' if personal else ''}"
    return table_response(file_format, filename, "Stakeholders", table.headers, table.rows)


@login_required
@require_GET
def personal_data_log(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    """What was done with personal data in this register: who, when (editors and above)."""
    membership, roadmap = member_and_roadmap(request, agency, slug, minimum=Role.EDITOR)
    return render(
        request,
        "stakeholders/stakeholders/personal_data_log.html",
        member_page(membership, roadmap=roadmap, events=personal_data_events(roadmap, 200)),
    )
