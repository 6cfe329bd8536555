"""Write outputs atomically, create new files without overwriting, make folders confined.

Why not ``tempfile.mkstemp``: it creates the file private (0600), and the only portable way
to learn the umask is to set it, which races with the threads of ``infoview watch``.
Creating the temporary file ourselves with ``O_CREAT | O_EXCL`` and mode 0666 lets the
system apply the umask, and refuses to follow anything planted at the name. The name is
short (``.iv-1a2b3c4d.tmp``), so a target whose own name is near the 255-byte limit still
has a temporary one that fits.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path

from infoview.fs.errors import FileError, from_oserror, label
from infoview.fs.paths import confine
from infoview.fs.read import kind

TEMP_PREFIX = ".iv-"
TEMP_SUFFIX = ".tmp"
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
# os.link is missing or refused on some file systems (FAT, some network and FUSE mounts).
_NO_LINKS = {errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}


def ensure_folder(folder: Path, *, root: Path | None) -> Path:
    """Create ``folder`` and its missing parents; return its real path.

    Refuses a link inside ``root`` that leads out of it (``build -> /elsewhere``), and a
    file where a folder belongs, each with the name of the part at fault.
    """
    real = confine(folder, root)
    missing: list[Path] = []
    probe = real
    while True:
        try:
            mode = os.stat(probe).st_mode
        except (FileNotFoundError, NotADirectoryError):  # look further up for what is there
            missing.append(probe)
            if probe.parent == probe:  # pragma: no cover - the file system root is missing
                break
            probe = probe.parent
            continue
        except OSError as exc:
            if exc.errno == errno.ELOOP:  # name the link that loops, not a path below it
                while probe.parent != probe and _loops(probe.parent):
                    probe = probe.parent
            raise from_oserror(exc, probe, action="use the folder", root=root) from exc
        if not stat.S_ISDIR(mode):
            raise FileError(
                f"is {_what(mode)}, where infoview needs a folder",
                path=label(probe, root),
                hint="move it away, or rename it, and run the command again",
            )
        break
    for part in reversed(missing):
        try:
            os.mkdir(part)
        except FileExistsError:
            if not os.path.isdir(part):
                raise FileError(
                    "appeared while infoview was creating it, and is not a folder",
                    path=label(part, root),
                ) from None
        except OSError as exc:
            raise from_oserror(exc, part, action="create the folder", root=root) from exc
    if missing and confine(folder, root) != real:  # a link planted while we were at it
        raise FileError("changed while infoview was creating it", path=label(folder, root))
    return real


def _loops(path: Path) -> bool:
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def _what(mode: int) -> str:
    return "a file" if stat.S_ISREG(mode) else kind(mode)


def safe_target(path: Path, *, root: Path | None) -> Path:
    """Return the real path a library may open ``path`` at for writing (sqlite, say).

    Its folder is created, confined like any output's, and ``path`` itself must be absent
    or a regular file: a link, FIFO or device there is refused, as is a name too long.
    """
    folder = ensure_folder(path.parent, root=root)
    target = folder / path.name
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise from_oserror(exc, path, action="use", root=root) from exc
    if not stat.S_ISREG(mode):
        what = "a symbolic link" if stat.S_ISLNK(mode) else _what(mode)
        raise FileError(
            f"is {what}, where infoview keeps a file of its own",
            path=label(path, root),
            hint="remove it; infoview makes it again",
        )
    return target


def _temp(folder: Path) -> tuple[int, Path]:
    """Create a new, empty temporary file in ``folder``: (open descriptor, path)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | _BINARY
    for _ in range(100):
        tmp = folder / f"{TEMP_PREFIX}{secrets.token_hex(4)}{TEMP_SUFFIX}"
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.fsync(fd)


def _keep_metadata(fd: int, tmp: Path, like: os.stat_result | None) -> None:
    """Give the new file the mode (and, where allowed, owner and group) of the file it replaces."""
    if like is None:
        return  # a new file keeps the umask's mode from its O_CREAT
    mode = stat.S_IMODE(like.st_mode)
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # pragma: no cover - Windows
        os.chmod(tmp, mode)
    if hasattr(os, "fchown"):  # the new file is ours: give it the old one's owner and group
        with contextlib.suppress(OSError):  # only root may give a file away, or pick any group
            os.fchown(fd, like.st_uid, like.st_gid)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX; elsewhere the rename is as durable as it gets)."""
    if os.name != "posix":  # pragma: no cover
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | _CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def replace_with(target: Path, data: bytes, *, like: os.stat_result | None) -> None:
    """Write ``data`` to a temporary file beside ``target`` and rename it over ``target``.

    ``target`` must be a real path (its folder confined already). Raises ``OSError``; on any
    failure the temporary file is gone and ``target`` is as it was.
    """
    fd, tmp = _temp(target.parent)
    try:
        try:
            _keep_metadata(fd, tmp, like)
            _write_all(fd, data)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(target.parent)


def write_file(path: Path, data: bytes, *, root: Path | None) -> Path:
    """Write the output ``path`` atomically (creating its folders); return its real path.

    A link at ``path`` itself is replaced, never written through; an existing file keeps
    its mode; a new one gets the umask's. Raises ``FileError``.
    """
    folder = ensure_folder(path.parent, root=root)
    target = folder / path.name
    try:
        try:
            old = os.lstat(target)
        except FileNotFoundError:
            old = None
        like = old if old is not None and stat.S_ISREG(old.st_mode) else None
        replace_with(target, data, like=like)
    except OSError as exc:
        raise from_oserror(exc, path, action="write", root=root) from exc
    return target


def create_file(path: Path, data: bytes, *, root: Path | None) -> bool:
    """Create ``path`` with ``data`` unless something is there already; True when created.

    Never overwrites, even in a race: the complete file is written under a temporary name
    and hard-linked to ``path``, which fails if the name exists (also as a dangling link).
    Where hard links are not supported, the file is created with ``O_EXCL`` and removed
    again if writing it fails. Raises ``FileError``.
    """
    folder = ensure_folder(path.parent, root=root)
    target = folder / path.name
    try:
        return _create(target, data)
    except OSError as exc:
        raise from_oserror(exc, path, action="create", root=root) from exc


def _create(target: Path, data: bytes) -> bool:
    fd, tmp = _temp(target.parent)
    try:
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)
        try:
            os.link(tmp, target)
        except FileExistsError:
            return False
        except OSError as exc:
            if exc.errno not in _NO_LINKS:
                raise
            return _create_in_place(target, data)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    _sync_folder(target.parent)
    return True


def _create_in_place(target: Path, data: bytes) -> bool:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | _BINARY
    try:
        fd = os.open(target, flags, 0o666)
    except FileExistsError:
        return False
    try:
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(target)
        raise
    return True
