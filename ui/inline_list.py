"""The one pattern for an ordered list of children edited in place.

A page shows a list (a roadmap's principles, an objective's KPIs...) as a
section with an id. Every such list offers the same five things: show it, add
to it, change an item in place, delete an item after a question, move an item
one step or to a position. With htmx each answers with the section (or one
item of it); without JavaScript each is a plain page, or a redirect back to
the list. A concept describes its list in an `InlineList` subclass (its parent,
form, services, templates, addresses) and gets the views from here: a new
entity fills in the pattern, it does not copy a view.

What a concept's templates provide:

- the section, a named partial of the page that holds the list
  (`section_template`). It renders each item, and the item being changed
  (`change_form.instance.pk == item.pk`) as its form's `change-item` partial;
  each item's actions come from `components/inline_list/item_actions.html`.
- `form_template`: the whole-page form (add, or change), with a `change-item`
  partial: the item opened for change in its place, which wraps its fields in
  `components/inline_list/change_item.html`.
- `confirm_template`: the whole-page question, with a `confirm-item` partial
  built on `components/inline_list/confirm_item.html`.

Context the section receives (besides what `section_context` gives):
`<noun>_form` (the "add" form, bound when it had errors), `change_form`,
`moved_pk`/`moved` (after a move), and `focus_pk`/`focus_control` ("change"
or "delete": the control that takes focus again after a change is saved or
abandoned) or `focus_heading` (after a delete). Every change is confirmed in
the banner (ui/feedback.py), on the next page or in place; screen readers hear
it there, and it takes no focus from the row the person is working on.

Field ids: the add form keeps the usual `id_<field>` (or `add_form_ids`); an
item changed in place gets `change-<noun>-<pk>-<field>`, so two items open at
once, and the add form, never share an id.
"""

import re
from copy import copy
from types import ModuleType
from typing import Any, ClassVar

from django import forms
from django.contrib.auth.decorators import login_required
from django.db import models
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods, require_POST

from .concurrency import Refused, save_form
from .feedback import confirm, refuse
from .http import HtmxHttpRequest
from .ordering import MoveResult, move_announcement, requested_move

# ?focus=change-<pk> or delete-<pk>: the item's control that takes focus again.
RETURN_FOCUS = re.compile(r"(change|delete)-([0-9]+)")


class InlineList:
    """One ordered list of children of a parent, edited in place. Subclass it,
    fill in the attributes and the hooks marked "fill in", and route its views
    with `routes()`."""

    # Fill in ------------------------------------------------------------------
    noun: ClassVar[str]  # "principle": names routes, ids and context keys
    label_noun: ClassVar[str] = ""  # what a person calls it, if not `noun`: "guiding principle"
    section: ClassVar[str]  # id of the list's section, and the name of its partial
    section_template: ClassVar[str]  # the page holding the section (its partial is `section`)
    form_template: ClassVar[str]  # whole-page form, with a `change-item` partial
    confirm_template: ClassVar[str]  # whole-page question, with a `confirm-item` partial
    form_class: ClassVar[type[forms.BaseForm]]
    add_form_ids: ClassVar[str] = "id_%s"  # when the page holds two "add" forms
    add_on_demand: ClassVar[bool] = False  # the "add" form opens from a button, not always
    movable: ClassVar[bool] = True  # False for a list in a fixed order (by date)
    services: ClassVar[ModuleType]  # the concept's services module
    parent_arg: ClassVar[str]  # what its `<noun>_create` calls the parent: "roadmap"

    def parent(self, request: HtmxHttpRequest, *, write: bool, **kwargs: Any) -> tuple[Any, Any]:
        """Fill in: (membership, parent) for the URL's arguments; 404 for another
        agency's, 403 when a write asks for a role the member lacks."""
        raise NotImplementedError

    def item(self, membership: Any, parent: Any, **kwargs: Any) -> models.Model:
        """Fill in: the item the URL names, among `parent`'s (404 otherwise)."""
        raise NotImplementedError

    def section_context(self, membership: Any, parent: Any) -> dict[str, Any]:
        """Fill in: what the section shows (its items, freshly read), and what
        the whole-page form and question need (`membership`, `agency`...)."""
        raise NotImplementedError

    def form_kwargs(self, parent: Any) -> dict[str, Any]:
        """Fill in when the form needs its parent: {"roadmap": parent}."""
        return {}

    def request_context(
        self, request: HtmxHttpRequest, membership: Any, parent: Any
    ) -> dict[str, Any]:
        """Fill in when what the section shows depends on the address (a filter,
        a sort order): read it from `request.GET`."""
        return {}

    # The writes: by default the services module's `<noun>_create(<parent_arg>=,
    # by=, **fields)`, `<noun>_update(<noun>=, by=, revision=, **fields)`,
    # `<noun>_move(<noun>=, move=)` and `<noun>_delete(<noun>=)`.

    def create(self, form: forms.BaseForm, parent: Any, by: Any) -> models.Model | None:
        write = getattr(self.services, f"{self.noun}_create")
        return save_form(form, write, **{self.parent_arg: parent}, by=by)

    def update(self, form: forms.BaseForm, item: Any, by: Any) -> models.Model | None:
        write = getattr(self.services, f"{self.noun}_update")
        return save_form(form, write, **{self.noun: item}, by=by)

    def move(self, item: Any, move: Any) -> MoveResult:
        return getattr(self.services, f"{self.noun}_move")(**{self.noun: item}, move=move)

    def delete(self, item: Any) -> None:
        getattr(self.services, f"{self.noun}_delete")(**{self.noun: item})

    def page_url(self, parent: Any) -> str:
        """Fill in: the address of the page that holds the list (no anchor)."""
        raise NotImplementedError

    def list_url(self, parent: Any) -> str:
        """Fill in: the address of `list_view` (the section alone)."""
        raise NotImplementedError

    def label(self, item: Any) -> str:
        return str(item)

    def message(self, done: str, item: Any) -> str:
        """The confirmation of a change: done is "added", "saved" or "deleted"."""
        noun = self.noun_label
        return f"{noun[0].upper()}{noun[1:]} {done}: {self.label(item)}"

    def confirm_context(self, request: HtmxHttpRequest, item: Any) -> dict[str, Any]:
        """What the question says besides the item: what goes with it."""
        return {}

    def page(self, request: HtmxHttpRequest, membership: Any, parent: Any) -> HttpResponse:
        """The list without htmx: the page that holds it. Where the list's own
        address is that page (an agency's goals), render it here."""
        return redirect(f"{self.page_url(parent)}#{self.section}")

    def after_change_url(self, parent: Any, item: Any) -> str:
        """Where a plain-page change lands: the item in its list."""
        return f"{self.page_url(parent)}#{self.noun}-{item.pk}"

    # Given --------------------------------------------------------------------

    @property
    def noun_label(self) -> str:
        return self.label_noun or self.noun

    def change_ids(self, item: models.Model) -> str:
        return f"change-{self.noun}-{item.pk}-%s"

    def new_form(self, parent: Any, data=None) -> forms.BaseForm:
        return self.form_class(data, auto_id=self.add_form_ids, **self.form_kwargs(parent))

    def context(self, membership: Any, parent: Any) -> dict[str, Any]:
        """The section's context, and the addresses its templates need."""
        return {
            **self.section_context(membership, parent),
            "noun": self.noun,
            "section": self.section,
            "page_url": self.page_url(parent),
            "list_url": self.list_url(parent),
        }

    def render_section(
        self, request: HtmxHttpRequest, membership: Any, parent: Any, **extra: Any
    ) -> HttpResponse:
        context = self.context(membership, parent)
        context.update(self.request_context(request, membership, parent))
        if (
            f"{self.noun}_form" not in extra
            and not self.add_on_demand
            and getattr(membership, "can_edit", False)
        ):
            context[f"{self.noun}_form"] = self.new_form(parent)
        context.update(extra)
        return render(request, f"{self.section_template}#{self.section}", context)

    def page_context(self, membership: Any, parent: Any, **extra: Any) -> dict[str, Any]:
        return {**self.context(membership, parent), **extra}

    # Views --------------------------------------------------------------------

    def list_view(self, request: HtmxHttpRequest, **kwargs: Any) -> HttpResponse:
        """The section alone (htmx: "Cancel" and "No, keep it" come back here,
        with `?focus=change-<pk>` for the control that takes focus again);
        without htmx, the page that holds the list."""
        membership, parent = self.parent(request, write=False, **kwargs)
        if request.method not in ("GET", "HEAD"):  # after the agency check: 404 comes first
            return HttpResponseNotAllowed(["GET", "HEAD"])
        if not (request.htmx and request.htmx.target == self.section):
            return self.page(request, membership, parent)
        focus = RETURN_FOCUS.fullmatch(request.GET.get("focus", ""))
        extra = {"focus_control": focus[1], "focus_pk": int(focus[2])} if focus else {}
        return self.render_section(request, membership, parent, **extra)

    def create_view(self, request: HtmxHttpRequest, **kwargs: Any) -> HttpResponse:
        membership, parent = self.parent(request, write=True, **kwargs)
        posted = request.method == "POST"
        form = self.new_form(parent, request.POST if posted else None)
        if posted and form.is_valid() and (item := self.create(form, parent, request.user)):
            confirm(request, self.message("added", item))
            if not request.htmx:
                return redirect(f"{self.page_url(parent)}#{self.section}")
            return self.render_section(request, membership, parent, added_pk=item.pk)
        if request.htmx:  # the "add" form, with its errors, in its place in the section
            return self.render_section(
                request, membership, parent, **{f"{self.noun}_form": form, "adding": True}
            )
        return render(
            request,
            self.form_template,
            self.page_context(membership, parent, form=form),
        )

    def change_view(self, request: HtmxHttpRequest, **kwargs: Any) -> HttpResponse:
        membership, parent = self.parent(request, write=True, **kwargs)
        item = self.item(membership, parent, **kwargs)
        posted = request.method == "POST"
        # The form changes a copy, so a refused save leaves the page naming the
        # item as it is saved.
        form = self.form_class(
            request.POST if posted else None,
            instance=copy(item),
            auto_id=self.change_ids(item) if request.htmx else "id_%s",
            **self.form_kwargs(parent),
        )
        if posted and form.is_valid() and self.update(form, item, request.user):
            confirm(request, self.message("saved", item))
            if not request.htmx:
                return redirect(self.after_change_url(parent, item))
            return self.render_section(
                request, membership, parent, focus_pk=item.pk, focus_control="change"
            )
        if request.htmx and (posted or request.htmx.target == self.section):
            return self.render_section(request, membership, parent, change_form=form)
        context = self.page_context(membership, parent, form=form, item=item, **{self.noun: item})
        if request.htmx:
            return render(request, f"{self.form_template}#change-item", context)
        return render(request, self.form_template, context)

    def move_view(self, request: HtmxHttpRequest, **kwargs: Any) -> HttpResponse:
        membership, parent = self.parent(request, write=True, **kwargs)
        item = self.item(membership, parent, **kwargs)
        move = requested_move(request)
        result = self.move(item, move)
        confirm(request, move_announcement(self.label(item), move, result))
        if not request.htmx:
            return redirect(f"{self.page_url(parent)}#{self.noun}-{item.pk}")
        return self.render_section(request, membership, parent, moved_pk=item.pk, moved=move.value)

    def delete_view(self, request: HtmxHttpRequest, **kwargs: Any) -> HttpResponse:
        membership, parent = self.parent(request, write=True, **kwargs)
        item = self.item(membership, parent, **kwargs)
        refusal = ""
        if request.method == "POST":
            try:
                self.delete(item)
            except Refused as refused:  # something still needs it: say what, delete nothing
                refusal = refused.message
                if request.htmx:
                    refuse(request, refusal)
                    return self.render_section(request, membership, parent)
        if request.method == "POST" and not refusal:
            confirm(request, self.message("deleted", item))
            if not request.htmx:
                return redirect(f"{self.page_url(parent)}#{self.section}")
            return self.render_section(request, membership, parent, focus_heading=True)
        context = self.page_context(
            membership,
            parent,
            item=item,
            **{self.noun: item},
            **self.confirm_context(request, item),
        )
        if refusal:  # `blocked` says why it cannot go: the question offers no "Yes"
            context["blocked"] = refusal
        if request.htmx:
            return render(request, f"{self.confirm_template}#confirm-item", context)
        return render(request, self.confirm_template, context)

    # Routes -------------------------------------------------------------------

    def routes(self, *, list_path: str, item_path: str, list_name: str = "") -> list:
        """The five routes: the list at `list_path` (named `list_name`, by
        default `<noun>-list`), and `<list_path>new/`, `<item_path>edit/`,
        `delete/` and (when `movable`) `move/`, named `<noun>-create`, `-edit`,
        `-delete` and `-move`. Signing in comes first, then the method (405), then the
        agency (404) and the role (403); the list looks at the agency first."""
        get_post = require_http_methods(["GET", "POST"])
        name = self.noun
        routes = [
            path(list_path, login_required(self.list_view), name=list_name or f"{name}-list"),
            path(
                f"{list_path}new/",
                login_required(get_post(self.create_view)),
                name=f"{name}-create",
            ),
            path(
                f"{item_path}edit/", login_required(get_post(self.change_view)), name=f"{name}-edit"
            ),
            path(
                f"{item_path}delete/",
                login_required(get_post(self.delete_view)),
                name=f"{name}-delete",
            ),
        ]
        if self.movable:
            move = login_required(require_POST(self.move_view))
            routes.append(path(f"{item_path}move/", move, name=f"{name}-move"))
        return routes
