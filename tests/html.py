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
        self.widget(field)
        return field_error(self.document, f"id_{field}")

    def value(self, field: str) -> str:
        """What the field holds, with runs of white space read as one space."""
        self.widget(field)
        return field_value(self.document, f"id_{field}")

    def summary(self) -> str:
        alert = find(self.document, role="alert")
        return text_of(alert) if alert is not None else ""


def field_value(document: Element, field_id: str) -> str:
    """What the field with id `field_id` holds, runs of white space read as one
    space; a date typed in boxes (ui/dates.py) reads "day month year"."""
    widget = find(document, id=field_id)
    assert widget is not None, f"no {field_id} on the page"
    if widget.name == "textarea":
        return text_of(widget)
    boxes = [widget, find(document, id=f"{field_id}_month"), find(document, id=f"{field_id}_year")]
    return squash(" ".join(dict(box.attributes).get("value") or "" for box in boxes if box))


def field_error(document: Element, field_id: str) -> str:
    """The error message of the field with id `field_id`, or '' when it has none: the
    message its widget points at, or for a date typed in boxes, its fieldset."""
    error_id = f"{field_id}_error"
    pointers = [
        element
        for element in elements(document)
        if error_id in (dict(element.attributes).get("aria-describedby") or "").split()
    ]
    message = find(document, id=error_id)
    if message is None:
        assert not pointers, f"{field_id} points at a missing error message"
        return ""
    assert pointers, f"{error_id} is not tied to its field"
    assert all(
        element.name == "fieldset" or dict(element.attributes).get("id") == field_id
        for element in pointers
    ), f"{error_id} is pointed at by something else"
    return text_of(message)


def squash(text: str) -> str:
    return " ".join(text.split())
