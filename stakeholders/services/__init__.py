"""Writes of the stakeholders app: keyword-only, typed, atomic, `<entity>_<action>`."""
