"""The agency settings page: currency, financial year, classification marking."""

import pytest
from django.urls import reverse
from django.utils import timezone

from agencies.models import Organisation
from reports.assembly import render_report_html
from tests.helpers import signed_in
from tests.html import FormPage

VALID = {
    "currency_symbol": "€",
    "currency_code": "eur",
    "financial_year_start_month": "1",
    "classification_marking": "official-sensitive",
}


def settings_url(agency="agency-a") -> str:
    return reverse("agencies:settings", kwargs={"agency": agency})


def saved(agency) -> tuple:
    fresh = Organisation.objects.get(pk=agency.pk)
    return (
        fresh.currency_symbol,
        fresh.currency_code,
        fresh.financial_year_start_month,
        fresh.classification_marking,
    )


def test_the_defaults_are_shown(client, admin_user, agency):
    response = signed_in(client, admin_user).get(settings_url())

    assert response.status_code == 200
    page = FormPage(response)
    assert (page.value("currency_symbol"), page.value("currency_code")) == ("£", "GBP")
    assert "Today an amount reads like this: £1,250." in response.text
    assert '<option value="4" selected>April</option>' in response.text


def test_an_admin_saves_the_settings(client, admin_user, agency):
    response = signed_in(client, admin_user).post(settings_url(), VALID, follow=True)

    assert response.redirect_chain == [(settings_url(), 302)]
    assert "The agency&#x27;s settings are saved." in response.text
    assert saved(agency) == ("€", "EUR", 1, "OFFICIAL-SENSITIVE")
    assert "Today an amount reads like this: €1,250." in response.text


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("currency_symbol", "", "Enter the currency symbol, like £."),
        ("currency_symbol", "EUROS", None),
        ("currency_code", "EURO", "must be 3 characters or fewer (it has 4)"),
        ("currency_code", "E1R", "Enter a 3-letter currency code, like GBP."),
        ("financial_year_start_month", "13", "Select a valid choice."),
        ("classification_marking", "  ", "Enter the classification marking."),
        ("classification_marking", "X" * 61, "must be 60 characters or fewer"),
    ],
)
def test_bad_settings_are_refused_next_to_the_field(
    client, admin_user, agency, field, value, message
):
    before = saved(agency)

    response = signed_in(client, admin_user).post(settings_url(), VALID | {field: value})

    if message is None:  # five characters are allowed
        assert response.status_code == 302
        return
    assert response.status_code == 400
    assert message in FormPage(response).error(field)
    assert saved(agency) == before


def test_the_financial_quarter_counts_from_the_start_month(agency):
    assert [agency.financial_quarter(month) for month in (4, 6, 7, 12, 1, 3)] == [1, 1, 2, 3, 4, 4]
    agency.financial_year_start_month = 1
    assert [agency.financial_quarter(month) for month in (1, 3, 4, 12)] == [1, 1, 2, 4]


def test_the_marking_is_what_the_pdf_prints(client, admin_user, agency, roadmap):
    signed_in(client, admin_user).post(settings_url(), VALID)
    roadmap.refresh_from_db()
    roadmap.organisation.refresh_from_db()

    html = render_report_html(roadmap, generated_at=timezone.now(), version=1)

    assert '<p class="cover__marking" id="marking">OFFICIAL-SENSITIVE</p>' in html
