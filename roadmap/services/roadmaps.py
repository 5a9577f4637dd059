"""Writes to roadmaps: create one as a draft, change its vision and horizon."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from agencies.models import Organisation

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
    return Roadmap.objects.create(
        organisation=organisation,
        created_by=created_by,
        title=title,
        slug=slug,
        horizon_start_year=horizon_start_year,
        horizon_end_year=horizon_end_year,
        vision=vision,
        purpose=purpose,
        status=RoadmapStatus.DRAFT,
    )


@transaction.atomic
def roadmap_update(
    *,
    roadmap: Roadmap,
    title: str,
    horizon_start_year: int,
    horizon_end_year: int,
    vision: str,
    purpose: str = "",
) -> Roadmap:
    roadmap.title = title
    roadmap.horizon_start_year = horizon_start_year
    roadmap.horizon_end_year = horizon_end_year
    roadmap.vision = vision
    roadmap.purpose = purpose
    roadmap.save(
        update_fields=[
            "title",
            "horizon_start_year",
            "horizon_end_year",
            "vision",
            "purpose",
            "updated_at",
        ]
    )
    return roadmap
