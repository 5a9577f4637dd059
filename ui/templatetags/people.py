"""People by the name they go by: `{{ user|person_name }}`, and their email
addresses made to wrap where a reader expects: `{{ address|email_breaks }}`."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def person_name(user) -> str:
    """A user's full name, or their user name when no name is recorded; "" for nobody.

    The user name is what a person signs in with; everywhere else they are shown
    by their name."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return user.get_full_name().strip() or user.get_username()


@register.filter
def email_breaks(address: str) -> str:
    """An email address that may wrap after its "@" and before each dot (`<wbr>`),
    so a narrow table column breaks it where a reader expects, not mid-word."""
    if not address:
        return ""
    local, at, domain = conditional_escape(address).partition("@")
    parts = [local.replace(".", "<wbr>."), at, "<wbr>" if at else "", domain.replace(".", "<wbr>.")]
    return mark_safe("".join(parts))  # noqa: S308 (escaped above; only <wbr> added)
