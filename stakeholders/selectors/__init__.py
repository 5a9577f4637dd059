"""Reads of the stakeholders app, scoped to one roadmap."""
