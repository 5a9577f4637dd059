"""Safe when several people work at once: edits that would overwrite a change the
user has not seen are refused, and a race on a uniqueness rule ends in the
form's message, not a server error.

How an entity takes part:

- its model inherits `Revisioned` (a `revision` counter, `updated_at`,
  `updated_by`);
- its form puts `RevisionFormMixin` first among its bases, which carries the
  revision the user saw in a hidden field (templates render
  `form.hidden_fields`);
- its create service saves inside `unique_or_refused`; its update service
  changes the instance in memory and calls `save_revised`, which locks the
  row, refuses a stale revision (`StaleEdit`), counts the save and turns a
  uniqueness error into `Refused(field, message)`;
- its views call the services through `save_form`, which shows `StaleEdit`
  and `Refused` on the form and keeps everything the user typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime

from django import forms
from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from .formatting import format_date

REVISION_FIELDS = ("revision", "updated_at", "updated_by")


class Revisioned(models.Model):
    """A row that counts its saves, and says who saved it last and when."""

    revision = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        abstract = True

    def bump(self, by) -> None:
        """Count one more save, by `by` (a user, or None for the system)."""
        self.revision += 1
        self.updated_by = editor(by)


def editor(by):
    """The user who saves, or None when the system does (a command, a migration)."""
    return by if getattr(by, "is_authenticated", False) else None


class StaleEdit(Exception):
    """The row changed after the user opened the form."""

    def __init__(self, *, updated_by, updated_at: datetime):
        self.updated_by = updated_by
        self.updated_at = updated_at
        super().__init__(self.message)

    @property
    def message(self) -> str:
        who = "Someone"
        if self.updated_by is not None:
            who = self.updated_by.get_full_name() or self.updated_by.get_username()
        when = timezone.localtime(self.updated_at)
        return (
            f"{who} changed this at {when:%H:%M} on {format_date(when.date())}, after you "
            "opened it. Your changes have not been saved: they are still below. Check them "
            "against the latest version and save again."
        )


class Refused(Exception):
    """A write the database refused on a rule the form also checks; `field` names
    the form field to show the message beside (None: the whole form)."""

    def __init__(self, field: str | None, message: str):
        self.field = field
        self.message = message
        super().__init__(message)


def check_revision(current: Revisioned, seen: int | None) -> None:
    """Refuse the save when `current` (locked, fresh from the database) is not the
    revision the user saw. `seen` None means the caller has no form (an import,
    the admin): it saves over whatever is there."""
    if seen is not None and seen != current.revision:
        raise StaleEdit(updated_by=current.updated_by, updated_at=current.updated_at)


def only_known_fields(fields: Iterable[str], known: Iterable[str], service: str) -> None:
    """An update service takes only the fields it knows: a typo in a caller's
    keyword is a programming error, said at once rather than silently ignored."""
    unknown = set(fields) - set(known)
    if unknown:
        raise TypeError(f"{service}() got unknown fields: {', '.join(sorted(unknown))}")


def locked(instance: models.Model) -> models.Model:
    """`instance`'s row, fresh and locked until the transaction ends."""
    return type(instance)._default_manager.select_for_update().get(pk=instance.pk)


def save_revised(
    instance: Revisioned,
    *,
    fields: list[str] | tuple[str, ...],
    revision: int | None,
    by,
    unique: tuple[str | None, str] | None = None,
) -> None:
    """Save `fields` of `instance` (already changed in memory) as one more
    revision by `by`, refusing it when the row is no longer at `revision`; a
    uniqueness error becomes `Refused(*unique)`. Call inside a transaction."""
    current = locked(instance)
    check_revision(current, revision)
    instance.revision = current.revision
    instance.bump(by)
    with unique_or_refused(*(unique or (None, "That would duplicate something already saved."))):
        instance.save(update_fields=[*fields, *REVISION_FIELDS])


@contextmanager
def unique_or_refused(field: str | None, message: str) -> Iterator[None]:
    """Run a write; a uniqueness error from the database becomes `Refused`.

    The write runs in a savepoint, so the caller's transaction stays usable."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as error:
        raise Refused(field, message) from error


class RevisionFormMixin:
    """Carries the revision the user saw, so a save over a newer one is refused.
    Put it first among a ModelForm's bases; render `form.hidden_fields`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk:
            field.initial = instance.revision
        self.fields["revision"] = field


def form_refusal(form: forms.BaseForm, error: StaleEdit | Refused) -> None:
    """Show a refused save on the form. After a stale edit the form carries the
    latest revision, so saving again (having looked) goes through."""
    if isinstance(error, StaleEdit):
        form.add_error(None, error.message)
        instance = getattr(form, "instance", None)
        if instance is not None and instance.pk:
            latest = type(instance)._default_manager.get(pk=instance.pk)
            data = form.data.copy()
            data[form.add_prefix("revision")] = str(latest.revision)
            form.data = data
    else:
        form.add_error(error.field, error.message)


def save_form(form: forms.BaseForm, write, **arguments):
    """Call the service `write` with the form's cleaned data and `arguments`.

    Returns what it returns, or None when the save was refused (a stale edit, a
    rule the database enforces), with the message on the form and everything the
    user typed kept."""
    data = dict(form.cleaned_data)
    if data.get("revision") is None:
        data.pop("revision", None)  # a form for something new: nothing to compare
    try:
        return write(**data, **arguments)
    except (StaleEdit, Refused) as error:
        form_refusal(form, error)
        return None
