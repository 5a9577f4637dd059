"""The demo's communication plan: 18 items across the channels over the
roadmap's horizon, dated from the day the demo is seeded (months before and
after it), so some are done, one is overdue and the rest are coming; five
recur; some are about an initiative or a milestone. The audience is looked up
by name in the register (the register's own demo names them); a name the
register lacks is left out."""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from roadmap.models import Roadmap
from stakeholders.models import Stakeholder
from ui.periods import add_months

from ..services.communications import communication_create


@dataclass(frozen=True)
class DemoCommunication:
    purpose: str
    channel: str
    months: int  # from the month the demo is seeded: -3 is three months before
    day: int
    audience: tuple[str, ...]
    frequency: str = "once"
    status: str = "planned"
    key_message: str = ""
    owner: str = "lead"
    initiative: str = ""  # a demo initiative's title
    milestone: str = ""  # a demo milestone's title


COMMUNICATIONS = [
    DemoCommunication(
        "Launch the roadmap to all staff",
        "town_hall",
        -9,
        14,
        ("Frontline staff",),
        status="done",
        key_message="Why we are changing, what changes first, and how to take part.",
    ),
    DemoCommunication(
        "Brief the cabinet on the roadmap",
        "briefing",
        -8,
        3,
        ("Cllr Amina Hassan",),
        status="done",
        initiative="Set up the digital transformation board",
    ),
    DemoCommunication(
        "Transformation board update",
        "briefing",
        -6,
        1,
        ("Chief executive",),
        frequency="monthly",
        key_message="Progress, risks and decisions needed.",
    ),
    DemoCommunication(
        "Roadmap newsletter",
        "newsletter",
        -5,
        10,
        ("Frontline staff", "Older residents' forum"),
        frequency="quarterly",
        owner="editor",
    ),
    DemoCommunication(
        "Consult residents on the resident account",
        "consultation",
        -4,
        20,
        ("Older residents' forum", "Service users with disabilities"),
        status="done",
        initiative="Discovery and alpha for a resident account",
    ),
    DemoCommunication(
        "Meet the union on new ways of working",
        "briefing",
        -3,
        12,
        ("Branch secretary, UNISON",),
        status="done",
        initiative="Set up multidisciplinary service teams",
    ),
    DemoCommunication(
        "Announce the casework platform contract",
        "intranet",
        -2,
        28,
        ("Frontline staff",),
        status="done",
        milestone="Casework platform contract signed",
    ),
    DemoCommunication(
        "Explain the landing zone to service managers",
        "email",
        -1,
        6,
        ("Director of resident services",),
        key_message="What moves to the cloud, and when.",
        initiative="Build the cloud landing zone",
    ),  # still planned after its date: the overdue one
    DemoCommunication(
        "Change champions' call",
        "workshop",
        0,
        8,
        ("Frontline staff",),
        frequency="weekly",
        owner="editor",
        initiative="A network of change champions in every service area",
    ),
    DemoCommunication(
        "Supplier progress meeting",
        "briefing",
        0,
        15,
        ("Casework platform vendor",),
        frequency="monthly",
        initiative="Configure the casework platform for licensing, parking and housing",
    ),
    DemoCommunication(
        "Tell residents online payments are coming",
        "social_media",
        2,
        16,
        ("Older residents' forum",),
        milestone="First three services take online payments",
    ),
    DemoCommunication(
        "Accessibility testing with service users",
        "workshop",
        3,
        9,
        ("Service users with disabilities",),
        initiative="Resident account and sign-in",
    ),
    DemoCommunication(
        "Open the resident account to the public",
        "newsletter",
        5,
        4,
        ("Older residents' forum", "Service users with disabilities"),
        milestone="Resident account opens to the public",
    ),
    DemoCommunication(
        "Roadshow in every library",
        "town_hall",
        4,
        20,
        ("Older residents' forum",),
        status="cancelled",
        key_message="Replaced by assisted digital sessions.",
    ),
    DemoCommunication(
        "Train caseworkers on the new platform",
        "workshop",
        8,
        7,
        ("Frontline staff",),
        initiative="Prepare caseworkers for the new casework platform",
    ),
    DemoCommunication(
        "Mid-point review to the council",
        "briefing",
        18,
        12,
        ("Cllr Amina Hassan", "Chief executive"),
        milestone="Mid-point review published",
    ),
    DemoCommunication(
        "Legacy system switch-off notice",
        "email",
        24,
        1,
        ("Frontline staff",),
        milestone="Legacy case system switched off",
    ),
    DemoCommunication(
        "Annual report on the roadmap",
        "consultation",
        11,
        30,
        ("Older residents' forum", "Cllr Amina Hassan"),
        frequency="quarterly",
        owner="editor",
    ),
]


def demo_stakeholders(roadmap: Roadmap) -> dict[str, Stakeholder]:
    """The register by name (seed_demo seeds the register first)."""
    return {stakeholder.name: stakeholder for stakeholder in roadmap.stakeholders.all()}


def seed_communications(roadmap: Roadmap, *, users, today: date) -> list[str]:
    """The demo plan, when the roadmap has none yet."""
    if roadmap.communications.exists():
        return []
    by_name = demo_stakeholders(roadmap)
    initiatives = {i.title: i for i in roadmap.initiatives.all()}
    milestones = {m.title: m for m in roadmap.milestones.all()}
    this_month = today.replace(day=1)
    for spec in COMMUNICATIONS:
        month = add_months(this_month, spec.months)
        planned_on = month.replace(day=min(spec.day, monthrange(month.year, month.month)[1]))
        communication_create(
            roadmap=roadmap,
            purpose=spec.purpose,
            key_message=spec.key_message,
            channel=spec.channel,
            frequency=spec.frequency,
            status=spec.status,
            planned_on=planned_on,
            owner=users.get(spec.owner),
            initiative=initiatives.get(spec.initiative),
            milestone=milestones.get(spec.milestone),
            audience=[by_name[name] for name in spec.audience if name in by_name],
        )
    return [f"{len(COMMUNICATIONS)} communications"]
