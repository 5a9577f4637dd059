"""The demo roadmap's content: vision, principles, goals, objectives and KPIs,
each KPI with the status its series is drawn to show. `loading` puts it in the
database."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import (
    KPIDirection,
    KPIUnitKind,
    Priority,
    ReportingFrequency,
)

DEMO_ROADMAP_SLUG = "digital-transformation-2026-2030"
DEMO_ROADMAP_TITLE = "Digital Transformation Roadmap 2026 to 2030"

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

PURPOSE = """Residents and businesses make about 2.4 million transactions with the \
Department each year. Half of them still involve paper, a phone call or a visit, \
and one call in four to our contact centre is someone chasing an application \
they have already made. Our case management system is twenty years old, costs \
more each year to keep running and can no longer be changed quickly when policy \
changes.

This roadmap sets out how we will modernise our services, platforms and ways of \
working between 2026 and 2030, what we expect to be different for the people we \
serve, and how we will measure it. It is written for the Department's board, our \
staff, our partners and the public, and we will report progress against it every \
quarter."""

PRINCIPLES = [
    (
        "Digital by default",
        "Services are designed to be used online from start to finish, so well that "
        "people prefer them, with assisted routes by phone and in person for anyone "
        "who needs them.",
    ),
    (
        "Citizen-centric",
        "We start from what residents and businesses need, test with real users, "
        "including people with access needs, and write in plain language.",
    ),
    (
        "Secure by design",
        "Security and privacy are built in from the first sprint and proportionate "
        "to the risk, not added at the end.",
    ),
    (
        "Data once, used many times",
        "We ask for information once, keep it accurate and reuse it across services, "
        "with people's consent and within the law.",
    ),
    (
        "Open and transparent",
        "We publish our plans, our performance and, where we can, our code and data, "
        "and we use open standards.",
    ),
    (
        "Reuse before we buy, buy before we build",
        "We adopt shared government platforms and proven products first, and build "
        "only what makes our services distinctive.",
    ),
]

GOALS = [
    (
        "Simple, fast and accessible services",
        "People get what they need from the Department first time, quickly, in the "
        "way that suits them.",
    ),
    (
        "Value for money",
        "Every pound spent on running services delivers more for residents, and "
        "running costs fall year on year.",
    ),
    (
        "Trusted, secure and resilient operations",
        "Services stay available, data stays safe and the public trusts how we use it.",
    ),
    (
        "Decisions based on evidence",
        "Leaders and teams use timely, reliable data to plan, prioritise and correct course.",
    ),
    (
        "A skilled and confident workforce",
        "Our people have the skills, tools and support to do their best work and to "
        "keep improving services.",
    ),
    (
        "Working in the open with partners",
        "We share platforms, data and lessons with other public bodies and publish what we do.",
    ),
]


@dataclass(frozen=True)
class DemoKPI:
    name: str
    definition: str
    unit: str
    unit_kind: KPIUnitKind  # a count of whole things, or a quantity
    direction: KPIDirection
    baseline: str  # a Decimal as text
    target: str
    years_to_target: float  # from the baseline date
    data_source: str
    frequency: ReportingFrequency
    owner: str  # a demo user name
    # Where the latest reading sits against the planned line, as a share of the planned
    # change: positive is behind, negative ahead. None: no readings yet.
    shortfall: str | None
    places: int = 0  # decimal places the readings are recorded to
    notes: dict[int, str] = field(default_factory=dict)  # reading index from the end: note


@dataclass(frozen=True)
class DemoObjective:
    title: str
    description: str
    outcomes: tuple[str, ...]
    priority: Priority
    owner: str
    citizen_outcome: str  # empty: not citizen-centric
    alignments: tuple[tuple[str, str], ...]  # goal title, rationale
    kpis: tuple[DemoKPI, ...]


HIGHER, LOWER = KPIDirection.HIGHER, KPIDirection.LOWER
MONTHLY, QUARTERLY = ReportingFrequency.MONTHLY, ReportingFrequency.QUARTERLY
COUNT, QUANTITY = KPIUnitKind.COUNT, KPIUnitKind.QUANTITY

OBJECTIVES = [
    DemoObjective(
        title="Make every high-volume service available online end to end",
        description=(
            "Move the 12 services that account for 85% of transactions to fully digital "
            "journeys that meet the Service Standard, with assisted digital support by "
            "phone and in person."
        ),
        outcomes=(
            "Residents can apply for, pay for and track each of the 12 services online "
            "in one visit",
            "Every online service passes its accessibility audit (WCAG 2.2 AA)",
            "People who cannot use the online service get the same outcome by phone or in person",
        ),
        priority=Priority.HIGH,
        owner="lead",
        citizen_outcome="Apply for and track any high-volume service online in one visit",
        alignments=(
            (
                "Simple, fast and accessible services",
                "Online journeys remove paper forms and waiting in queues.",
            ),
            (
                "Value for money",
                "A digital transaction costs about a fifth of a phone or paper one.",
            ),
        ),
        kpis=(
            DemoKPI(
                name="Share of transactions completed online",
                definition=(
                    "Transactions for the 12 high-volume services started and finished "
                    "online, as a percentage of all their transactions in the month."
                ),
                unit="%",
                unit_kind=QUANTITY,
                direction=HIGHER,
                baseline="42",
                target="80",
                years_to_target=3,
                data_source="Service performance platform (transaction logs)",
                frequency=MONTHLY,
                owner="lead",
                shortfall="-0.04",
                places=1,
                notes={0: "Includes the new online blue badge renewal from this month."},
            ),
            DemoKPI(
                name="High-volume services meeting the Service Standard",
                definition=(
                    "Of the 12 high-volume services, how many have passed a full "
                    "service assessment against the Service Standard."
                ),
                unit="services",
                unit_kind=COUNT,
                direction=HIGHER,
                baseline="2",
                target="12",
                years_to_target=3,
                data_source="Service assessment reports",
                frequency=QUARTERLY,
                owner="editor",
                shortfall="0.16",
                notes={0: "Parking permits assessment moved to next quarter."},
            ),
        ),
    ),
    DemoObjective(
        title="Replace the legacy case management system with shared cloud platforms",
        description=(
            "Retire the 2004 case management system and three spreadsheets-as-databases by "
            "moving casework onto a shared, cloud-hosted platform with an open API."
        ),
        outcomes=(
            "All open cases are worked on the new casework platform",
            "The legacy system and its data centre contract are switched off",
            "Policy changes reach the casework platform in weeks, not months",
        ),
        priority=Priority.HIGH,
        owner="admin",
        citizen_outcome="",
        alignments=(
            (
                "Trusted, secure and resilient operations",
                "The legacy system is out of vendor support and fails about once a month.",
            ),
            (
                "Value for money",
                "Retiring it ends a £1.9m a year support and hosting contract.",
            ),
            (
                "Working in the open with partners",
                "The casework platform is shared with two neighbouring councils.",
            ),
        ),
        kpis=(
            DemoKPI(
                name="Open cases still on the legacy system",
                definition=(
                    "Cases open on the last working day of the month that are held only "
                    "in the 2004 case management system."
                ),
                unit="cases",
                unit_kind=COUNT,
                direction=LOWER,
                baseline="48000",
                target="0",
                years_to_target=2.5,
                data_source="Legacy case management system, month-end report",
                frequency=MONTHLY,
                owner="admin",
                shortfall="0.3",
                notes={
                    0: "Migration of housing cases paused while a data-quality fault is fixed.",
                    3: "First wave of licensing cases moved.",
                },
            ),
            DemoKPI(
                name="Annual running cost of legacy infrastructure",
                definition=(
                    "Forecast full-year cost of hosting, licences and support for systems "
                    "due to be retired, at the end of each quarter."
                ),
                unit="£m",
                unit_kind=QUANTITY,
                direction=LOWER,
                baseline="4.8",
                target="2.1",
                years_to_target=3,
                data_source="Finance ledger, IT cost centres",
                frequency=QUARTERLY,
                owner="admin",
                shortfall="0.18",
                places=2,
            ),
        ),
    ),
    DemoObjective(
        title="Use data safely to make better decisions",
        description=(
            "Publish a data strategy, name owners for critical data sets, meet the Cyber "
            "Assessment Framework baseline and give programme boards live performance data."
        ),
        outcomes=(
            "Every critical data set has a named owner and a published quality score",
            "The Department meets the Cyber Assessment Framework baseline profile",
            "The board sees service performance data that is no more than a week old",
        ),
        priority=Priority.MEDIUM,
        owner="editor",
        citizen_outcome="",
        alignments=(
            (
                "Decisions based on evidence",
                "Owned, scored data is data the board can rely on.",
            ),
            (
                "Trusted, secure and resilient operations",
                "Fixing vulnerabilities quickly protects residents' personal data.",
            ),
        ),
        kpis=(
            DemoKPI(
                name="Critical data sets with a named owner",
                definition=(
                    "Data sets on the critical data register with a named owner and a "
                    "quality score less than a year old, as a percentage of the register."
                ),
                unit="%",
                unit_kind=QUANTITY,
                direction=HIGHER,
                baseline="15",
                target="100",
                years_to_target=2,
                data_source="Critical data register",
                frequency=QUARTERLY,
                owner="editor",
                shortfall=None,  # the register was set up this year: first count due
            ),
            DemoKPI(
                name="Critical vulnerabilities open more than 14 days",
                definition=(
                    "Critical-severity vulnerabilities on internet-facing systems that "
                    "have been open for more than 14 days at month end."
                ),
                unit="vulnerabilities",
                unit_kind=COUNT,
                direction=LOWER,
                baseline="37",
                target="5",
                years_to_target=2,
                data_source="Vulnerability management platform",
                frequency=MONTHLY,
                owner="admin",
                shortfall="0.02",
            ),
        ),
    ),
    DemoObjective(
        title="Build digital skills and an agile delivery culture",
        description=(
            "Give every team a product owner and train 400 staff in user-centred design, "
            "agile delivery and data literacy, with leaders who sponsor change visibly."
        ),
        outcomes=(
            "Every service team has a product owner with the authority to decide",
            "400 staff have completed the digital skills programme",
            "Directors sponsor at least one service team each and attend its show and tells",
        ),
        priority=Priority.MEDIUM,
        owner="lead",
        citizen_outcome="",
        alignments=(
            (
                "A skilled and confident workforce",
                "Skills in-house mean fewer contractors and faster change.",
            ),
            (
                "Simple, fast and accessible services",
                "Teams that test with users build services people can use first time.",
            ),
        ),
        kpis=(
            DemoKPI(
                name="Service teams with a dedicated product owner",
                definition=(
                    "Service teams with a named product owner spending at least 80% of "
                    "their time on that service, as a percentage of all service teams."
                ),
                unit="%",
                unit_kind=QUANTITY,
                direction=HIGHER,
                baseline="25",
                target="75",
                years_to_target=1.5,
                data_source="HR establishment data and team charters",
                frequency=QUARTERLY,
                owner="lead",
                shortfall="-0.42",
                notes={0: "Target met early: product owner roles filled in the restructure."},
            ),
            DemoKPI(
                name="Staff who completed the digital skills programme",
                definition=(
                    "Staff who have completed all four modules of the digital skills "
                    "programme since it began (cumulative)."
                ),
                unit="staff",
                unit_kind=COUNT,
                direction=HIGHER,
                baseline="40",
                target="400",
                years_to_target=3,
                data_source="Learning management system",
                frequency=QUARTERLY,
                owner="editor",
                shortfall="0.03",
            ),
        ),
    ),
    DemoObjective(
        title="Reduce the cost of running services while improving satisfaction",
        description=(
            "Cut the average cost per transaction by 30% and raise user satisfaction to 85% "
            "by removing failure demand and duplicate data entry."
        ),
        outcomes=(
            "Fewer people need to call to find out what is happening with an application",
            "Staff no longer key the same details into more than one system",
            "Savings are reinvested in assisted digital support",
        ),
        priority=Priority.HIGH,
        owner="admin",
        citizen_outcome="Fewer calls and visits to chase an application",
        alignments=(
            (
                "Value for money",
                "Failure demand costs about £2.3m a year in contact centre time.",
            ),
            (
                "Simple, fast and accessible services",
                "Progress updates by text and email answer the question before it is asked.",
            ),
        ),
        kpis=(
            DemoKPI(
                name="Average cost per transaction",
                definition=(
                    "Full cost of running the 12 high-volume services in the quarter, "
                    "divided by the number of transactions completed."
                ),
                unit="£",
                unit_kind=QUANTITY,
                direction=LOWER,
                baseline="8.40",
                target="5.90",
                years_to_target=3,
                data_source="Activity-based costing model, Finance",
                frequency=QUARTERLY,
                owner="admin",
                shortfall="0.19",
                places=2,
            ),
            DemoKPI(
                name="User satisfaction across all channels",
                definition=(
                    "Respondents who were satisfied or very satisfied with the service, "
                    "as a percentage of all respondents to the post-transaction survey."
                ),
                unit="%",
                unit_kind=QUANTITY,
                direction=HIGHER,
                baseline="71",
                target="85",
                years_to_target=3,
                data_source="Post-transaction survey (all channels)",
                frequency=MONTHLY,
                owner="lead",
                shortfall="-0.06",
                places=1,
            ),
            DemoKPI(
                name="Calls chasing the progress of an application",
                definition=(
                    "Contact centre calls in the month whose reason was 'where is my "
                    "application?' (failure demand)."
                ),
                unit="calls a month",
                unit_kind=COUNT,
                direction=LOWER,
                baseline="21500",
                target="8000",
                years_to_target=3,
                data_source="Contact centre telephony reports",
                frequency=MONTHLY,
                owner="editor",
                shortfall="0.3",
                notes={
                    0: "Text message updates delayed until the casework platform is live.",
                    5: "Council tax annual billing peak.",
                },
            ),
        ),
    ),
    DemoObjective(
        title="Give residents one secure account and ask for details only once",
        description=(
            "Offer a single sign-in for every online service, so residents can see all "
            "their applications in one place and the Department reuses what it already "
            "knows instead of asking again."
        ),
        outcomes=(
            "Residents sign in once to use every online service",
            "Residents see the status of all their applications in one place",
            "Forms are pre-filled with details the Department already holds, with consent",
        ),
        priority=Priority.HIGH,
        owner="editor",
        citizen_outcome="Give details once and see every application in one place",
        alignments=(
            (
                "Simple, fast and accessible services",
                "One account replaces nine separate logins.",
            ),
            (
                "Trusted, secure and resilient operations",
                "Verified identity cuts fraud and protects residents' data.",
            ),
            (
                "Decisions based on evidence",
                "A single view of a resident's applications shows where journeys fail.",
            ),
        ),
        kpis=(
            DemoKPI(
                name="Residents with a verified account",
                definition=(
                    "Residents who have created an account and verified their identity "
                    "to the medium level of confidence (cumulative)."
                ),
                unit="accounts",
                unit_kind=COUNT,
                direction=HIGHER,
                baseline="0",
                target="250000",
                years_to_target=3,
                data_source="Identity platform analytics",
                frequency=MONTHLY,
                owner="editor",
                shortfall="0.05",
                notes={11: "Account launched to the public."},
            ),
            DemoKPI(
                name="Applications pre-filled from details we already hold",
                definition=(
                    "Online applications where at least one section was pre-filled from "
                    "the resident's account, as a percentage of online applications."
                ),
                unit="%",
                unit_kind=QUANTITY,
                direction=HIGHER,
                baseline="5",
                target="60",
                years_to_target=3,
                data_source="Forms platform analytics",
                frequency=QUARTERLY,
                owner="editor",
                shortfall="0.15",
                places=1,
            ),
        ),
    ),
]
