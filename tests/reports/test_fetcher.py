"""The report renderer's only way to load a resource: data: URIs and the
project's own static files, nothing else, and nothing refused is ever opened."""

import base64
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from reports.fetcher import REPORT_BASE_URL, ResourceRefused, StaticOnlyURLFetcher, static_url

REPORT_CSS = Path(finders.find("reports/report.css")).read_bytes()


@pytest.fixture
def fetcher():
    return StaticOnlyURLFetcher()


def test_serves_a_base64_data_uri(fetcher):
    url = "data:image/png;base64," + base64.b64encode(b"\x89PNG pixels").decode()

    response = fetcher.fetch(url)

    assert response.read() == b"\x89PNG pixels"
    assert response.content_type == "image/png"
    assert fetcher.requested == [url]
    assert fetcher.refused == []


def test_serves_a_percent_encoded_data_uri(fetcher):
    response = fetcher.fetch("data:image/svg+xml,%3Csvg%20xmlns%3D%22x%22%2F%3E")

    assert response.read() == b'<svg xmlns="x"/>'
    assert response.content_type == "image/svg+xml"


def test_serves_the_report_stylesheet_from_the_static_files(fetcher):
    url = static_url("reports/report.css")
    assert url == REPORT_BASE_URL + "static/reports/report.css"

    response = fetcher.fetch(url)

    assert response.read() == REPORT_CSS
    assert response.content_type == "text/css"
    assert fetcher.refused == []


def test_a_query_or_fragment_on_a_static_url_still_names_the_same_file(fetcher):
    assert fetcher.fetch(static_url("reports/report.css?v=2#top")).read() == REPORT_CSS


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "file://localhost/etc/hostname",
        "http://127.0.0.1:9/x.css",
        "http://localhost/x.css",
        "http://169.254.169.254/latest/meta-data/",
        "https://127.0.0.1/x.css",
        "https://example.com/x.css",
        "ftp://127.0.0.1/x.css",
        "gopher://127.0.0.1:6379/_INFO",
        "jar:file:///tmp/x.jar!/a",
    ],
)
def test_refuses_every_other_scheme_and_host(fetcher, url):
    with pytest.raises(ResourceRefused):
        fetcher.fetch(url)

    assert fetcher.requested == [url]
    assert fetcher.refused == [url]


@pytest.mark.parametrize(
    "url",
    [
        # Path traversal out of the static files, plain and encoded.
        static_url("../config/settings.py"),
        static_url("reports/../../config/settings.py"),
        static_url("%2e%2e/config/settings.py"),
        static_url("%2E%2E%2Fconfig%2Fsettings.py"),
        static_url("reports/%2e%2e/%2e%2e/manage.py"),
        # Absolute paths under the static prefix.
        static_url("/etc/passwd"),
        static_url("%2Fetc%2Fpasswd"),
        # A file that exists in the project but not among its static files.
        static_url("manage.py"),
        static_url("reports/missing.css"),
        # A NUL byte trick.
        static_url("reports/report.css%00.png"),
    ],
)
def test_refuses_anything_but_an_existing_static_file(fetcher, url):
    with pytest.raises(ResourceRefused):
        fetcher.fetch(url)

    assert fetcher.refused == [url]


@pytest.mark.parametrize("relative", ["reports/", "reports", "css/"])
def test_refuses_a_static_folder(fetcher, relative):
    with pytest.raises(ResourceRefused):
        fetcher.fetch(static_url(relative))

    assert fetcher.refused == [static_url(relative)]


@pytest.mark.parametrize(
    "url",
    [
        "https://report.invalid.evil.example/static/reports/report.css",
        "https://report.invalid@evil.example/static/reports/report.css",
        "https://report.invalid:8443/static/reports/report.css",
        "http://report.invalid/static/reports/report.css",
        "https://evil.example/report.invalid/static/reports/report.css",
        "https://report.invalid/media/reports/1/secret.pdf",
        "https://report.invalid/staticfiles/reports/report.css",
    ],
)
def test_refuses_a_url_that_only_looks_like_the_base(fetcher, url):
    with pytest.raises(ResourceRefused):
        fetcher.fetch(url)

    assert fetcher.refused == [url]


def test_each_fetcher_keeps_its_own_record(fetcher):
    fetcher.fetch(static_url("reports/report.css"))
    with pytest.raises(ResourceRefused):
        fetcher.fetch("file:///etc/passwd")

    assert fetcher.requested == [static_url("reports/report.css"), "file:///etc/passwd"]
    assert fetcher.refused == ["file:///etc/passwd"]
    assert StaticOnlyURLFetcher().requested == []
