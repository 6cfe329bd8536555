"""Workspaces for documents: found upwards or from the client's folders, their settings
(the last good ones kept while the file is broken), and the interviews on disk."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from infoview.lsp.documents import Space, Spaces, read_settings, stamp_of

IV104 = 'ignore = ["IV104"]'


def edit_config(root: Path, old: str, new: str) -> None:
    path = root / "infoview.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


def test_a_stamp_is_the_files_mtime_size_and_inode(tmp_path: Path) -> None:
    path = tmp_path / "a"
    path.write_bytes(b"12345")
    os.utime(path, ns=(1, 2_000_000_000))
    assert stamp_of(path) == (2_000_000_000, 5, path.stat().st_ino)
    assert stamp_of(tmp_path / "missing") is None


def test_settings_are_read_as_lint_reads_them(root: Path) -> None:
    settings = read_settings(root / "infoview.toml")
    assert settings.config.tz == ZoneInfo("America/Los_Angeles")
    assert "IV104" not in settings.chosen.enabled and "IV303" in settings.chosen.enabled
    assert len(settings.digest) == 64
    defaults = read_settings(None)
    assert defaults.digest == "" and "IV104" in defaults.chosen.enabled


def test_a_settings_file_that_cannot_be_read_says_why(tmp_path: Path) -> None:
    (tmp_path / "infoview.toml").mkdir()
    space = Space(tmp_path)
    assert space.error is not None
    assert "cannot read it: Is a directory" in space.error
    assert "infoview.toml" in space.error
    assert space.settings.digest == ""  # the defaults are in use


def test_a_space_knows_its_files(root: Path) -> None:
    space = Space(root)
    assert space.root == root and space.config_path == root / "infoview.toml"
    assert space.error is None and space.stamp == stamp_of(root / "infoview.toml")
    assert space.interviews_dir == root / "interviews"
    assert space.workspace.root == root
    assert space.workspace.config is space.settings.config
    inside = root / "interviews" / "sub" / "x.md"
    assert space.is_interview(inside)
    assert not space.is_interview(root / "interviews" / "x.txt")
    assert not space.is_interview(root / "interviews" / ".drafts" / "x.md")
    assert not space.is_interview(root / "README.md")
    assert space.label(inside) == "interviews/sub/x.md"
    assert [p.name for p in space.interview_paths()] == [
        "2026-11-18-marcus-lee.md",
        "2026-11-25-priya-raman.md",
        "2026-12-03-dana-whitfield.md",
    ]
    now = dt.datetime(2026, 11, 25, 20, 0, tzinfo=dt.UTC)
    context = space.context(now)
    assert context.now == now and context.now.tzinfo == ZoneInfo("America/Los_Angeles")
    assert context.now.hour == 12


def test_reload_takes_a_changed_file_and_keeps_the_last_good_one_while_broken(
    root: Path,
) -> None:
    space = Space(root)
    first = space.settings
    assert space.reload() == (False, None)  # unchanged
    assert space.settings is first
    edit_config(root, IV104, 'ignore = ["IV104", "IV402"]')
    assert space.reload() == (True, None)
    assert "IV402" not in space.settings.chosen.enabled
    assert space.stamp == stamp_of(root / "infoview.toml")
    good = space.settings
    edit_config(root, 'ignore = ["IV104", "IV402"]', 'ignore = ["IV104", "IV402"')
    changed, error = space.reload()
    assert changed is False and error is not None and "invalid TOML" in error
    assert space.error == error and space.settings is good
    assert space.reload() == (False, None)  # the same error is said once
    assert space.error == error
    edit_config(root, 'ignore = ["IV104", "IV402"', 'ignore = ["IV104", "IV402" ]')
    changed, error = space.reload()
    assert (changed, error, space.error) == (True, None, None)
    assert "IV402" not in space.settings.chosen.enabled


def test_a_broken_file_at_the_start_is_reported_and_the_fixed_one_taken(root: Path) -> None:
    edit_config(root, IV104, "ignore = [")
    space = Space(root)
    assert space.error is not None and "invalid TOML" in space.error
    assert "IV104" in space.settings.chosen.enabled  # the defaults
    edit_config(root, "ignore = [", IV104)
    assert space.reload() == (True, None)
    assert space.error is None and "IV104" not in space.settings.chosen.enabled


def test_interviews_on_disk_are_parsed_once_while_unchanged(root: Path) -> None:
    space = Space(root)
    path = root / "interviews" / "2026-11-25-priya-raman.md"
    assert space.parsed() == []
    data, first = space.on_disk(path)  # type: ignore[misc]
    assert data == path.read_bytes() and first.interviewer.name == "Priya Raman"
    again = space.on_disk(path)
    assert again is not None and again[1] is first
    assert space.parsed() == [first]
    path.write_text(path.read_text().replace("Priya Raman", "Priya Ramanathan"))
    os.utime(path, ns=(1, 1))
    changed = space.on_disk(path)
    assert changed is not None and changed[1] is not first
    assert changed[1].interviewer.name == "Priya Ramanathan"
    assert space.parsed() == [changed[1]]
    assert space.on_disk(root / "interviews" / "missing.md") is None
    (root / "interviews" / "dir.md").mkdir()
    assert space.on_disk(root / "interviews" / "dir.md") is None


def test_a_document_finds_its_workspace_upwards(root: Path, tmp_path: Path) -> None:
    spaces = Spaces()
    path = root / "interviews" / "x.md"
    space = spaces.for_path(path)
    assert space is not None and space.root == root.resolve()
    assert spaces.for_path(root / "interviews" / "y.md") is space  # the same folder
    assert spaces.for_path(root / "README.md") is space
    assert spaces.known() == [space]
    assert spaces.for_path(tmp_path / "elsewhere" / "x.md") is None
    assert spaces.known() == [space]


def test_a_folder_found_once_is_not_searched_again(root: Path) -> None:
    spaces = Spaces()
    path = root / "interviews" / "x.md"
    assert spaces.for_path(path) is not None
    (root / "infoview.toml").unlink()
    assert spaces.for_path(path) is not None  # remembered for its folder


def test_the_clients_folders_are_searched_and_their_children(tmp_path: Path) -> None:
    def workspace(path: Path) -> Path:
        (path / "interviews").mkdir(parents=True)
        (path / "infoview.toml").write_text("")
        return path

    client = tmp_path / "client"
    one, two = workspace(client / "one"), workspace(client / "two")
    workspace(client / ".hidden")
    workspace(client / "three" / "deeper")  # two levels down: not searched
    (client / "file.txt").parent.mkdir(parents=True, exist_ok=True)
    (client / "file.txt").write_text("")
    spaces = Spaces()
    spaces.add_roots([client, client])
    assert spaces.roots == [client]
    assert sorted(s.root for s in spaces.all()) == [one, two]
    spaces.add_roots([one])
    assert spaces.roots == [client, one]
    assert sorted(s.root for s in spaces.all()) == [one, two]
    inner = workspace(tmp_path / "outer") / "folder"
    inner.mkdir()
    spaces.add_roots([inner])  # a folder inside a workspace: the workspace above it
    assert sorted(s.root for s in spaces.all()) == [one, two, tmp_path / "outer"]
    spaces.add_roots([tmp_path / "missing"])
    assert len(spaces.all()) == 3


def test_a_named_root_holds_a_document_that_finds_no_config_upwards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "ws"
    (root / "interviews").mkdir(parents=True)
    (root / "infoview.toml").write_text("")
    spaces = Spaces()
    spaces.add_roots([tmp_path / "other", root])
    # As if the file could not be found upwards (e.g. the folder was renamed meanwhile).
    monkeypatch.setattr("infoview.lsp.documents.find_config", lambda folder: None)
    space = spaces.for_path(root / "interviews" / "x.md")
    assert space is not None and space.root == root
    assert spaces.for_path(tmp_path / "x.md") is None  # under no root
    spaces.add_roots([tmp_path])  # a root without infoview.toml does not count
    assert spaces.for_path(tmp_path / "y" / "x.md") is None
