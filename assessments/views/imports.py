"""Importing the systems and processes inventories from a spreadsheet: the
import pattern of ui/imports.py, filled in with assessments/imports/. Editors
and above; the upload page sits beside each inventory's downloads."""

from roadmap.views.imports import RoadmapImport

from ..imports import processes, systems


class InventoryImport(RoadmapImport):
    breadcrumbs = "components/breadcrumbs.html"


class SystemImport(InventoryImport):
    noun, plural, table = "system", "systems", systems
    list_route = "assessments:systems"
    natural_key = (
        "A system is matched by its name, in any case: a row with the name of a system "
        "already in the inventory updates it; any other row adds one."
    )


class ProcessImport(InventoryImport):
    noun, plural, table = "process", "processes", processes
    list_route = "assessments:processes"
    natural_key = (
        "A process is matched by its name, in any case: a row with the name of a process "
        "already in the inventory updates it; any other row adds one."
    )


system_import = SystemImport()
process_import = ProcessImport()
