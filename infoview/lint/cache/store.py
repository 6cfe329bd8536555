"""The cache's storage: ``.infoview-cache/lint-v1.sqlite3``, a bounded table key -> blob.

SQLite (the standard library's) gives what a cache shared by concurrent runs needs: a
lookup reads only the rows asked for, WAL mode lets a lint read while ``watch`` or another
lint writes, and a write is one transaction, so a crash or a second writer never leaves a
half-written entry. Keys are SHA-256 digests made by the runner; blobs are JSON made by
``records``; nothing in the database is ever executed, unpickled or imported.

The file is trusted for nothing:

- it is opened only when ``.infoview-cache`` is a real folder (or a link to one inside the
  workspace; ``infoview.fs`` decides), and the database and its ``-wal``/``-shm``/
  ``-journal`` companions are regular files, never links: a planted link cannot make a
  lint read or write elsewhere;
- ``PRAGMA trusted_schema = OFF``, and the schema must be exactly ours (application id,
  version, tables, index; no trigger, no view), or the file is foreign and is replaced;
- the database records the device and inode it was made as: one copied, unpacked or
  cloned into place (a cache committed to a repository) is foreign too, so even entries
  that are well-formed but false are never read from a planted file;
- a file that is not a database, or a damaged one, is replaced by an empty cache;
- a row is used only when its key and data are blobs and the data is at most MAX_ENTRY
  bytes; what the data says is then checked again, field by field, by its reader.

Bounds: at most MAX_ENTRIES rows and MAX_BYTES of data; entries unused for IDLE_DAYS, and
then the least recently used, are evicted by ``maintain``. Any SQLite error makes the run
go on without the cache (slower, never wrong). Never share a Store across ``fork``.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

FOLDER = ".infoview-cache"
SCHEMA_VERSION = 1
FILE_NAME = f"lint-v{SCHEMA_VERSION}.sqlite3"  # another schema, another file: no thrashing
APPLICATION_ID = 0x49564C43  # "IVLC"
MAX_ENTRY = 8 * 1024 * 1024
MAX_ENTRIES = 60_000
MAX_BYTES = 512 * 1024 * 1024
IDLE_DAYS = 60
BUSY_SECONDS = 5.0
_BATCH = 500  # keys per SELECT (SQLite allows 32766 parameters)

_SCHEMA = (
    ("table", "meta", "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT"),
    (
        "table",
        "entry",
        "CREATE TABLE entry (key BLOB PRIMARY KEY, data BLOB NOT NULL, used INTEGER NOT NULL) "
        "STRICT",
    ),
    ("index", "entry_used", "CREATE INDEX entry_used ON entry (used)"),
)
_AUTOMATIC = {
    ("index", "sqlite_autoindex_meta_1", None),
    ("index", "sqlite_autoindex_entry_1", None),
}
_COMPANIONS = ("", "-wal", "-shm", "-journal")


class Foreign(sqlite3.DatabaseError):
    """A SQLite database, but not one this version of infoview made."""


def today() -> int:
    """The cache's own clock (days since 1970), for eviction; not lint's ``--today``."""
    return int(time.time() // 86_400)


class Store:
    """An open cache database. ``get`` reads; ``add`` and ``touch`` wait for ``flush``."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path
        self.day = today()
        self._pending: dict[bytes, bytes] = {}
        self._stale: list[bytes] = []  # read today, but last used on an earlier day
        self.added = 0

    @classmethod
    def open(cls, root: Path, *, create: bool = True) -> Store | None:
        """The workspace's cache, or None when it cannot or must not be used.

        ``create=False`` opens a cache only inside an existing ``.infoview-cache`` folder.
        """
        folder = cache_folder(root, create=create)
        if folder is None:
            return None
        path = folder / FILE_NAME
        if not _regular_or_absent(path):
            return None
        for attempt in range(2):
            try:
                return cls(_connect(path), path)
            except sqlite3.Error:
                # Not a database, damaged, or foreign: start an empty one (once).
                if attempt or not _discard(path):
                    return None
        return None

    @staticmethod
    def present(root: Path) -> bool:
        """Whether the workspace has a cache database yet (a quick look, nothing opened):
        a run can skip looking up entries that cannot be there."""
        try:
            return stat.S_ISREG((root / FOLDER / FILE_NAME).lstat().st_mode)
        except OSError:
            return False

    def get(self, keys: Sequence[bytes]) -> dict[bytes, bytes]:
        """The stored data for those of ``keys`` that have valid rows."""
        found: dict[bytes, bytes] = {}
        try:
            for start in range(0, len(keys), _BATCH):
                batch = keys[start : start + _BATCH]
                marks = ",".join("?" * len(batch))
                rows = self.connection.execute(
                    f"SELECT key, data, used FROM entry WHERE key IN ({marks}) "
                    "AND typeof(data) = 'blob' AND length(data) <= ?",
                    (*batch, MAX_ENTRY),
                )
                for key, data, used in rows:
                    if type(key) is bytes and type(data) is bytes and len(data) <= MAX_ENTRY:
                        found[key] = data
                        if type(used) is not int or used < self.day:
                            self._stale.append(key)
        except sqlite3.Error:
            return found
        return found

    def add(self, key: bytes, data: bytes) -> None:
        if len(data) <= MAX_ENTRY:
            self._pending[key] = data

    def flush(self) -> bool:
        """Write what was added and note what was used, in one transaction."""
        if not self._pending and not self._stale:
            return True
        rows = [(key, data, self.day) for key, data in self._pending.items()]
        stale = [(self.day, key) for key in self._stale]
        self._pending, self._stale = {}, []
        try:
            with self._transaction():
                self.connection.executemany(
                    "INSERT OR REPLACE INTO entry (key, data, used) VALUES (?, ?, ?)", rows
                )
                self.connection.executemany("UPDATE entry SET used = ? WHERE key = ?", stale)
        except sqlite3.Error:
            return False  # busy beyond BUSY_SECONDS, read-only, disk full: skip caching
        self.added += len(rows)
        return True

    def maintain(self) -> None:
        """Evict idle entries, then the least recently used beyond the bounds."""
        try:
            with self._transaction():
                execute = self.connection.execute
                execute("DELETE FROM entry WHERE used < ?", (self.day - IDLE_DAYS,))
                count, size = execute("SELECT count(*), total(length(data)) FROM entry").fetchone()
                excess = max(count - MAX_ENTRIES, 0)
                if size > MAX_BYTES and count:
                    excess = max(excess, int(count * (1 - MAX_BYTES / size)) + 1)
                if excess:
                    # Down to 90% of the bound, so the next runs do not evict again at once.
                    excess += int(min(count, MAX_ENTRIES) * 0.1)
                    execute(
                        "DELETE FROM entry WHERE key IN "
                        "(SELECT key FROM entry ORDER BY used, rowid LIMIT ?)",
                        (excess,),
                    )
            self.connection.execute("PRAGMA incremental_vacuum")
        except sqlite3.Error:
            pass

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.flush()
            self.connection.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        self.connection.execute("BEGIN IMMEDIATE")  # waits up to BUSY_SECONDS for a writer
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")


def cache_folder(root: Path, *, create: bool) -> Path | None:
    """``root/.infoview-cache`` when it is safe to read and write there, made if asked.

    Through the project's one safe way to touch files (``infoview.fs``): a link there that
    leads outside the workspace, or a file where the folder belongs, means no cache.
    """
    from infoview.fs import FileError, confine, create_file, ensure_folder

    folder = root / FOLDER
    try:
        if create:
            real = ensure_folder(folder, root=root)
            if not os.path.lexists(real / ".gitignore"):  # creating syncs it to disk: once
                create_file(folder / ".gitignore", b"*\n", root=root)
        else:
            real = confine(folder, root)
    except (FileError, OSError):
        return None
    return real if real.is_dir() else None


def _regular_or_absent(path: Path) -> bool:
    """True when the database and each companion file is a regular file or missing: never
    a link (a dangling one would have SQLite create the file wherever it points)."""
    for suffix in _COMPANIONS:
        try:
            mode = Path(f"{path}{suffix}").lstat().st_mode
        except FileNotFoundError:
            continue
        except OSError:
            return False
        if not stat.S_ISREG(mode):
            return False
    return True


def _discard(path: Path) -> bool:
    """Remove a database that cannot be used (and its companions); False if that fails."""
    for suffix in _COMPANIONS:
        companion = Path(f"{path}{suffix}")
        try:
            if not stat.S_ISREG(companion.lstat().st_mode):
                return False
            companion.unlink()
        except FileNotFoundError:
            continue
        except OSError:
            return False
    return True


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(
        path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False
    )
    try:
        connection.execute("PRAGMA trusted_schema = OFF")
        connection.execute("PRAGMA cell_size_check = ON")
        if not _ours(connection, path):
            _create(connection, path)
        with contextlib.suppress(sqlite3.Error):  # a file system without shared memory
            connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
    except BaseException:
        connection.close()
        raise
    return connection


def _objects(connection: sqlite3.Connection) -> set[tuple[str, str, str | None]]:
    rows = connection.execute("SELECT type, name, sql FROM sqlite_schema").fetchall()
    return {(kind, name, sql) for kind, name, sql in rows}


def _ours(connection: sqlite3.Connection, path: Path) -> bool:
    """True for our schema, made in this very file; False for an empty file; else Foreign."""
    (application,) = connection.execute("PRAGMA application_id").fetchone()
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    objects = _objects(connection)
    if application == 0 and version == 0 and not objects:
        return False
    if application != APPLICATION_ID or version != SCHEMA_VERSION:
        raise Foreign(f"application id {application}, version {version}")
    if objects != set(_SCHEMA) | _AUTOMATIC:
        raise Foreign("unexpected tables, indexes, views or triggers")
    made = connection.execute("SELECT value FROM meta WHERE name = 'file'").fetchone()
    if made != (_identity(path),):
        raise Foreign("made as another file: copied, unpacked or cloned here")
    return True


def _identity(path: Path) -> str:
    """The file's device and inode: a database copied, unpacked or cloned into place gets
    new ones, so a cache planted in a repository is never trusted, however well-formed."""
    info = os.stat(path)
    return f"{info.st_dev}:{info.st_ino}"


def _create(connection: sqlite3.Connection, path: Path) -> None:
    connection.execute("PRAGMA auto_vacuum = INCREMENTAL")
    connection.execute("BEGIN IMMEDIATE")
    try:
        if not _objects(connection):  # another run may have created it meanwhile
            for _, _, sql in _SCHEMA:
                connection.execute(sql)
            connection.executemany(
                "INSERT INTO meta (name, value) VALUES (?, ?)",
                [("schema", str(SCHEMA_VERSION)), ("file", _identity(path))],
            )
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    _ours(connection, path)
