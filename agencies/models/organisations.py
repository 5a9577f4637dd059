from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models

from ui.addresses import Addressed
from ui.formatting import MONTH_NAMES, format_value

MONTH_CHOICES = [(number, name) for number, name in enumerate(MONTH_NAMES, start=1)]


class Organisation(Addressed, models.Model):
    """A public-sector agency: the unit of tenancy. Every object belongs to one."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    classification_marking = models.CharField(
        max_length=60,
        default="OFFICIAL",
        help_text="Printed in the header and footer of every page of exported reports.",
    )
    currency_symbol = models.CharField(
        max_length=5,
        default="£",
        help_text="Written before every amount of money, for example £, € or $.",
    )
    currency_code = models.CharField(
        max_length=3,
        default="GBP",
        validators=[RegexValidator(r"^[A-Z]{3}$", "Enter a 3-letter currency code, like GBP.")],
        help_text="The ISO 4217 code, for example GBP, EUR or NZD.",
    )
    financial_year_start_month = models.PositiveSmallIntegerField(
        choices=MONTH_CHOICES,
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text="Quarters are counted from the first day of this month.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "agency"
        verbose_name_plural = "agencies"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(financial_year_start_month__gte=1)
                & models.Q(financial_year_start_month__lte=12),
                name="financial_year_starts_in_a_month",
            ),
            models.CheckConstraint(
                condition=models.Q(currency_code__regex=r"^[A-Z]{3}$"),
                name="currency_code_is_three_capitals",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def url_kwargs(self) -> dict[str, str | int]:
        """What every page inside the agency takes (see ui/addresses.py)."""
        return {"agency": self.slug}

    def format_money(self, amount: Decimal | int) -> str:
        """An amount in the agency's currency: "£1,250", "€8.40"."""
        return format_value(amount, self.currency_symbol)

    @property
    def financial_year_start_month_name(self) -> str:
        return MONTH_NAMES[self.financial_year_start_month - 1]

    def financial_quarter(self, month: int) -> int:
        """Which quarter (1-4) of the financial year a calendar month falls in."""
        return (month - self.financial_year_start_month) % 12 // 3 + 1
