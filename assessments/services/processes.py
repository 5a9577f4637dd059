"""Writes to a roadmap's inventory of existing processes and services."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from roadmap.models import Roadmap
from ui.concurrency import editor, locked, only_known_fields, save_revised, unique_or_refused
from ui.ordering import next_position

from ..models import Process
from ._checks import check_fields

# Every field of a process, in the order the form and the downloads show them.
FIELDS = ("name", "service", "channel", "digitisation", "yearly_volume", "pain_points")
DUPLICATE = "This inventory already has a process with that name."


def _checked(process: Process) -> None:
    process.name = process.name.strip()
    check_fields(process, FIELDS)


@transaction.atomic
def process_create(
    *,
    roadmap: Roadmap,
    name: str,
    channel: str,
    digitisation: str,
    service: str = "",
    yearly_volume: int | None = None,
    pain_points: str = "",
    by: AbstractBaseUser | None = None,
) -> Process:
    process = Process(
        roadmap=roadmap,
        name=name,
        service=service,
        channel=channel,
        digitisation=digitisation,
        yearly_volume=yearly_volume,
        pain_points=pain_points,
        updated_by=editor(by),
    )
    _checked(process)
    locked(roadmap)
    process.position = next_position(roadmap.processes.all())
    with unique_or_refused("name", DUPLICATE):
        process.save()
    return process


@transaction.atomic
def process_update(
    *,
    process: Process,
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
    **fields,
) -> Process:
    """Change the fields given (any of FIELDS); a stale `revision` is refused."""
    only_known_fields(fields, FIELDS, "process_update")
    for name, value in fields.items():
        setattr(process, name, value)
    _checked(process)
    save_revised(process, fields=FIELDS, revision=revision, by=by, unique=("name", DUPLICATE))
    return process


@transaction.atomic
def process_delete(*, process: Process) -> None:
    process.delete()
