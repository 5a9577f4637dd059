"""Writes to roadmaps: create one as a draft (with the seed's seven components),
change its vision and horizon."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from agencies.models import Organisation
from ui.concurrency import Refused, editor, save_revised, unique_or_refused

from ..models import Roadmap, RoadmapStatus
from ..rules.bounds import horizon_problem
from ..rules.labels import DEFAULT_LABEL
from ._checks import check_fields
from .components import components_seed

FIELDS = (
    "title",
    "horizon_start_year",
    "horizon_end_year",
    "vision",
    "purpose",
    "objective_label",
    "publisher",
)


def _checked(roadmap: Roadmap, fields: tuple[str, ...] = FIELDS) -> None:
    check_fields(roadmap, fields)
    problem = horizon_problem(roadmap.horizon_start_year, roadmap.horizon_end_year)
    if problem:
        raise Refused("horizon_end_year", problem)


@transaction.atomic
def roadmap_create(
    *,
    organisation: Organisation,
    created_by: AbstractBaseUser | None,
    title: str,
    slug: str,
    horizon_start_year: int,
    horizon_end_year: int,
    vision: str = "",
    purpose: str = "",
    objective_label: str = DEFAULT_LABEL,
    publisher: str = "",
) -> Roadmap:
    roadmap = Roadmap(
        organisation=organisation,
        created_by=created_by,
        title=title,
        slug=slug,
        horizon_start_year=horizon_start_year,
        horizon_end_year=horizon_end_year,
        vision=vision,
        purpose=purpose,
        objective_label=objective_label,
        publisher=publisher.strip(),
        status=RoadmapStatus.DRAFT,
        updated_by=editor(created_by),
    )
    _checked(roadmap, ("slug", *FIELDS))
    with unique_or_refused(
        "slug", f"Your agency already has a roadmap called '{slug}'. Choose another short name."
    ):
        roadmap.save()
    components_seed(roadmap=roadmap)
    return roadmap


@transaction.atomic
def roadmap_update(
    *,
    roadmap: Roadmap,
    title: str,
    horizon_start_year: int,
    horizon_end_year: int,
    vision: str,
    purpose: str = "",
    objective_label: str | None = None,
    publisher: str | None = None,
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
) -> Roadmap:
    """`revision` is the one the user saw: a save over a later one is refused."""
    roadmap.title = title
    roadmap.horizon_start_year = horizon_start_year
    roadmap.horizon_end_year = horizon_end_year
    roadmap.vision = vision
    roadmap.purpose = purpose
    if objective_label is not None:
        roadmap.objective_label = objective_label
    if publisher is not None:
        roadmap.publisher = publisher.strip()
    _checked(roadmap)
    save_revised(
        roadmap,
        fields=FIELDS,
        revision=revision,
        by=by,
    )
    return roadmap
