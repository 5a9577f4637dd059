"""The report's "Vision and objectives" section: purpose, guiding principles, each
objective with its outcomes, owner, priority, citizen outcome, alignment to goals,
KPI table and trend charts, and the rule that judges KPI status; loaded in a fixed
number of queries, self-contained, and laid out so tables and charts do not split."""

import io
import itertools
import re
import shutil
import subprocess
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from reports.assembly import CHART_WIDTH, load_roadmap_for_report, render_report_html
from reports.pdf import render_pdf, render_roadmap_report
from roadmap.demo import DEMO_ROADMAP_SLUG
from roadmap.models import (
    KPI,
    GuidingPrinciple,
    KPIDirection,
    Measurement,
    Objective,
    ObjectiveAlignment,
    OrganisationalGoal,
    Priority,
    Roadmap,
)
from roadmap.rules.kpi_status import RULE_TEXT
from roadmap.selectors.objectives import objectives_in_full
from roadmap.services.initiatives import dependency_add, initiative_create
from tests.html import squash
from tests.reports.test_pdf import (
    GENERATED_AT,
    hostile_markup,
    lines_of_etc_files,
    page_lines,
    page_texts,
    unspaced,
)

# A4 is 210 mm wide; with 20 mm margins 170 mm is left: 642 CSS pixels at 96 to the inch.
PRINTABLE_WIDTH_PX = 170 / 25.4 * 96


def html_of(roadmap: Roadmap) -> str:
    return render_report_html(
        load_roadmap_for_report(roadmap.pk), generated_at=GENERATED_AT, version=1
    )


def pdf_of(roadmap: Roadmap) -> tuple[bytes, int]:
    return render_pdf(html_of(roadmap))


def pages_text(pdf: bytes, *, layout: bool = False) -> list[str]:
    """Each page's text. Poppler's pdftotext where it is installed (as in CI): pypdf
    takes seconds a page over the charts' many small texts."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        return page_texts(pdf) if not layout else ["\n".join(p) for p in page_lines(pdf)]
    command = [pdftotext, *(["-layout"] if layout else []), "-enc", "UTF-8", "-", "-"]
    result = subprocess.run(command, input=pdf, capture_output=True, check=True)
    return result.stdout.decode("utf-8").split("\f")[:-1]


def all_lines(pdf: bytes) -> list[list[str]]:
    """Each page's non-blank lines, as laid out, top to bottom."""
    return [
        [line.strip() for line in page.splitlines() if line.strip()]
        for page in pages_text(pdf, layout=True)
    ]


def body_lines(pdf: bytes) -> list[list[str]]:
    """Each page's non-blank lines without the running header and footer."""
    return [lines[1:-1] for lines in all_lines(pdf)]


# Queries ----------------------------------------------------------------------------


def fill(roadmap: Roadmap, scale: int) -> None:
    """Principles, goals, objectives, KPIs and measurements, all `scale` times over."""
    owner = get_user_model().objects.create_user(
        f"owner-{scale}", first_name="Olu", last_name=f"Owner {scale}"
    )
    GuidingPrinciple.objects.bulk_create(
        GuidingPrinciple(roadmap=roadmap, title=f"Principle {n}", position=n)
        for n in range(2 * scale)
    )
    goals = OrganisationalGoal.objects.bulk_create(
        OrganisationalGoal(organisation=roadmap.organisation, title=f"Goal {n}", position=n)
        for n in range(2 * scale)
    )
    objectives = Objective.objects.bulk_create(
        Objective(
            roadmap=roadmap,
            title=f"Scaled objective {n}",
            desired_outcomes="First outcome\nSecond outcome",
            owner=owner,
            position=10 + n,
        )
        for n in range(2 * scale)
    )
    ObjectiveAlignment.objects.bulk_create(
        ObjectiveAlignment(objective=objective, goal=goal, rationale="Because")
        for objective in objectives
        for goal in goals[:2]
    )
    baseline = date(2025, 1, 31)
    kpis = KPI.objects.bulk_create(
        KPI(
            objective=objective,
            name=f"Scaled KPI {n}",
            unit="%",
            direction=KPIDirection.HIGHER if n % 2 else KPIDirection.LOWER,
            baseline_value=Decimal(50),
            baseline_date=baseline,
            target_value=Decimal(80) if n % 2 else Decimal(20),
            target_date=date(2028, 1, 31),
            owner=owner,
            position=n,
        )
        for objective in objectives
        for n in range(scale)
    )
    Measurement.objects.bulk_create(
        Measurement(kpi=kpi, value=Decimal(50 + m), date=baseline + timedelta(days=30 * (m + 1)))
        for kpi in kpis
        for m in range(3 * scale)
    )
    # The plan: three initiatives a scale, each after the one before, in the seed's lanes.
    components = list(roadmap.components.all())
    made = []
    for n in range(3 * scale):
        made.append(
            initiative_create(
                roadmap=roadmap,
                title=f"Scaled initiative {n}",
                component=components[n % len(components)],
                start_month=date(2026, 1 + n % 12, 1),
                end_month=date(2027, 1 + n % 12, 1),
                objectives=objectives[:2],
                owner=owner,
            )
        )
    for earlier, later in itertools.pairwise(made):
        dependency_add(initiative=later, prerequisite=earlier)


def report_queries(roadmap: Roadmap) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        html = html_of(roadmap)
    return len(queries), html


def test_the_report_is_loaded_in_the_same_queries_at_1x_and_10x(roadmap, other_roadmap):
    fill(roadmap, scale=1)
    fill(other_roadmap, scale=10)

    few, few_html = report_queries(roadmap)
    many, many_html = report_queries(other_roadmap)

    # The roadmap with its agency, principles, objectives with owners, alignments
    # with goals, KPIs with owners, measurements; the plan: initiatives with their
    # objectives and dependencies, the components (lanes, and the chapter's parts),
    # the health facts (initiatives, objectives, dependencies, risks), the milestones
    # (the timeline's and the chapter's), the risks with their initiatives; the
    # latest completed assessment, the SWOT, systems, processes and gaps (their
    # initiatives in one more when there are gaps), the gaps' health facts; the
    # stakeholder register; the partner organisations for the cover.
    assert few == many == 27, f"{few} queries at 1x, {many} at 10x"
    timeline_pages = many_html.count('<div class="timeline-page__chart">')
    assert few_html.count('<div class="timeline-page__chart">') == 1
    assert timeline_pages >= 2  # 30 initiatives take more than one landscape page
    assert few_html.count("<svg") == 2 + 1  # no risks: no heat map
    assert many_html.count("<svg") == 200 + timeline_pages
    assert len(re.findall(r"Scaled initiative \d+", many_html)) >= 30
    assert len(re.findall(r"Scaled objective \d+", many_html)) >= 20


def test_a_roadmap_not_loaded_for_the_report_still_renders_in_fixed_queries(roadmap):
    fill(roadmap, scale=3)
    plain = Roadmap.objects.select_related("organisation").get(pk=roadmap.pk)

    with CaptureQueriesContext(connection) as queries:
        html = render_report_html(plain, generated_at=GENERATED_AT, version=1)

    assert len(queries) == 26  # all but the roadmap itself
    assert html.count("<svg") == 18 + html.count('<div class="timeline-page__chart">')


# The demo report ---------------------------------------------------------------------


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=io.StringIO())
    return Roadmap.objects.get(slug=DEMO_ROADMAP_SLUG)


def test_the_demo_report_shows_the_whole_vision_and_objectives_section(demo, recording_fetcher):
    report = render_roadmap_report(
        load_roadmap_for_report(demo.pk), generated_at=GENERATED_AT, version=1
    )

    assert recording_fetcher.made[0].requested == [], "the report is self-contained"
    text = squash(" ".join(pages_text(report.pdf)))

    assert squash(demo.purpose) in text
    principles = [p.title for p in demo.principles.order_by("position")]
    positions = [text.index(f"{title} ") for title in principles]
    assert positions == sorted(positions), "principles in their order"
    assert text.count("How KPI status is judged") == 2  # in the contents, then once
    assert squash(RULE_TEXT) in text

    # Lines wrap anywhere, and at a hyphen pdftotext joins "high-" and "volume".
    flat = unspaced(text).replace("-", "")

    def shows(words: str) -> bool:
        return unspaced(words).replace("-", "") in flat

    for objective in objectives_in_full(demo):
        assert shows(objective.title)
        assert shows(objective.description)
        for outcome in objective.outcome_list:
            assert shows(outcome), outcome
        assert shows(objective.owner.get_full_name())
        assert shows(objective.get_priority_display())
        if objective.citizen_centric:
            assert shows(f"Yes: {objective.citizen_outcome}")
        for alignment in objective.alignments.all():
            assert shows(f"{alignment.goal.title} {alignment.rationale}")
        for kpi in objective.kpis.all():
            assessment = kpi.assess(kpi.measurements.all())
            assert shows(kpi.name)
            # As published (issue 12): "Not yet known", "at least 190", "more than 100".
            assert shows(kpi.baseline_text)
            assert shows(kpi.target_text)
            if assessment.latest is not None:
                assert shows(assessment.latest_text(kpi.unit))
            assert shows(f"{assessment.status.label} {assessment.explanation}")

    for status in ["On track", "At risk", "Off track", "Achieved", "No data", "None yet"]:
        assert status in text, status


def test_the_demo_report_has_the_marking_and_page_numbers_on_every_page(demo):
    pdf, page_count = pdf_of(demo)

    assert page_count >= 10
    pages = all_lines(pdf)
    assert len(pages) == page_count
    for number, lines in enumerate(pages, start=1):
        assert lines[0] == "OFFICIAL", f"page {number}"
        assert "OFFICIAL" in lines[-1], f"page {number}"
        assert lines[-1].endswith(f"Page {number} of {page_count}"), f"page {number}"


def test_each_measured_objective_starts_a_page_and_its_tables_follow_it(demo):
    pdf, _ = pdf_of(demo)
    pages = body_lines(pdf)
    texts = [squash(text) for text in pages_text(pdf)]

    # Headed in the roadmap's own words and numbering: "Mission 1: ...".
    heading = re.compile(rf"{demo.objective_words.singular} \d+: ")
    starts = [n for n, lines in enumerate(pages) if lines and heading.match(lines[0])]
    assert len(starts) == demo.objectives.count()
    ends = [*starts[1:], len(pages)]
    for objective, page, end in zip(
        demo.objectives.order_by("position"), starts, ends, strict=True
    ):
        first_page = texts[page]
        for alignment in objective.alignments.select_related("goal"):
            assert alignment.goal.title in first_page, "the goals table is not split"
        # A long KPI table may go on over the page (its header repeated, rows
        # whole: test_a_long_table_repeats_its_header_and_never_splits_a_row), but
        # it starts on the objective's first page and ends before the next one.
        own_pages = " ".join(texts[page:end])
        kpis = list(objective.kpis.all())
        assert kpis[0].name in first_page
        for kpi in kpis:
            assert kpi.name in own_pages


def test_every_link_inside_the_report_has_its_target_even_when_a_chapter_is_empty(
    roadmap,
):
    """A roadmap with no stakeholders, assessment or plan yet: the contents link
    only to sections the report holds (WeasyPrint drops a link to no anchor and
    prints no page number)."""
    html = html_of(roadmap)
    targets = set(re.findall(r'href="#([^"]+)"', html))
    ids = set(re.findall(r'id="([^"]+)"', html))
    assert targets and targets <= ids, sorted(targets - ids)


def test_the_contents_give_each_objective_its_page_on_its_first_line(demo):
    """A title long enough to wrap keeps its page number on its first line."""
    pdf, _ = pdf_of(demo)
    pages = body_lines(pdf)
    heading = re.compile(rf"{demo.objective_words.singular} (\d+): ")
    starts = {
        heading.match(lines[0]).group(1): n + 1
        for n, lines in enumerate(pages)
        if lines and heading.match(lines[0])
    }
    contents = [line for line in pages[1] if heading.match(line)]
    assert len(contents) == len(starts) == demo.objectives.count()
    for line in contents:
        number = heading.match(line).group(1)
        assert re.search(rf"\s{starts[number]}$", line), line


def test_the_charts_are_the_shared_kpi_charts_sized_for_an_a4_page(demo):
    html = html_of(demo)

    kpis = KPI.objects.filter(objective__roadmap=demo).count()
    charts = re.findall(
        r'<svg [^>]*width="(\d+)" height="(\d+)"[^>]*role="img" aria-labelledby="kpi-', html
    )
    assert len(charts) == kpis
    assert all(int(width) == CHART_WIDTH <= PRINTABLE_WIDTH_PX for width, _ in charts)
    # Each chart draws its target, but a KPI tracked without one (issue 12).
    targeted = KPI.objects.filter(objective__roadmap=demo, tracked=False).count()
    assert html.count('class="kpi-chart__target"') == targeted, "each chart draws its target"
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "ids are unique in the document"


# Layout of long tables ----------------------------------------------------------------


def test_a_long_table_repeats_its_header_and_never_splits_a_row(roadmap):
    objective = roadmap.objectives.get()
    rationale = "Serves this goal in a way that takes a couple of lines to explain in full"
    for n in range(40):
        goal = OrganisationalGoal.objects.create(
            organisation=roadmap.organisation, title=f"Goal number {n:02}", position=n
        )
        ObjectiveAlignment.objects.create(
            objective=objective, goal=goal, rationale=f"{rationale} ({n:02})."
        )

    pdf, _ = pdf_of(roadmap)

    pages_with_rows = 0
    for lines in body_lines(pdf):
        page = squash(" ".join(lines))
        rows = re.findall(r"Goal number (\d\d)", page)
        if not rows:
            continue
        pages_with_rows += 1
        assert "GOAL HOW THIS OBJECTIVE SERVES IT" in page, "the header row repeats"
        for n in rows:
            assert unspaced(f"{rationale} ({n}).") in unspaced(page), f"row {n} is split"
    assert pages_with_rows >= 2, "the table should run over pages"


# Empty and hostile content ----------------------------------------------------------


def test_what_is_missing_is_said_in_plain_words(roadmap):
    objective = roadmap.objectives.get()
    bare = Objective.objects.create(roadmap=roadmap, title="Bare objective", position=5)
    KPI.objects.create(
        objective=objective,
        name="Not measured yet",
        unit="days",
        direction=KPIDirection.LOWER,
        baseline_value=Decimal(30),
        baseline_date=date(2026, 1, 1),
        target_value=Decimal(10),
        target_date=date(2027, 1, 1),
    )

    pdf, _ = pdf_of(roadmap)

    text = squash(" ".join(page_texts(pdf)))
    assert "No purpose has been written yet." in text
    assert "No guiding principles have been set yet." in text
    assert "Not yet aligned to any goal." in text
    # No KPI section for it: the gap is listed once, among the health findings.
    assert "No KPIs have been set" not in text
    assert text.count("“Bare objective” has no KPI to measure it.") == 1
    assert f"{bare.title} " in text
    assert "None yet" in text
    assert "No data Nothing has been measured yet." in text
    assert "30 days" in text and "10 days" in text
    assert "Not set" not in text  # what is missing is said
    assert "No sponsor named yet" in text and "No owner named yet" in text


def test_hostile_text_in_every_new_field_is_printed_as_text_and_fetches_nothing(
    roadmap, trap, recording_fetcher
):
    hostile = hostile_markup(trap.port)
    roadmap.purpose = f"Purpose {hostile}"
    roadmap.save()
    GuidingPrinciple.objects.create(
        roadmap=roadmap, title=f"Principle {hostile}"[:200], description=f"Why {hostile}"
    )
    goal = OrganisationalGoal.objects.create(
        organisation=roadmap.organisation, title=f"Goal {hostile}"[:200]
    )
    objective = roadmap.objectives.get()
    objective.desired_outcomes = f"Outcome {hostile}"
    objective.citizen_centric = True
    objective.citizen_outcome = f"Citizens {hostile}"[:200]
    objective.priority = Priority.HIGH
    objective.save()
    ObjectiveAlignment.objects.create(
        objective=objective, goal=goal, rationale=f"Rationale {hostile}"[:200]
    )
    kpi = KPI.objects.create(
        objective=objective,
        name=f"KPI {hostile}"[:200],
        definition=f"Counted {hostile}",
        unit="<b>u</b>",
        data_source=f"Source {hostile}"[:200],
        baseline_value=Decimal(1),
        baseline_date=date(2026, 1, 1),
        target_value=Decimal(5),
        target_date=date(2027, 1, 1),
    )
    Measurement.objects.create(kpi=kpi, value=Decimal(2), date=date(2026, 3, 1), note=hostile)

    report = render_roadmap_report(load_roadmap_for_report(roadmap.pk))

    assert recording_fetcher.made[0].requested == []
    assert trap.connections() == 0
    assert "<b>u</b>" not in report.html and "&lt;b&gt;u&lt;/b&gt;" in report.html
    text = unspaced(" ".join(page_texts(report.pdf)))
    for shown in [
        f"Purpose {hostile}",
        f"Why {hostile}",
        f"Outcome {hostile}",
        f"Counted {hostile}",
        "2<b>u</b>",
    ]:
        assert unspaced(shown) in text, shown
    for secret in lines_of_etc_files():
        assert secret not in text


def test_the_demo_report_has_the_roadmap_chapter_with_the_timeline_in_landscape(demo):
    report = render_roadmap_report(
        load_roadmap_for_report(demo.pk), generated_at=GENERATED_AT, version=1
    )
    reader = PdfReader(io.BytesIO(report.pdf))
    texts = [squash(page.extract_text()) for page in reader.pages]
    landscape = [
        number
        for number, page in enumerate(reader.pages)
        if page.mediabox.width > page.mediabox.height
    ]
    timeline = [number for number, text in enumerate(texts) if "Timeline (" in text]
    assert landscape, "the timeline is on landscape pages"
    assert set(timeline) <= set(landscape) and timeline
    assert all(number in timeline for number in landscape)  # only the timeline turns
    flat = " ".join(texts)
    assert "4. The roadmap" in flat and "Critical path" in flat
    assert "Initiatives by component" in flat and "Health of the roadmap" in flat
    for title in demo.initiatives.values_list("title", flat=True):
        assert unspaced(title) in unspaced(flat), title
