"""Changing a KPI inline on the objective page (htmx), and the plain pages behind it.

"Change" on a KPI row opens the edit form in that row (or, aimed at the whole
section, in the section); saving answers with the `kpis` section, its status and
sparkline judged again, an announcement and the focus on the row's "Change".
Refused input comes back in the row, next to its fields, as it was typed. The
plain edit page and the plain delete page keep working without JavaScript; the
delete page's "No, keep it" goes back where the user came from.

Personas (tests/conftest.py): eddie-editor and vik-viewer are members of
agency A, which owns `roadmap` and its objective "Services online";
olga-outsider is a lead of agency B, which owns `other_roadmap`.
"""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.html import parse_html
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from agencies.models import Role
from roadmap.models import KPI, Objective, OrganisationalGoal
from tests.conftest import make_member
from tests.helpers import HTMX, MARKUP, in_place_banner, signed_in, typed_value
from tests.html import FormPage, elements, field_error, field_value, find, squash, text_of
from tests.roadmap.kpi_factories import (
    BASELINE_DAYS,
    days_ago,
    kpi_url,
    make_kpi,
    measure,
    objective_url,
)

from .test_kpis import (
    KPI_BAD_INPUT,
    TYPED_FIELDS,
    database_state,
    new_kpi,
)

KPI_FIELDS = [
    "name",
    "definition",
    "unit",
    "direction",
    "baseline_value",
    "baseline_date",
    "target_value",
    "target_date",
    "data_source",
    "owner",
    "reporting_frequency",
]

DATE_FIELDS = {"baseline_date", "target_date"}


@pytest.fixture
def behind(kpi):
    """A measurement far behind the plan: off track until the target comes nearer."""
    measure(kpi, days_ago(1), 20)
    return kpi


@pytest.fixture
def other_kpi(other_roadmap):
    objective = Objective.objects.create(roadmap=other_roadmap, title="Agency B's objective")
    return make_kpi(objective, name="Agency B's KPI")


def as_typed(kpi: KPI, **changes) -> dict[str, str]:
    """The KPI's edit form as it comes filled in, with `changes` typed over it."""
    saved = {
        "name": kpi.name,
        "unit": kpi.unit,
        "baseline_value": f"{kpi.baseline_value.normalize():f}",
        "baseline_date": kpi.baseline_date,
        "target_value": f"{kpi.target_value.normalize():f}",
        "target_date": kpi.target_date,
    }
    return new_kpi(**{**saved, **changes})


def section_of(response):
    """The section an htmx answer swaps in, without the banner's out-of-band swap."""
    root = parse_html(response.text)
    return root if root.name else root.children[0]


def edit_htmx(target: str) -> dict[str, str]:
    return {**HTMX, "HX-Target": target}


def attrs_of(node) -> dict[str, str]:
    return dict(node.attributes)


def autofocused(node) -> list:
    return [e for e in elements(node) if "data-autofocus" in attrs_of(e)]


def row_status(section, kpi: KPI) -> str:
    row = find(section, id=f"kpi-{kpi.pk}")
    return text_of(next(e for e in elements(row) if attrs_of(e).get("data-label") == "Status"))


def inline_id(node, field: str) -> str:
    """The id of `field` in the KPI form opened in place: change-kpi-<pk>-<field>."""
    ids = [
        attrs_of(e)["id"]
        for e in elements(node)
        if re.fullmatch(rf"change-kpi-\d+-{field}", attrs_of(e).get("id", ""))
    ]
    assert len(ids) == 1, f"{len(ids)} inline {field} fields"
    return ids[0]


def inline_value(node, field: str) -> str:
    return field_value(node, inline_id(node, field))


def inline_error(node, field: str) -> str:
    """The message next to the inline field, checked to be tied to it; '' when none."""
    return field_error(node, inline_id(node, field))


# Opening the form ----------------------------------------------------------------------


def test_htmx_change_opens_the_form_in_the_row_with_every_field(client, editor, objective, kpi):
    address = kpi_url("kpi-edit", kpi)

    response = signed_in(client, editor).get(address, headers=edit_htmx(f"kpi-{kpi.pk}"))

    assert response.status_code == 200
    assert "<html" not in response.text
    row = parse_html(response.text)
    assert (row.name, attrs_of(row)["id"]) == ("tr", f"kpi-{kpi.pk}")
    form = find(row, method="post")
    assert attrs_of(form)["action"] == attrs_of(form)["hx-post"] == address
    assert (attrs_of(form)["hx-target"], attrs_of(form)["hx-swap"]) == ("#kpis", "outerHTML")
    for field in KPI_FIELDS:
        assert find(row, id=f"change-kpi-{kpi.pk}-{field}") is not None, field
        if field in DATE_FIELDS:  # day, month and year boxes, each with its own id and label
            for part, box_id in (
                ("day", f"change-kpi-{kpi.pk}-{field}"),
                ("month", f"change-kpi-{kpi.pk}-{field}_month"),
                ("year", f"change-kpi-{kpi.pk}-{field}_year"),
            ):
                assert attrs_of(find(row, id=box_id))["name"] == f"{field}_{part}"
                assert f'for="{box_id}"' in response.text
        else:
            assert f'name="{field}"' in response.text, field
    assert 'id="id_' not in response.text  # no clash with the "add a KPI" form's ids
    assert f'for="change-kpi-{kpi.pk}-name"' in response.text
    assert (inline_value(row, "name"), inline_value(row, "baseline_value")) == (
        "Applications made online",
        "0",
    )
    assert inline_value(row, "target_value") == "100"
    assert "Change the KPI \u201cApplications made online\u201d" in text_of(row)
    # Its heading takes the focus; "Cancel" restores the section, and is a link too.
    (focused,) = autofocused(row)
    assert focused.name == "h3"
    cancel = next(e for e in elements(row) if e.name == "a" and text_of(e) == "Cancel")
    page = objective_url("objective-detail", objective)
    assert attrs_of(cancel)["href"] == f"{page}#kpi-{kpi.pk}"
    assert (attrs_of(cancel)["hx-get"], attrs_of(cancel)["hx-target"]) == (
        f"{objective_url('kpi-list', objective)}?focus=change-{kpi.pk}",
        "#kpis",
    )
    assert "Save KPI" in response.text
    assert not find(row, role="alert")  # no errors yet


def test_htmx_change_aimed_at_the_section_returns_the_section_with_the_form_in_the_row(
    client, editor, objective, kpi
):
    second = make_kpi(objective, name="Second KPI")

    response = signed_in(client, editor).get(kpi_url("kpi-edit", kpi), headers=edit_htmx("kpis"))

    section = parse_html(response.text)
    assert attrs_of(section)["id"] == "kpis"
    assert "<html" not in response.text
    assert "inline-change" in attrs_of(find(section, id=f"kpi-{kpi.pk}"))["class"]
    assert find(section, id=f"change-kpi-{kpi.pk}-target_value") is not None
    assert "Second KPI" in text_of(find(section, id=f"kpi-{second.pk}"))  # the others stay


def test_a_plain_change_is_the_whole_page(client, editor, kpi):
    response = signed_in(client, editor).get(kpi_url("kpi-edit", kpi))

    assert "<html" in response.text and "<h1>Change the KPI</h1>" in response.text
    page = FormPage(response)
    assert page.value("name") == "Applications made online"
    assert 'id="change-kpi-' not in response.text


def test_the_objective_page_offers_change_inline_and_as_a_link(client, editor, objective, kpi):
    response = signed_in(client, editor).get(objective_url("objective-detail", objective))

    address = kpi_url("kpi-edit", kpi)
    change = next(
        e
        for e in elements(parse_html(response.text))
        if e.name == "a" and attrs_of(e).get("href") == address
    )
    assert attrs_of(change)["hx-get"] == address
    assert (attrs_of(change)["hx-target"], attrs_of(change)["hx-swap"]) == (
        f"#kpi-{kpi.pk}",
        "outerHTML",
    )
    assert text_of(change) == "Change Applications made online"


# Saving -------------------------------------------------------------------------------


def test_htmx_save_updates_the_section_in_place_and_announces_it(client, editor, objective, behind):
    kpi = behind
    client = signed_in(client, editor)
    page = parse_html(client.get(objective_url("objective-detail", objective)).text)
    assert "Off track" in row_status(page, kpi)

    # Nearer target: the plan is now at 20% today, where the measurement is.
    response = client.post(
        kpi_url("kpi-edit", kpi),
        as_typed(kpi, name="Forms made online", target_value="40"),
        headers=HTMX,
    )

    assert response.status_code == 200
    section = section_of(response)
    assert attrs_of(section)["id"] == "kpis"
    assert "<html" not in response.text
    row = find(section, id=f"kpi-{kpi.pk}")
    assert "Forms made online" in text_of(row)
    assert "On track" in row_status(section, kpi)
    assert "Target 40% by" in text_of(row)  # the sparkline is drawn again
    assert 'name="target_value"' not in response.text  # the form closed
    assert in_place_banner(response) == "KPI saved: Forms made online"
    # The focus comes back to the row's "Change".
    (focused,) = autofocused(section)
    assert (focused.name, attrs_of(focused)["href"]) == ("a", kpi_url("kpi-edit", kpi))
    kpi.refresh_from_db()
    assert (kpi.name, kpi.target_value) == ("Forms made online", Decimal(40))


def test_a_plain_save_still_goes_to_the_kpi_page(client, editor, kpi):
    response = signed_in(client, editor).post(kpi_url("kpi-edit", kpi), as_typed(kpi, unit="pc"))

    assert response.status_code == 302
    assert response["Location"] == kpi_url("kpi-detail", kpi)
    kpi.refresh_from_db()
    assert kpi.unit == "pc"


def test_markup_in_a_saved_name_comes_back_as_text(client, editor, kpi):
    response = signed_in(client, editor).post(
        kpi_url("kpi-edit", kpi), as_typed(kpi, name=MARKUP), headers=HTMX
    )

    assert "<script>" not in response.text and "<b onmouseover" not in response.text
    assert f"KPI saved: {escape(MARKUP)}" in response.text
    assert KPI.objects.get().name == MARKUP


# Refused input --------------------------------------------------------------------------

INLINE_BAD_INPUT = {
    **KPI_BAD_INPUT,
    "a name another KPI has": (
        {"name": "second kpi"},
        "name",
        "This objective already has a KPI with that name.",
    ),
    "a baseline after a measurement": (
        {"baseline_date": days_ago(3)},
        "baseline_date",
        "1 measurement is dated before",
    ),
}


@pytest.mark.parametrize("case", list(INLINE_BAD_INPUT))
def test_htmx_save_refuses_bad_input_in_the_row_and_keeps_what_was_typed(
    client, editor, objective, kpi, case
):
    make_kpi(objective, name="Second KPI")
    measure(kpi, days_ago(5), 40)  # later than every baseline date the cases type, but one
    changes, field, message = INLINE_BAD_INPUT[case]
    typed = as_typed(kpi, **changes)
    before = database_state()

    response = signed_in(client, editor).post(kpi_url("kpi-edit", kpi), typed, headers=HTMX)

    assert response.status_code == 200
    section = parse_html(response.text)
    assert attrs_of(section)["id"] == "kpis"
    row = find(section, id=f"kpi-{kpi.pk}")
    assert message in inline_error(row, field)
    summary = find(row, role="alert")
    assert "1 problem" in text_of(summary)
    link = next(e for e in elements(summary) if e.name == "a")
    # To the wrong box of a date: only the year, when the year is outside the horizon.
    wrong_part = "_year" if "horizon" in case else ""
    assert attrs_of(link)["href"] == f"#{inline_id(row, field)}{wrong_part}"
    for name in TYPED_FIELDS:
        assert inline_value(row, name) == typed_value(typed, name), f"{name} lost what was typed"
    assert database_state() == before
    # The row still names the KPI as it is saved; the error summary takes the focus.
    assert "Change the KPI \u201cApplications made online\u201d" in text_of(row)
    (focused,) = autofocused(section)
    assert attrs_of(focused).get("role") == "alert"
    assert in_place_banner(response) == ""


def test_several_errors_are_counted_and_each_shown_by_its_field(client, editor, kpi):
    typed = as_typed(kpi, baseline_value="forty", target_date=days_ago(BASELINE_DAYS + 5))

    response = signed_in(client, editor).post(kpi_url("kpi-edit", kpi), typed, headers=HTMX)

    section = parse_html(response.text)
    assert "2 problems" in text_of(find(section, role="alert"))
    assert "as a number" in inline_error(section, "baseline_value")
    assert "after the baseline date" in inline_error(section, "target_date")
    assert inline_value(section, "baseline_value") == "forty"


def test_a_date_part_left_out_in_the_row_is_marked_and_the_summary_links_to_it(client, editor, kpi):
    target = kpi.target_date
    typed = as_typed(kpi, target_date=(str(target.day), "", str(target.year)))

    response = signed_in(client, editor).post(kpi_url("kpi-edit", kpi), typed, headers=HTMX)

    row = find(parse_html(response.text), id=f"kpi-{kpi.pk}")
    assert "Target date must include a month." in inline_error(row, "target_date")
    month = f"{inline_id(row, 'target_date')}_month"
    assert "date-input__input--error" in attrs_of(find(row, id=month))["class"]
    assert "date-input__input--error" not in attrs_of(find(row, id=f"{month[:-6]}_year"))["class"]
    link = next(e for e in elements(find(row, role="alert")) if e.name == "a")
    assert attrs_of(link)["href"] == f"#{month}"
    assert inline_value(row, "target_date") == f"{target.day} {target.year}"


def test_markup_comes_back_as_text_in_a_refused_inline_form(client, editor, kpi):
    typed = as_typed(kpi, name=MARKUP, definition=MARKUP, target_value="<b>x</b>")

    response = signed_in(client, editor).post(kpi_url("kpi-edit", kpi), typed, headers=HTMX)

    section = parse_html(response.text)
    assert "<script>" not in response.text and "<b>x</b>" not in response.text
    assert inline_value(section, "name") == squash(MARKUP)
    assert inline_value(section, "target_value") == "<b>x</b>"
    assert KPI.objects.get().name == "Applications made online"


# Who may ----------------------------------------------------------------------------------

FRAGMENT_REQUESTS = [("get", "row"), ("get", "kpis"), ("post", "kpis")]


def send(client, method: str, address: str, target: str, data: dict):
    headers = edit_htmx(target)
    if method == "post":
        return client.post(address, data, headers=headers)
    return client.get(address, headers=headers)


@pytest.mark.parametrize("method, target", FRAGMENT_REQUESTS)
def test_viewer_is_forbidden_the_inline_edit(client, viewer, kpi, method, target):
    before = database_state()

    response = send(
        signed_in(client, viewer),
        method,
        kpi_url("kpi-edit", kpi),
        f"kpi-{kpi.pk}" if target == "row" else target,
        as_typed(kpi, name="Renamed"),
    )

    assert response.status_code == 403
    assert database_state() == before


@pytest.mark.parametrize("method, target", FRAGMENT_REQUESTS)
@pytest.mark.parametrize("persona", ["editor", "admin_user"])
def test_another_agencys_kpi_is_not_found_inline(
    client, request_persona, persona, other_kpi, method, target
):
    before = database_state()
    client = signed_in(client, request_persona(persona))
    address = kpi_url("kpi-edit", other_kpi)

    for tried in (address, address.replace("/agency-b/", "/agency-a/")):
        response = send(
            client,
            method,
            tried,
            f"kpi-{other_kpi.pk}" if target == "row" else target,
            as_typed(other_kpi, name="Renamed"),
        )
        assert response.status_code == 404, tried
        assert "Agency B" not in response.text

    assert database_state() == before


# Query counts -------------------------------------------------------------------------------


def add_kpis(objective, first: int, count: int, users) -> None:
    for n in range(first, first + count):
        kpi = make_kpi(objective, name=f"KPI number {n:02}", owner=users[n % len(users)])
        for m in range(count):
            measure(kpi, days_ago(100 - m), 10 + m, entered_by=users[m % len(users)])


def queries_for(send_request) -> tuple[int, str]:
    send_request()
    with CaptureQueriesContext(connection) as queries:
        response = send_request()
    assert response.status_code == 200
    return len(queries), response.text


@pytest.mark.parametrize("persona", ["viewer", "editor"])
def test_objective_page_queries_stay_the_same_at_1x_and_10x_kpis(
    client, request_persona, django_user_model, persona, objective
):
    users = [
        make_member(django_user_model, objective.roadmap.organisation, f"user-{n}", Role.EDITOR)
        for n in range(3)
    ]
    # A goal left to align to, so editors see the alignment form.
    OrganisationalGoal.objects.create(organisation=objective.roadmap.organisation, title="Goal")
    client = signed_in(client, request_persona(persona))
    address = objective_url("objective-detail", objective)

    add_kpis(objective, 0, 1, users)
    few, _ = queries_for(lambda: client.get(address))
    add_kpis(objective, 1, 9, users)
    many, text = queries_for(lambda: client.get(address))

    assert len(set(re.findall(r"KPI number \d+", text))) == 10
    assert few == many, f"{few} queries with 1 KPI, {many} with 10"
    # As before the inline edit: session, user, the header's agencies, membership,
    # roadmap, objective, alignments, KPIs with owners, measurements; for editors
    # also the goals left to align to (whether there are any, then the choices).
    assert many == (11 if persona == "editor" else 9)


def test_inline_edit_queries_stay_the_same_at_1x_and_10x_kpis(
    client, editor, django_user_model, objective
):
    users = [
        make_member(django_user_model, objective.roadmap.organisation, f"user-{n}", Role.EDITOR)
        for n in range(3)
    ]
    client = signed_in(client, editor)
    kpi = make_kpi(objective, name="The one to change")
    address = kpi_url("kpi-edit", kpi)
    counts = []
    for first, count in ((0, 1), (1, 9)):
        add_kpis(objective, first, count, users)
        opened, _ = queries_for(lambda: client.get(address, headers=edit_htmx("kpis")))
        saved, _ = queries_for(lambda: client.post(address, as_typed(kpi), headers=HTMX))
        refused, text = queries_for(
            lambda: client.post(address, as_typed(kpi, target_value="x"), headers=HTMX)
        )
        counts.append((opened, saved, refused))

    assert len(set(re.findall(r"KPI number \d+", text))) == 10
    assert counts[0] == counts[1], f"1 KPI: {counts[0]}, 10 KPIs: {counts[1]}"


# The plain delete page: "No, keep it" goes back where you came from ------------------------


def keep_it(response) -> str:
    link = next(
        e
        for e in elements(parse_html(response.text))
        if e.name == "a" and text_of(e) == "No, keep it"
    )
    return attrs_of(link)["href"]


def test_delete_from_the_objective_page_goes_back_there(client, editor, objective, kpi):
    client = signed_in(client, editor)
    page = parse_html(client.get(objective_url("objective-detail", objective)).text)
    delete = next(
        e
        for e in elements(page)
        if e.name == "a" and attrs_of(e).get("href", "").startswith(kpi_url("kpi-delete", kpi))
    )
    assert attrs_of(delete)["hx-get"] == attrs_of(delete)["href"]

    confirm = client.get(attrs_of(delete)["href"])

    assert "<html" in confirm.text
    assert keep_it(confirm) == objective_url("objective-detail", objective) + f"#kpi-{kpi.pk}"
    # The inline confirmation is unchanged: its "No, keep it" restores the section.
    row = client.get(attrs_of(delete)["href"], headers=HTMX)
    assert attrs_of(parse_html(row.text))["id"] == f"kpi-{kpi.pk}"


def test_delete_from_the_kpi_page_goes_back_there(client, editor, objective, kpi):
    client = signed_in(client, editor)
    page = client.get(kpi_url("kpi-detail", kpi)).text
    delete = next(
        attrs_of(e)["href"]
        for e in elements(parse_html(page))
        if e.name == "a" and text_of(e) == "Delete the KPI"
    )

    assert keep_it(client.get(delete)) == kpi_url("kpi-detail", kpi)
    # Asked with no way back, "No, keep it" goes to the KPI in its list.
    listed = objective_url("objective-detail", objective) + f"#kpi-{kpi.pk}"
    assert keep_it(client.get(kpi_url("kpi-delete", kpi))) == listed
    here = kpi_url("kpi-detail", kpi) + "#measurements"
    assert keep_it(client.get(kpi_url("kpi-delete", kpi), {"next": here})) == here


def outside_addresses(objective, kpi, other_kpi) -> list[str]:
    mine = objective_url("objective-detail", objective)
    sibling = Objective.objects.create(roadmap=objective.roadmap, title="A sibling")
    return [
        "https://evil.example/",
        "//evil.example/" + mine,
        "https:" + mine,
        "http://testserver" + mine,  # this site, but written as an absolute address
        "https://evil.example" + mine,
        "javascript:alert(1)//" + mine,
        "/\\evil.example/",
        mine + "../../../../../../accounts/logout/",
        mine + "kpis//evil.example/",
        mine.rstrip("/") + "0/",  # objective 10 when this is 1, and so on
        objective_url("objective-detail", sibling),
        objective_url("objective-detail", other_kpi.objective),
        kpi_url("kpi-detail", other_kpi),
        "/accounts/logout/",
    ]


def test_delete_page_refuses_a_way_back_outside_this_objective(
    client, editor, objective, kpi, other_kpi
):
    client = signed_in(client, editor)
    address = kpi_url("kpi-delete", kpi)

    for outside in outside_addresses(objective, kpi, other_kpi):
        response = client.get(address, {"next": outside})
        assert response.status_code == 200
        listed = objective_url("objective-detail", objective) + f"#kpi-{kpi.pk}"
        assert keep_it(response) == listed, outside
        assert "evil.example" not in response.text

    assert KPI.objects.filter(pk=kpi.pk).exists()
