"""The report's chapters from the apps above roadmap, one module per part: each
gathers its part's data in a fixed number of queries."""
