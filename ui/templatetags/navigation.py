"""`{% roadmap_navigation roadmap %}`: the roadmap's sections (ui/navigation.py),
the one holding the current page marked."""

from django import template

from ..navigation import roadmap_navigation as links_for

register = template.Library()


@register.inclusion_tag("components/roadmap_nav.html", takes_context=True)
def roadmap_navigation(context, roadmap) -> dict:
    match = getattr(context.get("request"), "resolver_match", None)
    links = links_for(roadmap, match.view_name if match else "")
    return {
        "roadmap": roadmap,
        "links": links,
        "current": next((link for link in links if link.current), None),
    }
