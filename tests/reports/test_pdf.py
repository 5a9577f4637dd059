"""The PDF report: what it shows on every page, and that nothing a user typed
(or any HTML at all) can make the renderer read a file or open a connection."""

import io
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from weasyprint.urls import URLFetcher

from reports.assembly import load_roadmap_for_report, render_report_html
from reports.fetcher import StaticOnlyURLFetcher, static_url
from reports.pdf import render_pdf, render_roadmap_report
from roadmap.models import Objective

from ..html import squash

GENERATED_AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)

# Helpers -------------------------------------------------------------------


def unspaced(text: str) -> str:
    """Text with no whitespace at all: a long URL may wrap at any character."""
    return "".join(text.split())


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def page_lines(pdf: bytes) -> list[list[str]]:
    """Each page's non-blank lines, top to bottom, as laid out on the page."""
    return [
        [line.strip() for line in page.extract_text(extraction_mode="layout").splitlines()]
        for page in PdfReader(io.BytesIO(pdf)).pages
    ]


def render(roadmap, fetcher=None) -> tuple[bytes, int]:
    html = render_report_html(
        load_roadmap_for_report(roadmap.pk), generated_at=GENERATED_AT, version=1
    )
    return render_pdf(html, fetcher=fetcher)


def hostile_markup(port: int) -> str:
    """What the issue says a user may type into any text field."""
    return (
        '<img src="file:///etc/passwd">'
        f'<link rel="stylesheet" href="http://127.0.0.1:{port}/x.css">'
        "<style>@import url(file:///etc/hostname)</style>"
    )


def lines_of_etc_files() -> list[str]:
    """Distinctive text of /etc/passwd and /etc/hostname, which must never reach a PDF."""
    found = []
    passwd = Path("/etc/passwd")
    if passwd.exists():
        found += [line for line in passwd.read_text().splitlines() if line.count(":") >= 6][:3]
    hostname = Path("/etc/hostname")
    if hostname.exists() and len(hostname.read_text().strip()) >= 3:
        found.append(hostname.read_text().strip())
    return found


@pytest.fixture
def long_roadmap(roadmap):
    """A roadmap long enough to run over several pages."""
    roadmap.vision = "\n\n".join(
        f"Paragraph {n}: residents apply for, pay for and track every service online, "
        "in plain language, with help on the phone or in person for anyone who needs it."
        for n in range(1, 25)
    )
    roadmap.save()
    Objective.objects.bulk_create(
        Objective(
            roadmap=roadmap,
            title=f"Objective number {n}",
            description="Move casework onto a shared platform with an open API. " * 4,
            position=n,
        )
        for n in range(1, 31)
    )
    return roadmap


# What the report shows -------------------------------------------------------


def test_the_pdf_shows_the_title_vision_and_agency(roadmap):
    pdf, page_count = render(roadmap)

    text = squash(" ".join(page_texts(pdf)))
    assert pdf.startswith(b"%PDF-")
    assert page_count == len(page_texts(pdf))
    assert "Digital roadmap 2026 to 2030" in text
    assert "Every service digital by default." in text
    assert "Agency A" in text
    assert "Vision and objectives" in text
    assert "Services online" in text


def test_every_page_has_the_marking_in_its_header_and_footer_and_a_page_number(long_roadmap):
    pdf, page_count = render(long_roadmap)

    assert page_count >= 4, "the roadmap should run over several pages"
    pages = page_lines(pdf)
    assert len(pages) == page_count
    for number, lines in enumerate(pages, start=1):
        lines = [line for line in lines if line]
        header, footer = lines[0], lines[-1]
        assert header == "OFFICIAL", f"page {number} header: {header!r}"
        assert "OFFICIAL" in footer, f"page {number} footer: {footer!r}"
        assert footer.endswith(f"Page {number} of {page_count}"), f"page {number}: {footer!r}"


def test_the_whole_vision_and_every_objective_are_in_the_pdf(long_roadmap):
    pdf, _ = render(long_roadmap)

    text = squash(" ".join(page_texts(pdf)))
    for paragraph in long_roadmap.vision.split("\n\n"):
        assert paragraph in text
    for n in range(1, 31):
        assert f"Objective number {n} " in text


def test_an_agency_marking_replaces_official_on_every_page(other_roadmap):
    Objective.objects.create(roadmap=other_roadmap, title="Secure the estate", position=0)

    pdf, _ = render(other_roadmap)

    for number, lines in enumerate(page_lines(pdf), start=1):
        lines = [line for line in lines if line]
        assert lines[0] == "OFFICIAL-SENSITIVE", f"page {number}"
        assert "OFFICIAL-SENSITIVE" in lines[-1], f"page {number}"
    text = "\n".join(page_texts(pdf))
    assert not re.search(r"\bOFFICIAL\b(?!-SENSITIVE)", text)


def test_objectives_appear_in_their_order_not_the_order_they_were_added(roadmap):
    roadmap.objectives.all().delete()
    for title, position in [("Third", 3), ("First", 1), ("Fourth", 4), ("Second", 2)]:
        Objective.objects.create(
            roadmap=roadmap,
            title=f"{title} objective",
            description=f"{title} detail.",
            position=position,
        )

    pdf, _ = render(roadmap)

    text = squash(" ".join(page_texts(pdf)))
    # Up to the roadmap's chapter (named in the contents, then its heading), whose
    # health findings name the objectives again.
    cover_and_contents, vision_chapter, _ = text.split("4. The roadmap")
    found = re.findall(r"(First|Second|Third|Fourth) objective", cover_and_contents)
    found += re.findall(r"(First|Second|Third|Fourth) objective", vision_chapter)
    # In order each time: in the contents, the at-a-glance table and the detail.
    assert found == ["First", "Second", "Third", "Fourth"] * 3
    assert text.index("Second objective Second detail.") < text.index(
        "Third objective Third detail."
    )


def test_an_empty_roadmap_says_so_in_plain_words(roadmap):
    roadmap.vision = ""
    roadmap.save()
    roadmap.objectives.all().delete()

    pdf, _ = render(roadmap)

    text = squash(" ".join(page_texts(pdf)))
    assert "No vision statement has been written yet." in text
    assert "No objectives have been set yet." in text


# Nothing a user types makes the renderer fetch anything ----------------------


def test_hostile_text_in_every_field_is_printed_as_text_and_fetches_nothing(
    roadmap, trap, recording_fetcher
):
    hostile = hostile_markup(trap.port)
    roadmap.title = "Roadmap <b>bold</b>"
    roadmap.vision = f"Our vision {hostile}"
    roadmap.save()
    roadmap.objectives.update(title=f"Title {hostile}"[:200], description=f"Detail {hostile}")

    report = render_roadmap_report(load_roadmap_for_report(roadmap.pk))

    assert len(recording_fetcher.made) == 1, "the report must be rendered with the fetcher"
    assert recording_fetcher.made[0].requested == []
    assert trap.connections() == 0
    text = unspaced(" ".join(page_texts(report.pdf)))
    assert unspaced(f"Our vision {hostile}") in text
    assert unspaced(f"Detail {hostile}") in text
    assert unspaced("Roadmap <b>bold</b>") in text
    for secret in lines_of_etc_files():
        assert secret not in text


def test_a_fetcher_passed_to_render_pdf_sees_no_request_for_hostile_fields(roadmap, trap):
    roadmap.vision = hostile_markup(trap.port)
    roadmap.save()
    roadmap.objectives.update(description=hostile_markup(trap.port))
    fetcher = StaticOnlyURLFetcher()

    render(roadmap, fetcher=fetcher)

    assert fetcher.requested == []
    assert trap.connections() == 0


@pytest.mark.parametrize(
    "marking",
    [
        'X"; } @page { content: url(file:///etc/passwd) } /*',
        "X'); @import url(file:///etc/hostname); /*",
        '<img src="file:///etc/passwd">',
    ],
)
def test_a_marking_is_printed_as_text_never_parsed_as_css(roadmap, agency, marking):
    agency.classification_marking = marking
    agency.save()
    fetcher = StaticOnlyURLFetcher()

    pdf, page_count = render(roadmap, fetcher=fetcher)

    assert fetcher.requested == []
    for number, lines in enumerate(page_lines(pdf), start=1):
        lines = [line for line in lines if line]
        assert lines[0] == marking, f"page {number}"
        assert lines[-1].endswith(f"Page {number} of {page_count}"), f"page {number}"


# Raw HTML straight into the renderer, bypassing the template's escaping ------


@pytest.fixture
def canary(tmp_path):
    """A file with a unique secret that no PDF may ever contain."""
    path = tmp_path / "canary.txt"
    path.write_text("CANARY-9f2c61d3-must-never-be-read")
    return path


def raw_hostile_html(port: int, canary: Path) -> tuple[str, list[str]]:
    """An HTML document that tries every way WeasyPrint loads a resource."""
    http = f"http://127.0.0.1:{port}"
    urls = {
        "img": "file:///etc/passwd",
        "stylesheet": f"{http}/x.css",
        "import_file": "file:///etc/hostname",
        "import_https": f"https://127.0.0.1:{port}/import.css",
        "font": f"{http}/font.woff",
        "background": f"{http}/background.png",
        "list_image": f"ftp://127.0.0.1:{port}/bullet.png",
        "content": canary.as_uri(),
        "svg_image": f"{http}/svg-image.png",
        "nested_svg_image": f"{http}/nested.png",
        "embed": f"{http}/embed.svg",
        "attachment_link": canary.as_uri() + "?attachment",
        "attachment_anchor": "file:///etc/passwd?attachment",
    }
    nested_svg = (
        "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='5' height='5'%3E"
        f"%3Cimage href='{urls['nested_svg_image']}' width='5' height='5'/%3E%3C/svg%3E"
    )
    html = f"""<!doctype html>
<html><head>
<link rel="stylesheet" href="{urls["stylesheet"]}">
<link rel="attachment" href="{urls["attachment_link"]}">
<style>
  @import url({urls["import_file"]});
  @import url("{urls["import_https"]}");
  @font-face {{ font-family: Leak; src: url({urls["font"]}); }}
  body {{ font-family: Leak, sans-serif; background: url({urls["background"]}); }}
  li {{ list-style-image: url({urls["list_image"]}); }}
  .after::after {{ content: url({urls["content"]}); }}
</style>
</head><body>
<p class="after">Hostile document</p>
<img src="{urls["img"]}" alt="">
<ul><li>A bullet</li></ul>
<svg width="10" height="10"><image href="{urls["svg_image"]}" width="10" height="10"/></svg>
<img src="{nested_svg}" alt="">
<embed src="{urls["embed"]}">
<a rel="attachment" href="{urls["attachment_anchor"]}">attached</a>
<link rel="stylesheet" href="{static_url("reports/report.css")}">
</body></html>"""
    return html, list(urls.values())


def test_raw_hostile_html_gets_every_url_refused_and_reads_nothing(trap, canary):
    html, hostile_urls = raw_hostile_html(trap.port, canary)
    fetcher = StaticOnlyURLFetcher()

    pdf, _ = render_pdf(html, fetcher=fetcher)

    for url in hostile_urls:
        assert url in fetcher.requested, f"the renderer did not even try {url}"
        assert url in fetcher.refused, f"{url} was not refused"
    served = [url for url in fetcher.requested if url not in fetcher.refused]
    assert served, "the data: SVG and the static stylesheet are allowed"
    assert all(url.startswith("data:") or url == static_url("reports/report.css") for url in served)
    assert trap.connections() == 0
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.attachments == {}
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Hostile document" in text
    assert canary.read_text() not in text
    assert canary.read_bytes() not in pdf
    for secret in lines_of_etc_files():
        assert secret not in text


def test_the_connection_trap_does_see_a_fetch_that_is_allowed(trap):
    """The socket check above can fail: an unrestricted fetcher does connect."""
    html = f'<link rel="stylesheet" href="http://127.0.0.1:{trap.port}/x.css"><p>Hi</p>'

    render_pdf(html, fetcher=URLFetcher(timeout=0.5))

    assert trap.connections() == 1
