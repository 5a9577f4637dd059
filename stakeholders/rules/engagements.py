"""The engagement log's rules: sentiment in words, and follow-ups dated after
the interaction they follow."""

from datetime import date

from ui.formatting import format_date

SENTIMENT_MIN, SENTIMENT_MAX = -2, 2
SENTIMENT_WORDS = {
    -2: "Very negative",
    -1: "Negative",
    0: "Neutral",
    1: "Positive",
    2: "Very positive",
}
SENTIMENT_MESSAGE = "Choose a sentiment from very negative (-2) to very positive (+2)."


def sentiment_words(value: int) -> str:
    return SENTIMENT_WORDS[value]


def sentiment_number(value: int) -> str:
    """ "+2", "-1", and "0" (not "+0")."""
    return f"{value:+d}" if value else "0"


def sentiment_problem(value: object) -> str | None:
    """Why `value` is not a sentiment, or None."""
    if isinstance(value, bool) or not isinstance(value, int):
        return SENTIMENT_MESSAGE
    if not SENTIMENT_MIN <= value <= SENTIMENT_MAX:
        return SENTIMENT_MESSAGE
    return None


def follow_up_due_problem(*, due_on: date | None, occurred_on: date | None) -> str | None:
    """A follow-up cannot be due before the interaction it follows (the same day is fine)."""
    if due_on is None or occurred_on is None or due_on >= occurred_on:
        return None
    return f"The due date must be on or after the interaction's date ({format_date(occurred_on)})."


def interaction_date_problem(*, occurred_on: date, earliest_due: date | None) -> str | None:
    """Moving an interaction after a follow-up's due date would leave that follow-up
    due before it: refused the same way."""
    if earliest_due is None or earliest_due >= occurred_on:
        return None
    return (
        "A follow-up of this interaction is due before that date "
        f"({format_date(earliest_due)}). "
        "Change the follow-up's due date first, or choose a date on or before it."
    )
