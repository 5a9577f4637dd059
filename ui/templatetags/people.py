"""People by the name they go by: `{{ user|person_name }}`."""

from django import template

register = template.Library()


@register.filter
def person_name(user) -> str:
    """A user's full name, or their user name when no name is recorded; "" for nobody.

    The user name is what a person signs in with; everywhere else they are shown
    by their name."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return user.get_full_name().strip() or user.get_username()
