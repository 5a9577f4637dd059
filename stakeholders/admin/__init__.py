"""The stakeholders app's admin, one module per concept."""

from . import stakeholders  # noqa: F401
