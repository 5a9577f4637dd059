"""What the person exporting chooses (reports/options.py): the data's "as at" date
and whether individuals are named. Chosen on the exports page or with
`export_roadmap_pdf --as-at --name-individuals`, stored on the job, read by the
worker, printed on the cover and in every page's footer; and the report in the
roadmap's own words (publisher, partners, "Mission 1: ...", sponsors)."""

import io
from datetime import date, timedelta
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from reports.assembly import load_roadmap_for_report, render_report_html
from reports.models import ReportJob
from reports.options import ReportOptions
from reports.pdf import render_pdf
from reports.services import rendering
from roadmap.models import KPI, KPIDirection, Objective, Partner
from tests.helpers import HTMX, date_fields, signed_in
from tests.html import FormPage, squash
from tests.reports.test_assembly import all_lines
from tests.reports.test_pdf import GENERATED_AT

pytestmark = pytest.mark.django_db

AS_AT = date(2026, 10, 31)


def exports(roadmap) -> str:
    return reverse(
        "reports:roadmap-exports",
        kwargs={"agency": roadmap.organisation.slug, "slug": roadmap.slug},
    )


def html_of(roadmap, options: ReportOptions | None = None) -> str:
    return render_report_html(
        load_roadmap_for_report(roadmap.pk), generated_at=GENERATED_AT, version=1, options=options
    )


# The export form ------------------------------------------------------------------


def test_the_exports_page_offers_the_options_with_today_filled_in(client, lead, roadmap):
    today = timezone.localdate()
    page = FormPage(signed_in(client, lead).get(exports(roadmap)))

    assert page.value("as_at") == f"{today.day} {today.month} {today.year}"
    assert 'type="checkbox"' in str(page.widget("name_individuals"))
    assert "checked" not in str(page.widget("name_individuals"))


def test_a_viewer_sees_the_exports_but_no_form(client, viewer, roadmap):
    response = signed_in(client, viewer).get(exports(roadmap))
    assert response.status_code == 200 and 'name="as_at_day"' not in response.text


def test_the_options_chosen_are_stored_on_the_job(client, lead, roadmap):
    with mock.patch("reports.services.jobs.report_job_send"):
        response = signed_in(client, lead).post(
            exports(roadmap), {**date_fields("as_at", AS_AT), "name_individuals": "on"}
        )

    job = ReportJob.objects.get()
    assert response.status_code == 302
    assert job.options == {"version": 1, "as_at": "2026-10-31", "name_individuals": True}
    assert ReportOptions.from_stored(job.options) == ReportOptions(AS_AT, name_individuals=True)


@pytest.mark.parametrize(
    "typed, message",
    [
        ("tomorrow", "must be today"),
        ("31 2 2026", "must be a real date"),
        ("1 13 2026", "must be a real date"),
        (("", "10", "2026"), "must include a day"),
        ("aa bb cccc", "must be a real date"),
    ],
    ids=["in the future", "31 February", "month 13", "no day", "letters"],
)
@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_a_bad_as_at_date_is_refused_beside_its_field_and_nothing_queued(
    client, lead, roadmap, typed, message, htmx
):
    if typed == "tomorrow":
        typed = timezone.localdate() + timedelta(days=1)
    posted = {**date_fields("as_at", typed), "name_individuals": "on"}

    with mock.patch("reports.services.jobs.report_job_send") as send:
        response = signed_in(client, lead).post(
            exports(roadmap), posted, headers=HTMX if htmx else {}
        )

    assert not ReportJob.objects.exists()
    send.assert_not_called()
    if htmx:
        assert "<html" not in response.text and message in response.text
    else:
        assert response.status_code == 400
        page = FormPage(response)
        assert message in page.error("as_at") and "There is 1 problem" in page.summary()
        typed_parts = [posted["as_at_day"], posted["as_at_month"], posted["as_at_year"]]
        assert page.value("as_at") == squash(" ".join(typed_parts))
        assert "checked" in str(page.widget("name_individuals"))  # what was ticked stays


def test_the_one_click_export_is_as_at_today(client, lead, roadmap):
    with mock.patch("reports.services.jobs.report_job_send"):
        signed_in(client, lead).post(exports(roadmap), headers=HTMX)
    options = ReportOptions.from_stored(ReportJob.objects.get().options)
    assert options == ReportOptions(timezone.localdate(), name_individuals=False)


# The worker ------------------------------------------------------------------------


def test_the_worker_renders_with_the_jobs_options(roadmap, lead):
    job = ReportJob.objects.create(
        roadmap=roadmap,
        requested_by=lead,
        options={"version": 3, **ReportOptions(AS_AT, name_individuals=True).stored()},
    )

    with (
        mock.patch.object(
            rendering, "render_roadmap_report", side_effect=RuntimeError("stop")
        ) as render,
        pytest.raises(RuntimeError),
    ):
        rendering.report_job_render(job_id=job.pk)

    assert render.call_args.kwargs == {
        "version": 3,
        "options": ReportOptions(AS_AT, name_individuals=True),
    }


def test_a_job_queued_before_options_existed_renders_as_at_today(roadmap):
    assert ReportOptions.from_stored({"version": 1}) == ReportOptions(timezone.localdate())


# The report -------------------------------------------------------------------------


def test_the_as_at_date_is_on_the_cover_and_in_every_footer(roadmap):
    pdf, page_count = render_pdf(html_of(roadmap, ReportOptions(AS_AT)))

    dates = f"Data as at 31 October 2026 · produced {GENERATED_AT.day} "
    pages = all_lines(pdf)
    assert dates in " ".join(pages[0])  # the cover
    for number, lines in enumerate(pages[1:], start=2):
        # The footer's left box may wrap the dates over two lines, above the agency.
        assert dates in " ".join(lines[-4:]), f"page {number}"
    assert page_count == len(pages)


def test_the_report_speaks_of_missions_names_its_partners_and_sponsors(roadmap, lead):
    roadmap.objective_label = "mission"
    roadmap.publisher = "HM Treasury"
    roadmap.save()
    Partner.objects.create(roadmap=roadmap, name="Cabinet Office", position=0)
    Partner.objects.create(roadmap=roadmap, name="Local Government Association", position=1)
    measured = roadmap.objectives.get()
    measured.sponsor_name, measured.sponsor_role = "Dr Amina Okafor", "Permanent Secretary"
    measured.sponsor_organisation = "Department for Work and Pensions"
    measured.owner = lead
    measured.save()
    KPI.objects.create(
        objective=measured,
        name="Services online",
        unit="services",
        direction=KPIDirection.HIGHER,
        baseline_value=10,
        baseline_date=date(2026, 1, 1),
        target_value=12,
        target_date=date(2027, 1, 1),
    )
    Objective.objects.create(roadmap=roadmap, title="Digital public services", position=1)

    html = squash(html_of(roadmap))

    assert '<p class="cover__agency">HM Treasury</p>' in html
    assert "With Cabinet Office and Local Government Association" in html
    assert '<span class="objective__number">Mission 2:</span> Digital public services</h3>' in html
    assert "Objective 1" not in html and "Objective 2" not in html
    assert "Missions at a glance" in html and "2 missions, measured by 1 KPI" in html
    assert "Dr Amina Okafor, Permanent Secretary, Department for Work and Pensions" in html
    assert "No sponsor named yet" in html  # the second mission's
    # The mission without KPIs has no KPI section; its gap is one health finding.
    assert "No KPIs have been set" not in html
    assert html.count("Digital public services” has no KPI to measure it.") == 1
    assert "The mission “Digital public services” has no KPI" in html


# export_roadmap_pdf --as-at --name-individuals ---------------------------------------


def test_the_command_takes_the_options(roadmap, tmp_path):
    output, html = tmp_path / "r.pdf", tmp_path / "r.html"
    call_command(
        "export_roadmap_pdf",
        roadmap.slug,
        "--output",
        str(output),
        "--html",
        str(html),
        "--as-at",
        "2026-10-31",
        "--name-individuals",
        stdout=io.StringIO(),
    )
    assert "Data as at 31 October 2026" in html.read_text()


@pytest.mark.parametrize(
    "typed, message",
    [("31-10-2026", "not a date"), ("2026-02-30", "not a date"), ("2999-01-01", "in the future")],
)
def test_the_command_refuses_a_bad_as_at_date(roadmap, tmp_path, typed, message):
    with pytest.raises(CommandError, match=message):
        call_command(
            "export_roadmap_pdf",
            roadmap.slug,
            "--output",
            str(tmp_path / "r.pdf"),
            "--as-at",
            typed,
        )
    assert not (tmp_path / "r.pdf").exists()
