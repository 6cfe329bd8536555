"""``OSError`` -> ``FileError``: the file, what went wrong in words, and what to do."""

from __future__ import annotations

import errno
from pathlib import Path

from infoview.errors import InfoviewError

_ADVICE = {
    errno.EROFS: "the file system is read-only; remount it read-write, or work on a copy of "
    "the workspace somewhere writable",
    errno.ENOSPC: "the disk is full; free some space and run the command again",
    errno.EDQUOT: "your disk quota is used up; free some space and run the command again",
    errno.ENAMETOOLONG: "the name is longer than the file system allows; rename the interview "
    "file to something shorter",
    errno.EACCES: "check the permissions of the file and of its folder",
    errno.EPERM: "check the permissions of the file and of its folder",
    errno.ELOOP: "symbolic links here point at each other in a loop; fix or remove the link",
    errno.EISDIR: "a folder is in the way; move it away or choose another name",
    errno.ENOTDIR: "part of the path is a file, not a folder; move that file away",
    errno.ENOENT: "the file or its folder does not exist",
    errno.EIO: "the disk reported an input/output error; check the disk (and your backups)",
    errno.EMFILE: "too many files are open; close some programs and run the command again",
    errno.ENFILE: "too many files are open; close some programs and run the command again",
    errno.EBUSY: "the file is in use; close the program using it and run the command again",
    errno.ETXTBSY: "the file is in use; close the program using it and run the command again",
    errno.EXDEV: "the temporary file and the target are on different file systems",
}


class FileError(InfoviewError):
    """A file could not be read or written; nothing was changed. Exit status 2 (I/O error)."""

    exit_code = 2


class ReadError(FileError):
    """A file could not be read (it is missing, not a regular file, too large...)."""


def label(path: Path | str, root: Path | None) -> str:
    """``path`` as messages show it: relative to ``root`` (the workspace) when inside it,
    else relative to the current folder when below it, else as it is."""
    path = Path(path)
    if path.is_absolute():
        try:
            here = Path.cwd()
        except OSError:  # the current folder was deleted
            here = None
        for base in (root, here):
            if base is None:
                continue
            try:
                return str(path.relative_to(base))
            except ValueError:
                pass
    return str(path)


def reason(exc: OSError) -> str:
    """The system's words for ``exc``, with the errno name: 'No space left on device (ENOSPC)'."""
    name = errno.errorcode.get(exc.errno or 0)
    words = exc.strerror or str(exc)
    return f"{words} ({name})" if name else words


def from_oserror(
    exc: OSError, path: Path | str, *, action: str, root: Path | None = None
) -> FileError:
    """A ``FileError`` for ``exc`` raised while trying to ``action`` (e.g. "write") ``path``.

    Every write infoview makes leaves the file as it was when it fails, so the hint of any
    action but reading says so.
    """
    if action == "read":
        return read_error(exc, path, root=root)
    advice = _ADVICE.get(exc.errno or 0, "")
    advice = f"{advice}; nothing was changed" if advice else "nothing was changed"
    return FileError(f"cannot {action}: {reason(exc)}", path=label(path, root), hint=advice)


def read_error(exc: OSError, path: Path | str, *, root: Path | None = None) -> ReadError:
    """A ``ReadError`` for ``exc`` raised while reading ``path``."""
    advice = _ADVICE.get(exc.errno or 0)
    return ReadError(f"cannot read: {reason(exc)}", path=label(path, root), hint=advice)
