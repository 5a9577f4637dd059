"""Template helpers of the engagement log: sentiment in words."""

from django import template
from django.utils.html import format_html

from ..rules.engagements import SENTIMENT_WORDS, sentiment_number

register = template.Library()


@register.simple_tag
def sentiment(value: int):
    """ "Positive (+1)": the words first, the number after (never colour alone)."""
    return format_html(
        '<span class="sentiment">{} ({})</span>',
        SENTIMENT_WORDS.get(value, "?"),
        sentiment_number(value),
    )


@register.filter
def sentiment_words(value: int) -> str:
    return SENTIMENT_WORDS.get(value, "")


@register.simple_tag
def open_count(follow_ups) -> int:
    return sum(not follow_up.done for follow_up in follow_ups)
