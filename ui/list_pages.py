"""An inline list (ui/inline_list.py) that is a whole page of its own: a
roadmap's register, inventory, plan or log. Its address is the page's, and the
page shows the list as the address asks for it (filters, a sort order read by
`request_context`), so a filtered view can be bookmarked and shared, and works
without JavaScript."""

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render

from .http import HtmxHttpRequest
from .inline_list import InlineList


class ListIsThePage(InlineList):
    """Put it first among the bases: `class Systems(ListIsThePage, AssessmentPageList)`,
    so its `list_url` wins over the base's own address for the section."""

    def list_url(self, parent: Any) -> str:
        return self.page_url(parent)

    def page(self, request: HtmxHttpRequest, membership: Any, parent: Any) -> HttpResponse:
        context = self.context(membership, parent)
        context.update(self.request_context(request, membership, parent))
        return render(request, self.section_template, context)
