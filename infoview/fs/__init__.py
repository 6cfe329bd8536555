"""The one way infoview touches files: confined, regular-files-only reads and safe writes.

Every command reads inputs and writes outputs through this package, never with ``open()``
of its own, so the promises hold in one place:

- **Confined.** A symbolic link inside the workspace that leads outside it is never
  followed, for reading or for writing (``paths.confine``). A path the user typed that lies
  outside the workspace is the user's choice and is used as given.
- **Regular files only.** FIFOs, devices, sockets and folders are refused before they are
  read, and the read never blocks (``read.read_regular``); dangling links and link loops are
  reported for the one file.
- **Atomic.** Output goes to a short, unique temporary name beside the target (created
  with ``O_EXCL``, so a planted link there is never followed), is flushed to disk, then
  renamed over the target: a reader sees the old file or the new one (``write``).
- **Edits under a lock.** An edit locks the file, re-reads it, makes the change with a pure
  text function and replaces the file only if nobody changed it meanwhile (``lock``).
- **Errors, not tracebacks.** Every ``OSError`` becomes a ``FileError`` (exit status 2)
  naming the file and what to do; the original is left as it was and no temporary file
  stays behind (``errors``).
"""

from __future__ import annotations

from infoview.fs.errors import FileError, ReadError, from_oserror
from infoview.fs.lock import EditOutcome, edit_file
from infoview.fs.paths import Escape, confine, inside
from infoview.fs.read import is_regular_file, read_regular
from infoview.fs.write import create_file, ensure_folder, safe_target, write_file

__all__ = [
    "EditOutcome",
    "Escape",
    "FileError",
    "ReadError",
    "confine",
    "create_file",
    "edit_file",
    "ensure_folder",
    "from_oserror",
    "inside",
    "is_regular_file",
    "read_regular",
    "safe_target",
    "write_file",
]
