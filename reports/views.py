"""Export a roadmap as PDF, follow the job, download the file."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods
from django_htmx.http import HttpResponseStopPolling

from agencies.access import get_membership, in_agency
from agencies.models import Role
from roadmap.rules.health import HEALTH_RULE_TEXT, counts_by_severity
from roadmap.selectors.roadmaps import roadmap_for
from ui.feedback import confirm
from ui.http import HtmxHttpRequest, member_page

from .forms import ExportForm
from .health import roadmap_findings
from .models import ReportJob, ReportJobStatus
from .services.jobs import ReportServiceUnavailable, report_job_request

RECENT_EXPORTS = 20


def _job(membership, pk) -> ReportJob:
    jobs = in_agency(
        ReportJob.objects.select_related("roadmap__organisation", "requested_by"),
        membership,
        via="roadmap__organisation",
    )
    return get_object_or_404(jobs, pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def roadmap_exports(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    """GET: the export form and the roadmap's recent exports. POST (lead and above):
    start a new one with the options chosen (the overview's one-click "Export PDF"
    posts none: as at today, no individuals named). A bad date is refused in the
    form, with what was typed kept, and nothing is queued."""
    minimum = Role.LEAD if request.method == "POST" else Role.VIEWER
    membership = get_membership(request.user, agency, minimum=minimum)
    roadmap = roadmap_for(membership, slug)
    unavailable = None
    form = ExportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and not form.is_valid():
        if request.htmx:  # the form with its errors, in its place
            return render(
                request,
                "reports/roadmap_exports.html#export-form",
                member_page(membership, roadmap=roadmap, form=form),
            )
    elif request.method == "POST":
        try:
            job = report_job_request(
                roadmap=roadmap, requested_by=request.user, options=form.options
            )
        except ReportServiceUnavailable as refused:
            unavailable = refused.message
            if request.htmx:  # htmx swaps only a 2xx answer: the message is the answer
                return render(
                    request,
                    "reports/roadmap_exports.html#export-unavailable",
                    {"unavailable": unavailable},
                )
        else:
            confirm(request, "PDF export started. It is usually ready in under a minute.")
            if request.htmx:
                return render(request, "reports/job_detail.html#job-status", {"job": job})
            return redirect(job)
    jobs = roadmap.report_jobs.select_related("requested_by")[:RECENT_EXPORTS]
    return render(
        request,
        "reports/roadmap_exports.html",
        member_page(membership, roadmap=roadmap, jobs=jobs, unavailable=unavailable, form=form),
        status=503 if unavailable else 400 if form.errors else 200,
    )


@login_required
@require_GET
def job_detail(request: HtmxHttpRequest, agency: str, pk) -> HttpResponse:
    membership = get_membership(request.user, agency)
    job = _job(membership, pk)  # a job whose worker died is the sweeper's to finish
    if request.htmx:
        if not job.is_finished and request.GET.get("seen") == job.status:
            return HttpResponse(status=204)  # unchanged: htmx keeps polling, swaps nothing
        response = render(request, "reports/job_detail.html#job-status", {"job": job})
        if job.is_finished:  # htmx swaps this last state in and stops polling
            response.status_code = HttpResponseStopPolling.status_code
        return response
    return render(
        request,
        "reports/job_detail.html",
        member_page(membership, roadmap=job.roadmap, job=job),
    )


@login_required
@require_GET
def job_download(request: HtmxHttpRequest, agency: str, pk) -> FileResponse:
    membership = get_membership(request.user, agency)
    job = _job(membership, pk)
    if job.status != ReportJobStatus.READY or not job.file:
        raise Http404("This report is not ready.")
    # Streamed from the storage (filesystem or object store) after the membership
    # check above; an OFFICIAL document is never kept by a shared cache or the browser.
    response = FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=job.download_name,
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def roadmap_health(request: HtmxHttpRequest, agency: str, slug: str) -> HttpResponse:
    """The roadmap's health findings, the most serious first, each with a link to
    where it is fixed."""
    membership = get_membership(request.user, agency)
    if request.method not in ("GET", "HEAD"):  # after the agency check: 404 comes first
        return HttpResponseNotAllowed(["GET", "HEAD"])
    roadmap = roadmap_for(membership, slug)
    found = roadmap_findings(roadmap)
    return render(
        request,
        "reports/roadmap_health.html",
        member_page(
            membership,
            roadmap=roadmap,
            findings=found,
            counts=counts_by_severity(f.finding for f in found),
            rule_text=HEALTH_RULE_TEXT,
        ),
    )
