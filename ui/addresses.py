"""Models give their own addresses, so templates and views never rebuild them
from slugs and keys.

A model that has pages says what its routes are called (`url_name`, the prefix
shared by its routes: "roadmap:objective" for "roadmap:objective-edit") and
what they take (`url_kwargs`). Then `objective.change_url` is its "Change"
page, and in a template `{{ roadmap|address:"roadmap:objective-create" }}`
is any other route that takes the same arguments (see `templatetags/addresses.py`).
"""

from typing import ClassVar

from django.urls import reverse


class Addressed:
    url_name: ClassVar[str]

    def url_kwargs(self) -> dict[str, str | int]:
        raise NotImplementedError

    def address(self, route: str) -> str:
        """The address of `route` (a full route name) for this object."""
        return reverse(route, kwargs=self.url_kwargs())

    def action_url(self, action: str) -> str:
        return self.address(f"{self.url_name}-{action}")

    # The actions of the inline-list pattern (ui/inline_list.py).
    @property
    def change_url(self) -> str:
        return self.action_url("edit")

    @property
    def delete_url(self) -> str:
        return self.action_url("delete")

    @property
    def move_url(self) -> str:
        return self.action_url("move")
