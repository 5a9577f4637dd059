"""The assessment's admin, one module per concept."""

from . import gaps, processes, swot, systems  # noqa: F401
