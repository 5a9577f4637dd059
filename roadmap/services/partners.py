"""Writes to a roadmap's partner organisations (names only: no access)."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from ui.concurrency import editor, locked, save_revised, unique_or_refused
from ui.ordering import Move, MoveResult, MoveTo, move_in_list, next_position

from ..models import Partner, Roadmap
from ._checks import check_fields

FIELDS = ("name",)
DUPLICATE = "This roadmap already names that partner."


@transaction.atomic
def partner_create(*, roadmap: Roadmap, name: str, by: AbstractBaseUser | None = None) -> Partner:
    locked(roadmap)  # two editors adding at once get distinct positions
    partner = Partner(
        roadmap=roadmap,
        name=name.strip(),
        position=next_position(roadmap.partners.all()),
        updated_by=editor(by),
    )
    check_fields(partner, FIELDS)
    with unique_or_refused("name", DUPLICATE):
        partner.save()
    return partner


@transaction.atomic
def partner_update(
    *,
    partner: Partner,
    name: str,
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
) -> Partner:
    """`revision` is the one the user saw: a save over a later one is refused."""
    partner.name = name.strip()
    check_fields(partner, FIELDS)
    save_revised(partner, fields=FIELDS, revision=revision, by=by, unique=("name", DUPLICATE))
    return partner


def partner_move(*, partner: Partner, move: Move | MoveTo) -> MoveResult:
    return move_in_list(
        item=partner,
        siblings=Partner.objects.filter(roadmap_id=partner.roadmap_id),
        move=move,
        parent=Roadmap(pk=partner.roadmap_id),
    )


@transaction.atomic
def partner_delete(*, partner: Partner) -> None:
    partner.delete()
