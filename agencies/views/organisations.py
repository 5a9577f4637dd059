"""The agency's settings page, for its agency admins."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ui.http import HtmxHttpRequest, member_page

from ..access import get_membership
from ..forms.organisations import AgencySettingsForm
from ..models import Role
from ..services.organisations import organisation_update_settings


@login_required
@require_http_methods(["GET", "POST"])
def agency_settings(request: HtmxHttpRequest, agency: str) -> HttpResponse:
    membership = get_membership(request.user, agency, minimum=Role.ADMIN)
    organisation = membership.organisation
    if request.method == "GET":
        form = AgencySettingsForm(instance=organisation)
    else:
        # A copy, so a refused form leaves the page's agency (header, caption) as it was.
        form = AgencySettingsForm(
            request.POST, instance=type(organisation).objects.get(pk=organisation.pk)
        )
        if form.is_valid():
            try:
                organisation_update_settings(
                    organisation=organisation, by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, "The agency's settings are saved.")
            return redirect("agencies:settings", agency=agency)
    return render(
        request,
        "agencies/organisations/settings.html",
        member_page(membership, form=form, example=organisation.format_money(1250)),
        status=400 if form.errors else 200,
    )
