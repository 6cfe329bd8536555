"""infoview.fs.errors: how an ``OSError`` reads to the user (the file, the reason, the advice)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from infoview.fs.errors import FileError, ReadError, from_oserror, label, read_error, reason


def test_label_is_relative_to_the_workspace_then_to_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "ws"
    monkeypatch.chdir(tmp_path)
    assert label(root / "interviews" / "a.md", root) == "interviews/a.md"
    assert label(tmp_path / "elsewhere" / "b.md", root) == "elsewhere/b.md"
    assert label(tmp_path / "c.md", None) == "c.md"
    assert label(Path("/somewhere/else.md"), root) == "/somewhere/else.md"
    assert label("relative/d.md", root) == "relative/d.md"
    assert label(str(root / "e.md"), root) == "e.md"


def test_label_works_when_the_current_folder_was_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    os.rmdir(gone)
    assert label(tmp_path / "ws" / "a.md", tmp_path / "ws") == "a.md"
    assert label(tmp_path / "b.md", None) == str(tmp_path / "b.md")


def test_reason_names_the_errno() -> None:
    assert reason(OSError(errno.ENOSPC, "No space left on device")) == (
        "No space left on device (ENOSPC)"
    )
    assert reason(OSError(99999, "Strange")) == "Strange"
    assert reason(OSError("no errno at all")) == "no errno at all"


def test_a_failed_write_says_what_to_do_and_that_nothing_changed(tmp_path: Path) -> None:
    error = from_oserror(
        OSError(errno.ENOSPC, "No space left on device"),
        tmp_path / "build" / "x.pdf",
        action="write",
        root=tmp_path,
    )
    assert type(error) is FileError
    assert error.exit_code == 2
    assert error.render() == (
        "build/x.pdf: cannot write: No space left on device (ENOSPC)\n"
        "  hint: the disk is full; free some space and run the command again; "
        "nothing was changed"
    )


def test_an_unknown_failure_still_says_nothing_changed(tmp_path: Path) -> None:
    error = from_oserror(OSError(99999, "Strange"), tmp_path / "x", action="edit", root=tmp_path)
    assert error.render() == "x: cannot edit: Strange\n  hint: nothing was changed"


def test_a_failed_read_is_a_read_error_without_nothing_changed(tmp_path: Path) -> None:
    error = from_oserror(
        OSError(errno.EACCES, "Permission denied"), tmp_path / "a.md", action="read", root=tmp_path
    )
    assert type(error) is ReadError
    assert error.render() == (
        "a.md: cannot read: Permission denied (EACCES)\n"
        "  hint: check the permissions of the file and of its folder"
    )
    bare = read_error(OSError(99999, "Strange"), tmp_path / "a.md", root=tmp_path)
    assert (bare.render(), bare.hint) == ("a.md: cannot read: Strange", None)


@pytest.mark.parametrize(
    ("code", "advice"),
    [
        (
            errno.EROFS,
            "the file system is read-only; remount it read-write, or work on a copy "
            "of the workspace somewhere writable",
        ),
        (errno.EDQUOT, "your disk quota is used up; free some space and run the command again"),
        (
            errno.ENAMETOOLONG,
            "the name is longer than the file system allows; rename the "
            "interview file to something shorter",
        ),
        (errno.EPERM, "check the permissions of the file and of its folder"),
        (errno.ELOOP, "symbolic links here point at each other in a loop; fix or remove the link"),
        (errno.EISDIR, "a folder is in the way; move it away or choose another name"),
        (errno.ENOTDIR, "part of the path is a file, not a folder; move that file away"),
        (errno.ENOENT, "the file or its folder does not exist"),
        (errno.EIO, "the disk reported an input/output error; check the disk (and your backups)"),
        (errno.EMFILE, "too many files are open; close some programs and run the command again"),
        (errno.ENFILE, "too many files are open; close some programs and run the command again"),
        (errno.EBUSY, "the file is in use; close the program using it and run the command again"),
        (errno.ETXTBSY, "the file is in use; close the program using it and run the command again"),
        (errno.EXDEV, "the temporary file and the target are on different file systems"),
    ],
)
def test_each_known_failure_has_its_advice(tmp_path: Path, code: int, advice: str) -> None:
    error = read_error(OSError(code, os.strerror(code)), tmp_path / "a", root=tmp_path)
    assert error.hint == advice


# -- confine: relative paths and the last part --------------------------------------------------


def test_confine_takes_a_relative_path_from_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from infoview.fs import confine

    root = tmp_path.resolve()
    (root / "real").mkdir()
    (root / "inner").symlink_to("real")
    monkeypatch.chdir(root)
    assert confine(Path("inner/x.pdf"), root) == root / "real" / "x.pdf"
    assert confine(Path("inner/x.pdf"), None) == root / "real" / "x.pdf"


def test_confine_can_leave_the_last_part_a_link(tmp_path: Path) -> None:
    from infoview.fs import confine

    root = tmp_path.resolve()
    (root / "real").mkdir()
    (root / "inner").symlink_to("real")
    (root / "real" / "target.md").write_text("x")
    (root / "real" / "link.md").symlink_to("target.md")
    assert confine(root / "inner" / "link.md", root, follow_last=False) == (
        root / "real" / "link.md"
    )
    assert confine(root / "inner" / "link.md", root) == root / "real" / "target.md"
    assert confine(root / "inner", root, follow_last=False) == root / "inner"
