"""KPIs and measurements over HTTP: who may do what, bad input, htmx sections, status.

Personas (tests/conftest.py): alice-admin, lena-lead, eddie-editor and
vik-viewer are members of agency A, which owns `roadmap` and its objective
"Services online"; olga-outsider is a lead of agency B, which owns
`other_roadmap`. Both roadmaps use the same slug, so agency B's objects can be
asked for through agency A's addresses.
"""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test.html import parse_html
from django.utils.html import escape

from agencies.models import Role
from roadmap.models import KPI, Measurement, Objective
from tests.conftest import make_member
from tests.helpers import HTMX, MARKUP, count_queries, send, signed_in, typed_value, with_dates
from tests.html import FormPage, elements, field_error, field_value, find, squash, text_of
from tests.roadmap.kpi_factories import (
    BASELINE_DAYS,
    days_ago,
    kpi_url,
    make_kpi,
    measure,
    measurement_url,
    objective_url,
    planned,
    today,
)
from ui.formatting import MONTH_NAMES


@pytest.fixture
def measurement(kpi, editor):
    return measure(kpi, days_ago(30), 40, note="First count.", entered_by=editor)


@pytest.fixture
def other_kpi(other_objective):
    return make_kpi(other_objective, name="Agency B's KPI")


@pytest.fixture
def other_measurement(other_kpi):
    return measure(other_kpi, days_ago(30), 55, note="Agency B's note.")


def swapped(response):
    """What an htmx answer swaps in (the page's own part), without the banner's
    out-of-band swap that may follow it; a whole page as it is."""
    root = parse_html(response.text)
    if root.name is None and len(root.children) == 2:
        return root.children[0]
    return root


def database_state() -> tuple[list[dict], ...]:
    return tuple(
        list(model.objects.order_by("pk").values()) for model in (Objective, KPI, Measurement)
    )


def new_kpi(**changes) -> dict[str, str]:
    """A valid KPI as posted; dates (a `date`, or text as typed) go as their boxes."""
    typed = {
        "name": "Claims decided within 10 days",
        "definition": "Claims decided within 10 working days, as a share of all claims.",
        "unit": "%",
        "direction": "higher",
        "baseline_value": "45",
        "baseline_date": days_ago(100),
        "target_value": "80",
        "target_date": today() + timedelta(days=365),
        "data_source": "Case management system",
        "owner": "",
        "reporting_frequency": "monthly",
        **changes,
    }
    return with_dates(typed, "baseline_date", "target_date")


def new_measurement(**changes) -> dict[str, str]:
    typed = {"value": "47.5", "date": days_ago(3), "note": "After the new form.", **changes}
    return with_dates(typed, "date")


def endpoints(kpi: KPI, measurement: Measurement) -> dict[str, tuple[str, dict | None]]:
    """Every KPI and measurement address and, for a write, a valid POST."""
    objective = kpi.objective
    return {
        "kpi page": (kpi_url("kpi-detail", kpi), None),
        "add kpi": (objective_url("kpi-create", objective), new_kpi()),
        "edit kpi": (kpi_url("kpi-edit", kpi), new_kpi(name="Renamed KPI")),
        "move kpi": (kpi_url("kpi-move", kpi), {"direction": "down"}),
        "delete kpi": (kpi_url("kpi-delete", kpi), {}),
        "add measurement": (kpi_url("measurement-create", kpi), new_measurement()),
        "edit measurement": (
            measurement_url("measurement-edit", measurement),
            new_measurement(value="41", date=measurement.date),
        ),
        "delete measurement": (measurement_url("measurement-delete", measurement), {}),
    }


WRITES = [
    "add kpi",
    "edit kpi",
    "move kpi",
    "delete kpi",
    "add measurement",
    "edit measurement",
    "delete measurement",
]
POST_ONLY = {"move kpi"}
# The KPI page takes GET only; each write GET (its form or confirmation) and POST,
# except a move, which is a button and nothing else.
REQUESTS = [("kpi page", "get")] + [
    (page, method)
    for page in WRITES
    for method in ("get", "post")
    if not (page in POST_ONLY and method == "get")
]


def with_class(node, name: str):
    """The first element with the class `name` among its classes."""
    return next(e for e in elements(node) if name in dict(e.attributes).get("class", "").split())


def two_kpis(objective) -> tuple[KPI, KPI]:
    """So a move changes something."""
    return make_kpi(objective), make_kpi(objective, name="Second KPI")


# Tenancy ----------------------------------------------------------------------------
# Each page's status for every persona and method (sign in, 404, 403, 405, or
# done) is in tests/test_permissions.py; here, what that table does not show.


@pytest.mark.parametrize("page, method", REQUESTS)
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_agency_b_ids_through_your_own_agencys_addresses_are_not_found(
    client, editor, roadmap, other_kpi, other_measurement, page, method, headers
):
    """Agency A's agency and roadmap in the address, agency B's ids: still not found."""
    make_kpi(other_kpi.objective, name="Another of B's KPIs")
    address, data = endpoints(other_kpi, other_measurement)[page]
    address = address.replace("/agency-b/", "/agency-a/")
    before = database_state()

    response = send(signed_in(client, editor), method, (address, data), headers)

    assert response.status_code == 404
    assert "Agency B" not in response.text
    assert database_state() == before


@pytest.mark.parametrize("page, method", [r for r in REQUESTS if r[0] != "add kpi"])
def test_agency_b_kpi_under_your_own_objective_is_not_found(
    client, editor, objective, other_kpi, other_measurement, page, method
):
    """Agency A's own objective in the address, with agency B's KPI (and measurement)."""
    make_kpi(other_kpi.objective, name="Another of B's KPIs")
    address, data = endpoints(other_kpi, other_measurement)[page]
    address = re.sub(
        r"^/agencies/agency-b/roadmaps/digital-2026/objectives/\d+/",
        objective_url("objective-detail", objective),
        address,
    )
    before = database_state()

    response = send(signed_in(client, editor), method, (address, data))

    assert response.status_code == 404
    assert database_state() == before


@pytest.mark.parametrize(
    "page, method",
    [(p, m) for p, m in REQUESTS if p in ("edit measurement", "delete measurement")],
)
def test_agency_b_measurement_under_your_own_kpi_is_not_found(
    client, editor, kpi, measurement, other_measurement, page, method
):
    address = endpoints(kpi, measurement)[page][0].replace(
        f"/measurements/{measurement.pk}/", f"/measurements/{other_measurement.pk}/"
    )
    before = database_state()

    response = send(signed_in(client, editor), method, (address, new_measurement()))

    assert response.status_code == 404
    assert database_state() == before


def test_a_kpi_of_another_objective_is_not_found_under_this_one(
    client, editor, roadmap, objective, kpi
):
    second = Objective.objects.create(roadmap=roadmap, title="Second objective", position=1)
    address = kpi_url("kpi-detail", kpi).replace(
        f"/objectives/{objective.pk}/", f"/objectives/{second.pk}/"
    )

    assert signed_in(client, editor).get(address).status_code == 404


def test_a_measurement_of_another_kpi_is_not_found_under_this_one(
    client, editor, objective, kpi, measurement
):
    second = make_kpi(objective, name="Second KPI")
    address = measurement_url("measurement-delete", measurement).replace(
        f"/kpis/{kpi.pk}/", f"/kpis/{second.pk}/"
    )

    assert signed_in(client, editor).post(address).status_code == 404
    assert Measurement.objects.filter(pk=measurement.pk).exists()


# Roles --------------------------------------------------------------------------------


def test_viewer_reads_the_kpi_page_without_write_controls(client, viewer, kpi, measurement):
    response = signed_in(client, viewer).get(kpi_url("kpi-detail", kpi))

    assert response.status_code == 200
    assert "Applications made online" in response.text
    assert "First count." in response.text
    for name, target in endpoints(kpi, measurement).items():
        if name != "kpi page":
            assert target[0] not in response.text
    assert "<form" not in response.text.split('id="main"')[1]


def test_editor_is_offered_every_kpi_write(client, editor, kpi, measurement):
    response = signed_in(client, editor).get(kpi_url("kpi-detail", kpi))

    for name in ("edit kpi", "delete kpi", "add measurement", "edit measurement"):
        assert endpoints(kpi, measurement)[name][0] in response.text, name
    assert endpoints(kpi, measurement)["delete measurement"][0] in response.text


def test_anonymous_htmx_requests_are_sent_to_sign_in_as_a_whole_page(client, kpi, measurement):
    response = client.post(
        endpoints(kpi, measurement)["add measurement"][0], new_measurement(), headers=HTMX
    )

    assert response["HX-Redirect"].startswith("/accounts/login/?next=")
    assert Measurement.objects.count() == 1


# Adding, changing, moving and deleting KPIs --------------------------------------------


def test_editor_adds_a_kpi_after_the_others(client, editor, objective, kpi):
    response = signed_in(client, editor).post(
        objective_url("kpi-create", objective), new_kpi(owner=str(editor.pk))
    )

    assert response.status_code == 302
    assert response["Location"] == objective_url("objective-detail", objective) + "#kpis"
    added = KPI.objects.get(name="Claims decided within 10 days")
    assert (added.objective, added.position, added.owner) == (objective, 1, editor)
    assert (added.baseline_value, added.target_value) == (Decimal(45), Decimal(80))
    assert (added.direction, added.reporting_frequency) == ("higher", "monthly")


def test_kpi_dates_are_saved_as_typed_in_day_month_and_year(client, editor, objective):
    """Leading zeros and a month's name, in full or short, as GOV.UK accepts them."""
    baseline, target = days_ago(40), today() + timedelta(days=400)
    typed = new_kpi(
        baseline_date=(f"0{baseline.day}", MONTH_NAMES[baseline.month - 1], str(baseline.year)),
        target_date=(str(target.day), MONTH_NAMES[target.month - 1][:3].lower(), str(target.year)),
    )

    response = signed_in(client, editor).post(objective_url("kpi-create", objective), typed)

    assert response.status_code == 302
    added = KPI.objects.get(name="Claims decided within 10 days")
    assert (added.baseline_date, added.target_date) == (baseline, target)


def test_the_kpi_form_shows_saved_dates_as_their_numbers(client, editor, kpi):
    page = FormPage(signed_in(client, editor).get(kpi_url("kpi-edit", kpi)))

    for name, day in (("baseline_date", kpi.baseline_date), ("target_date", kpi.target_date)):
        assert page.value(name) == f"{day.day} {day.month} {day.year}"
        assert page.widget(name).name == "input"
        assert dict(page.widget(name).attributes)["inputmode"] == "numeric"


def test_the_add_kpi_page_is_a_whole_page_and_htmx_opens_the_form_in_the_section(
    client, editor, objective, kpi
):
    client = signed_in(client, editor)
    address = objective_url("kpi-create", objective)

    page = client.get(address)
    assert "<html" in page.text and "<h1>Add a KPI</h1>" in page.text

    fragment = client.get(address, headers=HTMX)
    section = parse_html(fragment.text)
    assert dict(section.attributes)["id"] == "kpis"
    assert "<html" not in fragment.text
    assert "Applications made online" in fragment.text  # the table stays
    assert f'hx-post="{address}"' in fragment.text and f'action="{address}"' in fragment.text
    assert 'name="baseline_value"' in fragment.text


def test_htmx_add_kpi_returns_the_section_with_the_new_kpi_and_no_form(client, editor, objective):
    response = signed_in(client, editor).post(
        objective_url("kpi-create", objective), new_kpi(), headers=HTMX
    )

    assert response.status_code == 200
    section = swapped(response)
    assert dict(section.attributes)["id"] == "kpis"
    added = KPI.objects.get()
    row = find(section, id=f"kpi-{added.pk}")
    assert "Claims decided within 10 days" in text_of(row)
    assert "No data" in text_of(row)
    assert 'name="baseline_value"' not in response.text  # the form closed
    assert "KPI added: Claims decided within 10 days" in response.text
    assert "data-autofocus" in str(row)


def test_editor_changes_a_kpi(client, editor, kpi):
    response = signed_in(client, editor).post(
        kpi_url("kpi-edit", kpi), new_kpi(name="Renamed", unit="days", direction="lower")
    )

    kpi.refresh_from_db()
    assert response["Location"] == kpi_url("kpi-detail", kpi)
    assert (kpi.name, kpi.unit, kpi.direction) == ("Renamed", "days", "lower")


def test_the_kpi_form_shows_stored_numbers_as_people_write_them(client, editor, objective):
    kpi = make_kpi(objective, baseline_value=Decimal("42.5000"), target_value=Decimal("100"))

    page = FormPage(signed_in(client, editor).get(kpi_url("kpi-edit", kpi)))

    assert (page.value("baseline_value"), page.value("target_value")) == ("42.5", "100")


def test_moving_a_kpi_changes_the_order(client, editor, objective):
    _, second = two_kpis(objective)
    client = signed_in(client, editor)

    response = client.post(kpi_url("kpi-move", second), {"direction": "up"})

    assert (
        response["Location"] == objective_url("objective-detail", objective) + f"#kpi-{second.pk}"
    )
    assert list(objective.kpis.order_by("position").values_list("name", flat=True)) == [
        "Second KPI",
        "Applications made online",
    ]


def test_htmx_move_returns_the_section_and_keeps_focus_on_the_moved_kpi(client, editor, objective):
    first, second = two_kpis(objective)

    response = signed_in(client, editor).post(
        kpi_url("kpi-move", first), {"direction": "down"}, headers=HTMX
    )

    section = swapped(response)
    assert dict(section.attributes)["id"] == "kpis"
    rows = [e for e in elements(section) if e.name == "tr" and dict(e.attributes).get("id")]
    assert [dict(r.attributes)["id"] for r in rows] == [f"kpi-{second.pk}", f"kpi-{first.pk}"]
    # Now last: its "Move up" button takes the focus.
    focused = [e for e in elements(section) if "data-autofocus" in dict(e.attributes)]
    assert len(focused) == 1 and "Move up" in text_of(focused[0])
    assert "now 2 of 2" in response.text


def test_a_move_needs_a_direction(client, editor, objective):
    first, _ = two_kpis(objective)

    response = signed_in(client, editor).post(kpi_url("kpi-move", first), {"direction": "left"})

    assert response.status_code == 400
    assert first.position == KPI.objects.get(pk=first.pk).position


def test_delete_kpi_asks_first_then_deletes_it_and_its_measurements(
    client, editor, objective, kpi, measurement
):
    client = signed_in(client, editor)
    address = kpi_url("kpi-delete", kpi)

    confirm = client.get(address)
    assert 'Delete the KPI "Applications made online"?' in confirm.text
    assert "Its 1 measurement will be deleted too." in confirm.text
    assert KPI.objects.exists()

    response = client.post(address)

    assert response["Location"] == objective_url("objective-detail", objective) + "#kpis"
    assert not KPI.objects.exists()
    assert not Measurement.objects.exists()


def test_htmx_delete_kpi_confirms_in_its_row_then_returns_the_section(
    client, editor, objective, kpi
):
    client = signed_in(client, editor)
    address = kpi_url("kpi-delete", kpi)

    confirm = client.get(address, headers=HTMX)
    row = parse_html(confirm.text)
    assert (row.name, dict(row.attributes)["id"]) == ("tr", f"kpi-{kpi.pk}")
    assert f'action="{address}"' in confirm.text and f'hx-post="{address}"' in confirm.text
    assert "hx-confirm" not in confirm.text
    assert KPI.objects.exists()

    response = client.post(address, headers=HTMX)

    assert dict(swapped(response).attributes)["id"] == "kpis"
    assert "KPI deleted: Applications made online" in response.text
    assert "No KPIs yet" in response.text
    assert not KPI.objects.exists()


# Bad input on KPIs ----------------------------------------------------------------------

LONG = "x" * 10_000
KPI_BAD_INPUT = {
    # Issue 12: what a published roadmap's KPI may not be.
    "a qualifier with no baseline value": (
        {
            "baseline_unknown": "on",
            "baseline_value": "",
            "baseline_date": "",
            "baseline_qualifier": "more_than",
        },
        "baseline_qualifier",
        "Enter the baseline value that “more than” qualifies",
    ),
    "a year target outside the roadmap's horizon": (
        {"target_precision": "year", "target_date": "1 1 2035"},
        "target_date",
        "The target year 2035 is outside the roadmap's horizon (2026 to 2030)",
    ),
    "a baseline both known and not yet known": (
        {"baseline_unknown": "on", "baseline_date": ""},
        "baseline_value",
        "You said the baseline is not yet known: clear the value",
    ),
    "a yes/no commitment dressed as a KPI": (
        {"unit": "", "baseline_value": "0", "target_value": "1"},
        "is_a_measure",
        "Record a yes/no commitment as a milestone or an initiative",
    ),
    "target date before baseline": (
        {"baseline_date": days_ago(10), "target_date": days_ago(20)},
        "target_date",
        "The target date must be after the baseline date",
    ),
    "target date on the baseline date": (
        {"baseline_date": days_ago(10), "target_date": days_ago(10)},
        "target_date",
        "The target date must be after the baseline date",
    ),
    "baseline not a number": (
        {"baseline_value": "forty-five"},
        "baseline_value",
        "Enter the baseline value as a number",
    ),
    "target with a comma": (
        {"target_value": "12,5"},
        "target_value",
        "Enter the target value as a number",
    ),
    # Issue 12: a target equal to the baseline is one to hold; a tracked KPI has none.
    "tracked, with a target given": (
        {"tracked": "on", "target_date": ""},
        "target_value",
        "A KPI tracked without a target has no target value",
    ),
    "no name": ({"name": ""}, "name", "Enter a name for the KPI."),
    "baseline date not a date": (
        {"baseline_date": "31 2 2026"},
        "baseline_date",
        "Baseline date must be a real date.",
    ),
    "10,000-character name": (
        {"name": LONG},
        "name",
        "must be 200 characters or fewer (it has 10,000)",
    ),
    "10,000-character definition": (
        {"definition": LONG},
        "definition",
        "must be 5,000 characters or fewer (it has 10,000)",
    ),
    "10,000-character unit": (
        {"unit": LONG},
        "unit",
        "must be 30 characters or fewer (it has 10,000)",
    ),
    "10,000-character data source": (
        {"data_source": LONG},
        "data_source",
        "must be 200 characters or fewer (it has 10,000)",
    ),
}
TYPED_FIELDS = [
    "name",
    "definition",
    "unit",
    "baseline_value",
    "baseline_date",
    "target_value",
    "target_date",
    "data_source",
]


@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
@pytest.mark.parametrize("case", list(KPI_BAD_INPUT))
def test_add_kpi_refuses_bad_input_and_keeps_what_was_typed(client, editor, objective, case, htmx):
    changes, field, message = KPI_BAD_INPUT[case]
    typed = new_kpi(**changes)
    before = database_state()

    response = signed_in(client, editor).post(
        objective_url("kpi-create", objective), typed, headers=HTMX if htmx else {}
    )

    page = FormPage(response)
    assert response.status_code == 200
    assert message in page.error(field)
    assert "1 problem" in page.summary()
    for name in TYPED_FIELDS:
        assert page.value(name) == typed_value(typed, name), f"{name} lost what was typed"
    assert database_state() == before
    if htmx:
        assert dict(page.document.attributes)["id"] == "kpis"
    else:
        assert "<title>Error: Add a KPI" in response.text


@pytest.mark.parametrize("case", list(KPI_BAD_INPUT))
def test_edit_kpi_refuses_bad_input_and_keeps_what_was_typed(client, editor, kpi, case):
    changes, field, message = KPI_BAD_INPUT[case]
    typed = new_kpi(**changes)
    before = database_state()

    response = signed_in(client, editor).post(kpi_url("kpi-edit", kpi), typed)

    page = FormPage(response)
    assert message in page.error(field)
    for name in TYPED_FIELDS:
        assert page.value(name) == typed_value(typed, name), f"{name} lost what was typed"
    assert database_state() == before
    # The page still names the KPI as it is saved.
    assert "Applications made online" in text_of(find(page.document, **{"class": "breadcrumbs"}))


def test_a_kpi_name_must_be_unique_within_its_objective(client, editor, objective, kpi):
    response = signed_in(client, editor).post(
        objective_url("kpi-create", objective), new_kpi(name="applications made ONLINE")
    )

    assert "already has a KPI with that name" in FormPage(response).error("name")
    assert KPI.objects.count() == 1


def test_the_baseline_cannot_move_after_a_measurement(client, editor, kpi, measurement):
    response = signed_in(client, editor).post(
        kpi_url("kpi-edit", kpi), new_kpi(baseline_date=days_ago(10))
    )

    assert "1 measurement is dated before" in FormPage(response).error("baseline_date")
    kpi.refresh_from_db()
    assert kpi.baseline_date == days_ago(BASELINE_DAYS)


@pytest.mark.parametrize("field", ["name", "definition", "data_source"])
def test_markup_in_a_kpi_text_field_is_stored_as_typed_and_shown_as_text(
    client, editor, objective, field
):
    client = signed_in(client, editor)
    client.post(objective_url("kpi-create", objective), new_kpi(**{field: MARKUP}))
    kpi = KPI.objects.get()
    assert getattr(kpi, field) == MARKUP

    for address in (kpi_url("kpi-detail", kpi), objective_url("objective-detail", objective)):
        response = client.get(address)
        assert "<script>" not in response.text
        assert "<b onmouseover" not in response.text
        if field == "name" or address == kpi_url("kpi-detail", kpi):
            assert escape(MARKUP) in response.text


def test_markup_in_the_unit_is_shown_as_text_in_values_and_charts(client, editor, objective):
    client = signed_in(client, editor)
    client.post(objective_url("kpi-create", objective), new_kpi(unit="<i>%</i>"))
    kpi = KPI.objects.get()
    measure(kpi, days_ago(5), 50)

    for address in (kpi_url("kpi-detail", kpi), objective_url("objective-detail", objective)):
        response = client.get(address)
        assert "<i>%</i>" not in response.text
        assert "&lt;i&gt;%&lt;/i&gt;" in response.text


def test_markup_comes_back_as_text_in_a_refused_kpi_form(client, editor, objective):
    typed = new_kpi(
        name=MARKUP, definition=MARKUP, data_source=MARKUP, unit="<b>", target_value="x"
    )

    response = signed_in(client, editor).post(objective_url("kpi-create", objective), typed)

    page = FormPage(response)
    assert "<script>" not in response.text
    for name in ("name", "definition", "data_source", "unit"):
        assert page.value(name) == typed_value(typed, name)
    assert not KPI.objects.exists()


# The KPI page ----------------------------------------------------------------------------


def test_the_kpi_page_shows_every_field_status_chart_and_data_table(
    client, viewer, editor, objective
):
    editor.first_name, editor.last_name = "Eddie", "Ekwueme"
    editor.save()
    kpi = make_kpi(
        objective,
        definition="Applications started and finished online.",
        data_source="Transaction logs",
        owner=editor,
        reporting_frequency="monthly",
    )
    first = measure(kpi, days_ago(60), planned(kpi, days_ago(60)), note="Start.", entered_by=editor)
    measure(kpi, days_ago(30), planned(kpi, days_ago(30)) + 1)

    response = signed_in(client, viewer).get(kpi_url("kpi-detail", kpi))
    page = swapped(response)

    about = text_of(with_class(page, "summary-list"))
    for text in (
        "Applications started and finished online.",
        "Higher is better",
        "0% on",
        "100% by",
        "Transaction logs",
        "Eddie Ekwueme",
        "Monthly",
    ):
        assert text in about, text
    assert "On track" in text_of(with_class(page, "kpi-status-line"))
    assert "How we judge status" in response.text
    assert "Each KPI plans a straight line from its baseline to its target." in response.text
    chart = find(page, role="img")
    assert chart is not None and chart.name == "svg"
    assert f'id="kpi-{kpi.pk}-chart-title"' in response.text
    assert f'id="kpi-{kpi.pk}-chart-narrow-title"' in response.text
    table = with_class(page, "measurement-table")
    headers = [
        text_of(e)
        for e in elements(table)
        if e.name == "th" and dict(e.attributes).get("scope") == "col"
    ]
    assert headers[:5] == ["Date", "Value", "Source", "Note", "Entered by"]
    rows = [e for e in elements(table) if e.name == "tr" and dict(e.attributes).get("id")]
    assert len(rows) == 2
    assert (
        text_of(find(page, id=f"measurement-{first.pk}")).split()[:3]
        == days_ago(60).strftime("%-d %B %Y").split()
    )
    assert "Start." in text_of(rows[0]) and "Eddie Ekwueme" in text_of(rows[0])


def test_htmx_get_aimed_at_the_measurements_returns_only_that_section(client, editor, kpi):
    response = signed_in(client, editor).get(
        kpi_url("measurement-list", kpi), headers={**HTMX, "HX-Target": "measurements"}
    )

    assert dict(swapped(response).attributes)["id"] == "measurements"
    assert "<html" not in response.text

    whole = signed_in(client, editor).get(kpi_url("kpi-detail", kpi), headers=HTMX)
    assert "<html" in whole.text


# Measurements ----------------------------------------------------------------------------


def test_editor_adds_a_measurement_entered_by_themselves(client, editor, kpi):
    response = signed_in(client, editor).post(
        kpi_url("measurement-create", kpi), new_measurement(entered_by="999")
    )

    assert response["Location"] == kpi_url("kpi-detail", kpi) + "#measurements"
    added = Measurement.objects.get()
    assert (added.kpi, added.value, added.date, added.note, added.entered_by) == (
        kpi,
        Decimal("47.5"),
        days_ago(3),
        "After the new form.",
        editor,
    )


@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
def test_only_the_wrong_part_of_a_measurement_date_is_marked_and_linked_to(
    client, editor, kpi, htmx
):
    typed = new_measurement(date=("3", "12", "26"))

    response = signed_in(client, editor).post(
        kpi_url("measurement-create", kpi), typed, headers=HTMX if htmx else {}
    )

    page = FormPage(response)
    assert page.error("date") == "Error: Year must include 4 numbers."
    assert page.value("date") == "3 12 26"
    marked = [
        dict(box.attributes)["id"]
        for box in (find(page.document, id=f"id_date{part}") for part in ("", "_month", "_year"))
        if "date-input__input--error" in dict(box.attributes)["class"]
    ]
    assert marked == ["id_date_year"]
    links = [e for e in elements(find(page.document, role="alert")) if e.name == "a"]
    assert [dict(link.attributes)["href"] for link in links] == ["#id_date_year"]
    assert not Measurement.objects.exists()


def test_the_add_measurement_page_works_without_javascript(client, editor, kpi):
    response = signed_in(client, editor).get(kpi_url("measurement-create", kpi))

    assert "<html" in response.text
    assert "<h1>Add a measurement</h1>" in response.text
    assert 'name="value"' in response.text and 'name="date_day"' in response.text


def status_in(response) -> str:
    return text_of(with_class(swapped(response), "kpi-status-line"))


def test_htmx_measurements_update_the_status_chart_and_table_in_place(client, editor, kpi):
    """No data, then on track, then off track, then achieved: each answer is the
    section with the status, the chart and the table, all changed together."""
    client = signed_in(client, editor)
    address = kpi_url("measurement-create", kpi)
    assert "No data" in status_in(client.get(kpi_url("kpi-detail", kpi)))

    steps = [
        (days_ago(90), planned(kpi, days_ago(90)), "On track", 1),
        (days_ago(10), planned(kpi, days_ago(10)) - 40, "Off track", 2),
        (days_ago(1), Decimal(100), "Achieved", 3),
    ]
    for day, value, status, count in steps:
        response = client.post(
            address, new_measurement(date=day, value=f"{value:.2f}"), headers=HTMX
        )
        section = swapped(response)
        assert dict(section.attributes)["id"] == "measurements"
        assert status in status_in(response)
        table = with_class(section, "measurement-table")
        assert (
            len([e for e in elements(table) if e.name == "tr" and dict(e.attributes).get("id")])
            == count
        )
        # The chart is drawn twice, for wide and for narrow screens.
        assert response.text.count('class="kpi-chart__point"') == 2 * count
        assert f"Measurement added for {day.day}" in response.text
        assert 'value="47.5"' not in response.text  # a fresh form for the next one

    objective_page = client.get(objective_url("objective-detail", kpi.objective))
    assert "Achieved" in text_of(find(parse_html(objective_page.text), id=f"kpi-{kpi.pk}"))


MEASUREMENT_BAD_INPUT = {
    "dated before the baseline": (
        {"date": days_ago(BASELINE_DAYS + 1)},
        "date",
        "A measurement cannot be dated before the baseline",
    ),
    "dated in the future": (
        {"date": today() + timedelta(days=1)},
        "date",
        "A measurement cannot be dated in the future.",
    ),
    "a date that does not exist": (
        {"date": "30 2 2026"},
        "date",
        "Date must be a real date.",
    ),
    "no date": ({"date": ""}, "date", "Enter the date."),
    "a date without a month": ({"date": ("1", "", "2026")}, "date", "Date must include a month."),
    "a date with a month that does not exist": (
        {"date": ("1", "13", "2026")},
        "date",
        "Date must be a real date.",
    ),
    "value not a number": ({"value": "about fifty"}, "value", "Enter the value as a number"),
    "value with a comma": ({"value": "47,5"}, "value", "Enter the value as a number"),
    "no value": ({"value": ""}, "value", "Enter the value."),
    "10,000-character note": (
        {"note": LONG},
        "note",
        "must be 500 characters or fewer (it has 10,000)",
    ),
}


@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
@pytest.mark.parametrize("case", list(MEASUREMENT_BAD_INPUT))
def test_add_measurement_refuses_bad_input_and_keeps_what_was_typed(
    client, editor, kpi, case, htmx
):
    changes, field, message = MEASUREMENT_BAD_INPUT[case]
    typed = new_measurement(**changes)
    before = database_state()

    response = signed_in(client, editor).post(
        kpi_url("measurement-create", kpi), typed, headers=HTMX if htmx else {}
    )

    page = FormPage(response)
    assert response.status_code == 200
    assert message in page.error(field)
    assert "1 problem" in page.summary()
    for name in ("value", "date", "note"):
        assert page.value(name) == typed_value(typed, name), f"{name} lost what was typed"
    assert database_state() == before
    if htmx:
        assert dict(page.document.attributes)["id"] == "measurements"
        assert "No data" in status_in(response)
    else:
        assert "<title>Error: Add a measurement" in response.text


@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
def test_a_second_measurement_on_the_same_day_is_refused(client, editor, kpi, measurement, htmx):
    typed = new_measurement(date=measurement.date, value="99")
    before = database_state()

    response = signed_in(client, editor).post(
        kpi_url("measurement-create", kpi), typed, headers=HTMX if htmx else {}
    )

    page = FormPage(response)
    assert "There is already a measurement on" in page.error("date")
    assert (page.value("value"), page.value("date")) == ("99", typed_value(typed, "date"))
    assert database_state() == before


def test_markup_in_a_note_is_stored_as_typed_and_shown_as_text(client, editor, kpi):
    client = signed_in(client, editor)
    response = client.post(
        kpi_url("measurement-create", kpi), new_measurement(note=MARKUP), headers=HTMX
    )

    assert Measurement.objects.get().note == MARKUP
    assert "<script>" not in response.text
    assert escape(MARKUP) in response.text
    assert escape(MARKUP) in client.get(kpi_url("kpi-detail", kpi)).text


def test_markup_comes_back_as_text_in_a_refused_measurement(client, editor, kpi):
    typed = new_measurement(note=MARKUP, value="<b>12</b>")

    response = signed_in(client, editor).post(kpi_url("measurement-create", kpi), typed)

    page = FormPage(response)
    assert "<script>" not in response.text and "<b>12</b>" not in response.text
    assert page.value("note") == squash(MARKUP)
    assert page.value("value") == "<b>12</b>"
    assert not Measurement.objects.exists()


def test_editor_changes_a_measurement_on_its_own_page(client, editor, kpi, measurement):
    client = signed_in(client, editor)
    address = measurement_url("measurement-edit", measurement)

    page = FormPage(client.get(address))
    assert "<html" in page.response.text
    assert (page.value("value"), page.value("note")) == ("40", "First count.")

    response = client.post(address, new_measurement(value="42.25", date=days_ago(29)))

    measurement.refresh_from_db()
    assert response["Location"] == kpi_url("kpi-detail", kpi) + f"#measurement-{measurement.pk}"
    assert (measurement.value, measurement.date) == (Decimal("42.25"), days_ago(29))
    assert measurement.entered_by == editor


def test_htmx_edit_opens_in_the_row_with_its_own_field_ids(client, editor, kpi, measurement):
    response = signed_in(client, editor).get(
        measurement_url("measurement-edit", measurement), headers=HTMX
    )

    row = swapped(response)
    assert (row.name, dict(row.attributes)["id"]) == ("tr", f"measurement-{measurement.pk}")
    ids = f"change-measurement-{measurement.pk}-"
    assert f'id="{ids}value"' in response.text and f'for="{ids}value"' in response.text
    assert 'id="id_value"' not in response.text
    assert 'value="40"' in response.text


def test_htmx_edit_saves_and_returns_the_section(client, editor, kpi, measurement):
    response = signed_in(client, editor).post(
        measurement_url("measurement-edit", measurement),
        new_measurement(value="41", date=measurement.date),
        headers=HTMX,
    )

    assert dict(swapped(response).attributes)["id"] == "measurements"
    assert "Measurement for" in response.text and "saved." in response.text
    assert Measurement.objects.get().value == Decimal(41)


@pytest.mark.parametrize("case", list(MEASUREMENT_BAD_INPUT))
def test_htmx_edit_refuses_bad_input_in_the_row_and_keeps_what_was_typed(
    client, editor, kpi, measurement, case
):
    changes, field, message = MEASUREMENT_BAD_INPUT[case]
    typed = new_measurement(**changes)
    before = database_state()

    response = signed_in(client, editor).post(
        measurement_url("measurement-edit", measurement), typed, headers=HTMX
    )

    section = swapped(response)
    assert dict(section.attributes)["id"] == "measurements"
    ids = f"change-measurement-{measurement.pk}-"
    assert message in field_error(section, f"{ids}{field}")
    row = find(section, id=f"measurement-{measurement.pk}")
    for name in ("value", "date"):
        assert field_value(row, f"{ids}{name}") == typed_value(typed, name)
    assert database_state() == before
    # The add form below keeps its own, empty, fields.
    assert find(section, id="id_value") is not None


@pytest.mark.parametrize("case", list(MEASUREMENT_BAD_INPUT))
def test_plain_edit_refuses_bad_input_and_keeps_what_was_typed(
    client, editor, kpi, measurement, case
):
    changes, field, message = MEASUREMENT_BAD_INPUT[case]
    typed = new_measurement(**changes)
    before = database_state()

    response = signed_in(client, editor).post(
        measurement_url("measurement-edit", measurement), typed
    )

    page = FormPage(response)
    assert message in page.error(field)
    for name in ("value", "date", "note"):
        assert page.value(name) == typed_value(typed, name)
    assert database_state() == before


def test_delete_measurement_asks_first_then_deletes(client, editor, kpi, measurement):
    client = signed_in(client, editor)
    address = measurement_url("measurement-delete", measurement)

    confirm = client.get(address)
    assert "Delete the measurement of" in confirm.text and "<html" in confirm.text
    assert Measurement.objects.exists()

    response = client.post(address)

    assert response["Location"] == kpi_url("kpi-detail", kpi) + "#measurements"
    assert not Measurement.objects.exists()


def test_htmx_delete_measurement_confirms_in_its_row_then_returns_the_section(
    client, editor, kpi, measurement
):
    client = signed_in(client, editor)
    address = measurement_url("measurement-delete", measurement)

    confirm = client.get(address, headers=HTMX)
    row = parse_html(confirm.text)
    assert (row.name, dict(row.attributes)["id"]) == ("tr", f"measurement-{measurement.pk}")
    assert f'action="{address}"' in confirm.text and "hx-confirm" not in confirm.text

    response = client.post(address, headers=HTMX)

    assert dict(swapped(response).attributes)["id"] == "measurements"
    assert "No data" in status_in(response)
    assert "No measurements yet." in response.text
    assert not Measurement.objects.exists()


def test_every_htmx_control_on_the_kpi_page_also_works_without_javascript(
    client, editor, kpi, measurement
):
    response = signed_in(client, editor).get(kpi_url("kpi-detail", kpi))

    for element in elements(swapped(response)):
        attrs = dict(element.attributes)
        if "hx-get" in attrs:
            assert attrs.get("href") == attrs["hx-get"], attrs
        if "hx-post" in attrs:
            assert element.name == "form" and attrs.get("action") == attrs["hx-post"], attrs
    assert 'style="' not in response.text
    assert "<script>" not in response.text.split("</head>")[1]


# Query counts ------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["viewer", "editor"])
def test_kpi_page_queries_do_not_grow_with_measurements(
    client, request_persona, django_user_model, persona, kpi
):
    users = [
        make_member(
            django_user_model, kpi.objective.roadmap.organisation, f"enterer-{n}", Role.EDITOR
        )
        for n in range(10)
    ]
    client = signed_in(client, request_persona(persona))
    address = kpi_url("kpi-detail", kpi)

    def add(first: int, count: int) -> None:
        for n in range(first, first + count):
            measure(
                kpi, days_ago(150 - n * 10), 10 + n, note=f"Note number {n:02}", entered_by=users[n]
            )

    add(0, 1)
    few, text = count_queries(client, address)
    assert len(set(re.findall(r"Note number \d+", text))) == 1

    add(1, 9)
    many, text = count_queries(client, address)
    assert len(set(re.findall(r"Note number \d+", text))) == 10
    assert len(set(re.findall(r"enterer-\d+", text))) == 10

    assert few == many, f"{few} queries with 1 measurement, {many} with 10"
    # session, user, the header's agencies, membership, roadmap, objective, KPI with
    # owner, measurements, who entered them
    assert many <= 9
