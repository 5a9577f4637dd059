"""Writes, one module per concept: keyword-only, typed, atomic, `<entity>_<action>`."""
