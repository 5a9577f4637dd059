"""Roadmap pages, a module per part: roadmaps (and principles), goals, objectives, KPIs."""
