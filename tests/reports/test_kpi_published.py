"""The report (HTML and PDF) prints KPIs as published roadmaps state them
(issue 12): qualified values, rough target dates (never an invented day), a
baseline not yet known, the overdue flag beside the status, and every
measurement with its source and note."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from roadmap.models import Measurement
from tests.html import squash
from tests.reports.test_assembly import html_of, pages_text, pdf_of
from tests.roadmap.kpi_factories import make_kpi, today

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(roadmap):
    objective = roadmap.objectives.get()
    kpi = make_kpi(
        objective,
        name="Services that meet the accessibility standard",
        unit="services",
        baseline_unknown=True,
        baseline_value=None,
        baseline_date=None,
        baseline_note="after the first audit",
        target_qualifier="at_least",
        target_value=Decimal(190),
        target_precision="year",
        target_date=date(2030, 1, 1),
        reporting_frequency="monthly",
    )
    Measurement.objects.create(
        kpi=kpi,
        date=today() - timedelta(days=120),  # monthly: overdue by now
        value=Decimal(100),
        value_qualifier="more_than",
        source="Audit register, first round",
        note="Half the audits done.",
    )
    return kpi


def test_the_report_prints_what_was_published_and_nothing_invented(roadmap, published):
    html = squash(html_of(roadmap))

    assert "Not yet known (after the first audit)" in html
    assert "at least 190 services" in html and "by 2030" in html
    assert "more than 100 services" in html
    assert "No baseline" in html
    assert '<span class="overdue">Overdue</span> A monthly measurement was due by' in html
    assert "Audit register, first round" in html and "Half the audits done." in html
    assert "31 December 2030" not in html


def test_the_pdf_table_of_measurements_keeps_source_and_note(roadmap, published):
    pdf, _ = pdf_of(roadmap)
    text = " ".join(" ".join(pages_text(pdf)).split())

    assert "Measurements of Services that meet the accessibility standard" in text
    assert "more than 100 services" in text
    assert "Audit register, first round" in text
    assert "Half the audits done." in text
    assert "by 2030" in text
