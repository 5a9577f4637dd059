"""The demo roadmap's maturity assessments (content in assessments.py, loading in
loading.py)."""

from .loading import seed_demo_assessments

__all__ = ["seed_demo_assessments"]
