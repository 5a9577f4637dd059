"""Writes to roadmaps and objectives. Views call these; they never save models."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Max

from agencies.models import Organisation

from .models import Objective, Roadmap, RoadmapStatus


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
) -> Roadmap:
    return Roadmap.objects.create(
        organisation=organisation,
        created_by=created_by,
        title=title,
        slug=slug,
        horizon_start_year=horizon_start_year,
        horizon_end_year=horizon_end_year,
        vision=vision,
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
) -> Roadmap:
    roadmap.title = title
    roadmap.horizon_start_year = horizon_start_year
    roadmap.horizon_end_year = horizon_end_year
    roadmap.vision = vision
    roadmap.save(
        update_fields=["title", "horizon_start_year", "horizon_end_year", "vision", "updated_at"]
    )
    return roadmap


@transaction.atomic
def objective_create(*, roadmap: Roadmap, title: str, description: str = "") -> Objective:
    # Lock the roadmap row so two editors adding at once get distinct positions.
    Roadmap.objects.select_for_update().filter(pk=roadmap.pk).first()
    last = roadmap.objectives.aggregate(last=Max("position"))["last"]
    return Objective.objects.create(
        roadmap=roadmap,
        title=title,
        description=description,
        position=0 if last is None else last + 1,
    )


@transaction.atomic
def objective_update(*, objective: Objective, title: str, description: str) -> Objective:
    objective.title = title
    objective.description = description
    objective.save(update_fields=["title", "description", "updated_at"])
    return objective


@transaction.atomic
def objective_delete(*, objective: Objective) -> None:
    objective.delete()
