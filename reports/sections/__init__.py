"""The report's chapters and sections that gather from one app each."""
