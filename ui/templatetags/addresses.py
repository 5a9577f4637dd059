from django import template

from ui.addresses import Addressed

register = template.Library()


@register.filter
def address(obj: Addressed, route: str) -> str:
    """`{{ roadmap|address:"roadmap:objective-create" }}`: a route that takes
    the same arguments as the object's own pages."""
    return obj.address(route)
