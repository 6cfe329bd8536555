"""infoview.workspace: finding the workspace, listing and reading interviews, naming outputs.

Each test pins one promise of the module with exact paths and messages, so that a change to
the listing (hidden files, linked folders, sorting), to the output names or to the
workspace search shows up as a failure here (see ``make mutate``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from infoview.errors import UsageError
from infoview.fs import FileError, ReadError
from infoview.workspace import MAX_INTERVIEW_BYTES, Workspace, open_workspace, read_bytes
from tests.conftest import create_workspace
from tests.samples import FRONT


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return open_workspace(create_workspace(tmp_path / "ws"))


def touch(path: Path, data: bytes = b"") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# -- open_workspace ----------------------------------------------------------------------------


def test_an_explicit_workspace_is_its_real_path_with_its_config(tmp_path: Path) -> None:
    real = create_workspace(tmp_path / "real")
    (tmp_path / "link").symlink_to("real")
    found = open_workspace(tmp_path / "link")
    assert found.root == real.resolve()
    assert found.config.profile.name == "Alex Rivera"
    assert found.interviews_dir == real.resolve() / "interviews"
    assert found.build_dir == real.resolve() / "build"


def test_an_explicit_folder_without_a_config_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as info:
        open_workspace(tmp_path)
    assert info.value.exit_code == 2
    assert info.value.message == (
        f"{tmp_path}: no infoview.toml here; run 'infoview init {tmp_path}' to create one"
    )


def test_an_explicit_folder_whose_config_is_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "infoview.toml").mkdir()
    with pytest.raises(UsageError) as info:
        open_workspace(tmp_path)
    assert info.value.message.startswith(f"{tmp_path}: no infoview.toml here;")


def test_the_workspace_is_found_by_walking_up_from_cwd(tmp_path: Path) -> None:
    root = create_workspace(tmp_path / "ws")
    deep = root / "interviews" / "a" / "b"
    deep.mkdir(parents=True)
    assert open_workspace(cwd=deep).root == root.resolve()


def test_the_walk_up_starts_at_the_current_folder_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = create_workspace(tmp_path / "ws")
    monkeypatch.chdir(root / "interviews")
    assert open_workspace().root == root.resolve()


def test_no_workspace_above_says_where_it_looked_and_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as info:
        open_workspace(cwd=tmp_path)
    assert info.value.exit_code == 2
    assert info.value.message == f"no infoview.toml in {tmp_path} or any parent folder"
    assert info.value.hint == (
        "run 'infoview init DIR' to create a workspace, or pass --workspace DIR"
    )


# -- listing -----------------------------------------------------------------------------------


def test_every_md_below_interviews_is_listed_sorted_without_hidden_ones(ws: Workspace) -> None:
    top = ws.interviews_dir
    for name in ("b.md", "a.md", "sub/c.md", "sub/deeper/d.md", "notes.txt", "x.md.bak"):
        touch(top / name)
    touch(top / ".hidden.md")
    touch(top / ".git" / "e.md")
    (top / "folder.md").mkdir()
    assert ws.interview_paths() == [
        top / "a.md",
        top / "b.md",
        top / "sub" / "c.md",
        top / "sub" / "deeper" / "d.md",
    ]


def test_linked_folders_are_not_descended_but_linked_files_are_listed(
    ws: Workspace, tmp_path: Path
) -> None:
    top = ws.interviews_dir
    touch(tmp_path / "elsewhere" / "far.md")
    (top / "away").symlink_to(tmp_path / "elsewhere")
    (top / "linked.md").symlink_to(tmp_path / "elsewhere" / "far.md")
    (top / "dangling.md").symlink_to(tmp_path / "missing.md")
    (top / "folderlink.md").symlink_to(tmp_path / "elsewhere")
    assert ws.interview_paths() == [top / "dangling.md", top / "linked.md"]


def test_an_empty_iterator_of_paths_lists_every_interview(ws: Workspace) -> None:
    touch(ws.interviews_dir / "a.md")
    assert ws.interview_paths(iter(())) == [ws.interviews_dir / "a.md"]
    assert ws.interview_paths(p for p in [ws.interviews_dir / "a.md"]) == [
        ws.interviews_dir / "a.md"
    ]


def test_a_link_loop_named_md_is_listed_so_reading_it_reports_it(ws: Workspace) -> None:
    top = ws.interviews_dir
    (top / "loop.md").symlink_to("loop.md")
    assert ws.interview_paths() == [top / "loop.md"]


def test_a_missing_interviews_folder_lists_nothing(ws: Workspace) -> None:
    ws.interviews_dir.rmdir()
    assert ws.interview_paths() == []


def test_an_interviews_file_instead_of_a_folder_lists_nothing(ws: Workspace) -> None:
    ws.interviews_dir.rmdir()
    ws.interviews_dir.write_text("not a folder", encoding="utf-8")
    assert ws.interview_paths() == []


def test_given_paths_are_kept_in_order_and_folders_searched_hidden_included(
    ws: Workspace, tmp_path: Path
) -> None:
    top = ws.interviews_dir
    one = touch(top / "z.md")
    folder = tmp_path / "given"
    touch(folder / "b.md")
    touch(folder / ".a.md")
    touch(folder / ".dot" / "c.md")
    other = touch(tmp_path / "not-md.txt")
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "gone.md")
    assert ws.interview_paths([one, folder, other, dangling]) == [
        one,
        folder / ".a.md",
        folder / ".dot" / "c.md",
        folder / "b.md",
        other,
        dangling,
    ]


def test_a_given_path_that_does_not_exist_is_a_usage_error(ws: Workspace, tmp_path: Path) -> None:
    missing = tmp_path / "nope.md"
    with pytest.raises(UsageError) as info:
        ws.interview_paths([missing])
    assert info.value.exit_code == 2
    assert info.value.message == (f"{missing}: no such file; give a path to an interview .md file")


def test_an_unreadable_subfolder_is_skipped_and_the_rest_listed(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root reads any folder, so the refusal is injected into ``os.scandir``."""
    top = ws.interviews_dir
    touch(top / "a.md")
    touch(top / "locked" / "b.md")
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if path.endswith("locked"):
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert ws.interview_paths() == [top / "a.md"]


def test_an_entry_whose_type_cannot_be_read_is_listed_as_a_file(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``DirEntry.is_dir`` may fail (a vanished or unreadable entry): not a folder, then."""
    top = ws.interviews_dir
    touch(top / "a.md")
    touch(top / "sub" / "b.md")
    real_scandir = os.scandir

    class Entry:
        def __init__(self, entry: os.DirEntry[str]) -> None:
            self.entry, self.name, self.path = entry, entry.name, entry.path

        def is_dir(self) -> bool:
            raise OSError(5, "Input/output error")

        def is_symlink(self) -> bool:
            return self.entry.is_symlink()

    class Listing:
        def __init__(self, path: str) -> None:
            self.inner = real_scandir(path)

        def __enter__(self) -> list[Entry]:
            return [Entry(e) for e in self.inner.__enter__()]

        def __exit__(self, *exc: object) -> None:
            self.inner.__exit__(*exc)

    monkeypatch.setattr(os, "scandir", Listing)
    assert ws.interview_paths() == [top / "a.md"]  # 'sub' is not descended into


# -- names and paths ---------------------------------------------------------------------------


def test_relative_names_paths_inside_and_keeps_paths_outside(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inside = ws.interviews_dir / "a.md"
    assert ws.relative(inside) == "interviews/a.md"
    monkeypatch.chdir(ws.root)
    assert ws.relative(Path("interviews/a.md")) == "interviews/a.md"
    outside = tmp_path / "elsewhere.md"
    assert ws.relative(outside) == str(outside)
    monkeypatch.chdir(tmp_path)
    assert ws.relative(Path("elsewhere.md")) == "elsewhere.md"


def test_relative_keeps_a_link_inside_the_workspace_as_named_from_a_subfolder(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A relative name is joined to the current folder, not resolved through its links."""
    touch(tmp_path / "far.md")
    (ws.interviews_dir / "out.md").symlink_to(tmp_path / "far.md")
    touch(ws.root / "other" / "b.md")
    (ws.interviews_dir / "in.md").symlink_to(ws.root / "other" / "b.md")
    monkeypatch.chdir(ws.interviews_dir)
    assert ws.relative(Path("out.md")) == "interviews/out.md"
    assert ws.relative(Path("in.md")) == "interviews/in.md"


def test_relative_resolves_a_link_into_the_workspace(ws: Workspace, tmp_path: Path) -> None:
    (tmp_path / "shortcut").symlink_to(ws.root / "interviews")
    assert ws.relative(tmp_path / "shortcut" / "a.md") == "interviews/a.md"


def test_contains_follows_links(ws: Workspace, tmp_path: Path) -> None:
    (tmp_path / "shortcut").symlink_to(ws.root / "interviews")
    (ws.interviews_dir / "out").symlink_to(tmp_path)
    assert ws.contains(ws.interviews_dir / "a.md") is True
    assert ws.contains(tmp_path / "shortcut" / "a.md") is True
    assert ws.contains(tmp_path / "a.md") is False
    assert ws.contains(ws.interviews_dir / "out" / "a.md") is False


def test_outputs_mirror_the_subfolders_of_interviews(ws: Workspace, tmp_path: Path) -> None:
    top = ws.interviews_dir
    assert ws.output_name(top / "2026-12-03-dana.md") == Path("2026-12-03-dana")
    assert ws.output_name(top / "sub" / "x.md") == Path("sub/x")
    assert ws.output_name(top / "sub" / "noext") == Path("sub/noext")
    assert ws.output_name(tmp_path / "far" / "y.md") == Path("y")
    assert ws.output_for(top / "sub" / "x.md", "packets", ".pdf") == (
        ws.root / "build" / "packets" / "sub" / "x.pdf"
    )
    assert ws.output_for(top / "x.md", "thanks", ".eml") == ws.root / "build/thanks/x.eml"
    assert ws.output_for(tmp_path / "y.md", "thanks", ".eml") == ws.root / "build/thanks/y.eml"


def test_output_name_of_a_relative_path_uses_the_current_folder(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ws.root)
    assert ws.output_name(Path("interviews/sub/x.md")) == Path("sub/x")


# -- reading and writing -----------------------------------------------------------------------


def test_read_parses_the_interview(ws: Workspace) -> None:
    path = touch(ws.interviews_dir / "a.md", f"---\n{FRONT}---\n".encode())
    interview = ws.read(path)
    assert interview.path == path
    assert interview.interviewer.name == "Dana Whitfield"
    assert interview.problems == []


def test_the_size_limit_is_exactly_10_mib(ws: Workspace) -> None:
    assert MAX_INTERVIEW_BYTES == 10 * 1024 * 1024
    path = ws.interviews_dir / "big.md"
    with path.open("wb") as out:
        out.truncate(MAX_INTERVIEW_BYTES)
    assert len(read_bytes(path, root=ws.root)) == MAX_INTERVIEW_BYTES
    with path.open("ab") as out:
        out.write(b"x")
    with pytest.raises(ReadError) as info:
        read_bytes(path, root=ws.root)
    assert info.value.render() == (
        "interviews/big.md: is 10 MB; an interview file should be far smaller"
    )


def test_a_folder_read_as_an_interview_is_refused(ws: Workspace) -> None:
    folder = ws.interviews_dir / "folder.md"
    folder.mkdir()
    with pytest.raises(ReadError) as info:
        ws.read(folder)
    assert info.value.exit_code == 2
    assert info.value.render() == (
        "interviews/folder.md: is a folder, not a file; infoview reads only regular files"
    )


def test_read_refuses_a_link_leading_out_of_the_workspace(ws: Workspace, tmp_path: Path) -> None:
    secret = touch(tmp_path / "secret.md", b"---\n---\n")
    (ws.interviews_dir / "a.md").symlink_to(secret)
    with pytest.raises(FileError) as info:
        ws.read(ws.interviews_dir / "a.md")
    assert info.value.exit_code == 2
    assert info.value.message == (
        f"is a symbolic link to '{secret}', outside the workspace; "
        "infoview reads and writes only inside it"
    )
    assert info.value.path == "interviews/a.md"


def test_write_makes_the_folders_and_returns_the_real_path(ws: Workspace) -> None:
    target = ws.build_dir / "thanks" / "sub" / "x.eml"
    assert ws.write(target, b"hello\r\n") == target
    assert target.read_bytes() == b"hello\r\n"
