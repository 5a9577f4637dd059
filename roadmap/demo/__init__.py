"""The demo roadmap: content apart from the logic that loads it."""

from .content import DEMO_ROADMAP_SLUG
from .loading import demo_contents, remove_demo, seed_demo_roadmap, seed_roadmap

__all__ = ["DEMO_ROADMAP_SLUG", "demo_contents", "remove_demo", "seed_demo_roadmap", "seed_roadmap"]
