"""The only way the PDF renderer may load a resource.

WeasyPrint follows every URL in the HTML and CSS it renders (images,
stylesheets, @import, fonts). Report content comes from users, so this fetcher
answers just two kinds of URL itself, in memory: `data:` URIs and the project's
own static files under REPORT_BASE_URL. Everything else (`file://`, `http(s)://`
anywhere, `ftp://`, ...) is refused before any file is opened or any connection
made, so nothing a user types can make the renderer read a file or reach the
network. There are no redirects to follow because nothing is ever fetched.
"""

import mimetypes
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint.urls import URLFetcher, URLFetcherResponse

# The document's base URL. `.invalid` can never resolve (RFC 2606), and the
# fetcher below serves it from the static files without any network access.
REPORT_BASE_URL = "https://report.invalid/"


class ResourceRefused(ValueError):
    """A URL the report renderer may not load. WeasyPrint logs it and moves on."""


class StaticOnlyURLFetcher(URLFetcher):
    def __init__(self) -> None:
        super().__init__(allowed_protocols={"data"}, allow_redirects=False, timeout=1)
        self.requested: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        self.requested.append(url)
        if url.lower().startswith("data:"):
            # urllib's DataHandler decodes it in memory; allowed_protocols={"data"}
            # stops anything else from reaching the opener.
            return super().fetch(url, headers)
        path = static_file_for(url)
        if path is None:
            self.refused.append(url)
            raise ResourceRefused(f"Reports may only use the project's static files: {url!r}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})


def static_file_for(url: str) -> Path | None:
    """The static file that `url` names under REPORT_BASE_URL, or None."""
    prefix = REPORT_BASE_URL + settings.STATIC_URL.lstrip("/")
    if not url.startswith(prefix):
        return None
    relative = unquote(urlsplit(url[len(prefix) :]).path)
    parts = PurePosixPath(relative).parts
    if not parts or any(part in ("..", ".", "") for part in parts) or relative.startswith("/"):
        return None
    found = finders.find(relative)
    if not found:
        return None
    path = Path(found if isinstance(found, str) else found[0])
    return path if path.is_file() else None  # a folder is not a static file


def static_url(relative: str) -> str:
    """The URL under which the fetcher serves a static file to the renderer."""
    return REPORT_BASE_URL + settings.STATIC_URL.lstrip("/") + relative
