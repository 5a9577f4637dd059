"""The demo agency: a second seed keeps what its admin set on the settings page."""

from agencies.demo import seed_agency
from agencies.models import Organisation


def test_seeding_again_keeps_the_agencys_settings(db):
    agency, _ = seed_agency(password="pw-for-the-test")
    Organisation.objects.filter(pk=agency.pk).update(
        classification_marking="OFFICIAL-SENSITIVE", currency_code="EUR", currency_symbol="€"
    )

    again, _ = seed_agency(password="pw-for-the-test")

    assert again.pk == agency.pk
    assert (again.classification_marking, again.currency_code) == ("OFFICIAL-SENSITIVE", "EUR")
