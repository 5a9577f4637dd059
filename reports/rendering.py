"""Assemble a roadmap's report as self-contained HTML and render it to PDF.

The worker, the `export_roadmap_pdf` command and the benchmark all call
`render_roadmap_report`, so they produce the same document.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.contrib.staticfiles import finders
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from weasyprint import HTML

from roadmap.models import Objective, Roadmap

from .fetcher import REPORT_BASE_URL, StaticOnlyURLFetcher

REPORT_TEMPLATE = "reports/roadmap_report.html"
REPORT_STYLESHEET = "reports/report.css"


@dataclass(frozen=True)
class RenderedReport:
    pdf: bytes
    html: str
    page_count: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()


def load_roadmap_for_report(roadmap_id: int) -> Roadmap:
    """The roadmap with everything the report shows, in a fixed number of queries."""
    return (
        Roadmap.objects.select_related("organisation")
        .prefetch_related(
            Prefetch("objectives", queryset=Objective.objects.order_by("position", "pk"))
        )
        .get(pk=roadmap_id)
    )


def _stylesheet() -> str:
    # Inlined so the HTML is self-contained: the same bytes the PDF was made from.
    path = finders.find(REPORT_STYLESHEET)
    return Path(path).read_text(encoding="utf-8")


def render_report_html(roadmap: Roadmap, *, generated_at: datetime, version: int) -> str:
    context = {
        "roadmap": roadmap,
        "agency": roadmap.organisation,
        "objectives": list(roadmap.objectives.all()),
        "marking": roadmap.organisation.classification_marking,
        "version": version,
        "generated_at": timezone.localtime(generated_at),
        "stylesheet": mark_safe(_stylesheet()),  # noqa: S308 - our own static file
    }
    return render_to_string(REPORT_TEMPLATE, context)


def render_pdf(html: str, *, fetcher: StaticOnlyURLFetcher | None = None) -> tuple[bytes, int]:
    """PDF bytes and page count. Only the static-only fetcher may load resources."""
    document = HTML(
        string=html, base_url=REPORT_BASE_URL, url_fetcher=fetcher or StaticOnlyURLFetcher()
    ).render()
    return document.write_pdf(), len(document.pages)


def render_roadmap_report(
    roadmap: Roadmap, *, generated_at: datetime | None = None, version: int | None = None
) -> RenderedReport:
    html = render_report_html(
        roadmap,
        generated_at=generated_at or timezone.now(),
        version=version or roadmap.version,
    )
    pdf, page_count = render_pdf(html)
    return RenderedReport(pdf=pdf, html=html, page_count=page_count)
