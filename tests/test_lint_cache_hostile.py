"""A broken, foreign or hostile cache is ignored and rebuilt, and never runs anything.

The cache lives in the workspace, which may be someone else's repository: whatever is in
``.infoview-cache/`` (a planted pickle, a crafted database, a link out of the workspace)
must neither run code, nor send a write elsewhere, nor change what lint reports.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from lint_corpus import CONFIG, CORPUS
from test_lint_cache import DB, Work, fresh, lint, make_corpus, rows

from infoview.lint.cache import store


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_corpus(tmp_path / "ws")


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch) -> Work:
    return Work(monkeypatch)


class Payload:
    """Unpickling this creates a file: proof that a pickle was loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (os.system, (f"touch {self.marker}",))


def planted_pickle(marker: Path) -> bytes:
    return pickle.dumps({"stamp": "x", "entries": Payload(marker)})


def healthy(ws: Path) -> None:
    """The cache is a sound database of ours, with entries, and the next run uses them."""
    with sqlite3.connect(ws / DB) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA application_id").fetchone() == (store.APPLICATION_ID,)
    assert rows(ws)


# -- the file itself -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"\x80\x04garbage, not a database", id="garbage"),
        pytest.param(b"SQLite format 3\x00" + b"\xff" * 84, id="bad-header"),
        pytest.param("truncate", id="truncated"),
        pytest.param("pickle", id="planted-pickle"),
    ],
)
def test_a_file_that_is_no_cache_is_replaced(
    ws: Path, work: Work, tmp_path: Path, content: bytes | str
) -> None:
    expected = fresh(ws)
    lint(ws)
    marker = tmp_path / "pwned"
    if content == "truncate":
        content = (ws / DB).read_bytes()[:5000]
    elif content == "pickle":
        content = planted_pickle(marker)
    assert isinstance(content, bytes)
    (ws / DB).write_bytes(content)
    work.clear()
    assert lint(ws).stdout == expected
    assert len(work.parsed) == 12  # rebuilt from the files
    assert not marker.exists()
    healthy(ws)
    work.clear()
    assert lint(ws).stdout == expected and work.parsed == []


def test_the_old_pickle_cache_is_never_loaded(ws: Path, tmp_path: Path) -> None:
    """Earlier versions kept one pickle here; a planted one must stay inert."""
    marker = tmp_path / "pwned"
    folder = ws / ".infoview-cache"
    folder.mkdir()
    for name in ("parsed-0.1.0-py311.pickle", "parsed-0.1.0-py312.pickle", "lint.sqlite3"):
        (folder / name).write_bytes(planted_pickle(marker))
    assert lint(ws).stdout == fresh(ws)
    assert not marker.exists()


def _database(path: Path, *statements: str) -> None:
    with sqlite3.connect(path) as connection:
        for statement in statements:
            connection.execute(statement)


@pytest.mark.parametrize(
    "statements",
    [
        pytest.param(["CREATE TABLE entry (key, data, used)"], id="another-schema"),
        pytest.param(["PRAGMA application_id = 7"], id="another-application"),
        pytest.param(["PRAGMA user_version = 99"], id="another-version"),
        pytest.param(["CREATE VIEW everything AS SELECT * FROM entry"], id="a-view"),
        pytest.param(
            [
                "CREATE TABLE stolen (data BLOB)",
                "CREATE TRIGGER steal AFTER INSERT ON entry "
                "BEGIN INSERT INTO stolen VALUES (new.data); END",
            ],
            id="a-trigger",
        ),
        pytest.param(
            ["DROP INDEX entry_used", "CREATE INDEX entry_used ON entry (data)"],
            id="another-index",
        ),
    ],
)
def test_a_database_that_is_not_exactly_ours_is_replaced(
    ws: Path, work: Work, statements: list[str]
) -> None:
    expected = fresh(ws)
    lint(ws)
    if statements[0].startswith("CREATE TABLE entry"):
        (ws / DB).unlink()
    _database(ws / DB, *statements)
    work.clear()
    assert lint(ws).stdout == expected
    assert len(work.parsed) == 12
    healthy(ws)
    with sqlite3.connect(ws / DB) as connection:
        names = {name for (name,) in connection.execute("SELECT name FROM sqlite_schema")}
    assert names == {"meta", "entry", "entry_used", "sqlite_autoindex_meta_1"} | {
        "sqlite_autoindex_entry_1"
    }


# -- its rows ------------------------------------------------------------------------------

BAD_DATA = {
    "not-json": b"pickle? \x80\x04",
    "empty-list": b"[]",
    "an-object": b'{"__class__": "os.system"}',
    "nested-deep": b"[" * 100_000 + b"]" * 100_000,
    "wrong-field-count": json.dumps(["[]"] * 3).encode(),
}


@pytest.mark.parametrize("name", [*BAD_DATA, "too-big"])
def test_rows_whose_data_is_no_entry_are_ignored_and_rebuilt(
    ws: Path, work: Work, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "MAX_ENTRY", 64 * 1024)
    expected = {day: fresh(ws, today=day) for day in ("2026-11-25", "2026-12-06")}
    lint(ws)
    with sqlite3.connect(ws / DB) as connection:
        for key, data, _ in rows(ws):
            # too-big: a real entry padded (still valid JSON) past the bound on what is read
            bad = BAD_DATA[name] if name in BAD_DATA else data + b" " * store.MAX_ENTRY
            connection.execute("UPDATE entry SET data = ? WHERE key = ?", (bad, key))
    work.clear()
    for day, output in expected.items():
        assert lint(ws, today=day).stdout == output
    assert sorted(work.parsed) == sorted(f"{stem}.md" for stem in CORPUS)  # refused once
    healthy(ws)


WRONG = {  # a value of the wrong type where an int (a line) and a tuple of str belong
    "string-for-int": ("15", "[15]"),
    "bool-for-int": (True, "[true]"),
    "float-for-int": (15.0, "[1.5]"),
    "null-for-int": (None, "null"),
    "list-for-int": ([15], '"IV101"'),
    "huge-number": (10**200, "[" + "9" * 5000 + "]"),
    "negative-line": (-3, '[["IV101"]]'),
}


@pytest.mark.parametrize("name", list(WRONG))
def test_rows_with_values_of_the_wrong_type_are_ignored_and_rebuilt(
    ws: Path, work: Work, name: str
) -> None:
    """Both kinds of entry, made wrong where every hit reads them: a stored diagnostic's
    line, and the Interview's lint.ignore (``check`` reads it first)."""
    line, ignore = WRONG[name]
    expected = {day: fresh(ws, today=day) for day in ("2026-11-25", "2026-12-06")}
    lint(ws)
    with sqlite3.connect(ws / DB) as connection:
        for key, data, _ in rows(ws):
            if data.startswith(b'["'):  # a parse entry: a list of field texts
                fields = json.loads(data)
                fields[10] = ignore  # lint_ignore
                bad = json.dumps(fields).encode()
            else:
                bad = json.dumps([[line, 1, "IV101", "research-missing", "error", "m", 0, 0]])
                bad = bad.encode()
            connection.execute("UPDATE entry SET data = ? WHERE key = ?", (bad, key))
    work.clear()
    for day, output in expected.items():
        assert lint(ws, today=day).stdout == output
    assert sorted(work.parsed) == sorted(f"{stem}.md" for stem in CORPUS)
    healthy(ws)


def test_stored_diagnostics_must_fit_the_file_and_the_selection(ws: Path, work: Work) -> None:
    """Well-formed rows saying the wrong thing (a rule not selected, a day rule, a slug
    that is not the rule's, a line past the end) are refused too."""
    (ws / "infoview.toml").write_text(CONFIG + '\n[lint]\nignore = ["IV104"]\n')
    expected = fresh(ws)
    lint(ws)
    lies = [
        [[1, 1, "IV104", "research-sources-missing", "info", "ignored here", 0, 0]],
        [[1, 1, "IV501", "thank-you-overdue", "error", "a day rule, cached", 0, 0]],
        [[1, 1, "IV101", "schema", "error", "not its slug", 0, 0]],
        [[10_000, 1, "IV101", "research-missing", "error", "past the end", 0, 0]],
        [[1, 1, "IV101", "research-missing", "fatal", "no such severity", 0, 0]],
        [[1, 1, "IV999", "made-up", "error", "no such rule", 0, 0]],
    ]
    for lie in lies:
        with sqlite3.connect(ws / DB) as connection:
            for key, data, _ in rows(ws):
                if not data.startswith(b'["'):  # a lint entry, not a parse entry
                    blob = json.dumps(lie).encode()
                    connection.execute("UPDATE entry SET data = ? WHERE key = ?", (blob, key))
        assert lint(ws).stdout == expected, lie


def test_a_type_check_failure_in_a_field_read_late_relints_the_file(ws: Path, work: Work) -> None:
    """A hit decodes fields lazily: a bad field found by a day rule still means a fresh
    lint of that file, not an internal error."""
    expected = fresh(ws, today="2026-12-06")
    lint(ws)
    with sqlite3.connect(ws / DB) as connection:
        for key, data, _ in rows(ws):
            if data.startswith(b'["'):
                fields = json.loads(data)
                fields[6] = json.dumps([True, "not a date", None, []])  # follow_up
                blob = json.dumps(fields).encode()
                connection.execute("UPDATE entry SET data = ? WHERE key = ?", (blob, key))
    work.clear()
    assert lint(ws, today="2026-12-06").stdout == expected
    assert "internal error" not in expected
    assert work.parsed  # the files whose day rules read follow_up were parsed again


def test_a_cache_copied_in_with_a_repository_is_not_trusted(tmp_path: Path, work: Work) -> None:
    """A cache committed to a repository (or unpacked, or copied) is another file than the
    one infoview made: even entries that are well-formed and plausible are not read."""
    theirs, mine = make_corpus(tmp_path / "theirs"), make_corpus(tmp_path / "mine")
    lint(theirs)
    poison = json.dumps([[1, 1, "IV101", "research-missing", "error", "POISON", 0, 0]]).encode()
    with sqlite3.connect(theirs / DB) as connection:
        for key, data, _ in rows(theirs):
            if not data.startswith(b'["'):
                connection.execute("UPDATE entry SET data = ? WHERE key = ?", (poison, key))
    shutil.copytree(theirs / ".infoview-cache", mine / ".infoview-cache")
    expected = fresh(mine)
    work.clear()
    assert lint(mine).stdout == expected
    assert "POISON" not in expected
    assert sorted(work.parsed) == sorted(f"{stem}.md" for stem in CORPUS)
    healthy(mine)


# -- links ---------------------------------------------------------------------------------


def test_a_cache_folder_linking_outside_is_neither_written_nor_read(
    ws: Path, tmp_path: Path
) -> None:
    expected = fresh(ws)
    lint(ws)  # a real cache, then poisoned and moved outside
    with sqlite3.connect(ws / DB) as connection:
        for key, data, _ in rows(ws):
            if not data.startswith(b'["'):
                poison = [[1, 1, "IV101", "research-missing", "error", "POISON", 0, 0]]
                connection.execute(
                    "UPDATE entry SET data = ? WHERE key = ?", (json.dumps(poison).encode(), key)
                )
    outside = tmp_path / "outside"
    (ws / ".infoview-cache").rename(outside)
    before = {p.name: p.read_bytes() for p in outside.iterdir()}
    (ws / ".infoview-cache").symlink_to(outside)
    assert lint(ws).stdout == expected  # no POISON: not read
    assert {p.name: p.read_bytes() for p in outside.iterdir()} == before  # not written


def test_a_cache_folder_linking_inside_the_workspace_is_used(ws: Path, work: Work) -> None:
    (ws / "cache-here").mkdir()
    (ws / ".infoview-cache").symlink_to(ws / "cache-here")
    lint(ws)
    assert (ws / "cache-here" / store.FILE_NAME).is_file()
    work.clear()
    lint(ws)
    assert work.parsed == []


@pytest.mark.parametrize("name", ["", "-wal", "-shm", "-journal"])
def test_a_linked_database_file_is_never_opened(ws: Path, tmp_path: Path, name: str) -> None:
    (ws / ".infoview-cache").mkdir()
    target = tmp_path / "elsewhere"
    target.write_bytes(b"precious")
    (ws / ".infoview-cache" / f"{store.FILE_NAME}{name}").symlink_to(target)
    assert lint(ws).stdout == fresh(ws)
    assert target.read_bytes() == b"precious"


@pytest.mark.parametrize("name", ["", "-wal", "-journal"])
def test_a_dangling_link_for_the_database_creates_nothing(
    ws: Path, tmp_path: Path, name: str
) -> None:
    (ws / ".infoview-cache").mkdir()
    target = tmp_path / "would-be-created"
    (ws / ".infoview-cache" / f"{store.FILE_NAME}{name}").symlink_to(target)
    assert lint(ws).stdout == fresh(ws)
    assert not target.exists()


@pytest.mark.parametrize("name", ["", "-wal", "-shm"])
def test_a_fifo_for_the_database_is_never_opened(ws: Path, name: str) -> None:
    """Opening a FIFO blocks until someone writes to it: lint must not try."""
    (ws / ".infoview-cache").mkdir()
    os.mkfifo(ws / ".infoview-cache" / f"{store.FILE_NAME}{name}")
    argv = ["lint", "-w", str(ws), "--today", "2026-11-25", "--format", "json"]
    done = subprocess.run(
        [sys.executable, "-m", "infoview", *argv],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.returncode, done.stdout) == (1, fresh(ws))


def test_a_file_where_the_cache_folder_belongs_is_left_alone(ws: Path, work: Work) -> None:
    (ws / ".infoview-cache").write_text("not a folder")
    assert lint(ws).stdout == fresh(ws)
    assert (ws / ".infoview-cache").read_text() == "not a folder"
