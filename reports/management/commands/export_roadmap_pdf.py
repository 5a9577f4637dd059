from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from roadmap.models import Roadmap

from ...assembly import load_roadmap_for_report
from ...options import ReportOptions
from ...pdf import render_roadmap_report


def _as_at(typed: str | None) -> date:
    today = timezone.localdate()
    if typed is None:
        return today
    try:
        as_at = date.fromisoformat(typed)
    except ValueError:
        raise CommandError(
            f"--as-at {typed!r} is not a date: give it as YEAR-MONTH-DAY, e.g. 2026-11-30."
        ) from None
    if as_at > today:
        raise CommandError(f"--as-at {typed} is in the future: give today or a day before.")
    return as_at


class Command(BaseCommand):
    help = (
        "Render a roadmap's PDF report synchronously, exactly as the worker does. "
        "--html also writes the self-contained HTML that was rendered."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The roadmap's short name (slug).")
        parser.add_argument("--output", required=True, type=Path, help="Where to write the PDF.")
        parser.add_argument("--html", type=Path, help="Also write the rendered HTML here.")
        parser.add_argument(
            "--agency", help="The agency's slug, when several agencies use the same roadmap slug."
        )
        parser.add_argument(
            "--as-at",
            dest="as_at",
            help="The data's date, YYYY-MM-DD, printed on the cover and footer (default today).",
        )
        parser.add_argument(
            "--name-individuals",
            action="store_true",
            help="Name individual stakeholders (default: groups and roles only).",
        )

    def handle(self, *args, slug, output, html, agency, as_at, name_individuals, **options):
        chosen = ReportOptions(as_at=_as_at(as_at), name_individuals=name_individuals)
        roadmaps = Roadmap.objects.filter(slug=slug)
        if agency:
            roadmaps = roadmaps.filter(organisation__slug=agency)
        matches = list(roadmaps.values_list("pk", "organisation__slug")[:10])
        if not matches:
            raise CommandError(f"No roadmap has the short name {slug!r}.")
        if len(matches) > 1:
            agencies = ", ".join(sorted(a for _, a in matches))
            raise CommandError(
                f"Several agencies have a roadmap {slug!r}; add --agency ({agencies})."
            )
        rendered = render_roadmap_report(load_roadmap_for_report(matches[0][0]), options=chosen)
        output.write_bytes(rendered.pdf)
        if html:
            html.write_text(rendered.html, encoding="utf-8")
        self.stdout.write(
            f"Wrote {output} ({rendered.page_count} pages, {len(rendered.pdf):,} bytes, "
            f"sha256 {rendered.sha256[:12]}…)"
        )
