"""Imports into the stakeholders app from a spreadsheet (ui/imports.py), one
module per concept."""
