"""What the person exporting a report chooses: the data's "as at" date and
whether individuals are named. Stored on the job (`ReportJob.options`) so the
worker renders exactly what was asked for."""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone


def _today() -> date:
    return timezone.localdate()


@dataclass(frozen=True)
class ReportOptions:
    # The date the data is "as at", printed on the cover and in the footer.
    as_at: date = field(default_factory=_today)
    # Stakeholder section: name individual people (default: groups and roles only).
    name_individuals: bool = False
