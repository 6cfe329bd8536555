"""The lint cache: what a hit skips, what invalidates an entry, and runs side by side.

Each test runs the real CLI on a workspace holding ``lint_corpus`` (every rule fires on one
of its days) and compares with ``--no-cache``: a cached result must be the fresh one,
byte for byte, for every rule, whatever changed in between (the day, infoview.toml, the
selection, infoview's own code). Hostile and broken caches are ``test_lint_cache_hostile``.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from lint_corpus import CONFIG, CORPUS, DAYS

from infoview import parse
from infoview.cli import cli
from infoview.lint import registry
from infoview.lint import runner as lint_runner
from infoview.lint.cache import entries, store
from infoview.model import Interview

DB = Path(".infoview-cache") / store.FILE_NAME


def make_corpus(root: Path, config: str = CONFIG) -> Path:
    (root / "interviews").mkdir(parents=True)
    (root / "infoview.toml").write_text(config, encoding="utf-8")
    for stem, text in CORPUS.items():
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        (root / "interviews" / f"{stem}.md").write_bytes(data)
    return root


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_corpus(tmp_path / "ws")


@pytest.fixture(autouse=True)
def _no_ambient_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INFOVIEW_TODAY", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


class Work:
    """What the runner did: files parsed, and which parts of ``check`` it ran."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.parsed: list[str] = []
        self.parts: list[str] = []
        real_parse, real_check = parse.parse_bytes, entries.check

        def parse_bytes(data: bytes, path: Path) -> Interview:
            self.parsed.append(path.name)
            return real_parse(data, path)

        def check(*args: Any, **kwargs: Any) -> Any:
            self.parts.append(kwargs.get("part", "all"))
            return real_check(*args, **kwargs)

        monkeypatch.setattr(parse, "parse_bytes", parse_bytes)
        monkeypatch.setattr(entries, "check", check)

    def clear(self) -> None:
        self.parsed.clear()
        self.parts.clear()


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch) -> Work:
    return Work(monkeypatch)


def lint(ws: Path, *args: str, today: str = DAYS[0]) -> Result:
    argv = ["lint", "-w", str(ws), "--today", today, "--format", "json", *args]
    result = CliRunner().invoke(cli, argv)
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


def fresh(ws: Path, *args: str, today: str = DAYS[0]) -> str:
    return lint(ws, "--no-cache", *args, today=today).stdout


def rows(ws: Path) -> list[tuple[bytes, bytes, int]]:
    with sqlite3.connect(ws / DB) as connection:
        return connection.execute("SELECT key, data, used FROM entry").fetchall()


def test_the_corpus_covers_every_rule(ws: Path) -> None:
    """The comparisons below cover every rule only because the corpus triggers each."""
    codes = {d["code"] for day in DAYS for d in json.loads(fresh(ws, today=day))}
    assert codes == set(registry.RULES)


def test_a_hit_parses_nothing_and_runs_only_the_day_rules(ws: Path, work: Work) -> None:
    first = lint(ws)
    assert sorted(work.parsed) == sorted(f"{stem}.md" for stem in CORPUS)
    assert set(work.parts) == {"stable", "day"}
    work.clear()
    second = lint(ws)
    assert (second.exit_code, second.stdout) == (first.exit_code, first.stdout)
    assert work.parsed == []
    assert work.parts == ["day"] * len(CORPUS)


def test_a_cached_result_is_the_fresh_one_on_every_day(ws: Path, work: Work) -> None:
    lint(ws, today=DAYS[0])  # fill the cache on the first day
    work.clear()
    for day in DAYS:
        cached = lint(ws, today=day)
        assert work.parsed == [] and set(work.parts) == {"day"}, day
        assert cached.stdout == fresh(ws, today=day), day
        work.clear()


def test_without_day_rules_a_hit_runs_no_rule_at_all(ws: Path, work: Work) -> None:
    (ws / "infoview.toml").write_text(CONFIG + '\n[lint]\nselect = ["IV002", "IV303"]\n')
    lint(ws)
    expected = fresh(ws)
    work.clear()
    assert lint(ws).stdout == expected
    assert work.parsed == [] and work.parts == []


@pytest.mark.parametrize(
    "setting",
    [
        pytest.param("\n[lint]\nthank_you_days = 5\n", id="thank-you-days"),
        pytest.param('\n[lint.severity]\nIV303 = "error"\nIV102 = "off"\n', id="severity"),
        pytest.param('\n[lint]\nignore = ["IV102", "goal-is-a-question"]\n', id="ignore"),
        pytest.param('\n[lint]\nselect = ["IV101", "IV501", "IV502"]\n', id="select"),
        pytest.param('\n[lint]\nanswerable_online = ["choose your path"]\n', id="patterns"),
        pytest.param('\n[thanks]\ninformal = "email"\n', id="thanks-pairing"),
        pytest.param('intro = "I am Alex."\n', id="profile-intro"),
        pytest.param('timezone = "Pacific/Kiritimati"\n', id="timezone"),
    ],
)
def test_a_changed_config_reruns_the_rules_but_keeps_the_parse(
    ws: Path, work: Work, setting: str
) -> None:
    before = lint(ws, today=DAYS[2]).stdout
    config = CONFIG + setting  # intro = ... lands in [profile], CONFIG's last table
    if setting.startswith("timezone"):
        config = CONFIG.replace('timezone = "America/Los_Angeles"\n', setting)
    (ws / "infoview.toml").write_text(config, encoding="utf-8")
    expected = fresh(ws, today=DAYS[2])
    work.clear()
    after = lint(ws, today=DAYS[2]).stdout
    assert work.parsed == []  # the parse does not depend on the settings
    assert "stable" in work.parts
    assert after == expected
    if not setting.startswith("timezone"):  # the zone moves the meeting and today alike
        assert after != before


def test_two_configs_in_turn_both_stay_right(ws: Path, work: Work) -> None:
    """Two configs in turn (a pre-commit hook and a developer, say) both stay right."""
    other = CONFIG + '\n[lint]\nignore = ["IV405"]\n'
    for _ in range(2):
        (ws / "infoview.toml").write_text(CONFIG)
        assert lint(ws).stdout == fresh(ws)
        (ws / "infoview.toml").write_text(other)
        assert lint(ws).stdout == fresh(ws)
    work.clear()
    lint(ws)
    assert work.parts == ["day"] * len(CORPUS)  # both settings' entries are kept


def test_a_change_to_infoview_itself_invalidates_everything(
    ws: Path, work: Work, monkeypatch: pytest.MonkeyPatch
) -> None:
    lint(ws)
    monkeypatch.setattr(entries, "code_stamp", lambda: b"another version of infoview")
    expected = fresh(ws)
    work.clear()
    assert lint(ws).stdout == expected
    assert sorted(work.parsed) == sorted(f"{stem}.md" for stem in CORPUS)


def test_the_code_stamp_covers_every_module_and_the_parser_libraries() -> None:
    from infoview.lint import cache

    package = Path(cache.__file__).resolve().parent.parent.parent
    names = {str(p.relative_to(package)) for p in cache._files(package)}
    assert {"model.py", "parse.py", "yamlpos.py", "schema.py", "config.py"} <= names
    assert {"lint/registry.py", "lint/rules/iv303_answerable_online.py"} <= names
    assert not any("__pycache__" in name for name in names)
    assert cache._LIBRARIES == ("yaml", "markdown_it")


def test_an_edited_file_is_linted_again_and_only_it(ws: Path, work: Work) -> None:
    lint(ws)
    path = ws / "interviews" / "clean.md"
    path.write_text(path.read_text().replace("duration: 30", "duration: 300000"))
    expected = fresh(ws)
    work.clear()
    assert lint(ws).stdout == expected
    assert work.parsed == ["clean.md"]


def test_identical_files_share_entries_and_keep_their_own_paths(ws: Path, work: Work) -> None:
    lint(ws)
    copy = ws / "interviews" / "copy-of-schema.md"
    copy.write_bytes((ws / "interviews" / "schema.md").read_bytes())
    work.clear()
    result = json.loads(lint(ws).stdout)
    assert work.parsed == []
    mine = [(d["line"], d["code"]) for d in result if d["path"] == "interviews/copy-of-schema.md"]
    theirs = [(d["line"], d["code"]) for d in result if d["path"] == "interviews/schema.md"]
    assert mine == theirs and len(mine) >= 4


def test_one_file_reads_its_own_entries(ws: Path, work: Work) -> None:
    lint(ws)
    path = str(ws / "interviews" / "questions.md")
    expected = fresh(ws, path)
    work.clear()
    assert lint(ws, path).stdout == expected
    assert work.parsed == [] and work.parts == ["day"]


def test_no_cache_neither_reads_nor_writes_it(ws: Path, work: Work) -> None:
    lint(ws, "--no-cache")
    assert not (ws / ".infoview-cache").exists()
    lint(ws)
    work.clear()
    lint(ws, "--no-cache")
    assert len(work.parsed) == len(CORPUS)


@pytest.mark.parametrize(
    "threshold",
    [
        pytest.param(0.5, id="workers-read-their-share"),
        pytest.param(5.0, id="workers-inherit-what-the-parent-read"),
    ],
)
def test_forked_workers_give_the_same_result_and_fill_the_cache(
    ws: Path, work: Work, monkeypatch: pytest.MonkeyPatch, threshold: float
) -> None:
    (ws / "interviews" / "dangling.md").symlink_to(ws / "nowhere.md")  # reported first
    monkeypatch.setattr(lint_runner, "PARALLEL_FROM", threshold)
    monkeypatch.setattr(lint_runner, "CHUNK", 3)
    if lint_runner._cores() < 2:
        monkeypatch.setattr(lint_runner, "_cores", lambda: 2)
    for day in DAYS[:3]:
        assert lint(ws, today=day).stdout == fresh(ws, today=day)
    assert '"path": "interviews/dangling.md"' in fresh(ws).split("}")[0]
    monkeypatch.setattr(lint_runner, "PARALLEL_FROM", 10_000)
    expected = fresh(ws, today=DAYS[3])
    work.clear()
    assert lint(ws, today=DAYS[3]).stdout == expected
    assert work.parsed == []  # what the workers stored is there for the next run


def test_the_cache_folder_is_made_once_and_ignored_by_git(ws: Path) -> None:
    lint(ws)
    assert (ws / ".infoview-cache" / ".gitignore").read_text() == "*\n"
    names = sorted(p.name for p in (ws / ".infoview-cache").iterdir())
    assert names == [".gitignore", store.FILE_NAME]  # no -wal or -shm left behind


# -- bounds --------------------------------------------------------------------------------


def test_entries_beyond_the_bound_are_evicted_least_recent_first(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "MAX_ENTRIES", 10)
    lint(ws)  # 2 entries per distinct file: far more than 10
    kept = rows(ws)
    assert 0 < len(kept) <= 10
    with sqlite3.connect(ws / DB) as connection:  # age what is there
        connection.execute("UPDATE entry SET used = used - 5")
    (ws / "interviews" / "new.md").write_text(str(CORPUS["clean"]).replace("30", "45"))
    lint(ws)
    now = rows(ws)
    assert len(now) <= 10
    assert max(used for *_, used in now) == store.today()  # the new entries stayed


def test_entries_over_the_size_bound_are_not_kept(
    ws: Path, monkeypatch: pytest.MonkeyPatch, work: Work
) -> None:
    monkeypatch.setattr(store, "MAX_ENTRY", 300)
    expected = fresh(ws)
    assert lint(ws).stdout == expected
    assert all(len(data) <= 300 for _, data, _ in rows(ws))
    work.clear()
    assert lint(ws).stdout == expected
    assert len(work.parsed) == len(CORPUS)  # no parse entry was small enough


def test_entries_idle_for_long_are_evicted(ws: Path) -> None:
    lint(ws)
    with sqlite3.connect(ws / DB) as connection:
        connection.execute("UPDATE entry SET used = used - ?", (store.IDLE_DAYS + 1,))
    for path in (ws / "interviews").iterdir():
        if path.name != "questions.md":
            path.unlink()  # their entries are used no more
    (ws / "interviews" / "new.md").write_text(str(CORPUS["clean"]).replace("30", "45"))
    lint(ws)
    assert len(rows(ws)) == 4  # questions.md's, touched today, and the new file's


def test_a_hit_records_the_day_it_was_used(ws: Path) -> None:
    lint(ws)
    with sqlite3.connect(ws / DB) as connection:
        connection.execute("UPDATE entry SET used = used - 3")
    lint(ws)
    assert {used for *_, used in rows(ws)} == {store.today()}


# -- runs side by side ---------------------------------------------------------------------


def _spawn(ws: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "infoview", *args, "-w", str(ws)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def big(tmp_path: Path) -> Iterator[Path]:
    """The corpus, many times over with small differences: 12 x 12 distinct files."""
    root = make_corpus(tmp_path / "big")
    for n in range(11):
        for stem, text in CORPUS.items():
            data = text if isinstance(text, bytes) else text.encode("utf-8")
            data = data.replace(b"Marlow", f"Marlow{n}".encode())
            (root / "interviews" / f"{stem}-{n}.md").write_bytes(data)
    yield root


def test_concurrent_runs_agree_and_lose_no_entry(big: Path, work: Work) -> None:
    expected = fresh(big)
    procs = [_spawn(big, "lint", "--format", "json", "--today", DAYS[0]) for _ in range(4)]
    procs += [_spawn(big, "agenda", "--format", "json", "--today", DAYS[0]) for _ in range(2)]
    outputs = [proc.communicate(timeout=300) for proc in procs]
    for proc, (out, err) in zip(procs[:4], outputs[:4], strict=True):
        assert (proc.returncode, out, err) == (1, expected, "")
    assert procs[4].returncode == procs[5].returncode and outputs[4] == outputs[5]
    assert '"kind": "meeting"' in outputs[4][0]
    with sqlite3.connect(big / DB) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    distinct = {p.read_bytes() for p in (big / "interviews").iterdir()}
    assert len(rows(big)) == 2 * len(distinct)  # a parse and a lint entry for each
    work.clear()
    assert lint(big).stdout == expected
    assert work.parsed == []


def test_a_lint_while_another_holds_the_write_lock_still_answers(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = fresh(ws)
    lint(ws)
    (ws / "interviews" / "new.md").write_text(str(CORPUS["clean"]).replace("30", "45"))
    monkeypatch.setattr(store, "BUSY_SECONDS", 0.2)
    holder = sqlite3.connect(ws / DB, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another run writing, for longer than we wait
    try:
        result = lint(ws)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert json.loads(result.stdout) == json.loads(fresh(ws))
    assert result.stdout != expected  # new.md is in it
