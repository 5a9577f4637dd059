"""Reads, one module per concept, including the tenancy-scoped lookups views use."""
