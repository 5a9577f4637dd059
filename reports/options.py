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

    def stored(self) -> dict:
        """As kept in `ReportJob.options` (JSON), beside the job's other keys."""
        return {"as_at": self.as_at.isoformat(), "name_individuals": self.name_individuals}

    @classmethod
    def from_stored(cls, options: dict) -> "ReportOptions":
        """What a job asked for; a job queued before options existed gets the
        defaults (as at today, no individuals named)."""
        as_at = options.get("as_at")
        return cls(
            **({"as_at": date.fromisoformat(as_at)} if as_at else {}),
            name_individuals=bool(options.get("name_individuals", False)),
        )
