"""An initiative's RACI, chosen in the stakeholders app: responsible, consulted
and informed among the roadmap's register; accountable is the initiative's
sponsor, shown and never chosen here."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from agencies.models import Role
from roadmap.selectors.initiatives import initiative_for
from ui.concurrency import save_form
from ui.feedback import confirm
from ui.http import HtmxHttpRequest, member_page

from ..forms.raci import RaciForm
from ..selectors.raci import raci_of
from ..services.raci import raci_set
from .access import member_and_roadmap


def raci_panel(membership, initiative) -> dict[str, Any]:
    """The initiative page's RACI panel (registered in apps.py)."""
    return {"raci": raci_of(initiative), "initiative": initiative}


@login_required
@require_http_methods(["GET", "POST"])
def raci_edit(request: HtmxHttpRequest, agency: str, slug: str, pk: int):
    membership, roadmap = member_and_roadmap(request, agency, slug, minimum=Role.EDITOR)
    initiative = initiative_for(roadmap, pk)
    raci = raci_of(initiative)
    initial = {role: getattr(raci, role) for role in ("responsible", "consulted", "informed")}
    form = RaciForm(request.POST or None, roadmap=roadmap, initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(form, raci_set, initiative=initiative) is not None
    ):
        confirm(request, f"RACI saved for “{initiative.title}”.")
        return redirect(f"{initiative.get_absolute_url()}#raci")
    return render(
        request,
        "stakeholders/raci/edit.html",
        member_page(membership, roadmap=roadmap, initiative=initiative, raci=raci, form=form),
        status=400 if request.method == "POST" else 200,
    )
