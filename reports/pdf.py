"""Render a roadmap's report to PDF with WeasyPrint.

With `reports.fetcher`, the only modules that import WeasyPrint; the HTML comes
from `reports.assembly`. The worker, the `export_roadmap_pdf` command and the
benchmark all call `render_roadmap_report`, so they produce the same document.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from weasyprint import HTML

from roadmap.models import Roadmap

from .assembly import render_report_html
from .fetcher import REPORT_BASE_URL, StaticOnlyURLFetcher
from .options import ReportOptions


@dataclass(frozen=True)
class RenderedReport:
    pdf: bytes
    html: str
    page_count: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()


def render_pdf(html: str, *, fetcher: StaticOnlyURLFetcher | None = None) -> tuple[bytes, int]:
    """PDF bytes and page count. Only the static-only fetcher may load resources."""
    document = HTML(
        string=html, base_url=REPORT_BASE_URL, url_fetcher=fetcher or StaticOnlyURLFetcher()
    ).render()
    return document.write_pdf(), len(document.pages)


def render_roadmap_report(
    roadmap: Roadmap,
    *,
    generated_at: datetime | None = None,
    version: int | None = None,
    options: ReportOptions | None = None,
) -> RenderedReport:
    html = render_report_html(
        roadmap,
        generated_at=generated_at or timezone.now(),
        version=version or roadmap.version,
        options=options,
    )
    pdf, page_count = render_pdf(html)
    return RenderedReport(pdf=pdf, html=html, page_count=page_count)
