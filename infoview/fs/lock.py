"""Edit a user's file under a lock: read, change (a pure function), verify, replace.

Two ``infoview log`` runs on one file must both land. Each takes an exclusive ``flock`` on
the file, reads it, makes its change and renames the result over it. The rename gives the
path a new inode, and a lock on the old inode does not stop a writer that opens the new
one, so after taking the lock each run checks that the path still names the inode it
locked, and starts again if not. Before replacing, it checks once more that nobody (an
editor that takes no lock) changed the file since it was read; if so it reads and edits
again. Where ``fcntl`` is missing (Windows), a lock folder beside the file serialises edits
instead, since a file held open there cannot be renamed over.

Edits follow a symbolic link to its target (the link stays a link) when the target is
inside the workspace, and refuse otherwise; a read-only file is refused, not rewritten.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from infoview.fs.errors import FileError, ReadError, from_oserror, label
from infoview.fs.paths import confine
from infoview.fs.read import kind, read_fd, read_regular, unreadable
from infoview.fs.write import replace_with

fcntl: ModuleType | None
try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

LOCK_TIMEOUT = 10.0  # seconds to wait for another edit of the same file
STALE_LOCK = 60.0  # a lock folder older than this was left by a process that died
ATTEMPTS = 5  # re-reads when the file keeps changing under an edit
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NO_FLOCK = {errno.ENOLCK, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS}


@dataclass(frozen=True)
class EditOutcome:
    """What an edit did: ``real`` is the file changed (a link's target), bytes before/after."""

    path: Path
    real: Path
    before: bytes
    after: bytes


def _check_writable(st: os.stat_result, real: Path, shown: str) -> None:
    """Refuse a file its owner made read-only (by its mode bits: root may write anything)."""
    mine = not hasattr(os, "geteuid") or os.geteuid() in (0, st.st_uid)
    writable = bool(st.st_mode & stat.S_IWUSR) if mine else os.access(real, os.W_OK)
    if not writable:
        raise FileError(
            "is read-only; infoview does not change a file you have protected",
            path=shown,
            hint=f"make it writable first (chmod u+w {shown}) if you mean to edit it",
        )


def edit_file(
    path: Path,
    change: Callable[[bytes], bytes],
    *,
    root: Path | None,
    max_bytes: int,
    what: str = "the file",
    dry_run: bool = False,
    timeout: float | None = None,
) -> EditOutcome:
    """Apply the pure ``change`` to the file at ``path`` under a lock; return before/after.

    ``change`` may raise to refuse (nothing is written). It runs again if the file changes
    while it runs. ``dry_run`` reads and changes, and writes nothing. Raises ``FileError``.
    """
    real = confine(path, root)
    shown = label(path, root)
    try:
        st = os.stat(real)
    except OSError as exc:
        raise unreadable(path, root, exc) from exc
    if not stat.S_ISREG(st.st_mode):
        raise ReadError(
            f"is {kind(st.st_mode)}, not a file; infoview edits only regular files", path=shown
        )
    if dry_run:
        before = read_regular(real, root=root, max_bytes=max_bytes, what=what)
        after = change(before)
        if after != before:
            _check_writable(st, real, shown)  # say now what the real run would say
        return EditOutcome(path, real, before, after)
    wait = LOCK_TIMEOUT if timeout is None else timeout
    try:
        for _ in range(ATTEMPTS):
            with _locked(real, path, root, wait) as (fd, locked):
                before = read_fd(fd, max_bytes, what, shown)
                after = change(before)
                if after == before:
                    return EditOutcome(path, real, before, after)
                _check_writable(locked, real, shown)
                if not _unchanged(real, locked):
                    continue  # written meanwhile by something that takes no lock: again
                replace_with(real, after, like=locked)
                return EditOutcome(path, real, before, after)
    except OSError as exc:
        raise from_oserror(exc, path, action="edit", root=root) from exc
    raise FileError(
        "kept changing while infoview was editing it; nothing was changed",
        path=label(path, root),
        hint="close the program writing to it, then run the command again",
    )


def _unchanged(real: Path, was: os.stat_result) -> bool:
    now = os.stat(real)
    return (now.st_ino, now.st_dev, now.st_size, now.st_mtime_ns) == (
        was.st_ino,
        was.st_dev,
        was.st_size,
        was.st_mtime_ns,
    )


@contextlib.contextmanager
def _locked(
    real: Path, path: Path, root: Path | None, timeout: float
) -> Iterator[tuple[int, os.stat_result]]:
    """Open ``real`` locked: yields (descriptor, its stat), the path naming that inode."""
    deadline = time.monotonic() + timeout
    while True:
        fd = os.open(real, os.O_RDONLY | _NONBLOCK | _NOFOLLOW | _CLOEXEC)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise ReadError("is not a regular file", path=label(path, root))
            got = _flock(fd)
            if got is None:  # no flock here: serialise with a lock folder instead
                os.close(fd)
                fd = -1
                with _lock_folder(real, path, root, deadline), _opened(real) as (fd2, st):
                    yield fd2, st
                return
            if not got:
                if time.monotonic() > deadline:
                    raise _busy(path, root)
                time.sleep(0.005)
                continue
            st = os.fstat(fd)
            if not _same_inode(real, st):
                if time.monotonic() > deadline:
                    raise _busy(path, root)
                continue  # replaced while we waited: lock the file the path names now
            yield fd, st
            return
        finally:
            if fd >= 0:
                os.close(fd)  # releases the lock


def _same_inode(real: Path, st: os.stat_result) -> bool:
    try:
        now = os.stat(real)
    except FileNotFoundError:
        return False
    return (now.st_ino, now.st_dev) == (st.st_ino, st.st_dev)


def _flock(fd: int) -> bool | None:
    """Try to lock ``fd``: True locked, False held by another, None when flock is missing."""
    if fcntl is None:  # pragma: no cover - Windows
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:
        if exc.errno in _NO_FLOCK:  # a file system without locks (some network mounts)
            return None
        raise
    return True


def _busy(path: Path, root: Path | None) -> FileError:
    return FileError(
        "is being edited by another infoview command; nothing was changed",
        path=label(path, root),
        hint="wait for it to finish, then run the command again",
    )


@contextlib.contextmanager
def _opened(real: Path) -> Iterator[tuple[int, os.stat_result]]:
    fd = os.open(real, os.O_RDONLY | _NONBLOCK | _NOFOLLOW | _CLOEXEC)
    try:
        yield fd, os.fstat(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _lock_folder(real: Path, path: Path, root: Path | None, deadline: float) -> Iterator[None]:
    """The fallback lock: a folder beside the file (``mkdir`` is atomic everywhere)."""
    name = hashlib.sha256(real.name.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    folder = real.parent / f".iv-{name}.lock"
    while True:
        try:
            os.mkdir(folder)
            break
        except FileExistsError:
            with contextlib.suppress(OSError):
                if time.time() - os.stat(folder).st_mtime > STALE_LOCK:
                    os.rmdir(folder)  # left by a process that died
                    continue
            if time.monotonic() > deadline:
                raise _busy(path, root) from None
            time.sleep(0.005)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.rmdir(folder)
