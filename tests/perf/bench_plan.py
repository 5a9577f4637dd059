"""`make bench`, second part: the plan's pages and report at scale, as ratios to
a baseline measured in the same run.

Two copies of the demo roadmap get 50 and 500 initiatives (with three
dependencies each where they can, so 1,500 at 500, all pointing back in time:
no cycles), spread over the seven components and the six objectives; the
500-initiative roadmap also gets 300 risks, each threatening one to three
initiatives, over the whole 5 x 5 heat map. Each page
is asked through Django's test client, signed in as the demo lead, and timed
against a trivial page of the same app (the help page) in the same run. Then
the PDF of the 500-initiative roadmap is rendered in a child process, whose
time and peak memory (max resident set) are reported against the report time
limit.
"""

import json
import multiprocessing
import os
import resource
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

RUNS = int(os.environ.get("BENCH_RUNS", 5))
SIZES = (50, 500)
RISKS = {500: 300}  # risks for the roadmap of that many initiatives


def median_seconds(action, runs: int = RUNS) -> float:
    action()  # warm-up
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def grow(roadmap, count: int, risks: int = 0) -> None:
    """`count` initiatives in the roadmap, each depending on up to three before it,
    and `risks` risks, each threatening one to three of them."""
    from roadmap.models import Dependency, Initiative, Risk

    components = list(roadmap.components.all())
    objectives = list(roadmap.objectives.all())
    initiatives = Initiative.objects.bulk_create(
        Initiative(
            roadmap=roadmap,
            component=components[n % len(components)],
            title=f"Bench initiative {n}",
            start_month=date(2026 + (n % 48) // 12, 1 + n % 12, 1),
            end_month=date(2027 + (n % 48) // 12, 1 + n % 12, 1),
            status=("planned", "in_progress", "done", "proposed")[n % 4],
            position=n,
        )
        for n in range(count)
    )
    through = Initiative.objectives.through
    through.objects.bulk_create(
        through(initiative=initiative, objective=objectives[n % len(objectives)])
        for n, initiative in enumerate(initiatives)
    )
    Dependency.objects.bulk_create(
        Dependency(initiative=initiative, prerequisite=initiatives[n - back])
        for n, initiative in enumerate(initiatives)
        for back in (1, 7, 19)
        if n - back >= 0
    )
    threats = Risk.objects.bulk_create(
        Risk(
            roadmap=roadmap,
            title=f"Bench risk {n}",
            likelihood=1 + n % 5,
            impact=1 + (n // 5) % 5,
            status=("open", "mitigating", "closed", "accepted")[n % 4],
            mitigation="" if n % 3 else "A plan B.",
            position=n,
        )
        for n in range(risks)
    )
    Risk.initiatives.through.objects.bulk_create(
        Risk.initiatives.through(risk=risk, initiative=initiatives[(n * 13 + k * 101) % count])
        for n, risk in enumerate(threats)
        for k in range(1 + n % 3)
    )


def copy_of(demo, slug: str):
    from roadmap.models import Roadmap
    from roadmap.services.components import components_seed

    roadmap = Roadmap.objects.get(pk=demo.pk)
    roadmap.pk, roadmap.slug, roadmap.title = None, slug, f"{demo.title} ({slug})"
    roadmap.save()
    components_seed(roadmap=roadmap)
    for objective in demo.objectives.order_by("position"):
        objective.pk, objective.roadmap = None, roadmap
        objective.save()
    return roadmap


def render_in_child(roadmap_id: int, queue) -> None:
    """Render the report in this process and say how long it took and its peak memory."""
    import django

    django.setup()
    from reports.assembly import load_roadmap_for_report
    from reports.pdf import render_roadmap_report

    start = time.perf_counter()
    report = render_roadmap_report(load_roadmap_for_report(roadmap_id))
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    queue.put({"seconds": seconds, "peak_mib": peak_kib / 1024, "pages": report.page_count})


def main() -> int:
    workdir = Path(tempfile.mkdtemp(prefix="roadmap-bench-plan-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from roadmap.demo import DEMO_ROADMAP_SLUG
    from roadmap.models import Roadmap

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    demo = Roadmap.objects.get(slug=DEMO_ROADMAP_SLUG)
    roadmaps = {}
    for size in SIZES:
        roadmaps[size] = copy_of(demo, f"bench-{size}")
        grow(roadmaps[size], size, risks=RISKS.get(size, 0))

    client = Client()
    client.force_login(get_user_model().objects.get(username="lead"))

    def page(address: str):
        def ask():
            response = client.get(address)
            assert response.status_code == 200, (address, response.status_code)

        return ask

    figures = {"baseline: the help page": median_seconds(page(reverse("pages:help")))}
    for name, route in (
        ("initiatives", "roadmap:initiatives"),
        ("timeline", "roadmap:timeline"),
        ("now, next, later", "roadmap:board"),
        ("traceability", "roadmap:traceability"),
        ("health", "reports:roadmap-health"),
        ("overview", "roadmap:detail"),
        ("risks", "roadmap:risks"),
    ):
        for size in SIZES:
            figures[f"{name}, {size} initiatives"] = median_seconds(
                page(roadmaps[size].address(route))
            )

    # The PDF of the biggest roadmap, in a child process so its peak memory is its own.
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=render_in_child, args=(roadmaps[SIZES[-1]].pk, queue))
    child.start()
    child.join()
    pdf = queue.get(timeout=5)
    limit = settings.REPORT_SOFT_TIME_LIMIT

    baseline = figures["baseline: the help page"]
    print(f"Median of {RUNS} runs each (after one warm-up); ratio to the baseline.\n")
    print(f"{'measure':<44} {'median':>10} {'ratio':>8}")
    for name, seconds in figures.items():
        print(f"{name:<44} {seconds * 1000:>8.1f}ms {seconds / baseline:>7.1f}x")
    print(
        f"\nPDF of {SIZES[-1]} initiatives: {pdf['pages']} pages in {pdf['seconds']:.1f} s "
        f"(the worker's soft limit is {limit} s), peak memory {pdf['peak_mib']:.0f} MiB"
    )
    out = Path("var/bench")
    out.mkdir(parents=True, exist_ok=True)
    result = {
        "runs": RUNS,
        "seconds": figures,
        "ratio_to_baseline": {k: v / baseline for k, v in figures.items()},
        "pdf": pdf,
    }
    (out / "plan.json").write_text(json.dumps(result, indent=2))
    print(f"Written to {out / 'plan.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
