"""The demo roadmap's content: vision, principles, goals, objectives and KPIs,
each KPI with the status its series is drawn to show, and the plan: the
initiatives in the seven components and the dependencies between them.
`loading` puts it in the database."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import (
    RAG,
    BenefitType,
    Confidence,
    FundingStatus,
    InitiativeStatus,
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
                    0: "Housing backlog clearance paused while a data-quality fault is fixed.",
                    3: "Old licensing cases closed in a backlog clearance sprint.",
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


# The plan ---------------------------------------------------------------------
#
# Initiatives have absolute months within the 2026-2030 horizon, and their status,
# RAG and percent complete are those of December 2026: what ended before then is
# done (one was cancelled), what runs through it is in progress, and what starts
# later is planned (or only proposed, for the furthest). A demo seeded on another
# day keeps these dates and statuses; the health check then judges them by its own
# today.
#
# The plan holds on purpose what the roadmap's health check should find: one
# schedule conflict (the case migration starts two months before the casework
# platform's configuration ends), one initiative serving no objective (the
# apprenticeships), and two initiatives starting within three months without
# approved funding (career paths, unfunded; assisted digital, requested).
# The critical path is the replacement of the legacy system: the cloud landing
# zone, the casework platform, the case migration, switching the legacy system
# off, and sharing the platform with neighbouring councils.

TECHNOLOGY = "Technology adoption"
CHANGE = "Change management"
DATA = "Data management and security"
AGILE = "Agile implementation and monitoring"
LEADERSHIP = "Leadership commitment"
TALENT = "Talent development and training"
PARTNERSHIPS = "Collaborative partnerships"

# The demo objectives' titles, shortly.
ONLINE = OBJECTIVES[0].title
LEGACY = OBJECTIVES[1].title
DATA_USE = OBJECTIVES[2].title
SKILLS = OBJECTIVES[3].title
COST = OBJECTIVES[4].title
ACCOUNT = OBJECTIVES[5].title

Month = tuple[int, int]  # (year, month)


@dataclass(frozen=True)
class OutsideSponsor:
    """The accountable person, when they are not a member of the service."""

    name: str
    role: str
    organisation: str


@dataclass(frozen=True)
class DemoInitiative:
    key: str  # stable handle for dependencies (and milestones and risks) in this file
    title: str
    summary: str
    component: str  # a seed component's name (its kind's name)
    objectives: tuple[str, ...]  # demo objective titles
    start: Month
    end: Month
    status: InitiativeStatus
    owner: str | None  # a demo user name
    sponsor: str | OutsideSponsor | None  # a demo user name, or someone outside
    capital_cost: str | None  # pounds, a Decimal as text
    operating_cost: str | None  # pounds a year
    funding_source: str
    funding_status: FundingStatus
    benefits: str
    benefit_type: BenefitType
    value: int
    effort: int
    confidence: Confidence
    tags: str
    percent_complete: int = 0
    rag: RAG = RAG.GREEN
    rag_reason: str = ""


DONE = InitiativeStatus.DONE
IN_PROGRESS = InitiativeStatus.IN_PROGRESS
PLANNED = InitiativeStatus.PLANNED
PROPOSED = InitiativeStatus.PROPOSED
CANCELLED = InitiativeStatus.CANCELLED
APPROVED = FundingStatus.APPROVED
REQUESTED = FundingStatus.REQUESTED
UNFUNDED = FundingStatus.UNFUNDED
SAVING = BenefitType.COST_SAVING
SERVICE = BenefitType.SERVICE_IMPROVEMENT
RISK = BenefitType.RISK_REDUCTION
COMPLIANCE = BenefitType.COMPLIANCE
HIGH, MEDIUM, LOW = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW

CAPITAL_FUND = "Digital transformation fund (capital)"
NEXT_ROUND = "Digital transformation fund, 2028 to 2030 round"
REVENUE = "Departmental revenue budget"

INITIATIVES = [
    # Technology adoption --------------------------------------------------------
    DemoInitiative(
        key="legacy-upgrade",
        title="Upgrade the legacy case management system to version 9",
        summary=(
            "Move the 2004 case management system to its supplier's last supported "
            "version. Cancelled in April 2026 when the board chose to replace it instead."
        ),
        component=TECHNOLOGY,
        objectives=(LEGACY,),
        start=(2026, 1),
        end=(2026, 4),
        status=CANCELLED,
        percent_complete=15,
        owner="admin",
        sponsor="admin",
        capital_cost="640000",
        operating_cost=None,
        funding_source="IT maintenance budget (returned)",
        funding_status=APPROVED,
        benefits="Would have kept vendor support for three more years.",
        benefit_type=RISK,
        value=2,
        effort=4,
        confidence=LOW,
        tags="legacy, casework",
    ),
    DemoInitiative(
        key="landing-zone",
        title="Build the cloud landing zone",
        summary=(
            "A secure, well-governed cloud hosting platform with shared networking, "
            "identity, logging and backup that every new service is built on."
        ),
        component=TECHNOLOGY,
        objectives=(LEGACY,),
        start=(2026, 1),
        end=(2026, 10),
        status=DONE,
        percent_complete=100,
        owner="admin",
        sponsor="admin",
        capital_cost="850000",
        operating_cost="240000",
        funding_source=CAPITAL_FUND,
        funding_status=APPROVED,
        benefits=(
            "One secure place to host every new service, with no new hardware to buy; "
            "the first step out of the Department's own data centre."
        ),
        benefit_type=RISK,
        value=5,
        effort=4,
        confidence=HIGH,
        tags="cloud, hosting, platform",
    ),
    DemoInitiative(
        key="casework-procurement",
        title="Procure a shared casework platform",
        summary=(
            "Buy a configurable, cloud-hosted casework product through a framework "
            "agreement, jointly with two neighbouring councils."
        ),
        component=TECHNOLOGY,
        objectives=(LEGACY,),
        start=(2026, 3),
        end=(2026, 11),
        status=DONE,
        percent_complete=100,
        owner="admin",
        sponsor="lead",
        capital_cost="150000",
        operating_cost=None,
        funding_source=CAPITAL_FUND,
        funding_status=APPROVED,
        benefits="A contract at a shared price, about 20% below buying alone.",
        benefit_type=SAVING,
        value=4,
        effort=3,
        confidence=HIGH,
        tags="casework, procurement",
    ),
    DemoInitiative(
        key="forms-payments",
        title="Online forms and payments platform",
        summary=(
            "One accessible forms builder and payment service for every online "
            "application, replacing eleven separate web forms and two payment providers."
        ),
        component=TECHNOLOGY,
        objectives=(ONLINE, COST),
        start=(2026, 4),
        end=(2026, 12),
        status=IN_PROGRESS,
        percent_complete=85,
        owner="editor",
        sponsor="lead",
        capital_cost="620000",
        operating_cost="95000",
        funding_source=CAPITAL_FUND,
        funding_status=APPROVED,
        benefits="New online forms in days rather than months, each meeting WCAG 2.2 AA.",
        benefit_type=SERVICE,
        value=5,
        effort=3,
        confidence=HIGH,
        tags="forms, payments, platform",
    ),
    DemoInitiative(
        key="casework-build",
        title="Configure the casework platform for licensing, parking and housing",
        summary=(
            "Set up the new casework platform for the three largest case types, with "
            "their workflows, letters and reports, in small releases tested with caseworkers."
        ),
        component=TECHNOLOGY,
        objectives=(LEGACY, ONLINE),
        start=(2026, 11),
        end=(2027, 9),
        status=IN_PROGRESS,
        percent_complete=8,
        owner="admin",
        sponsor="admin",
        capital_cost="2400000",
        operating_cost="410000",
        funding_source=CAPITAL_FUND,
        funding_status=APPROVED,
        benefits="Policy changes reach casework in weeks; caseworkers see a case in one place.",
        benefit_type=SERVICE,
        value=5,
        effort=5,
        confidence=MEDIUM,
        tags="casework, platform, cloud",
    ),
    DemoInitiative(
        key="identity-platform",
        title="Resident account and sign-in",
        summary=(
            "One account, verified to a medium level of confidence, that residents use "
            "to sign in to every online service and see their applications."
        ),
        component=TECHNOLOGY,
        objectives=(ACCOUNT,),
        start=(2026, 6),
        end=(2027, 6),
        status=IN_PROGRESS,
        percent_complete=45,
        rag=RAG.AMBER,
        rag_reason=(
            "The identity verification supplier's release slipped by six weeks; the "
            "public launch moves from March to May 2027."
        ),
        owner="editor",
        sponsor="lead",
        capital_cost="780000",
        operating_cost="160000",
        funding_source=CAPITAL_FUND,
        funding_status=APPROVED,
        benefits="One sign-in instead of nine, and less fraud through verified identity.",
        benefit_type=SERVICE,
        value=5,
        effort=4,
        confidence=MEDIUM,
        tags="identity, account",
    ),
    DemoInitiative(
        key="notifications",
        title="Text and email updates on the progress of applications",
        summary=(
            "Tell residents by text or email when their application moves on, from "
            "events on the casework platform."
        ),
        component=TECHNOLOGY,
        objectives=(COST, ONLINE),
        start=(2027, 10),
        end=(2028, 3),
        status=PLANNED,
        owner="editor",
        sponsor="lead",
        capital_cost="180000",
        operating_cost="60000",
        funding_source=CAPITAL_FUND,
        funding_status=APPROVED,
        benefits="About 9,000 fewer calls a month asking where an application has got to.",
        benefit_type=SAVING,
        value=4,
        effort=2,
        confidence=HIGH,
        tags="notifications, failure demand",
    ),
    DemoInitiative(
        key="case-migration",
        title="Migrate open cases from the legacy system",
        summary=(
            "Move every open case and the last seven years of closed ones to the "
            "casework platform, one case type at a time, with a reconciliation of each wave."
        ),
        component=TECHNOLOGY,
        objectives=(LEGACY,),
        start=(2027, 7),
        end=(2028, 6),
        status=PLANNED,
        rag=RAG.AMBER,
        rag_reason=(
            "Planned to start before the platform's configuration ends; a revised "
            "start is being agreed with the supplier."
        ),
        owner="admin",
        sponsor="admin",
        capital_cost="1100000",
        operating_cost=None,
        funding_source=CAPITAL_FUND,
        funding_status=APPROVED,
        benefits="All casework on one supported platform; no more double keying.",
        benefit_type=RISK,
        value=5,
        effort=5,
        confidence=MEDIUM,
        tags="casework, migration, legacy",
    ),
    DemoInitiative(
        key="legacy-retire",
        title="Switch off the legacy case management system",
        summary=(
            "Archive what must be kept, end the support and hosting contract, and "
            "securely destroy the old servers and their data."
        ),
        component=TECHNOLOGY,
        objectives=(LEGACY, COST),
        start=(2028, 7),
        end=(2028, 12),
        status=PLANNED,
        owner="admin",
        sponsor="admin",
        capital_cost="200000",
        operating_cost=None,
        funding_source=NEXT_ROUND,
        funding_status=REQUESTED,
        benefits="Ends the £1.9m a year support and hosting contract.",
        benefit_type=SAVING,
        value=5,
        effort=2,
        confidence=HIGH,
        tags="legacy, decommissioning",
    ),
    DemoInitiative(
        key="datacentre-exit",
        title="Close the on-premises data centre",
        summary=(
            "Move the remaining workloads to the landing zone or switch them off, and "
            "hand back the data centre lease."
        ),
        component=TECHNOLOGY,
        objectives=(LEGACY, COST),
        start=(2029, 1),
        end=(2029, 9),
        status=PROPOSED,
        owner=None,
        sponsor="admin",
        capital_cost="450000",
        operating_cost=None,
        funding_source="",
        funding_status=UNFUNDED,
        benefits="Saves about £700,000 a year in lease, power and hardware.",
        benefit_type=SAVING,
        value=4,
        effort=3,
        confidence=MEDIUM,
        tags="cloud, hosting, decommissioning",
    ),
    DemoInitiative(
        key="prefill",
        title="Pre-fill forms from the resident account",
        summary=(
            "With the resident's consent, fill in the details the Department already "
            "holds, so they check rather than type them."
        ),
        component=TECHNOLOGY,
        objectives=(ACCOUNT, COST),
        start=(2028, 4),
        end=(2028, 12),
        status=PLANNED,
        owner="editor",
        sponsor="lead",
        capital_cost="320000",
        operating_cost="40000",
        funding_source=NEXT_ROUND,
        funding_status=REQUESTED,
        benefits="Shorter forms and fewer errors; most applications pre-filled by 2029.",
        benefit_type=SERVICE,
        value=4,
        effort=3,
        confidence=MEDIUM,
        tags="forms, account, data reuse",
    ),
    # Change management ----------------------------------------------------------
    DemoInitiative(
        key="process-redesign",
        title="Redesign the licensing and parking processes end to end",
        summary=(
            "Map the licensing and parking permit processes with staff and residents, "
            "remove steps that add nothing, and agree the new ones before they are built."
        ),
        component=CHANGE,
        objectives=(COST, ONLINE),
        start=(2026, 7),
        end=(2027, 3),
        status=IN_PROGRESS,
        percent_complete=50,
        rag=RAG.AMBER,
        rag_reason=(
            "The parking team lost two business analysts; the permits redesign is six weeks behind."
        ),
        owner="editor",
        sponsor="lead",
        capital_cost=None,
        operating_cost="180000",
        funding_source=REVENUE,
        funding_status=APPROVED,
        benefits="Processes with a third fewer steps, ready to move online.",
        benefit_type=SAVING,
        value=4,
        effort=3,
        confidence=MEDIUM,
        tags="process, licensing, parking",
    ),
    DemoInitiative(
        key="change-champions",
        title="A network of change champions in every service area",
        summary=(
            "Forty volunteer champions who try new tools first, explain the changes "
            "to colleagues and bring back what is not working."
        ),
        component=CHANGE,
        objectives=(SKILLS,),
        start=(2026, 9),
        end=(2027, 8),
        status=IN_PROGRESS,
        percent_complete=30,
        owner="lead",
        sponsor="lead",
        capital_cost=None,
        operating_cost="35000",
        funding_source=REVENUE,
        funding_status=APPROVED,
        benefits="Staff hear about changes from colleagues they trust, and earlier.",
        benefit_type=SERVICE,
        value=3,
        effort=2,
        confidence=MEDIUM,
        tags="culture, communication",
    ),
    DemoInitiative(
        key="casework-readiness",
        title="Prepare caseworkers for the new casework platform",
        summary=(
            "Training, floor-walkers and a support desk for the 260 caseworkers moving "
            "to the new platform, wave by wave."
        ),
        component=CHANGE,
        objectives=(LEGACY, SKILLS),
        start=(2027, 10),
        end=(2028, 6),
        status=PLANNED,
        owner="lead",
        sponsor="admin",
        capital_cost=None,
        operating_cost="260000",
        funding_source=REVENUE,
        funding_status=APPROVED,
        benefits="Caseworkers productive on the new platform within two weeks of moving.",
        benefit_type=SERVICE,
        value=4,
        effort=3,
        confidence=MEDIUM,
        tags="training, casework",
    ),
    DemoInitiative(
        key="assisted-digital",
        title="Assisted digital support by phone and in libraries",
        summary=(
            "Trained staff in six libraries and on the phone who help people complete "
            "online applications, so no one is left behind."
        ),
        component=CHANGE,
        objectives=(ONLINE, COST),
        start=(2027, 2),
        end=(2028, 1),
        status=PLANNED,
        owner="editor",
        sponsor="lead",
        capital_cost="60000",
        operating_cost="210000",
        funding_source=REVENUE,
        funding_status=REQUESTED,
        benefits="People who cannot use the online service get the same outcome.",
        benefit_type=COMPLIANCE,
        value=4,
        effort=2,
        confidence=HIGH,
        tags="assisted digital, inclusion",
    ),
    # Data management and security -----------------------------------------------
    DemoInitiative(
        key="data-strategy",
        title="Publish a data strategy and a critical data register",
        summary=(
            "Agree how the Department manages, shares and protects data, and list the "
            "31 data sets that services cannot run without."
        ),
        component=DATA,
        objectives=(DATA_USE,),
        start=(2026, 1),
        end=(2026, 6),
        status=DONE,
        percent_complete=100,
        owner="editor",
        sponsor="lead",
        capital_cost=None,
        operating_cost="45000",
        funding_source=REVENUE,
        funding_status=APPROVED,
        benefits="Everyone knows which data matters most and who decides about it.",
        benefit_type=COMPLIANCE,
        value=4,
        effort=2,
        confidence=HIGH,
        tags="data, governance",
    ),
    DemoInitiative(
        key="data-owners",
        title="Name an owner and a quality score for every critical data set",
        summary=(
            "Each critical data set gets an accountable owner and a published quality "
            "score that is checked every year."
        ),
        component=DATA,
        objectives=(DATA_USE,),
        start=(2026, 7),
        end=(2027, 6),
        status=IN_PROGRESS,
        percent_complete=40,
        rag=RAG.AMBER,
        rag_reason=(
            "Owners named for 9 of 31 data sets; two directorates have not nominated anyone yet."
        ),
        owner="editor",
        sponsor="lead",
        capital_cost=None,
        operating_cost="60000",
        funding_source=REVENUE,
        funding_status=APPROVED,
        benefits="Data the board can rely on, and someone to fix it when it is wrong.",
        benefit_type=COMPLIANCE,
        value=4,
        effort=2,
        confidence=MEDIUM,
        tags="data, governance, quality",
    ),
    DemoInitiative(
        key="data-cleansing",
        title="Cleanse case data before it moves",
        summary=(
            "Find and fix duplicate, incomplete and out-of-date records in the legacy "
            "system before the migration, starting with housing cases."
        ),
        component=DATA,
        objectives=(LEGACY, DATA_USE),
        start=(2027, 1),
        end=(2027, 6),
        status=PLANNED,
        owner="admin",
        sponsor="admin",
        capital_cost="240000",
        operating_cost=None,
        funding_source=CAPITAL_FUND,
        funding_status=APPROVED,
        benefits="A migration that moves clean data once, with no fault found afterwards.",
        benefit_type=RISK,
        value=4,
        effort=3,
        confidence=MEDIUM,
        tags="data, migration, quality",
    ),
    DemoInitiative(
        key="cyber-caf",
        title="Meet the Cyber Assessment Framework baseline",
        summary=(
            "Close the gaps against the Cyber Assessment Framework baseline profile, "
            "starting with internet-facing systems and backups."
        ),
        component=DATA,
        objectives=(DATA_USE,),
        start=(2026, 4),
        end=(2027, 12),
        status=IN_PROGRESS,
        percent_complete=35,
        rag=RAG.RED,
        rag_reason=(
            "A penetration test found 12 critical vulnerabilities in the legacy web portal "
            "that its supplier cannot fix before its contract ends in March."
        ),
        owner="admin",
        sponsor="admin",
        capital_cost="380000",
        operating_cost="120000",
        funding_source=CAPITAL_FUND,
        funding_status=APPROVED,
        benefits="Residents' personal data protected to the standard the Department must meet.",
        benefit_type=COMPLIANCE,
        value=5,
        effort=4,
        confidence=MEDIUM,
        tags="security, cyber",
    ),
    DemoInitiative(
        key="consent-sharing",
        title="Consent and data-sharing agreements for reusing residents' details",
        summary=(
            "Record residents' consent in their account and agree the legal basis for "
            "reusing their details across services."
        ),
        component=DATA,
        objectives=(ACCOUNT, DATA_USE),
        start=(2027, 7),
        end=(2028, 3),
        status=PLANNED,
        owner="editor",
        sponsor="lead",
        capital_cost="90000",
        operating_cost="20000",
        funding_source=CAPITAL_FUND,
        funding_status=APPROVED,
        benefits="Details reused lawfully and transparently, with residents in control.",
        benefit_type=COMPLIANCE,
        value=4,
        effort=3,
        confidence=MEDIUM,
        tags="data, privacy, account",
    ),
    # Agile implementation and monitoring ----------------------------------------
    DemoInitiative(
        key="agile-teams",
        title="Set up multidisciplinary service teams",
        summary=(
            "Four teams, each with a product owner, user researcher, designer and "
            "developers, working in two-week sprints on one service area each."
        ),
        component=AGILE,
        objectives=(SKILLS,),
        start=(2026, 1),
        end=(2026, 6),
        status=DONE,
        percent_complete=100,
        owner="lead",
        sponsor="lead",
        capital_cost=None,
        operating_cost="1200000",
        funding_source=REVENUE,
        funding_status=APPROVED,
        benefits="Teams that can change a service every fortnight.",
        benefit_type=SERVICE,
        value=5,
        effort=3,
        confidence=HIGH,
        tags="agile, teams",
    ),
    DemoInitiative(
        key="account-discovery",
        title="Discovery and alpha for a resident account",
        summary=(
            "Research what residents need from an account and test three prototypes "
            "before choosing an identity approach."
        ),
        component=AGILE,
        objectives=(ACCOUNT,),
        start=(2026, 1),
        end=(2026, 5),
        status=DONE,
        percent_complete=100,
        owner="editor",
        sponsor="lead",
        capital_cost="120000",
        operating_cost=None,
        funding_source=CAPITAL_FUND,
        funding_status=APPROVED,
        benefits="An account designed from evidence rather than assumptions.",
        benefit_type=SERVICE,
        value=4,
        effort=2,
        confidence=HIGH,
        tags="user research, account",
    ),
    DemoInitiative(
        key="services-wave-1",
        title="Take the first six high-volume services online",
        summary=(
            "Parking permits, blue badges, bulky waste, council tax changes, licensing "
            "applications and pest control, online end to end."
        ),
        component=AGILE,
        objectives=(ONLINE,),
        start=(2027, 1),
        end=(2027, 12),
        status=PLANNED,
        owner="lead",
        sponsor="lead",
        capital_cost="1300000",
        operating_cost="150000",
        funding_source=CAPITAL_FUND,
        funding_status=APPROVED,
        benefits="Half of all transactions can be made online.",
        benefit_type=SERVICE,
        value=5,
        effort=4,
        confidence=HIGH,
        tags="services, online",
    ),
    DemoInitiative(
        key="services-wave-2",
        title="Take the remaining six high-volume services online",
        summary=(
            "Housing applications, benefits changes, school admissions appeals, "
            "planning enquiries, registrations and complaints, on the casework platform."
        ),
        component=AGILE,
        objectives=(ONLINE, COST),
        start=(2028, 1),
        end=(2029, 6),
        status=PLANNED,
        owner="lead",
        sponsor="lead",
        capital_cost="1900000",
        operating_cost="220000",
        funding_source=NEXT_ROUND,
        funding_status=REQUESTED,
        benefits="All 12 high-volume services online; 80% of transactions made online.",
        benefit_type=SERVICE,
        value=5,
        effort=5,
        confidence=MEDIUM,
        tags="services, online, casework",
    ),
    DemoInitiative(
        key="service-assessments",
        title="Assess each online service against the Service Standard",
        summary=(
            "A peer assessment of every high-volume service at each phase, with the "
            "reports published."
        ),
        component=AGILE,
        objectives=(ONLINE,),
        start=(2027, 4),
        end=(2029, 9),
        status=PLANNED,
        owner="editor",
        sponsor="lead",
        capital_cost=None,
        operating_cost="40000",
        funding_source=REVENUE,
        funding_status=APPROVED,
        benefits="Each service shown to work for its users before it replaces the old one.",
        benefit_type=COMPLIANCE,
        value=3,
        effort=2,
        confidence=HIGH,
        tags="service standard, assurance",
    ),
    DemoInitiative(
        key="performance-dashboard",
        title="Live performance dashboard for the board",
        summary=(
            "Transactions, costs, satisfaction and the KPIs of this roadmap, updated "
            "weekly from the service platforms."
        ),
        component=AGILE,
        objectives=(DATA_USE,),
        start=(2027, 1),
        end=(2027, 6),
        status=PLANNED,
        owner="editor",
        sponsor="admin",
        capital_cost="110000",
        operating_cost="25000",
        funding_source=CAPITAL_FUND,
        funding_status=APPROVED,
        benefits="The board sees data no more than a week old and can correct course sooner.",
        benefit_type=SERVICE,
        value=4,
        effort=2,
        confidence=HIGH,
        tags="performance, data, reporting",
    ),
    # Leadership commitment ------------------------------------------------------
    DemoInitiative(
        key="transformation-board",
        title="Set up the digital transformation board",
        summary=(
            "A board chaired by the Permanent Secretary that meets monthly, owns this "
            "roadmap and publishes its decisions."
        ),
        component=LEADERSHIP,
        objectives=(SKILLS, DATA_USE),
        start=(2026, 1),
        end=(2026, 3),
        status=DONE,
        percent_complete=100,
        owner="lead",
        sponsor=OutsideSponsor(
            name="Helen Carver",
            role="Permanent Secretary",
            organisation="Department of Digital Services",
        ),
        capital_cost=None,
        operating_cost=None,
        funding_source="",
        funding_status=APPROVED,
        benefits="Decisions taken in weeks, in the open, by the people accountable.",
        benefit_type=RISK,
        value=4,
        effort=1,
        confidence=HIGH,
        tags="governance",
    ),
    DemoInitiative(
        key="director-sponsors",
        title="Each director sponsors a service team",
        summary=(
            "Every director sponsors one service team, clears its blockers and attends "
            "its show and tells."
        ),
        component=LEADERSHIP,
        objectives=(SKILLS,),
        start=(2026, 4),
        end=(2026, 12),
        status=IN_PROGRESS,
        percent_complete=90,
        owner="lead",
        sponsor="lead",
        capital_cost=None,
        operating_cost=None,
        funding_source="",
        funding_status=APPROVED,
        benefits="Visible support for teams and faster decisions on what blocks them.",
        benefit_type=SERVICE,
        value=3,
        effort=1,
        confidence=HIGH,
        tags="leadership, culture",
    ),
    DemoInitiative(
        key="benefits-plan",
        title="Benefits realisation and reinvestment plan",
        summary=(
            "Agree how each saving will be measured and where it is reinvested, "
            "starting with assisted digital support."
        ),
        component=LEADERSHIP,
        objectives=(COST,),
        start=(2027, 1),
        end=(2027, 6),
        status=PLANNED,
        owner="admin",
        sponsor="admin",
        capital_cost=None,
        operating_cost="30000",
        funding_source=REVENUE,
        funding_status=APPROVED,
        benefits="Savings that are counted, kept and put back into services.",
        benefit_type=SAVING,
        value=4,
        effort=2,
        confidence=MEDIUM,
        tags="benefits, finance",
    ),
    DemoInitiative(
        key="funding-case",
        title="Business case for the 2028 to 2030 funding round",
        summary=(
            "The full business case for the second half of the roadmap, built on the "
            "benefits measured so far."
        ),
        component=LEADERSHIP,
        objectives=(LEGACY, COST),
        start=(2027, 7),
        end=(2027, 12),
        status=PLANNED,
        owner="lead",
        sponsor="admin",
        capital_cost=None,
        operating_cost="50000",
        funding_source=REVENUE,
        funding_status=APPROVED,
        benefits="Funding for the legacy switch-off and the second wave of services.",
        benefit_type=SAVING,
        value=5,
        effort=2,
        confidence=MEDIUM,
        tags="funding, business case",
    ),
    # Talent development and training --------------------------------------------
    DemoInitiative(
        key="product-owner-training",
        title="Product owner training and accreditation",
        summary=(
            "A six-week course and accreditation for the Department's new product "
            "owners, with coaching on their own services."
        ),
        component=TALENT,
        objectives=(SKILLS,),
        start=(2026, 2),
        end=(2026, 10),
        status=DONE,
        percent_complete=100,
        owner="lead",
        sponsor="lead",
        capital_cost=None,
        operating_cost="85000",
        funding_source=REVENUE,
        funding_status=APPROVED,
        benefits="Product owners with the skills and authority to decide.",
        benefit_type=SERVICE,
        value=4,
        effort=2,
        confidence=HIGH,
        tags="training, product management",
    ),
    DemoInitiative(
        key="skills-programme",
        title="Digital skills programme for 400 staff",
        summary=(
            "Four modules (user-centred design, agile delivery, data literacy and "
            "working securely) for staff at every level."
        ),
        component=TALENT,
        objectives=(SKILLS,),
        start=(2026, 5),
        end=(2029, 3),
        status=IN_PROGRESS,
        percent_complete=20,
        owner="editor",
        sponsor="lead",
        capital_cost=None,
        operating_cost="140000",
        funding_source=REVENUE,
        funding_status=APPROVED,
        benefits="Skills in-house: fewer contractors and faster change.",
        benefit_type=SERVICE,
        value=4,
        effort=3,
        confidence=MEDIUM,
        tags="training, skills",
    ),
    DemoInitiative(
        key="ddat-careers",
        title="Career paths and pay for digital, data and technology roles",
        summary=(
            "Adopt the government's digital, data and technology profession framework, "
            "with pay that lets the Department keep the people it trains."
        ),
        component=TALENT,
        objectives=(SKILLS,),
        start=(2027, 1),
        end=(2027, 12),
        status=PLANNED,
        owner=None,
        sponsor="admin",
        capital_cost=None,
        operating_cost="320000",
        funding_source="",
        funding_status=UNFUNDED,
        benefits="Specialists stay: fewer vacancies filled by contractors at twice the cost.",
        benefit_type=SAVING,
        value=4,
        effort=3,
        confidence=LOW,
        tags="skills, recruitment, pay",
    ),
    # Collaborative partnerships -------------------------------------------------
    DemoInitiative(
        key="research-panel",
        title="Recruit a resident user research panel with community groups",
        summary=(
            "A panel of 300 residents, including disabled and older people and people "
            "with little English, who take part in research and testing."
        ),
        component=PARTNERSHIPS,
        objectives=(ONLINE,),
        start=(2026, 5),
        end=(2026, 11),
        status=DONE,
        percent_complete=100,
        owner="editor",
        sponsor="lead",
        capital_cost=None,
        operating_cost="55000",
        funding_source=REVENUE,
        funding_status=APPROVED,
        benefits="Services tested with the people who find them hardest to use.",
        benefit_type=SERVICE,
        value=4,
        effort=2,
        confidence=HIGH,
        tags="user research, inclusion, community",
    ),
    DemoInitiative(
        key="apprenticeships",
        title="Digital apprenticeships with Northfield College",
        summary=(
            "Twelve apprentices a year in software development, data and cyber "
            "security, studying at the college and working in service teams."
        ),
        component=PARTNERSHIPS,
        objectives=(),  # left unlinked: the health check finds it
        start=(2028, 1),
        end=(2029, 12),
        status=PLANNED,
        owner="editor",
        sponsor="lead",
        capital_cost=None,
        operating_cost="280000",
        funding_source="Apprenticeship levy",
        funding_status=REQUESTED,
        benefits="A pipeline of local digital talent who know the Department's services.",
        benefit_type=SERVICE,
        value=3,
        effort=2,
        confidence=MEDIUM,
        tags="skills, apprenticeships, partnership",
    ),
    DemoInitiative(
        key="shared-casework",
        title="Share the casework platform with two neighbouring councils",
        summary=(
            "Northfield and Eastmoor councils move their licensing casework onto the "
            "Department's platform, sharing its running costs and its improvements."
        ),
        component=PARTNERSHIPS,
        objectives=(LEGACY, COST),
        start=(2029, 1),
        end=(2029, 12),
        status=PROPOSED,
        owner="admin",
        sponsor=OutsideSponsor(
            name="Rachel Kimura",
            role="Director of Digital",
            organisation="Northfield Borough Council",
        ),
        capital_cost="600000",
        operating_cost=None,
        funding_source="Shared between the three partners",
        funding_status=REQUESTED,
        benefits="The platform's running cost split three ways: about £270,000 a year less.",
        benefit_type=SAVING,
        value=4,
        effort=3,
        confidence=LOW,
        tags="partnership, casework, shared services",
    ),
]

# (dependant, prerequisite) by key: the dependant may start once the prerequisite
# has ended. The case migration starting before the casework platform's
# configuration ends is the one schedule conflict.
DEPENDENCIES = [
    ("casework-build", "landing-zone"),
    ("casework-build", "casework-procurement"),
    ("case-migration", "casework-build"),
    ("case-migration", "data-cleansing"),
    ("legacy-retire", "case-migration"),
    ("legacy-retire", "casework-readiness"),
    ("datacentre-exit", "legacy-retire"),
    ("datacentre-exit", "landing-zone"),
    ("shared-casework", "legacy-retire"),
    ("shared-casework", "funding-case"),
    ("notifications", "casework-build"),
    ("identity-platform", "account-discovery"),
    ("consent-sharing", "identity-platform"),
    ("consent-sharing", "data-owners"),
    ("prefill", "consent-sharing"),
    ("prefill", "forms-payments"),
    ("services-wave-1", "forms-payments"),
    ("services-wave-1", "agile-teams"),
    ("services-wave-1", "research-panel"),
    ("services-wave-2", "services-wave-1"),
    ("services-wave-2", "casework-build"),
    ("services-wave-2", "identity-platform"),
    ("services-wave-2", "process-redesign"),
    ("services-wave-2", "funding-case"),
    ("service-assessments", "agile-teams"),
    ("service-assessments", "research-panel"),
    ("data-owners", "data-strategy"),
    ("data-cleansing", "data-strategy"),
    ("data-cleansing", "casework-procurement"),
    ("performance-dashboard", "data-strategy"),
    ("process-redesign", "agile-teams"),
    ("change-champions", "transformation-board"),
    ("casework-readiness", "change-champions"),
    ("casework-readiness", "casework-procurement"),
    ("assisted-digital", "forms-payments"),
    ("director-sponsors", "transformation-board"),
    ("benefits-plan", "transformation-board"),
    ("funding-case", "benefits-plan"),
    ("skills-programme", "transformation-board"),
    ("ddat-careers", "agile-teams"),
    ("apprenticeships", "ddat-careers"),
    ("prefill", "identity-platform"),
]


@dataclass(frozen=True)
class DemoMilestone:
    title: str
    due: tuple[int, int, int | None]  # year, month, day (None: due in that month)
    initiative: str | None  # an initiative's key; None: the roadmap as a whole
    done_on: tuple[int, int, int] | None = None


# Milestones as of December 2026, like the initiatives' statuses.
MILESTONES = [
    DemoMilestone("Board approves the roadmap", (2026, 2, 12), None, done_on=(2026, 2, 12)),
    DemoMilestone("Cloud landing zone live", (2026, 10, None), "landing-zone", (2026, 10, 28)),
    DemoMilestone(
        "Casework platform contract signed", (2026, 9, 30), "casework-procurement", (2026, 9, 24)
    ),
    DemoMilestone("First three services take online payments", (2027, 3, None), "forms-payments"),
    DemoMilestone("Resident account opens to the public", (2027, 5, None), "identity-platform"),
    DemoMilestone(
        "Licensing goes live on the new casework platform", (2027, 9, None), "casework-build"
    ),
    DemoMilestone("Last open case moved off the legacy system", (2028, 6, 30), "case-migration"),
    DemoMilestone("Legacy case system switched off", (2028, 12, None), "legacy-retire"),
    DemoMilestone("Mid-point review published", (2028, 6, None), None),
    DemoMilestone("On-premises data centre closed", (2029, 9, 30), "datacentre-exit"),
]


@dataclass(frozen=True)
class DemoRisk:
    title: str
    description: str
    likelihood: int
    impact: int
    owner: str | None
    mitigation: str
    status: str
    initiatives: tuple[str, ...]


RISKS = [
    DemoRisk(
        "Data migration from the legacy system takes longer than planned",
        "Twenty years of case records in inconsistent formats may not map cleanly.",
        4,
        5,
        "lead",
        "Trial migrations every month from January 2027; a data cleansing team in place first.",
        "mitigating",
        ("case-migration", "data-cleansing"),
    ),
    DemoRisk(
        "Legacy supplier support ends before the switch-off",
        "The vendor has announced the end of support for version 8 in mid-2028.",
        3,
        5,
        "lead",
        "",
        "open",
        ("legacy-retire",),
    ),
    DemoRisk(
        "Identity verification supplier slips again",
        "The supplier's release has already slipped by six weeks.",
        4,
        3,
        "editor",
        "Weekly supplier calls; a fallback of in-person verification at libraries.",
        "mitigating",
        ("identity-platform",),
    ),
    DemoRisk(
        "Not enough product owners to run the teams",
        "Three of the seven teams have no product owner yet.",
        3,
        4,
        "admin",
        "Train internal candidates; two interim product owners from the framework.",
        "mitigating",
        ("product-owner-training", "agile-teams"),
    ),
    DemoRisk(
        "Funding for 2027-28 not confirmed",
        "The spending review outcome is due in March 2027.",
        3,
        4,
        "lead",
        "Business case submitted with phased options.",
        "open",
        ("funding-case",),
    ),
    DemoRisk(
        "Staff resist the new casework platform",
        "Caseworkers fear the change will slow them down at first.",
        3,
        3,
        "editor",
        "Change champions in every team; caseworkers test each release.",
        "mitigating",
        ("change-champions", "casework-readiness"),
    ),
    DemoRisk(
        "A cyber incident during the move to the cloud",
        "Two environments run side by side for a year, doubling what must be defended.",
        2,
        5,
        "admin",
        "Cyber Assessment Framework review before each go-live; 24/7 monitoring.",
        "mitigating",
        ("cyber-caf", "landing-zone"),
    ),
    DemoRisk(
        "Residents without internet access are left behind",
        "About one resident in eight does not use the internet.",
        2,
        4,
        "editor",
        "Assisted digital support by phone and in libraries, measured by outcome.",
        "open",
        ("assisted-digital",),
    ),
    DemoRisk(
        "Councils do not join the shared casework platform",
        "Two neighbouring councils have shown interest but made no commitment.",
        3,
        2,
        "lead",
        "Joint discovery with both councils in 2028.",
        "open",
        ("shared-casework",),
    ),
    DemoRisk(
        "Old upgrade of the legacy system wastes money",
        "The version 9 upgrade was stopped once the switch-off was agreed.",
        1,
        2,
        None,
        "Upgrade cancelled in April 2026.",
        "closed",
        ("legacy-upgrade",),
    ),
]


# KPIs as published roadmaps state them (issue 12): a figure tracked without a
# target, a baseline not yet known, qualified values ("more than 100"), target
# dates given as a year, a quarter or a month, six-monthly and yearly reporting,
# and one KPI overdue. Dates are relative to the day the demo is seeded.


@dataclass(frozen=True)
class DemoReading:
    months_ago: int  # the reading is dated at the end of that month
    value: str
    qualifier: str = "exactly"
    source: str = ""
    note: str = ""


@dataclass(frozen=True)
class DemoPublishedKPI:
    objective: str  # the title of its demo objective
    name: str
    definition: str
    unit: str
    unit_kind: KPIUnitKind
    direction: KPIDirection
    frequency: ReportingFrequency
    owner: str
    data_source: str
    readings: tuple[DemoReading, ...]
    baseline: str | None = None  # None: not yet known
    baseline_qualifier: str = "exactly"
    baseline_precision: str = "day"
    baseline_months_ago: int = 0
    baseline_note: str = ""
    target: str | None = None  # None: tracked without a target
    target_qualifier: str = "exactly"
    target_precision: str = "day"
    target_years_ahead: int = 0  # the target's period: this many years on (or months)
    target_months_ahead: int = 0


PUBLISHED_KPIS = (
    DemoPublishedKPI(
        objective="Give residents one secure account and ask for details only once",
        name="People who have proved their identity online",
        definition="Residents who have proved who they are once, for every service, since "
        "the account opened. Published each year; there is no target, the trend is followed.",
        unit="people",
        unit_kind=KPIUnitKind.COUNT,
        direction=KPIDirection.HIGHER,
        frequency=ReportingFrequency.ANNUALLY,
        owner="lead",
        data_source="Identity service statistics",
        baseline="1200000",
        baseline_qualifier="about",
        baseline_precision="year",
        baseline_months_ago=24,
        readings=(
            DemoReading(13, "1600000", "about", "Annual report, page 12"),
            DemoReading(1, "2200000", "more_than", "Annual report, page 9", "Provisional."),
        ),
    ),
    DemoPublishedKPI(
        objective="Make every high-volume service available online end to end",
        name="Services that meet the accessibility standard",
        definition="Services that pass a full accessibility audit against WCAG 2.2 AA.",
        unit="services",
        unit_kind=KPIUnitKind.COUNT,
        direction=KPIDirection.HIGHER,
        frequency=ReportingFrequency.SIX_MONTHLY,
        owner="editor",
        data_source="Accessibility audit register",
        baseline_note="after the first full audit, in the spring",
        target="190",
        target_qualifier="at_least",
        target_precision="year",
        target_years_ahead=2,
        readings=(
            DemoReading(2, "100", "more_than", "Audit register, first round", "Audits half done."),
        ),
    ),
    DemoPublishedKPI(
        objective="Use data safely to make better decisions",
        name="Cyber incidents that stopped a service",
        definition="Security incidents that made a service unavailable, per quarter.",
        unit="incidents",
        unit_kind=KPIUnitKind.COUNT,
        direction=KPIDirection.LOWER,
        frequency=ReportingFrequency.QUARTERLY,
        owner="lead",
        data_source="Security operations centre",
        baseline="40",
        baseline_qualifier="about",
        baseline_precision="quarter",
        baseline_months_ago=12,
        target="10",
        target_qualifier="fewer_than",
        target_precision="quarter",
        target_months_ahead=18,
        readings=(
            DemoReading(1, "30", "more_than", "Quarterly security report", "Counting changed."),
        ),
    ),
    DemoPublishedKPI(
        objective="Build digital skills and an agile delivery culture",
        name="Staff trained in data skills",
        definition="Staff who have completed the data skills course.",
        unit="staff",
        unit_kind=KPIUnitKind.COUNT,
        direction=KPIDirection.HIGHER,
        frequency=ReportingFrequency.MONTHLY,
        owner="editor",
        data_source="Learning system",
        baseline="120",
        baseline_precision="month",
        baseline_months_ago=9,
        target="600",
        target_qualifier="at_least",
        target_precision="month",
        target_months_ahead=16,
        readings=(
            DemoReading(6, "200", source="Learning system export"),
            DemoReading(4, "260", source="Learning system export", note="Then the export broke."),
        ),
    ),
)


# Who publishes the roadmap and who is accountable for its missions (issue 12):
# a joint roadmap with two partners, the roadmap's own word for its objectives,
# each mission's sponsor (one outside the service), and one goal of this roadmap.

DEMO_OBJECTIVE_LABEL = "mission"
DEMO_PUBLISHER = "Demo Department of Digital Services"
DEMO_PARTNERS = ("Regional Health Authority", "Association of Local Councils")

# Objective title -> its sponsor: a demo user name, or someone outside the service.
OBJECTIVE_SPONSORS: dict[str, str | OutsideSponsor] = {
    ONLINE: OutsideSponsor(
        name="Dr Amina Okafor",
        role="Permanent Secretary",
        organisation="Department for Work and Pensions",
    ),
    LEGACY: "admin",
    DATA_USE: OutsideSponsor(
        name="Sam Whitfield", role="Chief Data Officer", organisation="Regional Health Authority"
    ),
    SKILLS: "admin",
    COST: "lead",
    # ACCOUNT: no sponsor yet, so the pages and the PDF say what is missing.
}

# A goal of this roadmap alone (the agency's goals are shared by all its roadmaps),
# and the missions that serve it: (title, description, ((objective, rationale), ...)).
ROADMAP_GOALS = (
    (
        "One front door for residents",
        "Residents reach every service of the Department, and of its partners, through one "
        "account and one sign-in.",
        (
            (ACCOUNT, "The account is the front door."),
            (ONLINE, "Every online service starts from the account."),
        ),
    ),
)
