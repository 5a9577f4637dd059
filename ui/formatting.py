"""Numbers and dates as people in the public sector write them, the same in every
locale: "1,250 days", "62.5%", "£8.40", "30 June 2026"."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTH_NAMES)  # "Jan" ... "Dec"


# Units written before the number, longest first so "US$" wins over "$".
CURRENCY_SYMBOLS = ("NZ$", "US$", "A$", "C$", "£", "€", "$", "¥", "₹")


# What may follow a currency symbol with no space: "£1.2m", "$3bn", "€40k".
CURRENCY_MULTIPLIERS = ("k", "m", "bn", "tn", "K", "M", "B")


# Units written straight after the number with no space.
UNSPACED_UNIT_STARTS = ("%", "‰")


def format_value(value: Decimal, unit: str = "", *, places: int | None = None) -> str:
    """A value as people write it: "1,250 days", "62.5%", "£1,250", "-3.2 points".

    No trailing zeros, thousands separators, the unit after the number (no space
    before "%"), currency symbols before it. `places` rounds to at most that many
    decimal places first (half up).
    """
    value = as_decimal(value, "value")
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if value == 0:
        value = Decimal(0)  # no "-0", no "0E-7"
    number = f"{abs(value).normalize():,f}"
    sign = "-" if value < 0 else ""
    unit = unit.strip()
    if not unit:
        return f"{sign}{number}"
    for symbol in CURRENCY_SYMBOLS:
        if unit.startswith(symbol):
            rest = unit[len(symbol) :].strip()
            if not rest and value != value.to_integral_value():
                # Money in pounds and pence: "£8.40", not "£8.4".
                money = abs(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                number = f"{money:,f}"
            if not rest or rest in CURRENCY_MULTIPLIERS:
                return f"{sign}{symbol}{number}{rest}"
            return f"{sign}{symbol}{number} {rest}"
    if unit.startswith(UNSPACED_UNIT_STARTS):
        return f"{sign}{number}{unit}"
    return f"{sign}{number} {unit}"


def format_date(day: date) -> str:
    """ "30 June 2026", the same in every locale."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def format_short_date(day: date) -> str:
    """ "30 Jun 2026": for chart axes and table columns."""
    return f"{day.day} {MONTH_ABBREVIATIONS[day.month - 1]} {day.year}"


def as_decimal(value: Decimal | int, what: str) -> Decimal:
    """`value` as a finite Decimal; a float, bool or NaN is a programming error."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"The {what} must be a Decimal, not {type(value).__name__}.")
    value = Decimal(value)
    if not value.is_finite():
        raise ValueError(f"The {what} must be a number.")
    return value
