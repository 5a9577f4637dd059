"""The inventory as tables, for download (ui/spreadsheets.py): systems and
processes, one row each, every field, in one query. Choices are written as
people read them ("On premises"); the headers are the fields' labels, so an
import of the same columns can read a download back."""

from collections.abc import Callable
from dataclasses import dataclass

from roadmap.models import Roadmap

from .processes import processes_of
from .systems import systems_of

SYSTEM_HEADERS = (
    "Name",
    "Purpose",
    "Business owner",
    "Hosting",
    "Main technology",
    "Year introduced",
    "Lifecycle decision",
    "Condition (1-5)",
    "Business criticality",
    "Data classification",
    "Number of users",
    "Annual running cost",
)
PROCESS_HEADERS = (
    "Name",
    "Service",
    "Channel",
    "Digitisation level",
    "Yearly volume",
    "Main pain points",
)


@dataclass(frozen=True)
class Table:
    title: str  # the sheet's name
    headers: tuple[str, ...]
    rows: list[list]


def system_table(roadmap: Roadmap) -> Table:
    rows = [
        [
            s.name,
            s.purpose,
            s.business_owner,
            s.get_hosting_display(),
            s.main_technology,
            s.year_introduced,
            s.get_lifecycle_display(),
            s.condition,
            s.get_criticality_display(),
            s.get_data_classification_display(),
            s.user_count,
            s.annual_cost,
        ]
        for s in systems_of(roadmap)
    ]
    return Table("Systems", SYSTEM_HEADERS, rows)


def process_table(roadmap: Roadmap) -> Table:
    rows = [
        [
            p.name,
            p.service,
            p.get_channel_display(),
            p.get_digitisation_display(),
            p.yearly_volume,
            p.pain_points,
        ]
        for p in processes_of(roadmap)
    ]
    return Table("Processes", PROCESS_HEADERS, rows)


TABLES: dict[str, Callable[[Roadmap], Table]] = {
    "systems": system_table,
    "processes": process_table,
}
