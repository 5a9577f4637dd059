"""Who may do what, for every page of the project: one table, every route.

The rules (agencies/access.py):

- Signed out, every page and every method sends you to sign in, except the
  footer's pages (help, accessibility, privacy: `PUBLIC`), which anyone reads.
- Agency B's member asking for agency A's pages gets 404, whatever their role
  in agency B: another agency's data does not exist for you.
- A member of agency A whose role is below the page's minimum gets 403.
- At or above it, the page does its work.
- A method the page does not take gets 405. Writes are POST only. Signing
  in comes first; most pages refuse the method next, before looking at the
  agency (so agency B's member gets 405 too), but the roadmap page, the
  goals page (and the pages with no method check) look at the agency first
  (`agency_first`: agency B's member gets 404).

TABLE has one entry per route the project serves (the resolver is walked for
them: `test_every_route_has_an_entry_in_the_table` fails, naming the route,
when a new one has none). Each entry says how to build the route's address
from `world` (agency A's objects), who may GET it and who may POST it, and
what a successful POST does. Where a view breaks the rules, its entry says so
(`known_bug`) and the cases it fails are strict xfails.

`test_permission_matrix` asks every route as every persona, with GET, with
POST and with PUT, PATCH and DELETE (one case: each is refused, so they share
a `world`), on a fresh `world` each time.

A refused request (sign in, 403, 404, 405) and every GET must send no INSERT,
UPDATE or DELETE to the database (stricter than comparing the rows before and
after) and queue nothing for after the commit; what agency B's members are
refused must not name agency A.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN
from django.core import mail, signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, include, path, reverse
from django.urls.resolvers import RegexPattern
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import views as account_views
from agencies.models import Invitation, Membership, Organisation, Role, token_digest
from assessments.models import Gap, Process, SwotItem, System
from assessments.views import imports as inventory_imports
from reports.models import ReportJob, ReportJobStatus
from roadmap.models import (
    KPI,
    Component,
    Dependency,
    GuidingPrinciple,
    Initiative,
    Measurement,
    Milestone,
    Objective,
    ObjectiveAlignment,
    OrganisationalGoal,
    Risk,
    Roadmap,
)
from roadmap.services.initiatives import dependency_add, initiative_create
from roadmap.views import imports
from stakeholders.models import PersonalDataAction, PersonalDataEvent, RaciAssignment, Stakeholder
from stakeholders.services.stakeholders import stakeholder_create
from stakeholders.views.imports import stakeholder_import
from ui.imports import match_headers, read_sheet
from ui.models import StagedImport

from .accounts.two_factor import KEY_HEX, sign_in_with_second_factor, totp_code
from .conftest import make_member
from .helpers import date_fields
from .roadmap.kpi_factories import days_ago, make_kpi, measure, today

# The routes ---------------------------------------------------------------------

# Not ours to test here: Django's admin and sign-in views, and the load
# balancer's probe (tests/test_health.py).
SKIPPED_NAMESPACES = {"admin"}
SKIPPED_NAMES = {"login", "logout", "healthz"}


def is_static(pattern: URLPattern) -> bool:
    route = str(pattern.pattern).lstrip("^")
    return any(
        prefix.strip("/") and route.startswith(prefix.strip("/"))
        for prefix in (settings.STATIC_URL, settings.MEDIA_URL)
    )


def project_routes(resolver: URLResolver | None = None, prefix: str = "") -> list[str]:
    """Every route name the project serves, with its namespaces ("roadmap:kpi-edit")."""
    names = []
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in SKIPPED_NAMESPACES:
                continue
            inner = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            names += project_routes(pattern, inner)
        elif not is_static(pattern) and (prefix or pattern.name not in SKIPPED_NAMES):
            names.append(prefix + pattern.name if pattern.name else f"<unnamed: {pattern}>")
    return names


def problems_with_the_table(routes: list[str]) -> list[str]:
    problems = [f"{name}: give it a name, then an entry in TABLE" for name in routes if "<" in name]
    problems += [
        f"{name}: no entry in TABLE in tests/test_permissions.py. Add one: how to build "
        "its address, the minimum role to GET it and to POST it (or NOT_ALLOWED)."
        for name in routes
        if name not in TABLE and "<" not in name
    ]
    problems += [
        f"{name}: two routes have this name" for name in {n for n in routes if routes.count(n) > 1}
    ]
    problems += [f"{name}: in TABLE but no longer a route" for name in TABLE if name not in routes]
    return problems


# The world every case starts from ---------------------------------------------------


@dataclass
class World:
    agency: Organisation
    roadmap: Roadmap
    objective: Objective  # "Services online", first of two
    kpi: KPI  # first of two, with one measurement
    measurement: Measurement
    principle: GuidingPrinciple  # first of two
    goal: OrganisationalGoal  # first of two; `objective` is aligned to it
    second_goal: OrganisationalGoal
    alignment: ObjectiveAlignment
    job: ReportJob  # ready, with its PDF
    member: Membership  # vik-viewer's: the one the member pages change and remove
    stranger: AbstractBaseUser  # agency B's admin, whom agency A's admin may invite
    invitation: Invitation  # pending, to new.person@example.gov, as an editor
    invitation_token: str  # its secret link's token
    users: dict[str, AbstractBaseUser]  # persona -> user
    initiative: Initiative  # "Cloud hosting", which "Retire the old system" depends on
    second_initiative: Initiative
    dependency: Dependency
    component: Component  # the first of the seed's seven, holding both initiatives
    empty_component: Component  # the last, holding nothing
    milestone: Milestone  # of `initiative`, due 30 November 2026
    risk: Risk  # "Supplier fails", likely and severe
    stakeholder: Stakeholder  # "Dana Whitfield", a person with contact details


REPORT = "reports/permission-matrix.pdf"


@pytest.fixture(scope="session")
def report_file(media_root):
    """One ready report's PDF on disk, for every case's job to point at."""
    (media_root / REPORT).parent.mkdir(parents=True, exist_ok=True)
    (media_root / REPORT).write_bytes(b"%PDF-1.4\n%%EOF\n")
    return REPORT


@pytest.fixture
def world(
    django_user_model,
    report_file,
    agency,
    roadmap,
    viewer,
    editor,
    lead,
    admin_user,
    other_agency,
    other_roadmap,
) -> World:
    objective = roadmap.objectives.get()
    Objective.objects.create(roadmap=roadmap, title="Data shared once", position=1)
    kpi = make_kpi(objective)
    make_kpi(objective, name="Second KPI")
    principles = [
        GuidingPrinciple.objects.create(roadmap=roadmap, title=title, position=n)
        for n, title in enumerate(["Digital by default", "Secure by design"])
    ]
    goals = [
        OrganisationalGoal.objects.create(organisation=agency, title=title, position=n)
        for n, title in enumerate(["Cut waiting times", "Spend less"])
    ]
    job = ReportJob.objects.create(
        roadmap=roadmap,
        status=ReportJobStatus.READY,
        finished_at=timezone.now(),
        options={"version": roadmap.version},
        file=report_file,
    )
    # Agency B's admin, all-powerful there, and its viewer: nobody here.
    # other_roadmap has the same slug as agency A's roadmap.
    stranger = make_member(django_user_model, other_agency, "bea-b-admin", Role.ADMIN)
    b_viewer = make_member(django_user_model, other_agency, "ben-b-viewer", Role.VIEWER)
    invitation = Invitation.objects.create(
        organisation=agency,
        email="new.person@example.gov",
        role=Role.EDITOR,
        token_digest=token_digest("world-invitation-token"),
        invited_by=admin_user,
        sent_at=timezone.now(),
        expires_at=timezone.now() + timedelta(days=7),
    )
    components = list(roadmap.components.all())
    cloud = initiative_create(
        roadmap=roadmap,
        title="Cloud hosting",
        component=components[0],
        start_month=date(2026, 4, 1),
        end_month=date(2027, 3, 1),
        objectives=[objective],
    )
    retire = initiative_create(
        roadmap=roadmap,
        title="Retire the old system",
        component=components[0],
        start_month=date(2027, 4, 1),
        end_month=date(2027, 12, 1),
    )
    initiative_create(
        roadmap=roadmap,
        title="Landing zone",
        component=components[0],
        start_month=date(2026, 1, 1),
        end_month=date(2026, 3, 1),
    )
    return World(
        initiative=cloud,
        second_initiative=retire,
        dependency=dependency_add(initiative=retire, prerequisite=cloud),
        component=components[0],
        empty_component=components[-1],
        agency=agency,
        roadmap=roadmap,
        objective=objective,
        kpi=kpi,
        measurement=measure(kpi, days_ago(30), 40, entered_by=editor),
        principle=principles[0],
        goal=goals[0],
        second_goal=goals[1],
        alignment=ObjectiveAlignment.objects.create(
            objective=objective, goal=goals[0], rationale="Online journeys remove queues."
        ),
        job=job,
        member=Membership.objects.get(user=viewer, organisation=agency),
        stranger=stranger,
        invitation=invitation,
        invitation_token="world-invitation-token",
        milestone=Milestone.objects.create(
            roadmap=roadmap, initiative=cloud, title="Board approval", due_date=date(2026, 11, 30)
        ),
        risk=Risk.objects.create(roadmap=roadmap, title="Supplier fails", likelihood=4, impact=5),
        stakeholder=stakeholder_create(
            roadmap=roadmap,
            name="Dana Whitfield",
            level="senior",
            email="dana@example.gov",
            lawful_basis="public_task",
            review_on=date(2030, 1, 1),
        ),
        users={
            "viewer": viewer,
            "editor": editor,
            "lead": lead,
            "admin_user": admin_user,
            "agency_b_admin": stranger,
            "agency_b_viewer": b_viewer,
        },
    )


WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


def writes(queries: CaptureQueriesContext) -> list[str]:
    return [query["sql"] for query in queries if WRITE.match(query["sql"])]


def agency_a_names(world: World) -> list[str]:
    """What a page refused to agency B's members must not show."""
    return ["Agency A", world.roadmap.title, world.objective.title, "alice-admin"]


# Addresses and valid POSTs ------------------------------------------------------------


def in_agency(w: World, **kwargs) -> dict:
    return {"agency": w.agency.slug, **kwargs}


def in_roadmap(w: World, **kwargs) -> dict:
    return in_agency(w, slug=w.roadmap.slug, **kwargs)


def in_objective(w: World, **kwargs) -> dict:
    return in_roadmap(w, pk=w.objective.pk, **kwargs)


def in_kpi(w: World, **kwargs) -> dict:
    return in_objective(w, kpi_pk=w.kpi.pk, **kwargs)


def a_partner(w: World):
    """Agency A's roadmap's first partner organisation (and a second, to move past)."""
    from roadmap.models import Partner

    first, _ = Partner.objects.get_or_create(
        roadmap=w.roadmap, name="Regional Health Authority", defaults={"position": 0}
    )
    Partner.objects.get_or_create(
        roadmap=w.roadmap, name="Association of Local Councils", defaults={"position": 1}
    )
    return first


def a_roadmap_goal(w: World):
    """A goal of agency A's roadmap alone (and a second, to move past)."""
    first, _ = OrganisationalGoal.objects.get_or_create(
        organisation=w.agency, roadmap=w.roadmap, title="One front door", defaults={"position": 0}
    )
    OrganisationalGoal.objects.get_or_create(
        organisation=w.agency, roadmap=w.roadmap, title="Fewer forms", defaults={"position": 1}
    )
    return first


def overview_page(w: World, anchor: str) -> str:
    return f"{reverse('roadmap:detail', kwargs=in_roadmap(w))}#{anchor}"


def vision_page(w: World, anchor: str) -> str:
    """The roadmap's "Vision and principles" page, which holds the principles."""
    return f"{reverse('roadmap:vision', kwargs=in_roadmap(w))}#{anchor}"


def objectives_page(w: World, anchor: str) -> str:
    """The roadmap's "Objectives and KPIs" page: the objectives' list."""
    return f"{reverse('roadmap:objectives', kwargs=in_roadmap(w))}#{anchor}"


def objective_page(w: World, anchor: str) -> str:
    return f"{reverse('roadmap:objective-detail', kwargs=in_objective(w))}#{anchor}"


def kpi_page(w: World, anchor: str = "") -> str:
    address = reverse("roadmap:kpi-detail", kwargs=in_kpi(w))
    return f"{address}#{anchor}" if anchor else address


def initiative_page(w: World, anchor: str = "") -> str:
    address = w.initiative.get_absolute_url()
    return f"{address}#{anchor}" if anchor else address


def components_page(w: World, anchor: str) -> str:
    return f"{reverse('roadmap:components', kwargs=in_roadmap(w))}#{anchor}"


def an_assessment(w: World, title: str = "Baseline 2026", *, completed: bool = False):
    """Agency A's assessment `title` (made on first use), every question answered
    by the lead at 1 now and 4 targeted, so its results offer gaps."""
    from assessments.models import Answer, Assessment, AssessmentStatus, Question

    framework = current_framework()
    assessment, created = Assessment.objects.get_or_create(
        roadmap=w.roadmap,
        title=title,
        defaults={"framework": framework, "assessed_on": date(2026, 2, 16)},
    )
    if created:
        Answer.objects.bulk_create(
            Answer(
                assessment=assessment,
                question=question,
                respondent=w.users["lead"],
                current_level=1,
                target_level=4,
            )
            for question in Question.objects.filter(dimension__framework=framework)
        )
        if completed:
            assessment.status = AssessmentStatus.COMPLETED
            assessment.completed_at = timezone.now()
            assessment.save()
    return assessment


def current_framework():
    from assessments.models import Framework

    return Framework.objects.get(code="public-sector-digital-maturity", is_current=True)


def in_assessment(w: World, **kwargs) -> dict:
    return in_roadmap(w, pk=an_assessment(w).pk, **kwargs)


def first_question(w: World):
    return an_assessment(w).framework.dimensions.first().questions.first()


def answer_page(w: World) -> str:
    dimension = an_assessment(w).framework.dimensions.first()
    return reverse(
        "assessments:assessment-answer", kwargs=in_assessment(w, dimension_pk=dimension.pk)
    )


def initiative_form(w: World, **changes) -> dict:
    return {
        "title": "Cloud hosting",
        "component": str(w.component.pk),
        "objectives": [str(w.objective.pk)],
        "start_month_month": "4",
        "start_month_year": "2026",
        "end_month_month": "3",
        "end_month_year": "2027",
        "status": "planned",
        "rag": "green",
        "percent_complete": "0",
        "funding_status": "unfunded",
        "benefit_type": "cost_saving",
        "value": "3",
        "effort": "3",
        "confidence": "medium",
        **changes,
    }


def plan_page(w: World, route: str, anchor: str) -> str:
    """A page of the roadmap's plan that is an inline list: milestones, risks."""
    return f"{reverse(route, kwargs=in_roadmap(w))}#{anchor}"


def goals_page(w: World, anchor: str) -> str:
    return f"{reverse('roadmap:goals', kwargs=in_agency(w))}#{anchor}"


def members_page(w: World, anchor: str = "") -> str:
    address = reverse("agencies:members", kwargs=in_agency(w))
    return f"{address}#{anchor}" if anchor else address


def invitation_accepted(w: World) -> bool:
    return Invitation.objects.get(pk=w.invitation.pk).accepted_at is not None


NEW_ACCOUNT = {
    "first_name": "Nia",
    "last_name": "Newcomer",
    "password": "a-long-and-unusual-passphrase",
    "password_again": "a-long-and-unusual-passphrase",
}


def titles(queryset) -> list[str]:
    return list(queryset.order_by("position", "pk").values_list("title", flat=True))


def new_kpi(**changes) -> dict[str, str]:
    return {
        "name": "Claims decided within 10 days",
        "definition": "Claims decided within 10 working days, as a share of all claims.",
        "unit": "%",
        "direction": "higher",
        "baseline_value": "45",
        "target_value": "80",
        "data_source": "Case management system",
        "owner": "",
        "reporting_frequency": "monthly",
        **date_fields("baseline_date", days_ago(100)),
        **date_fields("target_date", today() + timedelta(days=365)),
        **changes,
    }


ROADMAP_FORM = {
    "title": "Renamed roadmap",
    "horizon_start_year": "2026",
    "horizon_end_year": "2032",
    "vision": "A changed vision.",
}


def with_authenticator(w: World, client, user) -> None:
    """The persona has an authenticator app and this session has given its code."""
    if user is not None:
        sign_in_with_second_factor(client, user)


def with_reset_link_opened(w: World, client, user) -> None:
    """The session has opened vik-viewer's reset link, which Django then keeps
    in the session and takes out of the address."""
    session = client.session
    session[INTERNAL_RESET_SESSION_TOKEN] = default_token_generator.make_token(w.users["viewer"])
    session.save()


def reset_link(w: World) -> dict:
    return {
        "uidb64": urlsafe_base64_encode(force_bytes(w.users["viewer"].pk)),
        "token": "set-password",
    }


def signed_setup_key() -> str:
    return signing.dumps(KEY_HEX, salt=account_views.KEY_SALT)


NEW_PASSWORD = "a-new-Passphrase-for-vik-42"


# The communication plan and engagement log (stakeholders/urls.py): made on demand,
# before the request, so the routes that need them find them in `world`.
def engagement(w: World) -> SimpleNamespace:
    if "engagement" not in w.__dict__:
        from stakeholders.models import Stakeholder
        from stakeholders.services.communications import calendar_feed_create, communication_create
        from stakeholders.services.engagements import follow_up_create, interaction_create

        ada = Stakeholder.objects.create(roadmap=w.roadmap, name="Ada Lovelace", level="senior")
        interaction = interaction_create(
            roadmap=w.roadmap,
            occurred_on=date(2027, 3, 10),
            kind="meeting",
            summary="Talked",
            stakeholders=[ada],
        )
        w.__dict__["engagement"] = SimpleNamespace(
            stakeholder=ada,
            communication=communication_create(
                roadmap=w.roadmap, purpose="Brief", channel="email", planned_on=date(2027, 1, 5)
            ),
            interaction=interaction,
            follow_up=follow_up_create(interaction=interaction, action="Call back"),
            feed=calendar_feed_create(roadmap=w.roadmap, user=w.users["viewer"]),
        )
    return w.__dict__["engagement"]


def stakeholders_page(w: World, route: str, anchor: str) -> str:
    return f"{reverse(route, kwargs=in_roadmap(w))}#{anchor}"


def communication_form(w: World, **changes) -> dict:
    return {
        "purpose": "Brief the board",
        "channel": "briefing",
        "frequency": "once",
        "status": "planned",
        **date_fields("planned_on", "5 1 2027"),
        **changes,
    }


def interaction_form(w: World, **changes) -> dict:
    return {
        "kind": "workshop",
        "summary": "Agreed the pilot",
        "sentiment": "1",
        "stakeholders": [str(engagement(w).stakeholder.pk)],
        **date_fields("occurred_on", "10 3 2027"),
        **changes,
    }


def keep_feed_tokens(w: World, client, user) -> None:
    """Give the persona a feed to reset, and note every token before the request."""
    from stakeholders.models import CalendarFeed
    from stakeholders.services.communications import calendar_feed_create

    if user is not None:
        calendar_feed_create(roadmap=w.roadmap, user=user)
    w.__dict__["tokens"] = dict(CalendarFeed.objects.values_list("pk", "token"))


def a_feed_was_reset(w: World) -> bool:
    from stakeholders.models import CalendarFeed

    tokens = dict(CalendarFeed.objects.values_list("pk", "token"))
    return any(tokens[pk] != token for pk, token in w.__dict__["tokens"].items())


# The table ------------------------------------------------------------------------

SIGNED_IN = "anyone signed in"  # a page outside any agency
# Help, the accessibility statement and privacy notice, signing in and password
# reset; a page whose secret link is the permission (an invitation).
PUBLIC = "anyone, signed in or not"
NOT_ALLOWED = None  # the page refuses the method: 405
Minimum = Role | str | None


@dataclass(frozen=True)
class Route:
    kwargs: Callable[[World], dict]
    get: Minimum  # the lowest role that may GET it
    post: Minimum  # the lowest role that may POST to it
    # A valid POST, where the page takes one, and what it does: where it sends
    # you (302) and a check that it did what it says.
    data: Callable[[World], dict] = lambda w: {}
    redirect: Callable[[World], str] | None = None
    done: Callable[[World], bool] | None = None
    # The view checks the membership before the method: agency B's member gets
    # 404 even for a method the page refuses with 405 to agency A's members.
    agency_first: bool = False
    # A GET that answers with a redirect (an inline list's own address, which
    # without htmx is the page that holds the list).
    get_redirect: Callable[[World], str] | None = None
    # Where the view breaks the rules: the cases the rules expect and the view
    # does not give are xfail (strict, so fixing the view fails them: then
    # delete the note).
    known_bug: str = ""
    # What the persona has before asking (their user is None when signed out),
    # for pages about the persona's own sign-in: a two-factor app, a reset link.
    before: Callable[[World, object, AbstractBaseUser | None], None] | None = None

    def minimum(self, method: str) -> Minimum:
        return {"GET": self.get, "POST": self.post}.get(method, NOT_ALLOWED)


V, E, L, A = Role.VIEWER, Role.EDITOR, Role.LEAD, Role.ADMIN


def import_routes(
    noun: str,
    rows: list[str],
    done: Callable[[World], bool],
    *,
    table=None,
    namespace: str = "roadmap",
    list_route: str = "",
) -> dict[str, Route]:
    """The six routes of an import (ui/imports.py) of `noun`s into the roadmap, whose
    file is `rows` (CSV lines, the first naming the columns): editors and above,
    the method first, then the agency. The preview, apply and cancel act on the
    persona's own staged import, which `before` stages."""
    table = table or {"initiative": imports.initiative_import,
                      "milestone": imports.milestone_import,
                      "risk": imports.risk_import,
                      "system": inventory_imports.system_import,
                      "process": inventory_imports.process_import}[noun]  # fmt: skip
    list_route = list_route or f"roadmap:{noun}s"
    list_page = lambda w: reverse(list_route, kwargs=in_roadmap(w))  # noqa: E731

    def staged(w: World, user=None) -> StagedImport:
        sheet = read_sheet(SimpleUploadedFile("plan.csv", "\n".join(rows).encode()))
        found = match_headers(sheet.headers, table.columns(w.roadmap))
        texts = [[line, {k: cells[i] for k, i in found.items()}] for line, cells in sheet.rows]
        return StagedImport(user=user, scope=table.scope(w.roadmap), filename="plan.csv",
                            columns=list(found), rows=texts)  # fmt: skip

    def stage(w: World, client, user) -> None:
        if user is not None:
            staged(w, user).save()

    def fingerprint(w: World) -> dict:
        return {"fingerprint": table._plan(w.roadmap, staged(w)).fingerprint}

    def queued(w: World, client, user) -> None:  # a large import, with the worker
        if user is not None:
            found = staged(w, user)
            found.status, found.queued_at = "queued", timezone.now()
            found.save()

    route = f"{namespace}:{noun}-import"
    return {
        route: Route(
            kwargs=in_roadmap,
            get=E,
            post=E,
            data=lambda w: {"file": SimpleUploadedFile("plan.csv", "\n".join(rows).encode())},
            redirect=lambda w: reverse(f"{route}-preview", kwargs=in_roadmap(w)),
            done=lambda w: StagedImport.objects.filter(scope=table.scope(w.roadmap)).exists(),
        ),
        f"{route}-template": Route(
            kwargs=lambda w: in_roadmap(w, file_format="xlsx"), get=E, post=NOT_ALLOWED
        ),
        f"{route}-preview": Route(kwargs=in_roadmap, get=E, post=NOT_ALLOWED, before=stage),
        f"{route}-apply": Route(
            kwargs=in_roadmap,
            get=NOT_ALLOWED,
            post=E,
            before=stage,
            data=fingerprint,
            redirect=list_page,
            done=lambda w: done(w) and not StagedImport.objects.exists(),
        ),
        f"{route}-progress": Route(kwargs=in_roadmap, get=E, post=NOT_ALLOWED, before=queued),
        f"{route}-cancel": Route(
            kwargs=in_roadmap,
            get=NOT_ALLOWED,
            post=E,
            before=stage,
            redirect=list_page,
            done=lambda w: not StagedImport.objects.exists(),
        ),
    }


TABLE: dict[str, Route] = {
    # Home: the roadmaps of every agency you belong to. Outside any agency.
    "home": Route(
        kwargs=lambda w: {},
        get=SIGNED_IN,
        post=NOT_ALLOWED,
    ),
    # The footer's pages (ui/pages.py): readable signed out.
    "pages:help": Route(kwargs=lambda w: {}, get=PUBLIC, post=NOT_ALLOWED),
    "pages:accessibility": Route(kwargs=lambda w: {}, get=PUBLIC, post=NOT_ALLOWED),
    "pages:privacy": Route(kwargs=lambda w: {}, get=PUBLIC, post=NOT_ALLOWED),
    # Your account, two-factor and password reset (accounts/urls.py) ------------------
    "accounts:detail": Route(kwargs=lambda w: {}, get=SIGNED_IN, post=NOT_ALLOWED),
    "accounts:two-factor-setup": Route(
        kwargs=lambda w: {},
        get=SIGNED_IN,
        post=SIGNED_IN,
        data=lambda w: {"key": signed_setup_key(), "code": totp_code()},
        redirect=lambda w: f"{reverse('accounts:recovery-codes')}?next=%2F",
        done=lambda w: TOTPDevice.objects.filter(confirmed=True).count() == 1,
    ),
    "accounts:two-factor-verify": Route(
        kwargs=lambda w: {},
        get=SIGNED_IN,
        post=SIGNED_IN,
        before=with_authenticator,
        data=lambda w: {"code": totp_code()},
        redirect=lambda w: reverse("home"),
        done=lambda w: TOTPDevice.objects.get().last_t > 0,
    ),
    "accounts:two-factor-remove": Route(
        kwargs=lambda w: {},
        get=SIGNED_IN,  # the question, asking for a code
        post=SIGNED_IN,
        before=with_authenticator,
        data=lambda w: {"code": totp_code()},
        redirect=lambda w: reverse("accounts:detail"),
        done=lambda w: not TOTPDevice.objects.exists(),
    ),
    "accounts:recovery-codes": Route(
        kwargs=lambda w: {},
        get=SIGNED_IN,  # your unused codes
        post=SIGNED_IN,  # new ones
        before=with_authenticator,
        redirect=lambda w: f"{reverse('accounts:recovery-codes')}?next=%2F",
        done=lambda w: StaticToken.objects.count() == 10,
    ),
    "accounts:password-reset": Route(
        kwargs=lambda w: {},
        get=PUBLIC,
        post=PUBLIC,
        data=lambda w: {"email": w.users["viewer"].email},
        redirect=lambda w: reverse("accounts:password-reset-done"),
        done=lambda w: [m.to for m in mail.outbox] == [[w.users["viewer"].email]],
    ),
    "accounts:password-reset-done": Route(kwargs=lambda w: {}, get=PUBLIC, post=NOT_ALLOWED),
    "accounts:password-reset-confirm": Route(
        kwargs=reset_link,
        get=PUBLIC,
        post=PUBLIC,
        before=with_reset_link_opened,
        data=lambda w: {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        redirect=lambda w: reverse("accounts:password-reset-complete"),
        done=lambda w: (
            get_user_model().objects.get(pk=w.users["viewer"].pk).check_password(NEW_PASSWORD)
        ),
    ),
    "accounts:password-reset-complete": Route(kwargs=lambda w: {}, get=PUBLIC, post=NOT_ALLOWED),
    # Members (agencies/urls.py) --------------------------------------------------
    "agencies:members": Route(
        kwargs=in_agency,
        get=V,
        post=NOT_ALLOWED,
        agency_first=True,
    ),
    # Invitations: nobody joins until they accept, so inviting agency B's
    # admin adds no membership.
    "agencies:invitation-create": Route(
        kwargs=in_agency,
        get=NOT_ALLOWED,
        post=A,
        data=lambda w: {"email": w.stranger.email, "role": Role.VIEWER},
        redirect=members_page,
        done=lambda w: (
            w.agency.invitations.pending().filter(email=w.stranger.email).exists()
            and not w.agency.memberships.filter(user=w.stranger).exists()
        ),
    ),
    "agencies:invitation-resend": Route(
        kwargs=lambda w: in_agency(w, pk=w.invitation.pk),
        get=NOT_ALLOWED,
        post=A,
        redirect=lambda w: members_page(w, "invitations"),
        done=lambda w: (
            Invitation.objects.get(pk=w.invitation.pk).token_digest
            != token_digest(w.invitation_token)
        ),
    ),
    "agencies:invitation-withdraw": Route(
        kwargs=lambda w: in_agency(w, pk=w.invitation.pk),
        get=A,  # the question
        post=A,
        redirect=lambda w: members_page(w, "invitations"),
        done=lambda w: not Invitation.objects.filter(pk=w.invitation.pk).exists(),
    ),
    # Signed out, the person creates their account; signed in, they accept with it.
    "agencies:invitation-accept": Route(
        kwargs=lambda w: {"token": w.invitation_token},
        get=PUBLIC,
        post=PUBLIC,
        data=lambda w: NEW_ACCOUNT,
        redirect=lambda w: reverse("roadmap:agency", kwargs=in_agency(w)),
        done=invitation_accepted,
    ),
    "agencies:settings": Route(
        kwargs=in_agency,
        get=A,
        post=A,
        data=lambda w: {
            "currency_symbol": "€",
            "currency_code": "EUR",
            "financial_year_start_month": "1",
            "classification_marking": "OFFICIAL",
        },
        redirect=lambda w: reverse("agencies:settings", kwargs=in_agency(w)),
        done=lambda w: Organisation.objects.get(pk=w.agency.pk).currency_code == "EUR",
    ),
    "agencies:member-role": Route(
        kwargs=lambda w: in_agency(w, pk=w.member.pk),
        get=NOT_ALLOWED,
        post=A,
        data=lambda w: {"role": Role.EDITOR},
        redirect=members_page,
        done=lambda w: Membership.objects.get(pk=w.member.pk).role == Role.EDITOR,
    ),
    "agencies:member-remove": Route(
        kwargs=lambda w: in_agency(w, pk=w.member.pk),
        get=A,  # the question "Remove vik-viewer?"
        post=A,
        redirect=members_page,
        done=lambda w: not Membership.objects.filter(pk=w.member.pk).exists(),
    ),
    # Roadmaps and objectives (roadmap/urls.py) ---------------------------------------
    "roadmap:agency": Route(
        kwargs=in_agency,
        get=V,
        post=NOT_ALLOWED,
        agency_first=True,
    ),
    "roadmap:create": Route(
        kwargs=in_agency,
        get=E,
        post=E,
        data=lambda w: {
            "title": "A new roadmap",
            "slug": "new-roadmap",
            "horizon_start_year": "2027",
            "horizon_end_year": "2031",
            "vision": "New vision.",
        },
        redirect=lambda w: "/agencies/agency-a/roadmaps/new-roadmap/",
        done=lambda w: w.agency.roadmaps.filter(slug="new-roadmap").exists(),
    ),
    # Checks the agency, then the method (roadmap_detail): agency B's member
    # gets 404 for a POST; the pages below with @require_GET/@require_POST
    # give them 405 instead. Both reveal nothing; they are not the same.
    "roadmap:detail": Route(kwargs=in_roadmap, get=V, post=NOT_ALLOWED, agency_first=True),
    "roadmap:edit": Route(
        kwargs=in_roadmap,
        get=E,
        post=E,
        data=lambda w: ROADMAP_FORM,
        redirect=lambda w: w.roadmap.get_absolute_url(),
        done=lambda w: Roadmap.objects.get(pk=w.roadmap.pk).title == "Renamed roadmap",
    ),
    # The roadmap's sections: like the roadmap page, the agency, then the method
    # (roadmap_vision; the objectives' inline list, whose list is its page).
    "roadmap:vision": Route(kwargs=in_roadmap, get=V, post=NOT_ALLOWED, agency_first=True),
    "roadmap:objectives": Route(kwargs=in_roadmap, get=V, post=NOT_ALLOWED, agency_first=True),
    # @require_GET: the method first, then the agency.
    "roadmap:kpis": Route(kwargs=in_roadmap, get=V, post=NOT_ALLOWED),
    # Inline lists (ui/inline_list.py): the list alone is for htmx; without it,
    # its address sends you to the page that holds it.
    "roadmap:objective-create": Route(
        kwargs=in_roadmap,
        get=E,
        post=E,
        data=lambda w: {"title": "A new objective", "description": "Why it matters."},
        redirect=lambda w: objectives_page(w, "objectives"),
        done=lambda w: w.roadmap.objectives.filter(title="A new objective").exists(),
    ),
    "roadmap:objective-edit": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.objective.pk),
        get=E,
        post=E,
        data=lambda w: {"title": "A changed objective", "description": "Changed."},
        redirect=lambda w: objectives_page(w, f"objective-{w.objective.pk}"),
        done=lambda w: Objective.objects.get(pk=w.objective.pk).title == "A changed objective",
    ),
    "roadmap:objective-delete": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.objective.pk),
        get=E,  # the question
        post=E,
        redirect=lambda w: objectives_page(w, "objectives"),
        done=lambda w: not Objective.objects.filter(pk=w.objective.pk).exists(),
    ),
    "roadmap:objective-move": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.objective.pk),
        get=NOT_ALLOWED,
        post=E,
        data=lambda w: {"direction": "down"},
        redirect=lambda w: objectives_page(w, f"objective-{w.objective.pk}"),
        done=lambda w: titles(w.roadmap.objectives) == ["Data shared once", "Services online"],
    ),
    # The objective page, alignments, KPIs and measurements ------------------------------
    "roadmap:objective-detail": Route(kwargs=in_objective, get=V, post=NOT_ALLOWED),
    "roadmap:alignment-create": Route(
        kwargs=in_objective,
        get=E,
        post=E,
        data=lambda w: {"goal": str(w.second_goal.pk), "rationale": "It serves it well."},
        redirect=lambda w: objective_page(w, "alignments"),
        done=lambda w: w.objective.alignments.filter(goal=w.second_goal).exists(),
    ),
    "roadmap:alignment-delete": Route(
        kwargs=lambda w: in_objective(w, alignment_pk=w.alignment.pk),
        get=E,  # the question
        post=E,
        redirect=lambda w: objective_page(w, "alignments"),
        done=lambda w: not ObjectiveAlignment.objects.filter(pk=w.alignment.pk).exists(),
    ),
    "roadmap:kpi-list": Route(
        kwargs=in_objective,
        get=V,
        post=NOT_ALLOWED,
        agency_first=True,
        get_redirect=lambda w: objective_page(w, "kpis"),
    ),
    "roadmap:kpi-create": Route(
        kwargs=in_objective,
        get=E,
        post=E,
        data=lambda w: new_kpi(),
        redirect=lambda w: objective_page(w, "kpis"),
        done=lambda w: w.objective.kpis.filter(name=new_kpi()["name"]).exists(),
    ),
    "roadmap:kpi-detail": Route(kwargs=in_kpi, get=V, post=NOT_ALLOWED),
    "roadmap:kpi-edit": Route(
        kwargs=in_kpi,
        get=E,
        post=E,
        data=lambda w: new_kpi(name="Renamed KPI"),
        redirect=kpi_page,
        done=lambda w: KPI.objects.get(pk=w.kpi.pk).name == "Renamed KPI",
    ),
    "roadmap:kpi-move": Route(
        kwargs=in_kpi,
        get=NOT_ALLOWED,
        post=E,
        data=lambda w: {"direction": "down"},
        redirect=lambda w: objective_page(w, f"kpi-{w.kpi.pk}"),
        done=lambda w: KPI.objects.get(pk=w.kpi.pk).position == 1,
    ),
    "roadmap:kpi-delete": Route(
        kwargs=in_kpi,
        get=E,  # the question
        post=E,
        redirect=lambda w: objective_page(w, "kpis"),
        done=lambda w: not KPI.objects.filter(pk=w.kpi.pk).exists(),
    ),
    "roadmap:measurement-list": Route(
        kwargs=in_kpi,
        get=V,
        post=NOT_ALLOWED,
        agency_first=True,
        get_redirect=lambda w: kpi_page(w, "measurements"),
    ),
    "roadmap:measurement-create": Route(
        kwargs=in_kpi,
        get=E,
        post=E,
        data=lambda w: {
            "value": "47.5",
            **date_fields("date", days_ago(3)),
            "note": "After the form.",
        },
        redirect=lambda w: kpi_page(w, "measurements"),
        done=lambda w: w.kpi.measurements.filter(date=days_ago(3)).exists(),
    ),
    "roadmap:measurement-edit": Route(
        kwargs=lambda w: in_kpi(w, measurement_pk=w.measurement.pk),
        get=E,
        post=E,
        data=lambda w: {"value": "41", **date_fields("date", w.measurement.date), "note": ""},
        redirect=lambda w: kpi_page(w, f"measurement-{w.measurement.pk}"),
        done=lambda w: Measurement.objects.get(pk=w.measurement.pk).value == 41,
    ),
    "roadmap:measurement-delete": Route(
        kwargs=lambda w: in_kpi(w, measurement_pk=w.measurement.pk),
        get=E,  # the question
        post=E,
        redirect=lambda w: kpi_page(w, "measurements"),
        done=lambda w: not Measurement.objects.filter(pk=w.measurement.pk).exists(),
    ),
    # Guiding principles and organisational goals ----------------------------------------
    "roadmap:principle-list": Route(
        kwargs=in_roadmap,
        get=V,
        post=NOT_ALLOWED,
        agency_first=True,
        get_redirect=lambda w: vision_page(w, "principles"),
    ),
    "roadmap:principle-create": Route(
        kwargs=in_roadmap,
        get=E,
        post=E,
        data=lambda w: {"title": "Open by default", "description": "Publish what we can."},
        redirect=lambda w: vision_page(w, "principles"),
        done=lambda w: w.roadmap.principles.filter(title="Open by default").exists(),
    ),
    "roadmap:principle-edit": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.principle.pk),
        get=E,
        post=E,
        data=lambda w: {"title": "Renamed principle", "description": "Changed."},
        redirect=lambda w: vision_page(w, f"principle-{w.principle.pk}"),
        done=lambda w: GuidingPrinciple.objects.get(pk=w.principle.pk).title == "Renamed principle",
    ),
    "roadmap:principle-move": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.principle.pk),
        get=NOT_ALLOWED,
        post=E,
        data=lambda w: {"direction": "down"},
        redirect=lambda w: vision_page(w, f"principle-{w.principle.pk}"),
        done=lambda w: titles(w.roadmap.principles) == ["Secure by design", "Digital by default"],
    ),
    "roadmap:principle-delete": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.principle.pk),
        get=E,  # the question
        post=E,
        redirect=lambda w: vision_page(w, "principles"),
        done=lambda w: not GuidingPrinciple.objects.filter(pk=w.principle.pk).exists(),
    ),
    # A roadmap's partner organisations (on the overview) and its own goals (on the
    # vision page) ----------------------------------------------------------------
    "roadmap:partner-list": Route(
        kwargs=in_roadmap,
        get=V,
        post=NOT_ALLOWED,
        agency_first=True,
        get_redirect=lambda w: overview_page(w, "partners"),
    ),
    "roadmap:partner-create": Route(
        kwargs=in_roadmap,
        get=E,
        post=E,
        data=lambda w: {"name": "Police Scotland"},
        redirect=lambda w: overview_page(w, "partners"),
        done=lambda w: w.roadmap.partners.filter(name="Police Scotland").exists(),
    ),
    "roadmap:partner-edit": Route(
        kwargs=lambda w: in_roadmap(w, pk=a_partner(w).pk),
        get=E,
        post=E,
        data=lambda w: {"name": "Renamed partner"},
        redirect=lambda w: overview_page(
            w, f"partner-{w.roadmap.partners.get(name='Renamed partner').pk}"
        ),
        done=lambda w: w.roadmap.partners.filter(name="Renamed partner").exists(),
    ),
    "roadmap:partner-move": Route(
        kwargs=lambda w: in_roadmap(w, pk=a_partner(w).pk),
        get=NOT_ALLOWED,
        post=E,
        data=lambda w: {"direction": "down"},
        redirect=lambda w: overview_page(w, f"partner-{a_partner(w).pk}"),
        done=lambda w: (
            w.roadmap.partners.order_by("position", "pk").last().name == "Regional Health Authority"
        ),
    ),
    "roadmap:partner-delete": Route(
        kwargs=lambda w: in_roadmap(w, pk=a_partner(w).pk),
        get=E,  # the question
        post=E,
        redirect=lambda w: overview_page(w, "partners"),
        done=lambda w: not w.roadmap.partners.filter(name="Regional Health Authority").exists(),
    ),
    "roadmap:roadmap_goal-list": Route(
        kwargs=in_roadmap,
        get=V,
        post=NOT_ALLOWED,
        agency_first=True,
        get_redirect=lambda w: vision_page(w, "roadmap-goals"),
    ),
    "roadmap:roadmap_goal-create": Route(
        kwargs=in_roadmap,
        get=E,
        post=E,
        data=lambda w: {"title": "Open data by default", "description": ""},
        redirect=lambda w: vision_page(w, "roadmap-goals"),
        done=lambda w: OrganisationalGoal.objects.filter(
            roadmap=w.roadmap, title="Open data by default"
        ).exists(),
    ),
    "roadmap:roadmap_goal-edit": Route(
        kwargs=lambda w: in_roadmap(w, pk=a_roadmap_goal(w).pk),
        get=E,
        post=E,
        data=lambda w: {"title": "Renamed goal of the roadmap", "description": ""},
        redirect=lambda w: vision_page(
            w,
            "roadmap_goal-"
            + str(OrganisationalGoal.objects.get(title="Renamed goal of the roadmap").pk),
        ),
        done=lambda w: OrganisationalGoal.objects.filter(
            roadmap=w.roadmap, title="Renamed goal of the roadmap"
        ).exists(),
    ),
    "roadmap:roadmap_goal-move": Route(
        kwargs=lambda w: in_roadmap(w, pk=a_roadmap_goal(w).pk),
        get=NOT_ALLOWED,
        post=E,
        data=lambda w: {"direction": "down"},
        redirect=lambda w: vision_page(w, f"roadmap_goal-{a_roadmap_goal(w).pk}"),
        done=lambda w: (
            OrganisationalGoal.objects.filter(roadmap=w.roadmap)
            .order_by("position", "pk")
            .last()
            .title
            == "One front door"
        ),
    ),
    "roadmap:roadmap_goal-delete": Route(
        kwargs=lambda w: in_roadmap(w, pk=a_roadmap_goal(w).pk),
        get=E,  # the question
        post=E,
        redirect=lambda w: vision_page(w, "roadmap-goals"),
        done=lambda w: (
            not OrganisationalGoal.objects.filter(
                roadmap=w.roadmap, title="One front door"
            ).exists()
        ),
    ),
    # The plan: components, initiatives and their dependencies ----------------------
    "roadmap:components": Route(kwargs=in_roadmap, get=V, post=NOT_ALLOWED, agency_first=True),
    "roadmap:component-create": Route(
        kwargs=in_roadmap,
        get=E,
        post=E,
        data=lambda w: {"name": "Cloud and hosting", "kind": "", "description": ""},
        redirect=lambda w: components_page(w, "components"),
        done=lambda w: w.roadmap.components.filter(name="Cloud and hosting").exists(),
    ),
    "roadmap:component-edit": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.component.pk),
        get=E,
        post=E,
        data=lambda w: {"name": "Technology", "kind": str(w.component.kind_id), "description": ""},
        redirect=lambda w: components_page(w, f"component-{w.component.pk}"),
        done=lambda w: Component.objects.get(pk=w.component.pk).name == "Technology",
    ),
    "roadmap:component-move": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.component.pk),
        get=NOT_ALLOWED,
        post=E,
        data=lambda w: {"direction": "down"},
        redirect=lambda w: components_page(w, f"component-{w.component.pk}"),
        done=lambda w: w.roadmap.components.order_by("position", "pk")[1] == w.component,
    ),
    "roadmap:component-delete": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.empty_component.pk),
        get=E,  # the question
        post=E,
        redirect=lambda w: components_page(w, "components"),
        done=lambda w: not Component.objects.filter(pk=w.empty_component.pk).exists(),
    ),
    "roadmap:initiatives": Route(kwargs=in_roadmap, get=V, post=NOT_ALLOWED, agency_first=True),
    "roadmap:initiative-create": Route(
        kwargs=in_roadmap,
        get=E,
        post=E,
        data=lambda w: initiative_form(w, title="Open data portal"),
        redirect=lambda w: f"{reverse('roadmap:initiatives', kwargs=in_roadmap(w))}#initiatives",
        done=lambda w: w.roadmap.initiatives.filter(title="Open data portal").exists(),
    ),
    "roadmap:initiative-edit": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.initiative.pk),
        get=E,
        post=E,
        data=lambda w: initiative_form(w, title="Cloud hosting, phase 1"),
        redirect=initiative_page,
        done=lambda w: Initiative.objects.get(pk=w.initiative.pk).title == "Cloud hosting, phase 1",
    ),
    "roadmap:initiative-delete": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.initiative.pk),
        get=E,  # the question
        post=E,
        redirect=lambda w: f"{reverse('roadmap:initiatives', kwargs=in_roadmap(w))}#initiatives",
        done=lambda w: not Initiative.objects.filter(pk=w.initiative.pk).exists(),
    ),
    "roadmap:timeline": Route(kwargs=in_roadmap, get=V, post=NOT_ALLOWED, agency_first=True),
    # @require_GET: the method first, then the agency.
    "roadmap:plan-download": Route(
        kwargs=lambda w: in_roadmap(w, table="initiatives", file_format="csv"),
        get=V,
        post=NOT_ALLOWED,
    ),
    "roadmap:board": Route(kwargs=in_roadmap, get=V, post=NOT_ALLOWED, agency_first=True),
    "roadmap:traceability": Route(kwargs=in_roadmap, get=V, post=NOT_ALLOWED, agency_first=True),
    # @require_GET: the method first, then the agency.
    "roadmap:initiative-detail": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.initiative.pk), get=V, post=NOT_ALLOWED
    ),
    "roadmap:dependency-create": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.initiative.pk),
        get=E,
        post=E,
        # Cloud hosting comes to depend on a new initiative of the roadmap.
        data=lambda w: {"prerequisite": str(w.roadmap.initiatives.get(title="Landing zone").pk)},
        redirect=lambda w: initiative_page(w, "dependencies"),
        done=lambda w: w.initiative.depends_on.filter(title="Landing zone").exists(),
    ),
    "roadmap:dependency-delete": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.second_initiative.pk, dependency_pk=w.dependency.pk),
        get=NOT_ALLOWED,
        post=E,
        redirect=lambda w: f"{w.second_initiative.get_absolute_url()}#dependencies",
        done=lambda w: not Dependency.objects.filter(pk=w.dependency.pk).exists(),
    ),
    # Milestones and risks: inline lists whose list is their page (the agency, then
    # the method).
    "roadmap:milestones": Route(kwargs=in_roadmap, get=V, post=NOT_ALLOWED, agency_first=True),
    "roadmap:milestone-create": Route(
        kwargs=in_roadmap,
        get=E,
        post=E,
        data=lambda w: {
            "title": "Supplier chosen",
            "initiative": "",
            **date_fields("due_date", ("", "6", "2026")),
        },
        redirect=lambda w: plan_page(w, "roadmap:milestones", "milestones"),
        done=lambda w: w.roadmap.milestones.filter(
            title="Supplier chosen", due_precision="month"
        ).exists(),
    ),
    "roadmap:milestone-edit": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.milestone.pk),
        get=E,
        post=E,
        data=lambda w: {
            "title": "Board approved",
            "initiative": "",
            **date_fields("due_date", date(2026, 11, 30)),
        },
        redirect=lambda w: plan_page(w, "roadmap:milestones", f"milestone-{w.milestone.pk}"),
        done=lambda w: Milestone.objects.get(pk=w.milestone.pk).title == "Board approved",
    ),
    "roadmap:milestone-delete": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.milestone.pk),
        get=E,  # the question
        post=E,
        redirect=lambda w: plan_page(w, "roadmap:milestones", "milestones"),
        done=lambda w: not Milestone.objects.filter(pk=w.milestone.pk).exists(),
    ),
    "roadmap:risks": Route(kwargs=in_roadmap, get=V, post=NOT_ALLOWED, agency_first=True),
    "roadmap:risk-create": Route(
        kwargs=in_roadmap,
        get=E,
        post=E,
        data=lambda w: {"title": "Staff leave", "likelihood": "2", "impact": "3", "status": "open"},
        redirect=lambda w: plan_page(w, "roadmap:risks", "risks"),
        done=lambda w: w.roadmap.risks.filter(title="Staff leave", likelihood=2).exists(),
    ),
    "roadmap:risk-edit": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.risk.pk),
        get=E,
        post=E,
        data=lambda w: {
            "title": "Supplier fails",
            "likelihood": "4",
            "impact": "5",
            "status": "mitigating",
            "mitigation": "A second supplier.",
        },
        redirect=lambda w: plan_page(w, "roadmap:risks", f"risk-{w.risk.pk}"),
        done=lambda w: Risk.objects.get(pk=w.risk.pk).status == "mitigating",
    ),
    "roadmap:risk-delete": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.risk.pk),
        get=E,  # the question
        post=E,
        redirect=lambda w: plan_page(w, "roadmap:risks", "risks"),
        done=lambda w: not Risk.objects.filter(pk=w.risk.pk).exists(),
    ),
    # Imports from a spreadsheet (ui/imports.py), beside each list's downloads.
    **import_routes(
        "initiative",
        [
            "Title,Component,Start month,End month",
            "Landing zone 2,Technology adoption,2026-04,2026-06",
        ],
        lambda w: w.roadmap.initiatives.filter(title="Landing zone 2").exists(),
    ),
    **import_routes(
        "milestone",
        ["Title,Initiative,Due", "Contract signed,Cloud hosting,2026-05"],
        lambda w: w.initiative.milestones.filter(title="Contract signed").exists(),
    ),
    **import_routes(
        "risk",
        ["Title,Likelihood,Impact", "Staff leave,2,3"],
        lambda w: w.roadmap.risks.filter(title="Staff leave", impact=3).exists(),
    ),
    # The stakeholder register, its personal data, analysis and an initiative's RACI
    "stakeholders:register": Route(kwargs=in_roadmap, get=V, post=NOT_ALLOWED, agency_first=True),
    "stakeholders:stakeholder-create": Route(
        kwargs=in_roadmap,
        get=E,
        post=E,
        data=lambda w: {
            "kind": "group",
            "name": "Frontline staff",
            "level": "staff",
            "influence": "2",
            "interest": "5",
            "attitude": "neutral",
            "current_engagement": "neutral",
            "desired_engagement": "supportive",
        },
        redirect=lambda w: plan_page(w, "stakeholders:register", "register"),
        done=lambda w: w.roadmap.stakeholders.filter(name="Frontline staff").exists(),
    ),
    "stakeholders:stakeholder-edit": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.stakeholder.pk),
        get=E,
        post=E,
        data=lambda w: {
            "kind": "person",
            "name": "Dana Whitfield",
            "level": "senior",
            "influence": "5",
            "interest": "3",
            "attitude": "neutral",
            "current_engagement": "neutral",
            "desired_engagement": "supportive",
        },
        redirect=lambda w: w.stakeholder.get_absolute_url(),
        done=lambda w: Stakeholder.objects.get(pk=w.stakeholder.pk).influence == 5,
    ),
    "stakeholders:stakeholder-delete": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.stakeholder.pk),
        get=E,  # the question
        post=E,
        redirect=lambda w: plan_page(w, "stakeholders:register", "register"),
        done=lambda w: not Stakeholder.objects.filter(pk=w.stakeholder.pk).exists(),
    ),
    "stakeholders:stakeholder": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.stakeholder.pk), get=V, post=NOT_ALLOWED
    ),
    "stakeholders:stakeholder-personal-data": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.stakeholder.pk),
        get=E,  # what the export holds, and the buttons
        post=E,  # the export, recorded
        redirect=lambda w: (
            reverse(
                "stakeholders:stakeholder-personal-data", kwargs=in_roadmap(w, pk=w.stakeholder.pk)
            )
            + f"?event={PersonalDataEvent.objects.get().pk}"
        ),
        done=lambda w: PersonalDataEvent.objects.filter(stakeholder=w.stakeholder).exists(),
    ),
    "stakeholders:stakeholder-anonymise": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.stakeholder.pk),
        get=L,  # the question
        post=L,
        redirect=lambda w: w.stakeholder.get_absolute_url(),
        done=lambda w: Stakeholder.objects.get(pk=w.stakeholder.pk).anonymised_at is not None,
    ),
    "stakeholders:register-download": Route(
        kwargs=lambda w: in_roadmap(w, file_format="csv"),
        get=V,  # without contact details
        post=E,  # with them: recorded, then the file
        redirect=lambda w: (
            reverse("stakeholders:register-download", kwargs=in_roadmap(w, file_format="csv"))
            + f"?event={PersonalDataEvent.objects.get().pk}"
        ),
        done=lambda w: PersonalDataEvent.objects.filter(
            action=PersonalDataAction.REGISTER_EXPORT
        ).exists(),
    ),
    "stakeholders:personal-data-log": Route(kwargs=in_roadmap, get=E, post=NOT_ALLOWED),
    "stakeholders:grid": Route(kwargs=in_roadmap, get=V, post=NOT_ALLOWED, agency_first=True),
    "stakeholders:engagement": Route(kwargs=in_roadmap, get=V, post=NOT_ALLOWED, agency_first=True),
    "stakeholders:raci-edit": Route(
        kwargs=lambda w: in_roadmap(w, pk=w.initiative.pk),
        get=E,
        post=E,
        data=lambda w: {"responsible": [w.stakeholder.pk]},
        redirect=lambda w: f"{w.initiative.get_absolute_url()}#raci",
        done=lambda w: RaciAssignment.objects.filter(role="responsible").exists(),
    ),
    **import_routes(
        "stakeholder",
        ["Name,Level,Influence,Interest", "Residents,Citizens and service users,2,3"],
        lambda w: w.roadmap.stakeholders.filter(name="Residents").exists(),
        table=stakeholder_import,
        namespace="stakeholders",
        list_route="stakeholders:register",
    ),
    # Like the roadmap page: the agency, then the method (goal_list).
    "roadmap:goals": Route(kwargs=in_agency, get=V, post=NOT_ALLOWED, agency_first=True),
    "roadmap:goal-create": Route(
        kwargs=in_agency,
        get=E,
        post=E,
        data=lambda w: {"title": "Grow digital skills", "description": "Across the agency."},
        redirect=lambda w: goals_page(w, "goals"),
        done=lambda w: w.agency.goals.filter(title="Grow digital skills").exists(),
    ),
    "roadmap:goal-edit": Route(
        kwargs=lambda w: in_agency(w, pk=w.goal.pk),
        get=E,
        post=E,
        data=lambda w: {"title": "Renamed goal", "description": "Changed."},
        redirect=lambda w: goals_page(w, f"goal-{w.goal.pk}"),
        done=lambda w: OrganisationalGoal.objects.get(pk=w.goal.pk).title == "Renamed goal",
    ),
    "roadmap:goal-move": Route(
        kwargs=lambda w: in_agency(w, pk=w.goal.pk),
        get=NOT_ALLOWED,
        post=E,
        data=lambda w: {"direction": "down"},
        redirect=lambda w: goals_page(w, f"goal-{w.goal.pk}"),
        done=lambda w: titles(w.agency.goals) == ["Spend less", "Cut waiting times"],
    ),
    "roadmap:goal-delete": Route(
        kwargs=lambda w: in_agency(w, pk=w.goal.pk),
        get=E,  # the question, with the alignments that go too
        post=E,
        redirect=lambda w: goals_page(w, "goals"),
        done=lambda w: not OrganisationalGoal.objects.filter(pk=w.goal.pk).exists(),
    ),
    # Assessments (assessments/urls.py) -----------------------------------------------
    # maturity assessments
    "assessments:assessments": Route(kwargs=in_roadmap, get=V, post=NOT_ALLOWED),
    "assessments:assessment-create": Route(
        kwargs=in_roadmap,
        get=E,
        post=E,
        data=lambda w: {
            "title": "Follow-up",
            "framework": str(current_framework().pk),
            **date_fields("assessed_on", date(2026, 10, 1)),
        },
        redirect=lambda w: w.roadmap.assessments.get(title="Follow-up").get_absolute_url(),
        done=lambda w: w.roadmap.assessments.filter(title="Follow-up").exists(),
    ),
    "assessments:assessment": Route(kwargs=in_assessment, get=V, post=NOT_ALLOWED),
    "assessments:assessment-edit": Route(
        kwargs=in_assessment,
        get=E,
        post=E,
        data=lambda w: {
            "title": "Baseline, renamed",
            "revision": str(an_assessment(w).revision),
            **date_fields("assessed_on", date(2026, 2, 16)),
        },
        redirect=lambda w: w.roadmap.assessments.get().get_absolute_url(),
        done=lambda w: w.roadmap.assessments.filter(title="Baseline, renamed").exists(),
    ),
    "assessments:assessment-complete": Route(
        kwargs=in_assessment,
        get=NOT_ALLOWED,
        post=E,
        redirect=lambda w: an_assessment(w).get_absolute_url(),
        done=lambda w: an_assessment(w).status == "completed",
    ),
    "assessments:assessment-reopen": Route(
        kwargs=lambda w: in_roadmap(w, pk=an_assessment(w, "Done", completed=True).pk),
        get=NOT_ALLOWED,
        post=L,
        redirect=lambda w: an_assessment(w, "Done").get_absolute_url(),
        done=lambda w: an_assessment(w, "Done").status == "in_progress",
    ),
    "assessments:assessment-answer": Route(
        kwargs=lambda w: in_assessment(
            w, dimension_pk=an_assessment(w).framework.dimensions.first().pk
        ),
        get=E,
        post=E,
        data=lambda w: {
            "question": str(first_question(w).pk),
            f"q{first_question(w).pk}-current_level": "3",
            f"q{first_question(w).pk}-target_level": "5",
            f"q{first_question(w).pk}-confidence": "high",
        },
        redirect=lambda w: f"{answer_page(w)}#question-{first_question(w).pk}",
        done=lambda w: an_assessment(w).answers.filter(current_level=3).exists(),
    ),
    "assessments:assessment-results": Route(kwargs=in_assessment, get=V, post=NOT_ALLOWED),
    "assessments:assessment-gaps": Route(
        kwargs=in_assessment,
        get=NOT_ALLOWED,
        post=E,
        redirect=lambda w: an_assessment(w).address("assessments:assessment-results") + "#gaps",
        done=lambda w: w.roadmap.gaps.count() == 8,
    ),
    # Reports (reports/urls.py) -------------------------------------------------------
    "reports:roadmap-health": Route(kwargs=in_roadmap, get=V, post=NOT_ALLOWED, agency_first=True),
    "reports:roadmap-exports": Route(
        kwargs=in_roadmap,
        get=V,  # the recent exports
        post=L,  # a new export
        redirect=lambda w: ReportJob.objects.exclude(pk=w.job.pk).get().get_absolute_url(),
        done=lambda w: ReportJob.objects.filter(status=ReportJobStatus.QUEUED).exists(),
    ),
    "reports:job": Route(kwargs=lambda w: in_agency(w, pk=w.job.pk), get=V, post=NOT_ALLOWED),
    "reports:job-download": Route(
        kwargs=lambda w: in_agency(w, pk=w.job.pk), get=V, post=NOT_ALLOWED
    ),
    # communication plan and calendar feed (stakeholders/urls.py) ------------------------
    "stakeholders:communications": Route(
        kwargs=in_roadmap, get=V, post=NOT_ALLOWED, agency_first=True
    ),
    "stakeholders:communication-create": Route(
        kwargs=in_roadmap,
        get=E,
        post=E,
        data=communication_form,
        redirect=lambda w: stakeholders_page(w, "stakeholders:communications", "communications"),
        done=lambda w: w.roadmap.communications.filter(purpose="Brief the board").exists(),
    ),
    "stakeholders:communication-edit": Route(
        kwargs=lambda w: in_roadmap(w, pk=engagement(w).communication.pk),
        get=E,
        post=E,
        data=lambda w: communication_form(w, purpose="Brief again", status="done"),
        redirect=lambda w: stakeholders_page(
            w, "stakeholders:communications", f"communication-{engagement(w).communication.pk}"
        ),
        done=lambda w: w.roadmap.communications.filter(purpose="Brief again").exists(),
    ),
    "stakeholders:communication-delete": Route(
        kwargs=lambda w: in_roadmap(w, pk=engagement(w).communication.pk),
        get=E,  # the question
        post=E,
        redirect=lambda w: stakeholders_page(w, "stakeholders:communications", "communications"),
        done=lambda w: not w.roadmap.communications.exists(),
    ),
    "stakeholders:calendar": Route(
        kwargs=in_roadmap,
        get=V,  # your address, or the button to get one
        post=V,  # get one
        redirect=lambda w: reverse("stakeholders:calendar", kwargs=in_roadmap(w)),
        done=lambda w: w.roadmap.calendar_feeds.exists(),
    ),
    "stakeholders:calendar-reset": Route(
        kwargs=in_roadmap,
        get=V,  # the question
        post=V,
        before=keep_feed_tokens,
        redirect=lambda w: reverse("stakeholders:calendar", kwargs=in_roadmap(w)),
        done=a_feed_was_reset,
    ),
    # The secret address is the permission, as an invitation's link is.
    "stakeholders:calendar-feed": Route(
        kwargs=lambda w: {"token": engagement(w).feed.token}, get=PUBLIC, post=NOT_ALLOWED
    ),
    # engagement log ---------------------------------------------------------------
    "stakeholders:interactions": Route(
        kwargs=in_roadmap, get=V, post=NOT_ALLOWED, agency_first=True
    ),
    "stakeholders:interaction": Route(
        kwargs=lambda w: in_roadmap(w, pk=engagement(w).interaction.pk), get=V, post=NOT_ALLOWED
    ),
    "stakeholders:interaction-create": Route(
        kwargs=lambda w: (engagement(w), in_roadmap(w))[1],  # its stakeholder, made first
        get=E,
        post=E,
        data=interaction_form,
        redirect=lambda w: stakeholders_page(w, "stakeholders:interactions", "interactions"),
        done=lambda w: w.roadmap.interactions.filter(kind="workshop").exists(),
    ),
    "stakeholders:interaction-edit": Route(
        kwargs=lambda w: in_roadmap(w, pk=engagement(w).interaction.pk),
        get=E,
        post=E,
        data=lambda w: interaction_form(w, summary="Changed"),
        redirect=lambda w: engagement(w).interaction.get_absolute_url(),
        done=lambda w: w.roadmap.interactions.filter(summary="Changed").exists(),
    ),
    "stakeholders:interaction-delete": Route(
        kwargs=lambda w: in_roadmap(w, pk=engagement(w).interaction.pk),
        get=E,  # the question
        post=E,
        redirect=lambda w: stakeholders_page(w, "stakeholders:interactions", "interactions"),
        done=lambda w: not w.roadmap.interactions.exists(),
    ),
    "stakeholders:follow-up-list": Route(
        kwargs=lambda w: in_roadmap(w, interaction_pk=engagement(w).interaction.pk),
        get=V,
        post=NOT_ALLOWED,
        agency_first=True,
        get_redirect=lambda w: engagement(w).interaction.get_absolute_url() + "#follow-ups",
    ),
    "stakeholders:follow-up-create": Route(
        kwargs=lambda w: in_roadmap(w, interaction_pk=engagement(w).interaction.pk),
        get=E,
        post=E,
        data=lambda w: {"action": "Send the notes", **date_fields("due_on", "20 3 2027")},
        redirect=lambda w: engagement(w).interaction.get_absolute_url() + "#follow-ups",
        done=lambda w: (
            engagement(w).interaction.follow_ups.filter(action="Send the notes").exists()
        ),
    ),
    "stakeholders:follow-up-edit": Route(
        kwargs=lambda w: in_roadmap(w, pk=engagement(w).follow_up.pk),
        get=E,
        post=E,
        data=lambda w: {"action": "Call back", "done": "on"},
        redirect=lambda w: engagement(w).follow_up.get_absolute_url(),
        done=lambda w: engagement(w).interaction.follow_ups.filter(done=True).exists(),
    ),
    "stakeholders:follow-up-delete": Route(
        kwargs=lambda w: in_roadmap(w, pk=engagement(w).follow_up.pk),
        get=E,  # the question
        post=E,
        redirect=lambda w: engagement(w).interaction.get_absolute_url() + "#follow-ups",
        done=lambda w: not engagement(w).interaction.follow_ups.exists(),
    ),
}


# The current-state assessment's SWOT, inventory and gaps (assessments/urls.py) ------


def inventory(w: World) -> SimpleNamespace:
    """Agency A's SWOT (two items in each quadrant), a system to migrate (no gap yet),
    a process on paper and the gap found in it: made the first time a case asks, then
    kept on the world."""
    if not hasattr(w, "inventory"):
        roadmap = w.roadmap
        items = {
            quadrant: SwotItem.objects.create(
                roadmap=roadmap, quadrant=quadrant, text=f"First {quadrant}", position=0
            )
            for quadrant in ("strength", "weakness", "opportunity", "threat")
        }
        for quadrant in items:
            SwotItem.objects.create(
                roadmap=roadmap, quadrant=quadrant, text=f"Second {quadrant}", position=1
            )
        process = Process.objects.create(
            roadmap=roadmap, name="Parking permits", channel="post", digitisation="paper"
        )
        w.inventory = SimpleNamespace(
            **items,
            system=System.objects.create(
                roadmap=roadmap,
                name="Mainframe",
                hosting="on_premises",
                lifecycle="migrate",
                criticality="high",
            ),
            process=process,
            gap=Gap.objects.create(
                roadmap=roadmap, title="Permits on paper", source="process", process=process
            ),
        )
    return w.inventory


def assessment_page(w: World, route: str, anchor: str) -> str:
    return f"{reverse(route, kwargs=in_roadmap(w))}#{anchor}"


def quadrant_routes(noun: str, plural: str) -> dict[str, Route]:
    """The five routes of one SWOT quadrant's inline list."""

    def first(w: World) -> SwotItem:
        return getattr(inventory(w), noun)

    return {
        f"assessments:{noun}-list": Route(
            kwargs=in_roadmap,
            get=V,
            post=NOT_ALLOWED,
            agency_first=True,
            get_redirect=lambda w: assessment_page(w, "assessments:swot", plural),
        ),
        f"assessments:{noun}-create": Route(
            kwargs=in_roadmap,
            get=E,
            post=E,
            data=lambda w: {"text": f"A new {noun}", "dimension": ""},
            redirect=lambda w: assessment_page(w, "assessments:swot", plural),
            done=lambda w: w.roadmap.swot_items.filter(
                quadrant=noun, text=f"A new {noun}"
            ).exists(),
        ),
        f"assessments:{noun}-edit": Route(
            kwargs=lambda w: in_roadmap(w, pk=first(w).pk),
            get=E,
            post=E,
            data=lambda w: {"text": "Changed", "dimension": ""},
            redirect=lambda w: assessment_page(w, "assessments:swot", f"{noun}-{first(w).pk}"),
            done=lambda w: SwotItem.objects.get(pk=first(w).pk).text == "Changed",
        ),
        f"assessments:{noun}-move": Route(
            kwargs=lambda w: in_roadmap(w, pk=first(w).pk),
            get=NOT_ALLOWED,
            post=E,
            data=lambda w: {"direction": "down"},
            redirect=lambda w: assessment_page(w, "assessments:swot", f"{noun}-{first(w).pk}"),
            done=lambda w: SwotItem.objects.get(pk=first(w).pk).position == 1,
        ),
        f"assessments:{noun}-delete": Route(
            kwargs=lambda w: in_roadmap(w, pk=first(w).pk),
            get=E,
            post=E,
            redirect=lambda w: assessment_page(w, "assessments:swot", plural),
            done=lambda w: not SwotItem.objects.filter(pk=first(w).pk).exists(),
        ),
    }


def inventory_routes(noun: str, plural: str, model, data: dict) -> dict[str, Route]:
    """A list of the inventory (systems, processes, gaps): the page, add, change, delete."""
    page = f"assessments:{plural}"
    named = "title" if noun == "gap" else "name"

    def item(w: World):
        return getattr(inventory(w), noun)

    def changed(w: World) -> dict:
        source = {"source": "process", "process": item(w).process_id} if noun == "gap" else {}
        return {**data, named: f"Changed {noun}", **source}

    return {
        page: Route(kwargs=in_roadmap, get=V, post=NOT_ALLOWED, agency_first=True),
        f"assessments:{noun}-create": Route(
            kwargs=in_roadmap,
            get=E,
            post=E,
            data=lambda w: data,
            redirect=lambda w: assessment_page(w, page, plural),
            done=lambda w: model.objects.filter(**{named: data[named]}).exists(),
        ),
        f"assessments:{noun}-edit": Route(
            kwargs=lambda w: in_roadmap(w, pk=item(w).pk),
            get=E,
            post=E,
            data=changed,
            redirect=lambda w: assessment_page(w, page, f"{noun}-{item(w).pk}"),
            done=lambda w: model.objects.filter(
                pk=item(w).pk, **{named: f"Changed {noun}"}
            ).exists(),
        ),
        f"assessments:{noun}-delete": Route(
            kwargs=lambda w: in_roadmap(w, pk=item(w).pk),
            get=E,
            post=E,
            redirect=lambda w: assessment_page(w, page, plural),
            done=lambda w: not model.objects.filter(pk=item(w).pk).exists(),
        ),
    }


TABLE.update(
    {
        "assessments:swot": Route(kwargs=in_roadmap, get=V, post=NOT_ALLOWED, agency_first=True),
        **quadrant_routes("strength", "strengths"),
        **quadrant_routes("weakness", "weaknesses"),
        **quadrant_routes("opportunity", "opportunities"),
        **quadrant_routes("threat", "threats"),
        **inventory_routes(
            "system",
            "systems",
            System,
            {
                "name": "Payroll",
                "hosting": "saas",
                "lifecycle": "tolerate",
                "condition": "3",
                "criticality": "high",
                "data_classification": "internal",
            },
        ),
        **inventory_routes(
            "process",
            "processes",
            Process,
            {"name": "Pay council tax", "channel": "online", "digitisation": "online"},
        ),
        **inventory_routes(
            "gap", "gaps", Gap, {"title": "No data owners", "severity": "high", "source": "other"}
        ),
        "assessments:inventory-download": Route(
            kwargs=lambda w: in_roadmap(w, table="systems", file_format="xlsx"),
            get=V,
            post=NOT_ALLOWED,
        ),
        **import_routes(
            "system",
            ["Name,Hosting,Lifecycle decision,Business criticality", "Payroll,SaaS,Tolerate,High"],
            lambda w: w.roadmap.systems.filter(name="Payroll", hosting="saas").exists(),
            namespace="assessments",
            list_route="assessments:systems",
        ),
        **import_routes(
            "process",
            ["Name,Channel,Digitisation level", "Pay council tax,Online,Online end to end"],
            lambda w: w.roadmap.processes.filter(name="Pay council tax").exists(),
            namespace="assessments",
            list_route="assessments:processes",
        ),
        "assessments:gap-suggest": Route(
            kwargs=lambda w: in_roadmap(w) if inventory(w) else {},
            get=E,
            post=E,
            data=lambda w: {"systems": [inventory(w).system.pk]},
            redirect=lambda w: assessment_page(w, "assessments:gaps", "gaps"),
            done=lambda w: Gap.objects.filter(system=inventory(w).system).exists(),
        ),
    }
)

# Every route has an entry -------------------------------------------------------


def test_every_route_has_an_entry_in_the_table():
    routes = project_routes()

    assert "roadmap:kpi-edit" in routes and "admin:index" not in routes
    problems = problems_with_the_table(routes)
    assert not problems, "\n".join(problems)


def test_a_new_route_without_an_entry_is_named():
    def view(request):
        raise AssertionError("never called")

    urlconf = SimpleNamespace(
        urlpatterns=[
            path("", include(settings.ROOT_URLCONF)),
            path("new/", include(([path("thing/", view, name="thing")], "newapp"))),
        ]
    )

    problems = problems_with_the_table(project_routes(URLResolver(RegexPattern(r"^/"), urlconf)))

    assert [p for p in problems if p.startswith("newapp:")] == [
        "newapp:thing: no entry in TABLE in tests/test_permissions.py. Add one: how to build "
        "its address, the minimum role to GET it and to POST it (or NOT_ALLOWED)."
    ]


# The matrix -------------------------------------------------------------------------

# Agency B's admin passes any role check: only tenancy stops them. Agency B's
# viewer fails every one: they must still get 404, never 403.
PERSONAS = [
    "anonymous",
    "viewer",
    "editor",
    "lead",
    "admin_user",
    "agency_b_admin",
    "agency_b_viewer",
]
ROLES = {"viewer": V, "editor": E, "lead": L, "admin_user": A}
OTHER_METHODS = "PUT PATCH DELETE"  # one case: a page takes none of them
METHODS = ["GET", "POST", OTHER_METHODS]
SIGN_IN, DONE = "sign in", "done"


def expected(route: Route, persona: str, method: str) -> str | int:
    """What the rules say `persona` gets for `method` on the route."""
    if persona == "anonymous" and route.get != PUBLIC:
        return SIGN_IN
    minimum = route.minimum(method)
    foreign = persona not in ROLES and route.get not in (SIGNED_IN, PUBLIC)
    if minimum is NOT_ALLOWED:
        return 404 if foreign and route.agency_first else 405
    if foreign:
        return 404
    if minimum in (SIGNED_IN, PUBLIC) or ROLES[persona] >= minimum:
        return DONE
    return 403


def cases() -> list:
    cases = []
    for name, route in TABLE.items():
        for persona in PERSONAS:
            for methods in METHODS:
                outcome = expected(route, persona, methods.split()[0])
                bug = route.known_bug and outcome == 405
                cases.append(
                    pytest.param(
                        name,
                        persona,
                        methods,
                        outcome,
                        id=f"{name} {persona} {'+'.join(methods.split())}",
                        marks=pytest.mark.xfail(
                            raises=AssertionError, strict=True, reason=route.known_bug
                        )
                        if bug
                        else (),
                    )
                )
    return cases


@pytest.mark.parametrize("name, persona, methods, outcome", cases())
def test_permission_matrix(
    client, world, name, persona, methods, outcome, django_capture_on_commit_callbacks
):
    route = TABLE[name]
    address = reverse(name, kwargs=route.kwargs(world))
    if persona != "anonymous":
        client.force_login(world.users[persona])
    if route.before:
        route.before(world, client, world.users.get(persona))

    for method in methods.split():
        with (
            CaptureQueriesContext(connection) as queries,
            django_capture_on_commit_callbacks() as queued,
        ):
            if method == "POST":
                response = client.post(address, route.data(world))
            else:
                response = client.generic(method, address)
        body = b"".join(response.streaming_content) if response.streaming else response.content

        if outcome == DONE and method == "POST":
            assert (response.status_code, response["Location"]) == (302, route.redirect(world))
            assert route.done(world), f"{persona}'s POST to {name} did not do its work"
            assert writes(queries) != []
            continue
        if outcome == SIGN_IN:
            assert (response.status_code, response["Location"]) == (
                302,
                f"/accounts/login/?next={address}",
            ), method
        elif outcome == DONE and route.get_redirect:
            assert (response.status_code, response["Location"]) == (302, route.get_redirect(world))
        else:
            assert response.status_code == (200 if outcome == DONE else outcome), method
        assert writes(queries) == [], method
        assert queued == [], method
        if persona.startswith("agency_b") and outcome != DONE:  # 404 or 405
            for shown in agency_a_names(world):
                assert shown not in body.decode(), shown
