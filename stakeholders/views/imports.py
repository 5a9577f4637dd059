"""Importing the stakeholder register from a spreadsheet: the import pattern of
ui/imports.py, filled in by stakeholders/imports/stakeholders.py. Editors and
above; the upload page sits beside the register's downloads."""

from roadmap.views.imports import RoadmapImport

from ..imports import stakeholders


class StakeholderImport(RoadmapImport):
    noun, plural, table = "stakeholder", "stakeholders", stakeholders
    list_route = "stakeholders:register"
    breadcrumbs = "stakeholders/breadcrumbs.html"
    natural_key = (
        "An entry is matched by its name, in any case: a row with the name of an entry "
        "already in the register updates it; any other row adds one. Columns the file "
        "leaves out are kept as they are, so a file without the contact details' columns "
        "changes no contact details."
    )


stakeholder_import = StakeholderImport()
