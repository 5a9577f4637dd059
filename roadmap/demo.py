"""A realistic demo roadmap. Idempotent: reruns bring it back to this content."""

from agencies.models import Organisation

from .models import Objective, Roadmap, RoadmapStatus

DEMO_ROADMAP_SLUG = "digital-transformation-2026-2030"

VISION = """By 2030 every service the Department offers is digital by default and \
designed around the people who use it: residents, businesses and the staff who \
serve them. A person can find, apply for and track any service online in one \
visit, in plain language, on any device, with assisted routes for those who \
need them.

Behind those services, shared platforms replace the department's ageing case \
management systems; data is recorded once, kept secure and reused with consent; \
and teams deliver in small, measurable steps, guided by evidence from the people \
they serve.

Our staff have the skills, tools and leadership support to keep improving \
services long after this roadmap ends."""

OBJECTIVES = [
    (
        "Make every high-volume service available online end to end",
        "Move the 12 services that account for 85% of transactions to fully digital "
        "journeys that meet the Service Standard, with assisted digital support by "
        "phone and in person.",
    ),
    (
        "Replace the legacy case management system with shared cloud platforms",
        "Retire the 2004 case management system and three spreadsheets-as-databases by "
        "moving casework onto a shared, cloud-hosted platform with an open API.",
    ),
    (
        "Use data safely to make better decisions",
        "Publish a data strategy, name owners for critical data sets, meet the Cyber "
        "Assessment Framework baseline and give programme boards live performance data.",
    ),
    (
        "Build digital skills and an agile delivery culture",
        "Give every team a product owner and train 400 staff in user-centred design, "
        "agile delivery and data literacy, with leaders who sponsor change visibly.",
    ),
    (
        "Reduce the cost of running services while improving satisfaction",
        "Cut the average cost per transaction by 30% and raise user satisfaction to 85% "
        "by removing failure demand and duplicate data entry.",
    ),
]


def seed_roadmap(*, agency: Organisation, created_by) -> Roadmap:
    roadmap, _ = Roadmap.objects.update_or_create(
        organisation=agency,
        slug=DEMO_ROADMAP_SLUG,
        defaults={
            "title": "Digital Transformation Roadmap 2026 to 2030",
            "horizon_start_year": 2026,
            "horizon_end_year": 2030,
            "vision": VISION,
            "status": RoadmapStatus.DRAFT,
            "created_by": created_by,
        },
    )
    for position, (title, description) in enumerate(OBJECTIVES):
        Objective.objects.update_or_create(
            roadmap=roadmap,
            title=title,
            defaults={"description": description, "position": position},
        )
    return roadmap
