"""The assessment's pure rules: no Django, unit-tested without HTTP."""
