"""The stakeholders app's admin, one module per concept."""

from . import communications, engagements, stakeholders  # noqa: F401 (registers)
