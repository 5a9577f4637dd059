"""The assessments app's admin, one module per concept."""

from . import assessments, frameworks, gaps, processes, swot, systems  # noqa: F401 (registers)
