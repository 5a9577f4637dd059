"""The management commands: `seed_demo` and `export_roadmap_pdf`."""

import io
import re
from pathlib import Path
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from agencies.models import Membership, Organisation, Role
from reports import pdf as report_pdf
from reports.fetcher import StaticOnlyURLFetcher
from roadmap.models import Objective, Roadmap

pytestmark = pytest.mark.django_db

DEMO_AGENCY = "Demo Department of Digital Services"
DEMO_ROLES = {"admin": Role.ADMIN, "lead": Role.LEAD, "editor": Role.EDITOR, "viewer": Role.VIEWER}


def seed_demo() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def printed_password(output: str) -> str:
    match = re.search(r"^Password: (\S+)$", output, re.MULTILINE)
    assert match, output
    return match[1]


def counts() -> dict[str, int]:
    return {
        "agencies": Organisation.objects.count(),
        "users": get_user_model().objects.count(),
        "memberships": Membership.objects.count(),
        "roadmaps": Roadmap.objects.count(),
        "objectives": Objective.objects.count(),
    }


def pdf_text(pdf: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


# seed_demo ----------------------------------------------------------------------


def test_seed_demo_creates_the_demo_agency_its_users_and_a_roadmap(monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)

    output = seed_demo()

    agency = Organisation.objects.get(name=DEMO_AGENCY)
    for username, role in DEMO_ROLES.items():
        assert Membership.objects.get(user__username=username, organisation=agency).role == role
        assert re.search(rf"^\s*{username}\b", output, re.MULTILINE), f"{username} not printed"
    roadmap = Roadmap.objects.get(organisation=agency)
    assert len(roadmap.vision) > 200
    assert roadmap.objectives.count() >= 3
    assert "lorem" not in (roadmap.vision + str(list(roadmap.objectives.all()))).lower()
    assert printed_password(output) == "roadmap-demo"


def test_seed_demo_run_twice_changes_nothing(monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    seed_demo()
    first = counts()
    vision = Roadmap.objects.get(organisation__name=DEMO_AGENCY).vision

    seed_demo()

    assert counts() == first
    assert Roadmap.objects.get(organisation__name=DEMO_AGENCY).vision == vision


def test_the_demo_users_sign_in_with_the_printed_password(client, monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    password = printed_password(seed_demo())

    for username in DEMO_ROLES:
        response = client.post("/accounts/login/", {"username": username, "password": password})
        assert response.status_code == 302, f"{username} could not sign in"
        assert client.session["_auth_user_id"] == str(
            get_user_model().objects.get(username=username).pk
        )
        client.logout()


def test_seed_demo_uses_the_password_from_demo_password(client, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "a-different-demo-Passphrase-7")

    output = seed_demo()

    assert printed_password(output) == "a-different-demo-Passphrase-7"
    assert client.login(username="lead", password="a-different-demo-Passphrase-7")
    assert not client.login(username="lead", password="roadmap-demo")


def test_a_rerun_keeps_a_changed_password_and_role_and_reset_puts_them_back(client, monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    seed_demo()
    lead = get_user_model().objects.get(username="lead")
    lead.set_password("my-own-Passphrase-42")
    lead.save()
    Membership.objects.filter(user=lead).update(role=Role.EDITOR)

    output = seed_demo()

    assert "Nothing was missing" in output
    assert client.login(username="lead", password="my-own-Passphrase-42")
    assert Membership.objects.get(user=lead).role == Role.EDITOR

    call_command("seed_demo", "--reset", stdout=io.StringIO())

    assert client.login(username="lead", password="roadmap-demo")
    assert Membership.objects.get(user=lead).role == Role.LEAD


def test_only_the_demo_admin_is_a_platform_admin(monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    seed_demo()

    users = get_user_model().objects.filter(username__in=DEMO_ROLES)
    platform_admins = {user.username for user in users if user.is_superuser and user.is_staff}
    assert platform_admins == {"admin"}
    assert not any(user.is_staff for user in users if user.username != "admin")


# export_roadmap_pdf --------------------------------------------------------------


def test_export_writes_the_roadmaps_pdf(roadmap, tmp_path):
    output = tmp_path / "report.pdf"
    out = io.StringIO()

    call_command("export_roadmap_pdf", roadmap.slug, "--output", str(output), stdout=out)

    pdf = output.read_bytes()
    assert pdf.startswith(b"%PDF-")
    text = pdf_text(pdf)
    assert "Digital roadmap 2026 to 2030" in text
    assert "Every service digital by default." in text
    assert "OFFICIAL" in text
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert f"{pages} pages" in out.getvalue()


def test_export_html_is_exactly_what_was_rendered_and_self_contained(roadmap, tmp_path):
    output, html_output = tmp_path / "report.pdf", tmp_path / "report.html"

    with mock.patch.object(report_pdf, "render_pdf", wraps=report_pdf.render_pdf) as render_pdf:
        call_command(
            "export_roadmap_pdf",
            roadmap.slug,
            "--output",
            str(output),
            "--html",
            str(html_output),
            stdout=io.StringIO(),
        )

    html = html_output.read_text(encoding="utf-8")
    render_pdf.assert_called_once()
    assert render_pdf.call_args.args[0] == html, "the file must hold the HTML the PDF came from"
    # Self-contained: the styles are inline and nothing is loaded from anywhere.
    stylesheet = Path(finders.find("reports/report.css")).read_text(encoding="utf-8")
    assert stylesheet in html
    assert "<link" not in html
    assert not re.search(r"\b(?:https?|file|ftp)://(?!www\.w3\.org/)", html)
    assert not re.search(r"""\b(?:src|href)=(?!["']?(?:#|data:))""", html)
    fetcher = StaticOnlyURLFetcher()
    report_pdf.render_pdf(html, fetcher=fetcher)
    assert fetcher.requested == []


def test_export_of_an_unknown_slug_is_a_clear_error(roadmap, tmp_path):
    output = tmp_path / "report.pdf"

    with pytest.raises(CommandError, match="No roadmap has the short name 'no-such-roadmap'"):
        call_command("export_roadmap_pdf", "no-such-roadmap", "--output", str(output))

    assert not output.exists()


def test_export_of_a_slug_two_agencies_use_asks_for_the_agency(roadmap, other_roadmap, tmp_path):
    output = tmp_path / "report.pdf"

    with pytest.raises(CommandError) as error:
        call_command("export_roadmap_pdf", "digital-2026", "--output", str(output))

    assert "--agency" in str(error.value)
    assert "agency-a" in str(error.value) and "agency-b" in str(error.value)
    assert not output.exists()


def test_export_with_agency_picks_that_agencys_roadmap(roadmap, other_roadmap, tmp_path):
    output = tmp_path / "report.pdf"

    call_command(
        "export_roadmap_pdf",
        "digital-2026",
        "--agency",
        "agency-b",
        "--output",
        str(output),
        stdout=io.StringIO(),
    )

    text = pdf_text(output.read_bytes())
    assert "Agency B's secret roadmap" in text
    assert "OFFICIAL-SENSITIVE" in text
    assert "Digital roadmap 2026 to 2030" not in text


def test_export_with_an_agency_that_has_no_such_roadmap_is_a_clear_error(roadmap, tmp_path):
    with pytest.raises(CommandError, match="No roadmap"):
        call_command(
            "export_roadmap_pdf",
            "digital-2026",
            "--agency",
            "agency-b",
            "--output",
            str(tmp_path / "report.pdf"),
        )
