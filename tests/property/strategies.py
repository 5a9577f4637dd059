"""Hypothesis strategies built from what the code declares, so a new form or service
is covered without new test code:

- a service's arguments from its type hints: a model instance is one of the rows
  of the world (of any agency), a user any user or None, and a plain value (str,
  int, Decimal, date...) either anything of its type or, where a model field has
  the parameter's name, a value that field would take (so valid writes happen
  too, not only refusals);
- a form's data from its fields: for each field, a value of the kind it expects
  (a choice, a row's id, a date, a number) or any text at all, each sometimes left
  out;
- a form constructor's keyword arguments as a view passes them: a row of the model
  the argument is named after (`objective=`), or else what its type hint says
  (`member: Membership` a row, `email: str` an address, `may_keep: bool` either).
"""

from __future__ import annotations

import collections.abc
import inspect
import types
import typing
import uuid
from datetime import date, datetime, timedelta
from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from hypothesis import strategies as st
from hypothesis.extra.django import from_field

from ui.dates import DayMonthYearField

from .discovery import project_apps

# Anything a person could type, NUL and surrogate-free control characters included.
ANY_TEXT = st.text(max_size=300)
# Beyond any range a field allows, and the values Decimal has that are not numbers.
ANY_DECIMAL = st.decimals(allow_nan=True, allow_infinity=True) | st.decimals(
    min_value=-(10**20), max_value=10**20, places=6
)
ANY_INT = st.integers() | st.integers(min_value=-(2**70), max_value=2**70)
ANY_DATE = st.dates()


def _around_today() -> st.SearchStrategy[date]:
    today = date.today()
    return st.dates(today - timedelta(days=3 * 366), today + timedelta(days=5 * 366))


# Values a person would plausibly enter, so that writes go through too, not only refusals.
PLAUSIBLE = {
    str: st.text(alphabet="abcdefghijklmnopqrstuvwxyz -", min_size=1, max_size=40),
    int: st.integers(1990, 2110) | st.integers(-2, 20),
    Decimal: st.decimals(min_value=-1000, max_value=1000, places=2),
    date: st.deferred(_around_today),
}


def rows(model: type[models.Model]) -> st.SearchStrategy:
    """One of the model's rows, fetched afresh in each example (a service may change
    the instance it is given)."""
    pks = list(model._default_manager.order_by("pk").values_list("pk", flat=True))
    if not pks:
        raise LookupError(
            f"The world has no {model.__name__}: add one to tests/property/conftest.py's "
            "world (or to the demo that seed_demo loads)."
        )
    return st.sampled_from(pks).map(lambda pk: model._default_manager.get(pk=pk))


def project_fields_named(name: str) -> list[models.Field]:
    found = []
    for config in project_apps():
        for model in config.get_models():
            try:
                model_field = model._meta.get_field(name)
            except Exception:  # noqa: S112 - not a field of this model
                continue
            if model_field.concrete and not model_field.is_relation:
                found.append(model_field)
    return found


def _field_values(name: str) -> list[st.SearchStrategy]:
    """Values that the project's model fields called `name` would take."""
    found = []
    for model_field in project_fields_named(name):
        try:
            found.append(from_field(model_field))
        except Exception:  # noqa: S112 - a field kind Hypothesis cannot build; plain values do
            continue
    return found


EXCEPTIONS = st.sampled_from(
    [ValueError("bad value"), RuntimeError("boom"), ConnectionError("gone"), KeyboardInterrupt()]
)


def for_annotation(annotation, name: str, *, plausible: bool = False) -> st.SearchStrategy:
    """A strategy for a parameter called `name` typed `annotation`: anything of that
    type, or with `plausible`, only what a person would enter (a value the model
    field of that name takes, or a PLAUSIBLE one)."""
    origin = typing.get_origin(annotation)
    if annotation is None or annotation is type(None):
        return st.none()
    if origin in (typing.Union, types.UnionType):
        return st.one_of(
            *(for_annotation(arg, name, plausible=plausible) for arg in typing.get_args(annotation))
        )
    if origin in (list, collections.abc.Iterable, collections.abc.Sequence):
        (item,) = typing.get_args(annotation)
        return st.lists(for_annotation(item, name, plausible=plausible), max_size=5)
    if inspect.isclass(annotation):
        if issubclass(annotation, AbstractBaseUser):
            return rows(get_user_model())
        if issubclass(annotation, models.Model):
            return rows(annotation)
        if issubclass(annotation, BaseException):
            return EXCEPTIONS
    plain = {
        str: ANY_TEXT,
        int: ANY_INT,
        bool: st.booleans(),
        Decimal: ANY_DECIMAL,
        date: ANY_DATE,
        datetime: st.datetimes(),
        uuid.UUID: st.uuids(),
    }.get(annotation)
    if plain is None:
        return st.from_type(annotation)
    fields = _field_values(name)
    if not plausible:
        return st.one_of(plain, *fields)
    if annotation in (date, Decimal) or not fields:
        return PLAUSIBLE.get(annotation, plain)
    return st.one_of(*fields)


def service_arguments(service) -> st.SearchStrategy[dict]:
    """Keyword arguments for `service` from its type hints, either anything of their
    types or all plausible (so that writes go through too, not only refusals);
    those with a default are sometimes left out."""
    hints = typing.get_type_hints(service)
    parameters = [
        p
        for p in inspect.signature(service).parameters.values()
        if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]
    for parameter in parameters:
        if parameter.name not in hints:
            raise TypeError(f"{service.__qualname__}: give {parameter.name} a type hint.")

    def arguments(plausible: bool) -> st.SearchStrategy[dict]:
        required, optional = {}, {}
        for parameter in parameters:
            strategy = for_annotation(hints[parameter.name], parameter.name, plausible=plausible)
            if parameter.default is inspect.Parameter.empty:
                required[parameter.name] = strategy
            else:
                optional[parameter.name] = strategy
        return st.fixed_dictionaries(required, optional=optional)

    return arguments(plausible=False) | arguments(plausible=True)


# Forms ------------------------------------------------------------------------------


def _as_text(strategy: st.SearchStrategy) -> st.SearchStrategy[str]:
    return strategy.map(str)


def form_field_values(form_field: forms.Field) -> st.SearchStrategy[str]:
    """What a browser (or anyone with curl) could send for `form_field`: a value of the
    kind it expects, or anything at all."""
    expected: list[st.SearchStrategy] = []
    if isinstance(form_field, forms.ModelChoiceField):
        model = form_field.queryset.model
        pks = list(model._default_manager.values_list("pk", flat=True))
        expected.append(_as_text(st.sampled_from(pks or [0])))
        expected.append(_as_text(ANY_INT))
    elif isinstance(form_field, forms.ChoiceField):
        keys = [str(key) for key, _ in form_field.choices if not isinstance(_, list | tuple)]
        if keys:
            expected.append(st.sampled_from(keys))
    elif isinstance(form_field, forms.BooleanField):
        expected.append(st.sampled_from(["on", "", "true", "false", "0", "1"]))
    elif isinstance(form_field, forms.DateField):
        expected.append(ANY_DATE.map(date.isoformat))
        expected.append(st.dates(date(1980, 1, 1), date(2110, 12, 31)).map(date.isoformat))
    elif isinstance(form_field, forms.DecimalField | forms.FloatField):
        expected.append(_as_text(ANY_DECIMAL))
        expected.append(_as_text(ANY_INT))
    elif isinstance(form_field, forms.IntegerField):
        expected.append(_as_text(ANY_INT))
    return st.one_of(*expected, ANY_TEXT)


# What a person types into one box of a date (ui/dates.py): a number, with or
# without a leading zero, a month's name, or anything at all.
DATE_BOX_TEXT = st.one_of(
    st.integers(0, 40).map(str),
    st.integers(1, 9).map(lambda n: f"0{n}"),
    st.integers(1980, 2110).map(str),
    st.sampled_from(["March", "mar", "Sept", "DECEMBER", "26", "0001", "99999"]),
    ANY_TEXT,
)


def date_box_values(form_field: DayMonthYearField) -> st.SearchStrategy[dict[str, str]]:
    """What a browser could send for the boxes of a date typed in parts, by their
    suffix ("_day", "_month", "_year"): the parts of a date (all of them, so valid
    dates get through), or any text in each box, each box sometimes missing."""
    names = form_field.widget.widgets_names
    parts = form_field.parts

    def of_date(day: date) -> dict[str, str]:
        numbers = {"day": day.day, "month": day.month, "year": f"{day.year:04d}"}
        return {name: str(numbers[part]) for name, part in zip(names, parts, strict=True)}

    dates = ANY_DATE | st.dates(date(1980, 1, 1), date(2110, 12, 31)) | _around_today()
    return dates.map(of_date) | st.fixed_dictionaries(
        {}, optional=dict.fromkeys(names, DATE_BOX_TEXT)
    )


def form_data(form: forms.BaseForm) -> st.SearchStrategy[dict]:
    """POST data for `form`'s fields (by their prefixed names), each sometimes missing;
    a date typed in boxes posts each box under its own name."""
    single, boxed = {}, []
    for name, form_field in form.fields.items():
        if isinstance(form_field, DayMonthYearField):
            prefixed = form.add_prefix(name)
            boxed.append(
                date_box_values(form_field).map(
                    lambda boxes, prefixed=prefixed: {
                        prefixed + suffix: text for suffix, text in boxes.items()
                    }
                )
            )
        else:
            single[form.add_prefix(name)] = form_field_values(form_field)
    return st.tuples(st.fixed_dictionaries({}, optional=single), *boxed).map(
        lambda dicts: {key: value for part in dicts for key, value in part.items()}
    )


def form_keyword_arguments(form_class: type[forms.BaseForm]) -> dict[str, st.SearchStrategy]:
    """What to pass for each keyword-only argument a form's constructor takes: for
    `objective=`, `kpi=`... a row of the project model of that name; for any other, a
    plausible value of its type hint (what a view passes is not typed by a person)."""
    by_name = {
        model._meta.model_name: model for config in project_apps() for model in config.get_models()
    }
    needed = {}
    for klass in form_class.__mro__:
        if "__init__" not in vars(klass) or klass.__module__.startswith("django."):
            continue
        hints = typing.get_type_hints(klass.__init__)
        for parameter in inspect.signature(klass.__init__).parameters.values():
            name = parameter.name
            if parameter.kind is not parameter.KEYWORD_ONLY or name in needed:
                continue
            if name in by_name:
                needed[name] = rows(by_name[name])
            elif name in hints:
                needed[name] = for_annotation(hints[name], name, plausible=True)
            else:
                raise LookupError(
                    f"{form_class.__qualname__} takes {name}=, no project model has that "
                    "name and it has no type hint: give it one."
                )
    return needed
