"""The one reader for every file that shapes an output: templates, stylesheets, fonts, images.

A workspace may be someone else's, so whatever it names -- ``[packet] stylesheet``, a
``templates/`` override, a photo, a ``url()`` in a stylesheet, an ``@import`` -- is read only
when, with every symbolic link resolved, it is a regular file inside the workspace and no
larger than its cap; anything else is refused with the reason. Reading goes through
``infoview.fs.read_regular`` (never blocks on a FIFO, stops at the cap even if the file
grows), after the real path has been checked against the workspace root.

Caps: templates and stylesheets 1 MB each, images and fonts 5 MB each, images 25
megapixels.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from infoview.fs import FileError, read_regular
from infoview.fs.paths import inside

MAX_TEMPLATE_BYTES = 1024 * 1024
MAX_STYLESHEET_BYTES = 1024 * 1024
MAX_RESOURCE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 25_000_000  # about 5000 x 5000
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}
FONT_SUFFIXES = {".woff", ".woff2", ".ttf", ".otf"}
ALLOWED_SUFFIXES = IMAGE_SUFFIXES | FONT_SUFFIXES | {".css"}
MIME = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".css": "text/css",
}


class Refused(ValueError):
    """A file (or URL) that is not read, and why: the message is the reason."""


def real_path_inside(path: Path, root: Path) -> Path:
    """``path`` with every link resolved; Refused when that is outside ``root``."""
    real = Path(os.path.realpath(path))
    if not inside(real, root):
        if inside(Path(os.path.abspath(path)), root):  # a link in the workspace leading out
            raise Refused(
                "is a symbolic link (or inside a linked folder) leading outside the workspace; "
                "replace the link with the file itself"
            )
        raise Refused("outside the workspace; move the file into the workspace")
    return real


def read_input(path: Path, root: Path, *, max_bytes: int, what: str) -> bytes:
    """The bytes of ``path``, a regular file inside ``root`` of at most ``max_bytes``.

    ``what`` names the kind of file in messages ("a stylesheet"). Raises Refused.
    """
    real = real_path_inside(path, root)
    try:
        return read_regular(real, root=root, max_bytes=max_bytes, what=what)
    except FileError as exc:
        raise Refused(exc.message) from None


def local_file(url: str, root: Path) -> Path:
    """The file inside ``root`` that a (resolved, absolute) ``file:`` URL names, or Refused."""
    parts = urlsplit(url)
    if parts.scheme != "file":
        raise Refused("only files inside the workspace are used; packets never fetch URLs")
    if parts.netloc not in ("", "localhost"):
        raise Refused("only local files inside the workspace are used")
    path = Path(url2pathname(unquote(parts.path)))
    real = real_path_inside(path, root)
    if real.suffix.lower() not in ALLOWED_SUFFIXES:
        raise Refused(f"not an image, stylesheet or font ({real.suffix or 'no suffix'})")
    return real


def read_resource(
    path: Path,
    root: Path,
    *,
    max_bytes: int = MAX_RESOURCE_BYTES,
    max_pixels: int = MAX_IMAGE_PIXELS,
) -> bytes:
    """An image, font or stylesheet a page loads: confined, capped, and checked if an image."""
    if not os.path.exists(path):
        raise Refused("no such file")
    if not os.path.isfile(path):
        raise Refused("no such file (not a regular file)")
    size = os.stat(path).st_size
    if size > max_bytes:
        raise Refused(f"{size} bytes is more than the {max_bytes} allowed")
    body = read_input(path, root, max_bytes=max_bytes, what="an image, font or stylesheet")
    if path.suffix.lower() in IMAGE_SUFFIXES - {".svg"}:
        check_pixels(body, max_pixels)
    return body


def check_pixels(body: bytes, max_pixels: int) -> None:
    """Refuse an image that is unreadable or larger than ``max_pixels`` (a decompression bomb)."""
    import io

    from PIL import Image

    try:
        with Image.open(io.BytesIO(body)) as image:
            width, height = image.size
    except Exception as exc:
        raise Refused(f"not a readable image ({exc})") from None
    if width * height > max_pixels:
        raise Refused(f"{width}x{height} pixels is more than the {max_pixels} allowed")


def read_stylesheet(path: Path, root: Path) -> str:
    """A workspace stylesheet's text (UTF-8), confined and capped; Refused says why not."""
    data = read_input(path, root, max_bytes=MAX_STYLESHEET_BYTES, what="a stylesheet")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Refused(f"is not UTF-8 text (byte {exc.start}); save it as UTF-8") from None


def workspace_stylesheet(root: Path, configured: str, default: Path) -> tuple[str, Path, list[str]]:
    """The text and path of the stylesheet ``configured`` (relative to ``root``), and notes.

    The packaged ``default`` when the workspace has no such file, or has one that cannot be
    used (a link leading out, a FIFO, over 1 MB...): then the note says why, for a
    ``not included:`` line, and the output is still made, in the default look.
    """
    path = root / configured
    if not os.path.lexists(path):
        return default.read_text(encoding="utf-8"), default, []
    try:
        return read_stylesheet(path, root), path, []
    except Refused as exc:
        note = f"{configured}: {exc}; the packaged default stylesheet is used instead"
        return default.read_text(encoding="utf-8"), default, [note]
