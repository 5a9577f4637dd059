"""Writes to roadmaps: create one as a draft, change its vision and horizon."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from agencies.models import Organisation
from ui.concurrency import editor, save_revised, unique_or_refused

from ..models import Roadmap, RoadmapStatus


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
        status=RoadmapStatus.DRAFT,
        updated_by=editor(created_by),
    )
    with unique_or_refused(
        "slug", f"Your agency already has a roadmap called '{slug}'. Choose another short name."
    ):
        roadmap.save()
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
    revision: int | None = None,
    by: AbstractBaseUser | None = None,
) -> Roadmap:
    """`revision` is the one the user saw: a save over a later one is refused."""
    roadmap.title = title
    roadmap.horizon_start_year = horizon_start_year
    roadmap.horizon_end_year = horizon_end_year
    roadmap.vision = vision
    roadmap.purpose = purpose
    save_revised(
        roadmap,
        fields=("title", "horizon_start_year", "horizon_end_year", "vision", "purpose"),
        revision=revision,
        by=by,
    )
    return roadmap
