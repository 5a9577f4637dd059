"""`{% panels "roadmap-overview" roadmap %}`: the panels other apps registered for
this kind of page (ui/panels.py), each rendered with the page's membership."""

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from ..panels import panels_for

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context, page: str, thing) -> SafeString:
    membership = context.get("membership")
    request = context.get("request")
    rendered = [
        render_to_string(
            panel.template,
            {"membership": membership, "thing": thing, **panel.context(membership, thing)},
            request=request,
        )
        for panel in panels_for(page)
    ]
    # Each is already safe (a template rendered with autoescaping): joined, not escaped.
    return format_html_join("", "{}", ((part,) for part in rendered))
