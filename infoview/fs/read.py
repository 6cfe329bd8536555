"""Read regular files only, never blocking, with a size cap.

A FIFO among the interviews would make a plain ``open()`` wait forever for a writer, and
``/dev/zero`` would be read until memory runs out. So a file is ``stat``-ed before it is
opened, opened with ``O_NONBLOCK`` (opening a FIFO then returns at once), ``fstat``-ed again
(it may have been swapped meanwhile), and read up to its cap.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

from infoview.fs.errors import ReadError, label, read_error
from infoview.fs.paths import confine

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)

KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def kind(mode: int) -> str:
    """'a folder', 'a named pipe (FIFO)'...: what a non-regular file is, in words."""
    return next((words for test, words in KINDS if test(mode)), "not a regular file")


def is_regular_file(path: Path) -> bool:
    """True when ``path`` (links followed) is a regular file; never raises, never blocks."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def unreadable(path: Path, root: Path | None, exc: OSError) -> ReadError:
    """Name a dangling link or a loop for what it is; else the system's reason."""
    shown = label(path, root)
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return ReadError(
            f"is a symbolic link to '{os.readlink(path)}', which does not exist; "
            "fix the link or remove it",
            path=shown,
        )
    if exc.errno == errno.ELOOP:
        return ReadError(
            "is a symbolic link that leads back to itself (a loop); fix the link or remove it",
            path=shown,
        )
    return read_error(exc, path, root=root)


def read_regular(
    path: Path, *, root: Path | None = None, max_bytes: int, what: str = "file"
) -> bytes:
    """Return the bytes of the regular file ``path``; raise ``ReadError`` saying why not.

    ``root`` confines the links followed (see ``paths.confine``); ``what`` names the kind of
    file in the size message ("an interview file").
    """
    real = confine(path, root)

    def shown() -> str:  # only for a message: a lint of many files reads many
        return label(path, root)

    try:
        before = os.stat(real)
    except OSError as exc:
        raise unreadable(path, root, exc) from exc
    if not stat.S_ISREG(before.st_mode):
        raise ReadError(
            f"is {kind(before.st_mode)}, not a file; infoview reads only regular files",
            path=shown(),
        )
    _check_size(before.st_size, max_bytes, what, shown)
    try:
        fd = os.open(real, os.O_RDONLY | _NONBLOCK | _CLOEXEC | _BINARY)
    except OSError as exc:
        raise unreadable(path, root, exc) from exc
    try:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode):  # swapped for something else since the stat
            raise ReadError(f"is {kind(now.st_mode)}, not a file", path=shown())
        _check_size(now.st_size, max_bytes, what, shown)
        return read_fd(fd, max_bytes, what, shown)
    except OSError as exc:
        raise read_error(exc, path, root=root) from exc
    finally:
        os.close(fd)


def read_fd(fd: int, max_bytes: int, what: str, shown: str | Callable[[], str]) -> bytes:
    """Read an open file to its end, refusing it once it grows past ``max_bytes``."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:  # a regular file's own size, not only the bytes read so far
            _check_size(max(total, os.fstat(fd).st_size), max_bytes, what, shown)


def size_problem(size: int, max_bytes: int, what: str) -> str | None:
    """Why ``size`` bytes is too much for ``what`` ("an interview file"), or None."""
    if size <= max_bytes:
        return None
    if size >= 1024 * 1024:
        return f"is {size // 1024 // 1024} MB; {what} should be far smaller"
    return f"is {size} bytes, more than the {max_bytes} {what} may have"


def _check_size(size: int, max_bytes: int, what: str, where: str | Callable[[], str]) -> None:
    problem = size_problem(size, max_bytes, what)
    if problem is not None:
        raise ReadError(problem, path=where if isinstance(where, str) else where())
