from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from roadmap.models import Roadmap

from ...assembly import load_roadmap_for_report
from ...pdf import render_roadmap_report


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

    def handle(self, *args, slug, output, html, agency, **options):
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
        rendered = render_roadmap_report(load_roadmap_for_report(matches[0][0]))
        output.write_bytes(rendered.pdf)
        if html:
            html.write_text(rendered.html, encoding="utf-8")
        self.stdout.write(
            f"Wrote {output} ({rendered.page_count} pages, {len(rendered.pdf):,} bytes, "
            f"sha256 {rendered.sha256[:12]}…)"
        )
