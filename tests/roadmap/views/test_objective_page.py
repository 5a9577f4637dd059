"""An objective's page: what it shows, who may align it to goals, and htmx sections.

Personas (tests/conftest.py): alice-admin, lena-lead, eddie-editor and
vik-viewer are members of agency A, which owns `roadmap` (and its objective
"Services online"); olga-outsider is a lead of agency B, which owns
`other_roadmap`. Both roadmaps use the same slug.
"""

import re

import pytest
from django.test.html import parse_html
from django.utils.html import escape

from agencies.models import Organisation
from roadmap.models import KPI, Measurement, Objective, ObjectiveAlignment, OrganisationalGoal
from tests.conftest import make_member
from tests.helpers import HTMX, MARKUP, count_queries, send, signed_in
from tests.html import FormPage, elements, find, squash, text_of
from tests.roadmap.kpi_factories import days_ago, make_kpi, measure, objective_url, planned


@pytest.fixture
def objective(roadmap, editor):
    objective = roadmap.objectives.get()
    objective.description = "Move the busiest services online."
    objective.desired_outcomes = "Residents apply in one visit\n- Nobody needs paper forms"
    objective.priority = "high"
    objective.owner = editor
    objective.citizen_centric = True
    objective.citizen_outcome = "Faster decisions on benefits"
    objective.save()
    return objective


@pytest.fixture
def goals(agency):
    return [
        OrganisationalGoal.objects.create(organisation=agency, title=title, position=n)
        for n, title in enumerate(["Simple services", "Value for money", "Trusted data"])
    ]


@pytest.fixture
def alignment(objective, goals):
    return ObjectiveAlignment.objects.create(
        objective=objective, goal=goals[0], rationale="Online journeys remove queues."
    )


@pytest.fixture
def other_alignment(other_objective, other_agency):
    goal = OrganisationalGoal.objects.create(organisation=other_agency, title="B's goal")
    return ObjectiveAlignment.objects.create(
        objective=other_objective, goal=goal, rationale="Agency B's reason."
    )


def database_state() -> tuple[list[dict], ...]:
    return tuple(
        list(model.objects.order_by("pk").values())
        for model in (Objective, ObjectiveAlignment, KPI, Measurement)
    )


def endpoints(objective: Objective, alignment: ObjectiveAlignment, goal: OrganisationalGoal):
    """Every new objective-page address and, for a write, a valid POST."""
    return {
        "objective page": (objective_url("objective-detail", objective), None),
        "add alignment": (
            objective_url("alignment-create", objective),
            {"goal": str(goal.pk), "rationale": "It serves it well."},
        ),
        "remove alignment": (
            objective_url("alignment-delete", objective, alignment_pk=alignment.pk),
            {},
        ),
    }


WRITES = ["add alignment", "remove alignment"]
# The page itself takes GET only (a POST is 405 for anyone); each write, GET and POST.
REQUESTS = [("objective page", "get")] + [(page, m) for page in WRITES for m in ("get", "post")]


# Tenancy: another agency's objective and alignments do not exist for you ------------
# Each page's status for every persona and method (sign in, 404, 403, 405, or
# done) is in tests/test_permissions.py; here, what that table does not show.


@pytest.mark.parametrize("page, method", REQUESTS)
def test_agency_b_objective_id_under_your_own_roadmap_is_not_found(
    client, editor, roadmap, other_objective, other_alignment, page, method
):
    """Agency A's roadmap slug with agency B's objective id: still not found."""
    target = endpoints(other_objective, other_alignment, other_alignment.goal)[page]
    address = target[0].replace("/agency-b/", "/agency-a/")
    assert address.startswith("/agencies/agency-a/roadmaps/digital-2026/objectives/")
    before = database_state()

    response = send(signed_in(client, editor), method, (address, target[1]))

    assert response.status_code == 404
    assert database_state() == before


@pytest.mark.parametrize("method", ["get", "post"])
def test_agency_b_alignment_under_your_own_objective_is_not_found(
    client, editor, objective, other_alignment, method
):
    before = database_state()

    response = send(
        signed_in(client, editor),
        method,
        (objective_url("alignment-delete", objective, alignment_pk=other_alignment.pk), {}),
    )

    assert response.status_code == 404
    assert ObjectiveAlignment.objects.filter(pk=other_alignment.pk).exists()
    assert database_state() == before


def test_an_alignment_of_another_objective_is_not_found_under_this_one(
    client, editor, roadmap, objective, goals
):
    second = Objective.objects.create(roadmap=roadmap, title="Second objective", position=1)
    theirs = ObjectiveAlignment.objects.create(objective=second, goal=goals[1], rationale="x")

    response = signed_in(client, editor).post(
        objective_url("alignment-delete", objective, alignment_pk=theirs.pk)
    )

    assert response.status_code == 404
    assert ObjectiveAlignment.objects.filter(pk=theirs.pk).exists()


def test_a_goal_of_agency_b_cannot_be_aligned(client, editor, objective, other_alignment):
    before = database_state()

    response = signed_in(client, editor).post(
        objective_url("alignment-create", objective),
        {"goal": str(other_alignment.goal_id), "rationale": "Sneaky."},
    )

    assert response.status_code == 200
    assert "Choose one of your agency" in FormPage(response).error("goal")
    assert "B&#x27;s goal" not in response.text and "B's goal" not in response.text
    assert database_state() == before


# Roles: viewers read, editors and above write ------------------------------------


def test_viewer_reads_the_objective_page_without_write_controls(
    client, viewer, objective, alignment, goals
):
    make_kpi(objective)

    response = signed_in(client, viewer).get(objective_url("objective-detail", objective))

    assert response.status_code == 200
    assert "Services online" in response.text
    assert "Applications made online" in response.text
    for name in ("objective-edit", "alignment-create", "kpi-create"):
        assert objective_url(name, objective) not in response.text
    assert "alignment-delete" not in response.text
    assert "<form" not in response.text.split('id="main"')[1]
    assert "Move up" not in response.text and "Move down" not in response.text


def test_editor_is_offered_every_write(client, editor, objective, alignment, goals):
    kpi = make_kpi(objective)
    make_kpi(objective, name="Second KPI")

    response = signed_in(client, editor).get(objective_url("objective-detail", objective))

    for name in ("objective-edit", "objective-delete", "alignment-create", "kpi-create"):
        assert objective_url(name, objective) in response.text
    assert objective_url("alignment-delete", objective, alignment_pk=alignment.pk) in response.text
    for name in ("kpi-detail", "kpi-edit", "kpi-delete", "kpi-move"):
        assert objective_url(name, objective, kpi_pk=kpi.pk) in response.text
    assert "Move down" in response.text
    assert ">Change the objective<" in response.text


# What the page shows ---------------------------------------------------------------


def test_the_page_shows_the_objective_in_full(client, viewer, editor, objective, alignment):
    editor.first_name, editor.last_name = "Eddie", "Ekwueme"
    editor.save()
    kpi = make_kpi(objective)
    measure(kpi, days_ago(10), planned(kpi, days_ago(10)))

    response = signed_in(client, viewer).get(objective_url("objective-detail", objective))
    page = parse_html(response.text)

    assert response.status_code == 200
    # Numbered in the roadmap's order, in the roadmap's own word (default "Objective").
    assert text_of(next(e for e in elements(page) if e.name == "h1")) == (
        "Objective 1: Services online"
    )
    assert "Move the busiest services online." in response.text
    outcomes = find(page, **{"class": "outcome-list"})
    assert [text_of(li) for li in outcomes.children if not isinstance(li, str)] == [
        "Residents apply in one visit",
        "Nobody needs paper forms",
    ]
    assert "High priority" in response.text
    assert "Eddie Ekwueme" in response.text
    assert "Citizen-centric" in response.text
    assert "Faster decisions on benefits" in response.text
    item = find(page, id=f"alignment-{alignment.pk}")
    assert "Simple services" in text_of(item)
    assert "Online journeys remove queues." in text_of(item)
    row = text_of(find(page, id=f"kpi-{kpi.pk}"))
    assert "Applications made online" in row
    assert "0%" in row and "100%" in row
    assert "On track" in row
    assert f'id="kpi-{kpi.pk}-spark-title"' in response.text
    assert "1 KPI: 1 on track" in response.text


def test_an_objective_with_nothing_yet_says_so(client, viewer, roadmap):
    objective = roadmap.objectives.get()

    response = signed_in(client, viewer).get(objective_url("objective-detail", objective))

    assert "No description yet." in response.text
    assert "No desired outcomes written yet." in response.text
    assert "Not aligned to any goal yet." in response.text
    assert "No KPIs yet" in response.text
    assert "<table" not in response.text


def test_every_kpi_status_is_shown_in_words_and_with_a_shape(client, viewer, objective):
    today_minus = days_ago(5)
    cases = {
        "No data": None,
        "On track": lambda k: planned(k, today_minus),
        "At risk": lambda k: planned(k, today_minus) - 18,
        "Off track": lambda k: planned(k, today_minus) - 40,
        "Achieved": lambda k: 100,
    }
    for name, value in cases.items():
        kpi = make_kpi(objective, name=f"KPI {name}")
        if value is not None:
            measure(kpi, today_minus, value(kpi))

    response = signed_in(client, viewer).get(objective_url("objective-detail", objective))
    page = parse_html(response.text)

    for name in cases:
        kpi = KPI.objects.get(name=f"KPI {name}")
        badge = find(find(page, id=f"kpi-{kpi.pk}"), **{"class": "kpi-status__text"})
        assert text_of(badge) == name
    assert response.text.count('class="kpi-status__icon"') == len(cases)


def test_markup_in_the_objective_and_its_alignment_is_shown_as_text(
    client, viewer, objective, goals
):
    objective.title = MARKUP
    objective.description = MARKUP
    objective.desired_outcomes = MARKUP
    objective.citizen_outcome = MARKUP
    objective.save()
    goals[0].title = MARKUP
    goals[0].save()
    ObjectiveAlignment.objects.create(objective=objective, goal=goals[0], rationale=MARKUP)
    make_kpi(objective, name=MARKUP, unit="<i>u</i>")

    response = signed_in(client, viewer).get(objective_url("objective-detail", objective))

    assert "<script>" not in response.text
    assert "<b onmouseover" not in response.text
    assert "<i>u</i>" not in response.text
    assert escape(MARKUP) in response.text


# htmx: sections and inline alignment ------------------------------------------------


@pytest.mark.parametrize("section", ["kpis", "alignments"])
def test_htmx_get_aimed_at_a_section_returns_only_that_section(
    client, editor, objective, alignment, section
):
    make_kpi(objective)

    response = signed_in(client, editor).get(
        objective_url("objective-detail", objective), headers={**HTMX, "HX-Target": section}
    )

    assert response.status_code == 200
    assert "<html" not in response.text
    assert dict(parse_html(response.text).attributes).get("id") == section


def test_htmx_get_aimed_elsewhere_and_a_plain_get_return_the_whole_page(client, editor, objective):
    client = signed_in(client, editor)
    for headers in ({}, HTMX, {**HTMX, "HX-Target": "main"}):
        response = client.get(objective_url("objective-detail", objective), headers=headers)
        assert "<html" in response.text
        assert 'id="kpis"' in response.text and 'id="alignments"' in response.text


def test_htmx_add_alignment_returns_the_alignments_section(client, editor, objective, goals):
    response = signed_in(client, editor).post(
        objective_url("alignment-create", objective),
        {"goal": str(goals[1].pk), "rationale": "It saves money."},
        headers=HTMX,
    )

    assert response.status_code == 200
    assert "<html" not in response.text
    section = parse_html(response.text)
    assert dict(section.attributes).get("id") == "alignments"
    assert "Value for money" in text_of(find(section, **{"class": "alignment-list"}))
    assert "It saves money." in response.text
    assert 'hx-swap-oob="innerHTML">Aligned to the goal: Value for money' in response.text
    assert objective.alignments.get().rationale == "It saves money."
    # The goal just aligned is no longer offered; a fresh form is.
    assert f'<option value="{goals[1].pk}"' not in response.text
    assert f'<option value="{goals[2].pk}"' in response.text
    assert 'value="It saves money."' not in response.text


def test_when_every_goal_is_aligned_the_form_says_so(client, editor, objective, goals):
    for goal in goals:
        ObjectiveAlignment.objects.create(objective=objective, goal=goal, rationale="Yes.")

    response = signed_in(client, editor).get(objective_url("objective-detail", objective))

    assert "There are no other goals of Agency A to align it to." in response.text
    assert objective_url("alignment-create", objective) not in response.text


@pytest.mark.parametrize("htmx", [False, True])
@pytest.mark.parametrize(
    "typed, field, message",
    [
        ({"goal": "", "rationale": "Kept as typed."}, "goal", "Choose the goal this objective"),
        ({"goal": "999999", "rationale": "Kept as typed."}, "goal", "Choose one of your agency"),
        ({"goal": "GOAL", "rationale": ""}, "rationale", "Say in one line how the objective"),
        (
            {"goal": "GOAL", "rationale": "x" * 10_000},
            "rationale",
            "must be 200 characters or fewer (it has 10,000)",
        ),
    ],
)
def test_add_alignment_refuses_bad_input_and_keeps_what_was_typed(
    client, editor, objective, goals, typed, field, message, htmx
):
    typed = {k: (str(goals[1].pk) if v == "GOAL" else v) for k, v in typed.items()}
    before = database_state()

    response = signed_in(client, editor).post(
        objective_url("alignment-create", objective), typed, headers=HTMX if htmx else {}
    )

    page = FormPage(response)
    assert response.status_code == 200
    assert message in page.error(field)
    assert page.value("rationale") == squash(typed["rationale"])
    assert "1 problem" in page.summary()
    assert database_state() == before
    if htmx:
        assert dict(page.document.attributes).get("id") == "alignments"
    else:
        assert "<html" in response.text


def test_markup_in_a_refused_alignment_comes_back_as_text(client, editor, objective):
    response = signed_in(client, editor).post(
        objective_url("alignment-create", objective), {"goal": "", "rationale": MARKUP}
    )

    assert "<script>" not in response.text
    assert FormPage(response).value("rationale") == squash(MARKUP)


def test_remove_alignment_asks_first_then_removes(client, editor, objective, alignment):
    client = signed_in(client, editor)
    address = objective_url("alignment-delete", objective, alignment_pk=alignment.pk)

    confirm = client.get(address)
    assert confirm.status_code == 200
    assert "<html" in confirm.text
    assert 'Stop aligning this objective to "Simple services"?' in confirm.text
    assert ObjectiveAlignment.objects.exists()

    response = client.post(address)

    assert response["Location"] == objective_url("objective-detail", objective) + "#alignments"
    assert not ObjectiveAlignment.objects.exists()
    assert OrganisationalGoal.objects.filter(pk=alignment.goal_id).exists()


def test_htmx_remove_alignment_confirms_inline_then_returns_the_section(
    client, editor, objective, alignment
):
    client = signed_in(client, editor)
    address = objective_url("alignment-delete", objective, alignment_pk=alignment.pk)

    confirm = client.get(address, headers=HTMX)
    item = parse_html(confirm.text)
    assert (item.name, dict(item.attributes)["id"]) == ("li", f"alignment-{alignment.pk}")
    assert f'hx-post="{address}"' in confirm.text
    assert f'href="{objective_url("objective-detail", objective)}#alignments"' in confirm.text
    assert 'hx-target="#alignments"' in confirm.text
    assert "hx-confirm" not in confirm.text

    response = client.post(address, headers=HTMX)

    assert dict(parse_html(response.text).attributes).get("id") == "alignments"
    assert "No longer aligned to the goal: Simple services" in response.text
    assert not ObjectiveAlignment.objects.exists()


def test_every_htmx_control_also_works_as_a_plain_link_or_form(
    client, editor, objective, alignment
):
    make_kpi(objective)
    make_kpi(objective, name="Second")

    response = signed_in(client, editor).get(objective_url("objective-detail", objective))
    for element in elements(parse_html(response.text)):
        attrs = dict(element.attributes)
        if "hx-get" in attrs:
            assert attrs.get("href") == attrs["hx-get"], attrs
        if "hx-post" in attrs:
            assert element.name == "form" and attrs.get("action") == attrs["hx-post"], attrs
            assert attrs.get("method") == "post"


# Query counts ----------------------------------------------------------------------


def add_kpis(objective, count: int, first: int, users) -> None:
    for n in range(first, first + count):
        kpi = make_kpi(objective, name=f"KPI number {n:02}", owner=users[n % len(users)])
        for m in range(count):
            measure(kpi, days_ago(100 - m), 10 + m, entered_by=users[m % len(users)])


@pytest.mark.parametrize("persona", ["viewer", "editor"])
def test_objective_page_queries_do_not_grow_with_kpis_or_measurements(
    client, request_persona, django_user_model, persona, objective, goals
):
    user = request_persona(persona)
    users = [
        make_member(django_user_model, objective.roadmap.organisation, f"user-{n}", 20)
        for n in range(3)
    ]
    client = signed_in(client, user)
    address = objective_url("objective-detail", objective)

    add_kpis(objective, 1, 0, users)
    ObjectiveAlignment.objects.create(objective=objective, goal=goals[0], rationale="One.")
    few, text = count_queries(client, address)
    assert len(set(re.findall(r"KPI number \d+", text))) == 1

    add_kpis(objective, 9, 1, users)
    # One goal is left to align to, so editors see the form both times.
    ObjectiveAlignment.objects.create(objective=objective, goal=goals[1], rationale="More.")
    many, text = count_queries(client, address)
    assert len(set(re.findall(r"KPI number \d+", text))) == 10
    assert text.count('class="kpi-status__text"') == 10

    assert few == many, f"{few} queries with 1 KPI, {many} with 10"
    # session, user, the header's agencies, membership, roadmap, objective,
    # alignments, KPIs with owners, measurements; for editors also the goals left to
    # align to (whether there are any, then the choices).
    assert many <= (11 if persona == "editor" else 9)


def test_an_unrelated_agency_with_the_same_goal_names_is_not_offered(client, editor, objective):
    third = Organisation.objects.create(name="Agency C", slug="agency-c")
    OrganisationalGoal.objects.create(organisation=third, title="Agency C's goal")

    response = signed_in(client, editor).get(objective_url("objective-detail", objective))

    assert "Agency C" not in response.text
