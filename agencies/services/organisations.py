"""The agency's own settings, changed by its agency admins."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.validators import ProhibitNullCharactersValidator
from django.db import transaction

from ..models import Organisation
from .locking import admin_still, agency_locked

SETTINGS_FIELDS = [
    "currency_symbol",
    "currency_code",
    "financial_year_start_month",
    "classification_marking",
]


@transaction.atomic
def organisation_update_settings(
    *,
    organisation: Organisation,
    by: AbstractBaseUser,
    currency_symbol: str,
    currency_code: str,
    financial_year_start_month: int,
    classification_marking: str,
) -> Organisation:
    organisation = agency_locked(organisation.pk)
    admin_still(organisation=organisation, by=by)
    organisation.currency_symbol = currency_symbol.strip()
    organisation.currency_code = currency_code.strip().upper()
    organisation.financial_year_start_month = financial_year_start_month
    organisation.classification_marking = " ".join(classification_marking.split()).upper()
    # The same checks as the form: no NUL character (PostgreSQL cannot store one),
    # blank, length, the code's shape, the month.
    for text in (currency_symbol, currency_code, classification_marking):
        ProhibitNullCharactersValidator()(text)
    organisation.full_clean(exclude=["name", "slug"], validate_unique=False)
    organisation.save(update_fields=SETTINGS_FIELDS)
    return organisation
