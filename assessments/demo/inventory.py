"""Load the demo's SWOT, inventory and gaps. Reruns add only what is missing:
each part (SWOT, systems, processes, gaps) is added when the roadmap has none of
it, through the services, so the demo obeys the rules a user's does. Gaps
attach to the demo initiatives still there under their demo title."""

from decimal import Decimal

from roadmap.demo.loading import demo_initiatives, plural
from roadmap.models import Roadmap

from ..services.gaps import gap_create
from ..services.processes import process_create
from ..services.swot import swot_item_create
from ..services.systems import system_create
from .inventory_content import GAPS, PROCESSES, SWOT, SYSTEMS


def seed_inventory(roadmap: Roadmap, *, by=None) -> list[str]:
    """Add the missing parts and say which ones ("12 systems")."""
    added = []
    if not roadmap.swot_items.exists():
        count = 0
        for quadrant, texts in SWOT.items():
            for text in texts:
                swot_item_create(roadmap=roadmap, quadrant=quadrant, text=text, by=by)
                count += 1
        added.append(plural(count, "SWOT item"))
    if not roadmap.systems.exists():
        for name, purpose, owner, hosting, tech, year, lifecycle, condition, *rest in SYSTEMS:
            criticality, classification, users, cost = rest
            system_create(
                roadmap=roadmap,
                name=name,
                purpose=purpose,
                business_owner=owner,
                hosting=hosting,
                main_technology=tech,
                year_introduced=year,
                lifecycle=lifecycle,
                condition=condition,
                criticality=criticality,
                data_classification=classification,
                user_count=users,
                annual_cost=Decimal(cost),
                by=by,
            )
        added.append(plural(len(SYSTEMS), "system"))
    if not roadmap.processes.exists():
        for name, service, channel, digitisation, volume, pains in PROCESSES:
            process_create(
                roadmap=roadmap,
                name=name,
                service=service,
                channel=channel,
                digitisation=digitisation,
                yearly_volume=volume,
                pain_points=pains,
                by=by,
            )
        added.append(plural(len(PROCESSES), "process", "processes"))
    if not roadmap.gaps.exists():
        initiatives = demo_initiatives(roadmap)
        sources = {
            "weakness": {i.text: i for i in roadmap.swot_items.filter(quadrant="weakness")},
            "system": {s.name: s for s in roadmap.systems.all()},
            "process": {p.name: p for p in roadmap.processes.all()},
        }
        count = 0
        for title, severity, (kind, name), description, keys in GAPS:
            source = sources[kind].get(name)
            if source is None:
                continue  # the user renamed or deleted it
            gap_create(
                roadmap=roadmap,
                title=title,
                severity=severity,
                source=kind,
                description=description,
                initiatives=[initiatives[key] for key in keys if key in initiatives],
                by=by,
                **{kind: source},
            )
            count += 1
        if count:
            added.append(plural(count, "gap"))
    return added
