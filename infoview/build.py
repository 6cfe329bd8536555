"""Incremental, batched output: skip what is unchanged, render the rest on both cores.

An output is up to date when a stamp file beside it records the digest of all its inputs
(the interview's bytes, infoview.toml, stylesheet, templates, infoview's version, earlier
interviews with the same person, and any file the output embeds). Checking needs no
WeasyPrint, and parses through lint's cache, so a no-change ``make packet`` costs little
more than Python's start-up.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from infoview import __version__
from infoview.fs import FileError, confine, inside, is_regular_file, read_regular, write_file

if TYPE_CHECKING:
    from infoview.render.pdf import PdfJob, PdfResult

STAMP_DIR = ".stamps"
MAX_STAMP_BYTES = 1024 * 1024
MAX_NAME_BYTES = 255  # the longest file name common file systems allow


def digest(*parts: bytes) -> str:
    """Hash the inputs of one output, with infoview's version, into a hex digest."""
    h = hashlib.sha256(__version__.encode())
    for part in parts:
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


MAX_INPUT_BYTES = 64 * 1024 * 1024  # far above any stylesheet, photo or config


def file_bytes(path: Path | None, *, root: Path | None = None) -> bytes:
    """Return a file's bytes, or a marker when it is absent or unusable (that is an input too).

    Only regular files are read (a FIFO named here must not hang a no-change build), within
    ``root`` when given.
    """
    if path is None:
        return b"\0none"
    try:
        return read_regular(path, root=root, max_bytes=MAX_INPUT_BYTES)
    except FileError:
        return b"\0missing"


def _stamp_path(output: Path) -> Path:
    name = output.name + ".sha256"
    if len(name.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES:
        # A name near the file system's limit: the stamp is named by the name's hash.
        name = hashlib.sha256(output.name.encode("utf-8", "surrogateescape")).hexdigest()
        name += ".sha256"
    return output.parent / STAMP_DIR / name


def is_current(output: Path, key: str, *, root: Path | None = None) -> bool:
    """True when ``output`` exists, was built from inputs ``key`` and embeds unchanged files.

    Embedded files (an interviewer's photo, say) are known only after rendering, so their
    hashes are kept in the stamp rather than in ``key``. A stamp naming anything but a
    regular file inside ``root`` is not trusted: the output is rebuilt.
    """
    try:
        if not is_regular_file(output):
            return False
        data = read_regular(_stamp_path(output), root=root, max_bytes=MAX_STAMP_BYTES)
        first, _, rest = data.decode("utf-8").partition("\n")
        embedded = json.loads(rest) if rest else {}
    except (FileError, ValueError):
        return False
    if first != key or not isinstance(embedded, dict):
        return False
    for name, sha in embedded.items():
        path = Path(name)
        if not path.is_absolute() or (root is not None and not inside(path, root)):
            return False
        if hashlib.sha256(file_bytes(path, root=root)).hexdigest() != sha:
            return False
    return True


def record(
    output: Path, key: str, embedded: Iterable[tuple[str, str]] = (), *, root: Path | None = None
) -> None:
    """Stamp ``output`` with its inputs' digest and the (path, sha256) of files it embeds."""
    files = dict(embedded)
    text = key + (f"\n{json.dumps(files, sort_keys=True)}" if files else "")
    write_file(_stamp_path(output), text.encode("utf-8"), root=root)


def forget(output: Path, *, root: Path | None = None) -> None:
    """Drop the stamp so the next run rebuilds ``output`` (after a failed render)."""
    stamp = _stamp_path(output)
    with contextlib.suppress(OSError):  # FileError too: never delete through a link out
        os.unlink(confine(stamp.parent, root) / stamp.name)


@dataclass(frozen=True)
class Rendered:
    index: int
    result: PdfResult | None
    error: str | None


def _render_one(job: PdfJob) -> PdfResult:
    from infoview.render.pdf import render_pdf

    return render_pdf(job)


def render_many(
    jobs: list[PdfJob], *, workers: int | None = None, on_done: Callable[[Rendered], None]
) -> None:
    """Render ``jobs`` to PDF, in this process for one job, on a forked pool for several.

    WeasyPrint is imported once, here, before forking, so every worker shares the loaded
    library instead of importing it again. ``on_done`` is called in the parent, in order of
    completion, so outputs can be written and reported as they finish.
    """
    from infoview.render import pdf  # noqa: F401  (import before fork: shared by workers)

    workers = workers or min(len(jobs), os.cpu_count() or 1, 4)
    if len(jobs) <= 1 or workers <= 1 or not _can_fork():
        for index, job in enumerate(jobs):
            on_done(_attempt(index, job))
        return
    import multiprocessing

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {pool.submit(_render_one, job): i for i, job in enumerate(jobs)}
        for future in as_completed(futures):
            index = futures[future]
            try:
                on_done(Rendered(index, future.result(), None))
            except Exception as exc:  # a worker's failure is one packet's failure
                on_done(Rendered(index, None, _describe(exc)))


def _attempt(index: int, job: PdfJob) -> Rendered:
    try:
        return Rendered(index, _render_one(job), None)
    except Exception as exc:
        return Rendered(index, None, _describe(exc))


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".split("\n")[0]


def _can_fork() -> bool:
    return hasattr(os, "fork")
