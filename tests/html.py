"""Reading a page the way a user (and a screen reader) reads it."""

from collections.abc import Iterator

from django.test.html import Element, parse_html


def elements(node: Element) -> Iterator[Element]:
    for child in node.children:
        if isinstance(child, Element):
            yield child
            yield from elements(child)


def text_of(node: Element) -> str:
    return " ".join(
        child if isinstance(child, str) else text_of(child) for child in node.children
    ).strip()


def find(document: Element, **attrs: str) -> Element | None:
    for element in elements(document):
        if attrs.items() <= dict(element.attributes).items():
            return element
    return None


class FormPage:
    """A page holding a Django form, read the way a user (and a screen reader) reads it."""

    def __init__(self, response):
        self.response = response
        self.document = parse_html(response.content.decode())

    def widget(self, field: str) -> Element:
        widget = find(self.document, id=f"id_{field}")
        assert widget is not None, f"no {field} field on the page"
        return widget

    def error(self, field: str) -> str:
        """The error message next to the field, or '' when it has none."""
        attrs = dict(self.widget(field).attributes)
        error_id = f"id_{field}_error"
        if error_id not in attrs.get("aria-describedby", "").split():
            return ""
        message = find(self.document, id=error_id)
        assert message is not None, f"{field} points at a missing error message"
        return text_of(message)

    def value(self, field: str) -> str:
        """What the field holds, with runs of white space read as one space."""
        widget = self.widget(field)
        if widget.name == "textarea":
            return text_of(widget)
        return squash(dict(widget.attributes).get("value") or "")

    def summary(self) -> str:
        alert = find(self.document, role="alert")
        return text_of(alert) if alert is not None else ""


def squash(text: str) -> str:
    return " ".join(text.split())
