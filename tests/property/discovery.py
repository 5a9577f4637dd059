"""What the property tests cover, found by walking the project rather than listed:
every form class of every project app, and every public function of every
service module (`<app>/services.py`, or each module of `<app>/services/`).

A project app is one whose code lives in this repository. A module or function
whose name starts with "_" is private (a helper the public ones call).
"""

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

from django import forms
from django.apps import AppConfig, apps

ROOT = Path(__file__).resolve().parents[2]
# Layers that hold no forms and that importing would only slow down or start work in.
SKIPPED_PACKAGES = {"migrations", "management", "templatetags", "demo"}
# Public functions of service modules that are not write services, each with why: they
# take Django's request and write only its session, from nothing a person typed. The
# tests of the sign-in (tests/accounts) cover them.
NOT_WRITE_SERVICES = {
    "accounts.services.second_factor_remember": (
        "the user_logged_in receiver: notes in the session what the sign-in still has to do"
    ),
    "accounts.services.second_factor_passed": (
        "notes in the session that the second step is done, with the device that "
        "second_factor_check returned"
    ),
}


def project_apps() -> list[AppConfig]:
    return [
        config
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(ROOT)
        and ".venv" not in Path(config.path).resolve().relative_to(ROOT).parts
    ]


def _modules(package: ModuleType) -> Iterator[ModuleType]:
    """`package` and every public module under it, skipping SKIPPED_PACKAGES."""
    yield package
    if not hasattr(package, "__path__"):
        return
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("_") or info.name in SKIPPED_PACKAGES:
            continue
        yield from _modules(importlib.import_module(f"{package.__name__}.{info.name}"))


def _defined_in(module: ModuleType, kind: Callable[[object], bool]) -> list:
    return [
        value
        for name, value in vars(module).items()
        if not name.startswith("_") and kind(value) and value.__module__ == module.__name__
    ]


def project_form_classes() -> list[type[forms.BaseForm]]:
    """Every concrete form class (Form, ModelForm, admin forms) of every project app."""
    found = []
    for config in project_apps():
        for module in _modules(config.module):
            found += _defined_in(
                module, lambda v: inspect.isclass(v) and issubclass(v, forms.BaseForm)
            )
    return sorted(set(found), key=lambda cls: f"{cls.__module__}.{cls.__qualname__}")


def service_modules() -> list[ModuleType]:
    modules = []
    for config in project_apps():
        try:
            services = importlib.import_module(f"{config.name}.services")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.services":
                raise
            continue
        modules += [
            m for m in _modules(services) if m is not services or not hasattr(m, "__path__")
        ]
    return modules


def project_service_functions() -> list[Callable]:
    """Every public function defined in a service module, by its dotted name, but
    those in NOT_WRITE_SERVICES."""
    found = {
        f"{module.__name__}.{function.__name__}": function
        for module in service_modules()
        for function in _defined_in(module, inspect.isfunction)
    }
    if stale := NOT_WRITE_SERVICES.keys() - found.keys():
        raise LookupError(f"No such service functions: {sorted(stale)} (NOT_WRITE_SERVICES)")
    return [function for name, function in sorted(found.items()) if name not in NOT_WRITE_SERVICES]
