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
    if abs(value) == 1:
        unit = singular(unit)  # "1 service", "1 day to decide"
    return f"{sign}{number} {unit}"


# Words that end in "s" but are not regular plurals, left as they are.
NOT_PLURALS = frozenset({"news", "series", "species", "means", "data", "whereabouts"})


def singular(noun: str) -> str:
    """A unit or noun for one of it: "services" -> "service", "data sets" -> "data
    set", "calls a month" -> "call a month", "enquiries" -> "enquiry", "processes"
    -> "process".

    Only regular English plurals: the first word that looks like one (ends in "s",
    but not "ss", "us" or "is", and is not "news", "series", ...) loses its -s,
    -es (after s, sh, ch, x, z) or -ies (to -y), and "KPIs" its -s. Irregular plurals ("people",
    "children") and units that are not plurals ("staff", "%") are left alone.
    """
    words = noun.split(" ")
    for index, word in enumerate(words):
        lower = word.lower()
        if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
            # An abbreviation's plural: "KPIs", "APIs".
            return " ".join([*words[:index], word[:-1], *words[index + 1 :]])
        if (
            len(lower) < 3
            or not lower.isalpha()
            or not lower.endswith("s")
            or lower.endswith(("ss", "us", "is"))
            or lower in NOT_PLURALS
        ):
            continue
        if lower.endswith("ies") and len(lower) > 4:
            word = word[:-3] + ("Y" if word[-3:].isupper() else "y")
        elif lower.endswith(("sses", "shes", "ches", "xes", "zzes")):
            word = word[:-2]
        else:
            word = word[:-1]
        return " ".join([*words[:index], word, *words[index + 1 :]])
    return noun


def count_of(count: int, noun: str) -> str:
    """ "1 data set", "3 data sets", "1,250 cases": a number of things, `noun` in the
    plural, with thousands separators."""
    return f"{count:,} {singular(noun) if count == 1 else noun}"


def with_a(noun: str) -> str:
    """ "a viewer", "an editor", "an end month": the article judged by the first
    letter, which suits every noun the product writes it before."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def format_date(day: date) -> str:
    """ "30 June 2026", the same in every locale."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def format_month(day: date) -> str:
    """ "March 2026": a month (an initiative's start, a milestone due in a month)."""
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


def format_short_month(day: date) -> str:
    """ "Mar 2026": a month where space is short (a chart's labels)."""
    return f"{MONTH_ABBREVIATIONS[day.month - 1]} {day.year}"


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
