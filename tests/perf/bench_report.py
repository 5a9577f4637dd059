"""`make bench`: how long the PDF report takes, as ratios to a baseline.

The machine is shared and noisy, so every figure is also given as a ratio to
a baseline measured in the same run: WeasyPrint rendering a one-paragraph
page through the same fetcher. Runs on a throw-away SQLite database seeded
with the demo roadmap, and on a copy with ten times the objectives.
"""

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

RUNS = int(os.environ.get("BENCH_RUNS", 5))


def median_seconds(action, runs: int = RUNS) -> float:
    action()  # warm-up: fonts, templates, imports
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="roadmap-bench-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from reports.assembly import load_roadmap_for_report, render_report_html
    from reports.pdf import render_pdf, render_roadmap_report
    from roadmap.demo import DEMO_ROADMAP_SLUG
    from roadmap.models import Measurement, Roadmap

    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    demo = Roadmap.objects.get(slug=DEMO_ROADMAP_SLUG)

    # The same roadmap with ten times the objectives, each with its KPIs and
    # their measurements, so the 10x figure includes ten times the charts.
    big = Roadmap.objects.get(pk=demo.pk)
    big.pk, big.slug, big.title = None, "bench-10x", f"{demo.title} (10x objectives)"
    big.save()
    position = 0
    for copy in range(10):
        for objective in demo.objectives.order_by("position").prefetch_related(
            "kpis__measurements"
        ):
            kpis = list(objective.kpis.all())
            objective.pk, objective.roadmap = None, big
            objective.title, objective.position = f"{objective.title} ({copy})", position
            objective.save()
            position += 1
            for kpi in kpis:
                measurements = list(kpi.measurements.all())
                kpi.pk, kpi.objective = None, objective
                kpi.save()
                for measurement in measurements:
                    measurement.pk, measurement.kpi = None, kpi
                Measurement.objects.bulk_create(measurements)

    baseline_html = "<!doctype html><title>Baseline</title><p>One paragraph of text.</p>"
    demo_loaded = load_roadmap_for_report(demo.pk)
    from django.utils import timezone

    demo_html = render_report_html(demo_loaded, generated_at=timezone.now(), version=1)
    pages = render_roadmap_report(demo_loaded).page_count
    big_pages = render_roadmap_report(load_roadmap_for_report(big.pk)).page_count

    figures = {
        "baseline: one-paragraph PDF": median_seconds(lambda: render_pdf(baseline_html)),
        "demo report: assemble HTML": median_seconds(
            lambda: render_report_html(
                load_roadmap_for_report(demo.pk), generated_at=timezone.now(), version=1
            )
        ),
        "demo report: HTML to PDF": median_seconds(lambda: render_pdf(demo_html)),
        f"demo report end to end ({pages} pages)": median_seconds(
            lambda: render_roadmap_report(load_roadmap_for_report(demo.pk))
        ),
        f"10x objectives end to end ({big_pages} pages)": median_seconds(
            lambda: render_roadmap_report(load_roadmap_for_report(big.pk))
        ),
    }
    baseline = figures["baseline: one-paragraph PDF"]
    print(f"Median of {RUNS} runs each (after one warm-up); ratio to the baseline.\n")
    print(f"{'measure':<48} {'median':>10} {'ratio':>8}")
    for name, seconds in figures.items():
        print(f"{name:<48} {seconds * 1000:>8.1f}ms {seconds / baseline:>7.2f}x")

    out = Path("var/bench")
    out.mkdir(parents=True, exist_ok=True)
    result = {
        "runs": RUNS,
        "demo_pages": pages,
        "big_pages": big_pages,
        "seconds": figures,
        "ratio_to_baseline": {k: v / baseline for k, v in figures.items()},
    }
    (out / "report.json").write_text(json.dumps(result, indent=2))
    print(f"\nWritten to {out / 'report.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
