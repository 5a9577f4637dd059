"""The PDF report shows a KPI that counts whole things in whole numbers: its
figures, its status sentence and its chart's value axis."""

import re
from decimal import Decimal

import pytest

from roadmap.models import KPIUnitKind
from tests.roadmap.kpi_factories import days_ago, make_kpi, measure

from .test_assembly import html_of, pages_text, pdf_of

pytestmark = pytest.mark.django_db

FRACTION = re.compile(r"\d\.\d")


@pytest.fixture
def services(roadmap):
    # 0 to 12 services over 400 days: the line is at 4.89 on the latest reading's day.
    kpi = make_kpi(
        roadmap.objectives.get(),
        name="Services meeting the standard",
        unit="services",
        unit_kind=KPIUnitKind.COUNT,
        baseline_value=Decimal(0),
        target_value=Decimal(12),
    )
    measure(kpi, days_ago(150), 1)
    measure(kpi, days_ago(37), 4)
    return kpi


def test_a_count_kpi_in_the_report_html_has_no_fractions(roadmap, services):
    html = html_of(roadmap)

    figure = re.search(rf'<figure class="kpi" id="kpi-{services.pk}">(.*?)</figure>', html, re.S)
    assert figure is not None
    text = " ".join(re.sub(r"<[^>]+>", " ", figure.group(1)).split())
    assert "4 services against 5 services planned for" in text
    assert not FRACTION.findall(text), FRACTION.findall(text)
    ticks = re.findall(r'class="kpi-chart__value-label"[^>]*>([^<]*)<', figure.group(1))
    assert ticks and all(re.fullmatch(r"[\d,]+ services?", tick) for tick in ticks), ticks


def test_a_count_kpi_in_the_pdf_reads_in_whole_services(roadmap, services):
    pdf, _ = pdf_of(roadmap)
    text = " ".join(" ".join(pages_text(pdf)).split())

    assert "4 services against 5 services planned for" in text
    assert "1 service behind plan" in text
    assert not re.search(r"\d\.\d+ services?", text)
