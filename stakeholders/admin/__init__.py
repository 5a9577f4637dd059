"""Django admin for platform admins, one module per concept."""

from . import (  # noqa: F401 (registers)
    communications,
    engagements,
)
