"""The busiest pages run a fixed number of SQL queries, however much they list.

Each test renders a page with 3 rows, adds 27 more, renders it again, and
checks that the page shows all 30 with the same number of queries, and no more
than the budget (raise a budget only on purpose).
"""

import re
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.services import recovery_codes_replace
from agencies.models import Invitation, Membership, Organisation, Role, token_digest
from reports.models import ReportJob, ReportJobStatus
from roadmap.models import Initiative, Milestone, Objective, Risk, Roadmap

from .accounts.two_factor import sign_in_with_second_factor
from .helpers import count_queries, url
from .html import squash
from .roadmap.views.test_objectives import fill_roadmap

FEW, MANY = 3, 30

# Measured on SQLite and PostgreSQL. Every page: the session, the user and the
# header's agency switcher; every agency page also the caller's membership;
# then what the page itself lists.
BUDGET = {
    "home": 5,  # + the caller's agencies, their roadmaps with objective counts
    "agency roadmaps": 5,  # + the roadmaps with objective counts
    "roadmap": 17,  # the overview: + the roadmap, its principles' count, its partners,
    # objectives' counts, KPIs, measurements, initiatives' counts; the health panel:
    # initiatives, objectives and dependencies as facts, components (for the seven
    # lanes), risks, gaps
    "vision": 7,  # + the roadmap, its principles, its own goals
    "objectives": 9,  # + the roadmap, its objectives (with owners), alignments (with goals),
    # KPIs, measurements
    "kpis": 7,  # + the roadmap, its KPIs (with objectives), measurements
    "exports": 6,  # + the roadmap, its recent jobs with who asked
    "members": 5,  # + the members with their users
    "members (admin)": 6,  # + the pending invitations with who sent them
    "agency settings": 4,  # the session, the user, the switcher, the membership
    "invitation": 1,  # signed out: the invitation with its agency and inviter
    "help": 3,  # the session, the user and the header's agency switcher, nothing more
    "milestones": 6,  # + the roadmap, its milestones with their initiatives
    "risks": 7,  # + the roadmap, its risks with owners, the initiatives they threaten
}


def assert_constant(
    client, page: str, address: str, add_rows, row: str, *, shows_at_most: int = MANY
) -> None:
    """`add_rows(first, count)` creates rows numbered from `first`; `row` finds one on the page."""
    add_rows(0, FEW)
    few, text = count_queries(client, address)
    assert len(set(re.findall(row, text))) == FEW

    add_rows(FEW, MANY - FEW)
    many, text = count_queries(client, address)
    assert len(set(re.findall(row, text))) == min(MANY, shows_at_most), "rows are missing"

    assert few == many, f"{page}: {few} queries with {FEW} rows, {many} with {MANY}"
    assert many <= BUDGET[page], f"{page}: {many} queries, over the budget of {BUDGET[page]}"


@pytest.fixture
def lead_client(client, lead):
    client.force_login(lead)
    return client


def add_roadmaps(agency, first: int, count: int) -> None:
    roadmaps = Roadmap.objects.bulk_create(
        Roadmap(
            organisation=agency,
            title=f"Roadmap number {n:02}",
            slug=f"roadmap-{n:02}",
            horizon_start_year=2026,
            horizon_end_year=2030,
        )
        for n in range(first, first + count)
    )
    Objective.objects.bulk_create(
        Objective(roadmap=roadmap, title=f"Objective {i}", position=i)
        for roadmap in roadmaps
        for i in range(2)
    )


def test_home_page(lead_client, agency, other_agency, lead):
    Membership.objects.create(user=lead, organisation=other_agency, role=Role.VIEWER)

    def add_rows(first, count):
        add_roadmaps(agency, first, count)
        add_roadmaps(other_agency, first, count)

    assert_constant(
        lead_client, "home", reverse("home"), add_rows, r"/agencies/agency-a/roadmaps/roadmap-\d+/"
    )


def test_agency_roadmap_list(lead_client, agency):
    assert_constant(
        lead_client,
        "agency roadmaps",
        reverse("roadmap:agency", kwargs={"agency": agency.slug}),
        lambda first, count: add_roadmaps(agency, first, count),
        r"Roadmap number \d+",
    )


# A roadmap's pages. `fill_roadmap` adds, for each row, a principle, a goal and an
# objective aligned to two goals, with two KPIs of three measurements each (the
# roadmap already has one objective, "Services online", with nothing).


def test_roadmap_overview(lead_client, roadmap, editor):
    """The overview counts what the sections list: its cost does not grow with them."""
    address = roadmap.get_absolute_url()

    fill_roadmap(roadmap, editor, 0, FEW)
    few, text = count_queries(lead_client, address)
    text = squash(text)
    assert f"{FEW} guiding principles" in text
    assert f'<span class="figure__number">{FEW + 1}</span> objectives</a>' in text
    assert f">{2 * FEW} KPIs</a>" in text

    fill_roadmap(roadmap, editor, FEW, MANY - FEW)
    many, text = count_queries(lead_client, address)
    text = squash(text)
    assert f"{MANY} guiding principles" in text
    assert f'<span class="figure__number">{MANY + 1}</span> objectives</a>' in text
    assert f">{2 * MANY} KPIs</a>" in text

    assert few == many, f"roadmap: {few} queries with {FEW} rows, {many} with {MANY}"
    assert many <= BUDGET["roadmap"], f"roadmap: {many} queries, over the budget"


@pytest.mark.parametrize(
    "page, row",
    [
        ("vision", r"Principle number \d+"),
        ("objectives", r"Objective number \d+"),
        (
            "kpis",
            r'<a href="[^"]+">Objective \d+: Objective number \d+</a></td>',
        ),  # each KPI's objective
    ],
)
def test_roadmap_section_pages(lead_client, roadmap, editor, page, row):
    assert_constant(
        lead_client,
        page,
        url(page, roadmap),
        lambda first, count: fill_roadmap(roadmap, editor, first, count),
        row,
    )


def test_the_kpi_table_filtered_by_status(lead_client, roadmap, editor):
    """`?status=` filters the rows it has read: it costs what the whole table does."""
    address = f"{url('kpis', roadmap)}?status=on_track"
    fill_roadmap(roadmap, editor, 0, FEW)
    few, text = count_queries(lead_client, address)
    shown = len(re.findall(r'<tr id="kpi-\d+">', text))
    fill_roadmap(roadmap, editor, FEW, MANY - FEW)
    many, text = count_queries(lead_client, address)

    assert shown and len(re.findall(r'<tr id="kpi-\d+">', text)) > shown
    assert few == many <= BUDGET["kpis"], (few, many)


def make_users(first: int, count: int, prefix: str) -> list:
    return get_user_model().objects.bulk_create(
        get_user_model()(
            username=f"{prefix}-{n:02}", email=f"{prefix}-{n:02}@example.gov", password="!"
        )
        for n in range(first, first + count)
    )


def test_exports_page(lead_client, roadmap):
    statuses = list(ReportJobStatus)

    def add_rows(first, count):
        users = make_users(first, count, "requester")
        ReportJob.objects.bulk_create(
            ReportJob(
                roadmap=roadmap,
                requested_by=user,
                status=statuses[n % len(statuses)],
                page_count=n,
                size_bytes=1000 * n,
            )
            for n, user in enumerate(users, start=first)
        )

    assert_constant(
        lead_client,
        "exports",
        reverse("reports:roadmap-exports", kwargs={"agency": "agency-a", "slug": roadmap.slug}),
        add_rows,
        r"requester-\d+",  # who asked for each job
        shows_at_most=20,  # the most recent exports
    )


def test_members_page(lead_client, agency):
    def add_rows(first, count):
        Membership.objects.bulk_create(
            Membership(user=user, organisation=agency, role=Role.EDITOR)
            for user in make_users(first, count, "member")
        )

    assert_constant(
        lead_client,
        "members",
        reverse("agencies:members", kwargs={"agency": agency.slug}),
        add_rows,
        r"member-\d+@example\.gov",
    )


def add_invitations(agency, inviter, first: int, count: int) -> None:
    Invitation.objects.bulk_create(
        Invitation(
            organisation=agency,
            email=f"invitee-{n:02}@example.gov",
            token_digest=token_digest(f"token-{n}"),
            invited_by=inviter,
            sent_at=timezone.now(),
            expires_at=timezone.now() + timedelta(days=7),
        )
        for n in range(first, first + count)
    )


def test_members_page_for_admins(client, agency, admin_user):
    client.force_login(admin_user)

    def add_rows(first, count):
        add_invitations(agency, admin_user, first, count)
        Membership.objects.bulk_create(
            Membership(user=user, organisation=agency, role=Role.EDITOR)
            for user in make_users(first, count, "member")
        )

    assert_constant(
        client,
        "members (admin)",
        reverse("agencies:members", kwargs={"agency": agency.slug}),
        add_rows,
        r"invitee-\d+@example\.gov",
    )


def test_agency_settings_page(client, agency, admin_user):
    client.force_login(admin_user)

    def add_rows(first, count):
        add_invitations(agency, admin_user, first, count)
        Membership.objects.bulk_create(
            Membership(user=user, organisation=agency, role=Role.EDITOR)
            for user in make_users(first, count, "member")
        )

    address = reverse("agencies:settings", kwargs={"agency": agency.slug})
    add_rows(0, FEW)
    few, _ = count_queries(client, address)
    add_rows(FEW, MANY - FEW)
    many, _ = count_queries(client, address)
    assert few == many <= BUDGET["agency settings"], (few, many)


def test_invitation_page_signed_out(client, agency, admin_user):
    add_invitations(agency, admin_user, 0, FEW)
    address = reverse("agencies:invitation-accept", kwargs={"token": "token-1"})
    few, text = count_queries(client, address)
    assert set(re.findall(r"invitee-\d+", text)) == {"invitee-01"}  # only their own
    add_invitations(agency, admin_user, FEW, MANY - FEW)
    many, _ = count_queries(client, address)
    assert few == many <= BUDGET["invitation"], (few, many)


@pytest.mark.parametrize("page", ["help", "accessibility", "privacy"])
def test_footer_pages(lead_client, lead, page):
    """What grows on a footer page is the header's list of the caller's agencies."""

    def add_rows(first, count):
        agencies = Organisation.objects.bulk_create(
            Organisation(name=f"Extra agency {n:02}", slug=f"extra-{n:02}")
            for n in range(first, first + count)
        )
        Membership.objects.bulk_create(
            Membership(user=lead, organisation=agency, role=Role.VIEWER) for agency in agencies
        )

    assert_constant(
        lead_client, "help", reverse(f"pages:{page}"), add_rows, r"/agencies/extra-\d+/"
    )


# Your account and two-factor pages: the session, the user, the device that
# verified the session, the header's agency switcher, then the page's own reads.
ACCOUNT_BUDGET = {
    "accounts:detail": 7,  # + the app, the recovery codes left, admin of an agency?
    "accounts:recovery-codes": 6,  # + the app, the codes
    "accounts:two-factor-remove": 6,  # + the app, admin of an agency?
    "accounts:two-factor-verify": 5,  # + the app
}


def add_people_with_two_factor(first: int, count: int) -> None:
    for user in make_users(first, count, "two-factor"):
        sign_in_with_second_factor(Client(), user)
        recovery_codes_replace(user=user)


def test_account_pages(client, lead):
    sign_in_with_second_factor(client, lead)
    recovery_codes_replace(user=lead)
    few = {}
    add_people_with_two_factor(0, FEW)
    for name in ACCOUNT_BUDGET:
        few[name], _ = count_queries(client, reverse(name))
    add_people_with_two_factor(FEW, 10 * FEW)
    for name, budget in ACCOUNT_BUDGET.items():
        many, _ = count_queries(client, reverse(name))
        assert few[name] == many, f"{name}: {few[name]} queries, then {many} with 10x the data"
        assert many <= budget, f"{name}: {many} queries, over the budget of {budget}"


def test_sign_in_and_password_reset_pages(client, db):
    for name in ("login", "accounts:password-reset", "accounts:password-reset-done"):
        response_queries, _ = count_queries(client, reverse(name))
        assert response_queries == 0, f"{name}: {response_queries} queries signed out"


def add_plan(roadmap, first: int, count: int) -> list:
    """`count` initiatives numbered from `first`, in the roadmap's first component."""
    component = roadmap.components.first()
    return Initiative.objects.bulk_create(
        Initiative(
            roadmap=roadmap,
            component=component,
            title=f"Initiative number {n:02}",
            start_month=date(2026, 4, 1),
            end_month=date(2027, 3, 1),
            position=n,
        )
        for n in range(first, first + count)
    )


def test_milestones_page(lead_client, roadmap):
    def add_rows(first, count):
        initiatives = add_plan(roadmap, first, count)
        Milestone.objects.bulk_create(
            Milestone(
                roadmap=roadmap,
                initiative=initiative,
                title=f"Milestone number {n:02}",
                due_date=date(2027, 6, 1),  # outside its initiative: the warning costs nothing
                position=n,
            )
            for n, initiative in enumerate(initiatives, start=first)
        )

    assert_constant(
        lead_client,
        "milestones",
        reverse(
            "roadmap:milestones", kwargs={"agency": roadmap.organisation.slug, "slug": roadmap.slug}
        ),
        add_rows,
        r"Milestone number \d+",
    )


def test_risks_page(lead_client, lead, roadmap):
    def add_rows(first, count):
        initiatives = add_plan(roadmap, first, count)
        risks = Risk.objects.bulk_create(
            Risk(
                roadmap=roadmap,
                title=f"Risk number {n:02}",
                likelihood=n % 5 + 1,
                impact=5,
                owner=lead,
                position=n,
            )
            for n in range(first, first + count)
        )
        for risk, initiative in zip(risks, initiatives, strict=True):
            risk.initiatives.add(initiative)

    assert_constant(
        lead_client,
        "risks",
        reverse(
            "roadmap:risks", kwargs={"agency": roadmap.organisation.slug, "slug": roadmap.slug}
        ),
        add_rows,
        r"Risk number \d+",
    )
