"""The agency settings service checks what it is given, like the form."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template

from agencies.models import Organisation
from agencies.services.organisations import organisation_update_settings

VALID = {
    "currency_symbol": " $ ",
    "currency_code": "nzd",
    "financial_year_start_month": 7,
    "classification_marking": "  official   sensitive ",
}


def test_settings_are_saved_tidied(agency, admin_user):
    organisation_update_settings(organisation=agency, by=admin_user, **VALID)

    fresh = Organisation.objects.get(pk=agency.pk)
    assert (fresh.currency_symbol, fresh.currency_code, fresh.financial_year_start_month) == (
        "$",
        "NZD",
        7,
    )
    assert fresh.classification_marking == "OFFICIAL SENSITIVE"
    assert fresh.format_money(1250) == "$1,250"
    assert fresh.financial_year_start_month_name == "July"


@pytest.mark.parametrize(
    "change",
    [
        {"currency_code": "N2D"},
        {"currency_code": "NZDX"},
        {"financial_year_start_month": 13},
        {"financial_year_start_month": 0},
        {"currency_symbol": ""},
        {"classification_marking": " "},
    ],
)
def test_what_the_form_refuses_the_service_refuses(agency, admin_user, change):
    with pytest.raises(ValidationError):
        organisation_update_settings(organisation=agency, by=admin_user, **(VALID | change))

    assert Organisation.objects.get(pk=agency.pk).currency_code == "GBP"


def test_only_an_admin_of_the_agency_changes_its_settings(agency, lead, outsider):
    for who in (lead, outsider):
        with pytest.raises(ValidationError):
            organisation_update_settings(organisation=agency, by=who, **VALID)
    assert Organisation.objects.get(pk=agency.pk).currency_code == "GBP"


def test_amounts_in_templates_use_the_agencys_currency(agency):
    agency.currency_symbol = "€"
    rendered = Template("{% load agency_formatting %}{{ amount|money:agency }}").render(
        Context({"amount": Decimal("8.4"), "agency": agency})
    )
    assert rendered == "€8.40"
