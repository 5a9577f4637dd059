"""Django admin for platform admins, one module per concept.

Every changelist selects or prefetches what its columns show, so a page costs the
same number of queries however many rows it lists. Inline rows never run a query
each: foreign keys in inlines are either read-only (selected with the rows) or a
select whose choices are loaded once per page.
"""

from . import (  # noqa: F401 (registers)
    components,
    goals,
    initiatives,
    kpis,
    measurements,
    milestones,
    objectives,
    principles,
    risks,
    roadmaps,
)
