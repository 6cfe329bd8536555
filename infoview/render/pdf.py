"""HTML -> PDF with WeasyPrint, offline and confined to the workspace.

Only this module imports WeasyPrint, and only the commands that render import this module.
The URL fetcher is the single gate for every resource a document loads (images, stylesheet
imports, fonts): it serves files inside the workspace with an allowed suffix and bounded
size, and refuses everything else -- http(s), file:// outside, ``../`` escapes, symlinks
leading out, data: URLs -- so a packet can only carry what the user put beside it.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import weasyprint
from weasyprint.urls import URLFetcher, URLFetcherResponse

from infoview.render.inputs import (
    ALLOWED_SUFFIXES,
    IMAGE_SUFFIXES,
    MAX_IMAGE_PIXELS,
    MAX_RESOURCE_BYTES,
    MIME,
    Refused,
    local_file,
    read_resource,
)
from infoview.render.references import confine_html

__all__ = [
    "ALLOWED_SUFFIXES",
    "IMAGE_SUFFIXES",
    "MAX_IMAGE_PIXELS",
    "MAX_RESOURCE_BYTES",
    "ConfinedFetcher",
    "PdfJob",
    "PdfResult",
    "Refused",
    "render_pdf",
]

# WeasyPrint logs every refused resource itself; the fetcher reports them instead, once,
# in infoview's own words.
logging.getLogger("weasyprint").setLevel(logging.CRITICAL)


class ConfinedFetcher(URLFetcher):  # type: ignore[misc]
    """Serve files under ``root`` only (``render.inputs``); remember what was refused and why."""

    def __init__(
        self,
        root: Path,
        *,
        max_bytes: int = MAX_RESOURCE_BYTES,
        max_pixels: int = MAX_IMAGE_PIXELS,
    ) -> None:
        super().__init__(allowed_protocols={"file"}, allow_redirects=False, timeout=1)
        self.root = root.resolve()
        self.max_bytes = max_bytes
        self.max_pixels = max_pixels
        self.refused: list[str] = []
        self.used: dict[str, str] = {}  # path -> sha256 of the bytes served (for rebuilds)

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        try:
            path = local_file(url, self.root)
            body = read_resource(
                path, self.root, max_bytes=self.max_bytes, max_pixels=self.max_pixels
            )
        except Refused as exc:
            self.refused.append(f"{url}: {exc}")
            raise
        self.used[str(path)] = hashlib.sha256(body).hexdigest()
        content_type = MIME.get(path.suffix.lower(), "application/octet-stream")
        return URLFetcherResponse(url, body, {"Content-Type": content_type})

    def check(self, url: str) -> Path:
        """Return the local file ``url`` names, or raise Refused saying why not."""
        path = local_file(url, self.root)
        read_resource(path, self.root, max_bytes=self.max_bytes, max_pixels=self.max_pixels)
        return path


@dataclass(frozen=True)
class PdfJob:
    """Everything one PDF needs, picklable so a worker process can render it."""

    html: str
    base_url: str
    root: str
    css: tuple[tuple[str, str], ...]  # (css text, base url) in cascade order
    # Fitting (a thank-you card): extra stylesheets from roomiest to tightest; the first
    # whose layout has at most ``max_pages`` pages is used, else the last.
    fit: tuple[str, ...] = ()
    max_pages: int = 0
    refused: tuple[str, ...] = ()  # what was left out before rendering (a stylesheet, say)


@dataclass(frozen=True)
class PdfResult:
    pdf: bytes
    refused: tuple[str, ...]
    used: tuple[tuple[str, str], ...] = ()  # (path, sha256) of every file embedded
    fitted: int = 0  # the index in ``fit`` used
    overflow: bool = False  # even the tightest ``fit`` needed more than ``max_pages``


def render_pdf(job: PdfJob) -> PdfResult:
    """Render ``job`` to PDF bytes (tagged, fonts embedded and subset)."""
    root = Path(job.root)
    fetcher = ConfinedFetcher(root)
    stylesheets = [
        weasyprint.CSS(string=text, base_url=base, url_fetcher=fetcher) for text, base in job.css
    ]
    # Links, tags and attributes are confined before WeasyPrint sees the page; what it
    # loads (images, fonts, imports) goes through the fetcher.
    page = confine_html(job.html, root=root, embed=False)
    fetcher.refused += page.refused
    html = weasyprint.HTML(string=page.html, base_url=job.base_url, url_fetcher=fetcher)

    def layout(step: int | None) -> Any:
        extra = [] if step is None else [weasyprint.CSS(string=job.fit[step])]
        return html.render(stylesheets=stylesheets + extra, pdf_tags=True)

    fitted, overflow = 0, False
    if not job.fit:
        document = layout(None)
    else:
        fitted, document, overflow = _fit(layout, len(job.fit), job.max_pages)
    pdf = document.write_pdf(pdf_tags=True)
    return PdfResult(
        bytes(pdf),
        tuple(dict.fromkeys(fetcher.refused)),
        tuple(sorted(fetcher.used.items())),
        fitted,
        overflow,
    )


def _fit(layout: Any, steps: int, max_pages: int) -> tuple[int, Any, bool]:
    """The roomiest step whose layout fits ``max_pages``: lays out the first, then the
    last, then bisects between them (fitting tightens monotonically), all in memory."""
    first = layout(0)
    if len(first.pages) <= max_pages or steps == 1:
        return 0, first, len(first.pages) > max_pages
    last = layout(steps - 1)
    if len(last.pages) > max_pages:
        return steps - 1, last, True
    low, high, best = 0, steps - 1, last  # low does not fit, high does
    while high - low > 1:
        middle = (low + high) // 2
        document = layout(middle)
        if len(document.pages) <= max_pages:
            high, best = middle, document
        else:
            low = middle
    return high, best, False


def versions() -> dict[str, str]:
    """Return WeasyPrint's and Pango's versions (for doctor)."""
    from weasyprint.text.ffi import pango

    # WeasyPrint's cffi declarations include pango_version() (an int, e.g. 15012 for
    # 1.50.12) but not pango_version_string().
    number = int(pango.pango_version())
    pango_version = f"{number // 10000}.{number // 100 % 100}.{number % 100}"
    return {"weasyprint": weasyprint.__version__, "pango": pango_version}
