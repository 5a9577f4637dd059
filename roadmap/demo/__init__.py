"""The demo roadmap: content apart from the logic that loads it."""

from .content import DEMO_ROADMAP_SLUG
from .loading import seed_roadmap

__all__ = ["DEMO_ROADMAP_SLUG", "seed_roadmap"]
