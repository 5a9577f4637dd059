"""The demo's engagement log: 22 interactions over the year before the demo is
seeded, with the mood moving from sceptical to supportive (the union and the
frontline staff slowest), and follow-ups, some done, some open, one overdue.
Stakeholders are looked up by name as the plan's are
(`stakeholders.demo.communications.demo_stakeholders`); an interaction whose
people are all missing from the register goes to its first entries instead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from roadmap.models import Roadmap

from ..services.engagements import follow_up_create, interaction_create
from .communications import demo_stakeholders


@dataclass(frozen=True)
class DemoFollowUp:
    action: str
    due_in: int  # days after the interaction
    owner: str = "editor"
    done: bool = False


@dataclass(frozen=True)
class DemoInteraction:
    days_ago: int
    kind: str
    who: tuple[str, ...]
    sentiment: int
    summary: str
    follow_ups: tuple[DemoFollowUp, ...] = ()


CEO, LEADER, HEAD = "Chief executive", "Cllr Amina Hassan", "Director of resident services"
UNION, STAFF, PANEL = "Branch secretary, UNISON", "Frontline staff", "Older residents' forum"
ACCESS, SUPPLIER = "Service users with disabilities", "Casework platform vendor"

INTERACTIONS = [
    DemoInteraction(
        350,
        "meeting",
        (CEO,),
        0,
        "First conversation about a roadmap: wants costs and savings before committing.",
        (DemoFollowUp("Send the outline business case", 14, "lead", done=True),),
    ),
    DemoInteraction(
        330,
        "meeting",
        (LEADER,),
        -1,
        "Worried about residents without internet access being left behind.",
    ),
    DemoInteraction(
        310,
        "interview",
        (UNION,),
        -2,
        "Fears the programme is a cover for job cuts; asked for a written commitment.",
        (DemoFollowUp("Share the workforce commitment in writing", 21, "lead", done=True),),
    ),
    DemoInteraction(
        295,
        "survey",
        (STAFF,),
        -1,
        "Staff survey: 62% unsure what the changes mean for them; few have heard of the roadmap.",
    ),
    DemoInteraction(
        280, "workshop", (CEO, HEAD), 1, "Agreed the objectives and the first year's priorities."
    ),
    DemoInteraction(
        260,
        "consultation",
        (PANEL, ACCESS),
        -1,
        "Residents want to keep phone and face-to-face options; accessibility was the top concern.",
        (DemoFollowUp("Publish what we heard and what we will do", 30, done=True),),
    ),
    DemoInteraction(
        240,
        "meeting",
        (LEADER, CEO),
        1,
        "Cabinet briefing: support in principle, with assisted digital support as a condition.",
    ),
    DemoInteraction(
        220,
        "meeting",
        (UNION,),
        -1,
        "Discussed the workforce commitment; still sceptical about the new team structure.",
    ),
    DemoInteraction(
        200,
        "workshop",
        (STAFF,),
        0,
        "Change champions' first session: curious, many practical questions about training.",
    ),
    DemoInteraction(
        180,
        "email",
        (SUPPLIER,),
        1,
        "Supplier confirmed the delivery plan for the casework platform.",
    ),
    DemoInteraction(
        160,
        "survey",
        (ACCESS,),
        0,
        "Accessibility survey of the prototype: several screen reader problems found.",
        (DemoFollowUp("Fix the screen reader problems in the prototype", 45, done=True),),
    ),
    DemoInteraction(140, "meeting", (HEAD,), 1, "Service managers keen to move licensing first."),
    DemoInteraction(120, "interview", (UNION,), 0, "Joint working group on new roles agreed."),
    DemoInteraction(
        100,
        "workshop",
        (STAFF, HEAD),
        1,
        "Caseworkers tried the new platform; liked the single view of a case.",
    ),
    DemoInteraction(
        85,
        "consultation",
        (PANEL,),
        1,
        "Second round: residents welcomed text updates on applications.",
    ),
    DemoInteraction(
        70, "meeting", (CEO,), 2, "Board pleased with the landing zone going live on time."
    ),
    DemoInteraction(
        60,
        "meeting",
        (SUPPLIER,),
        0,
        "Migration timetable slipping by a month; recovery plan requested.",
        (DemoFollowUp("Agree the supplier's recovery plan", 20, "lead"),),
    ),
    DemoInteraction(45, "survey", (STAFF,), 1, "Pulse survey: 58% now feel informed, up from 21%."),
    DemoInteraction(
        30,
        "workshop",
        (ACCESS, PANEL),
        1,
        "Tested the resident account with disabled residents; most tasks completed unaided.",
        (DemoFollowUp("Add a text-size option to the account", 60),),
    ),
    DemoInteraction(
        20,
        "meeting",
        (UNION, HEAD),
        1,
        "Union signed off the new team structure with a review after six months.",
        (DemoFollowUp("Set the date for the six-month review", 10, "lead"),),
    ),
    DemoInteraction(
        10,
        "meeting",
        (LEADER,),
        2,
        "Leader will speak at the launch of online payments.",
        (DemoFollowUp("Draft the leader's launch speech", 30),),
    ),
    DemoInteraction(
        3,
        "email",
        (CEO,),
        1,
        "Asked for the mid-year benefits figures.",
        (DemoFollowUp("Send the mid-year benefits figures", 14, "lead"),),
    ),
]


def seed_interactions(roadmap: Roadmap, *, users, today: date) -> list[str]:
    """The demo log, when the roadmap has none yet."""
    if roadmap.interactions.exists():
        return []
    by_name = demo_stakeholders(roadmap)
    first = list(by_name.values())[:2]
    follow_ups = 0
    for spec in INTERACTIONS:
        occurred_on = today - timedelta(days=spec.days_ago)
        who = [by_name[name] for name in spec.who if name in by_name] or first
        interaction = interaction_create(
            roadmap=roadmap,
            occurred_on=occurred_on,
            kind=spec.kind,
            summary=spec.summary,
            sentiment=spec.sentiment,
            stakeholders=who,
        )
        for follow_up in spec.follow_ups:
            follow_up_create(
                interaction=interaction,
                action=follow_up.action,
                owner=users.get(follow_up.owner),
                due_on=occurred_on + timedelta(days=follow_up.due_in),
                done=follow_up.done,
            )
            follow_ups += 1
    return [f"{len(INTERACTIONS)} interactions", f"{follow_ups} follow-ups"]


def seed_engagement(roadmap: Roadmap, *, users, today: date | None = None) -> list[str]:
    """The demo's communication plan and engagement log, each added only when
    missing (seed_demo's hook: call it after the register is seeded)."""
    from django.utils import timezone

    from .communications import seed_communications

    today = today or timezone.localdate()
    return seed_communications(roadmap, users=users, today=today) + seed_interactions(
        roadmap, users=users, today=today
    )
