"""infoview.fs.errors: how an ``OSError`` reads to the user (the file, the reason, the advice)."""

from __future__ import annotations

import errno
import os
import stat
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


# -- read: kinds, sizes, reading to the end -----------------------------------------------------


def test_each_kind_of_file_is_named() -> None:
    from infoview.fs.read import kind

    assert kind(stat.S_IFDIR) == "a folder"
    assert kind(stat.S_IFIFO) == "a named pipe (FIFO)"
    assert kind(stat.S_IFCHR) == "a character device"
    assert kind(stat.S_IFBLK) == "a block device"
    assert kind(stat.S_IFSOCK) == "a socket"
    assert kind(stat.S_IFLNK) == "not a regular file"


def test_is_regular_file_follows_links_and_never_raises(tmp_path: Path) -> None:
    from infoview.fs import is_regular_file

    (tmp_path / "a.md").write_text("x")
    (tmp_path / "link.md").symlink_to("a.md")
    (tmp_path / "dangling.md").symlink_to("gone.md")
    assert is_regular_file(tmp_path / "a.md") is True
    assert is_regular_file(tmp_path / "link.md") is True
    assert is_regular_file(tmp_path) is False
    assert is_regular_file(tmp_path / "dangling.md") is False
    assert is_regular_file(Path("nul\0byte.md")) is False


@pytest.mark.parametrize(
    ("size", "limit", "message"),
    [
        (10, 10, None),
        (11, 10, "is 11 bytes, more than the 10 interview file may have"),
        (1024 * 1024 - 1, 1000, "is 1048575 bytes, more than the 1000 interview file may have"),
        (1024 * 1024, 1000, "is 1 MB; interview file should be far smaller"),
        (3 * 1024 * 1024 - 1, 1000, "is 2 MB; interview file should be far smaller"),
    ],
)
def test_the_size_cap_and_its_wording(
    tmp_path: Path, size: int, limit: int, message: str | None
) -> None:
    from infoview.fs import read_regular

    path = tmp_path / "a.md"
    with path.open("wb") as out:
        out.truncate(size)
    if message is None:
        assert read_regular(path, max_bytes=limit, what="interview file") == b"\0" * size
        return
    with pytest.raises(ReadError) as info:
        read_regular(path, root=tmp_path, max_bytes=limit, what="interview file")
    assert (info.value.path, info.value.message) == ("a.md", message)


def pipe_with(data: bytes) -> int:
    """A pipe's reading end holding ``data``, its writer closed (read to the end at once)."""
    read_end, write_end = os.pipe()
    os.write(write_end, data)
    os.close(write_end)
    return read_end


def test_read_fd_reads_to_the_end_and_stops_one_byte_past_the_cap() -> None:
    from infoview.fs.read import read_fd

    fd = pipe_with(b"0123456789")
    try:
        assert read_fd(fd, 10, "file", "x.md") == b"0123456789"
    finally:
        os.close(fd)
    fd = pipe_with(b"x" * 20)
    try:
        with pytest.raises(ReadError) as info:
            read_fd(fd, 10, "the file", lambda: "grown.md")
        assert info.value.render() == "grown.md: is 11 bytes, more than the 10 the file may have"
        assert os.read(fd, 100) == b"x" * 9  # it stopped reading there
    finally:
        os.close(fd)


def test_read_fd_reads_a_large_file_in_chunks_up_to_the_cap(tmp_path: Path) -> None:
    from infoview.fs.read import read_fd

    path = tmp_path / "big"
    path.write_bytes(b"y" * (3 * 1024 * 1024))
    fd = os.open(path, os.O_RDONLY)
    try:
        with pytest.raises(ReadError) as info:
            read_fd(fd, 1024 * 1024 + 10, "file", "big")
        assert (
            info.value.message == "is 3 MB; file should be far smaller"
        )  # its size, not what was read
        assert os.lseek(fd, 0, os.SEEK_CUR) == 1024 * 1024 + 11
    finally:
        os.close(fd)
    fd = os.open(path, os.O_RDONLY)
    try:
        assert read_fd(fd, 3 * 1024 * 1024, "file", "big") == b"y" * (3 * 1024 * 1024)
    finally:
        os.close(fd)


def test_a_file_swapped_for_a_fifo_after_the_stat_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from infoview.fs import read as fs_read

    path = tmp_path / "a.md"
    path.write_text("x")
    real_fstat = os.fstat

    def fstat(fd: int) -> os.stat_result:
        st = real_fstat(fd)
        return os.stat_result((stat.S_IFIFO | 0o644, *tuple(st)[1:]))

    monkeypatch.setattr(fs_read.os, "fstat", fstat)
    with pytest.raises(ReadError) as info:
        fs_read.read_regular(path, root=tmp_path, max_bytes=100)
    assert info.value.render() == "a.md: is a named pipe (FIFO), not a file"


def test_a_file_grown_past_the_cap_after_the_stat_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from infoview.fs import read as fs_read

    path = tmp_path / "a.md"
    path.write_text("x" * 50)
    real_stat = os.stat

    def small_stat(target: object, *args: object, **kwargs: object) -> os.stat_result:
        st = real_stat(target)  # type: ignore[arg-type]
        return os.stat_result((*tuple(st)[:6], 5, *tuple(st)[7:]))  # st_size: 5

    monkeypatch.setattr(fs_read.os, "stat", small_stat)
    with pytest.raises(ReadError) as info:
        fs_read.read_regular(path, root=tmp_path, max_bytes=10)
    assert info.value.render() == "a.md: is 50 bytes, more than the 10 file may have"


def test_an_open_that_fails_after_the_stat_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from infoview.fs import read as fs_read

    path = tmp_path / "a.md"
    path.write_text("x")

    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(fs_read.os, "open", refuse)
    with pytest.raises(ReadError) as info:
        fs_read.read_regular(path, root=tmp_path, max_bytes=10)
    assert info.value.render() == (
        "a.md: cannot read: Permission denied (EACCES)\n"
        "  hint: check the permissions of the file and of its folder"
    )


def test_a_read_that_fails_midway_is_reported_and_the_file_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from infoview.fs import read as fs_read

    path = tmp_path / "a.md"
    path.write_text("x")
    closed: list[int] = []
    real_close = os.close

    def fail(fd: int, size: int) -> bytes:
        raise OSError(errno.EIO, "Input/output error")

    def close(fd: int) -> None:
        closed.append(fd)
        real_close(fd)

    monkeypatch.setattr(fs_read.os, "read", fail)
    monkeypatch.setattr(fs_read.os, "close", close)
    with pytest.raises(ReadError) as info:
        fs_read.read_regular(path, root=tmp_path, max_bytes=10)
    assert info.value.message == "cannot read: Input/output error (EIO)"
    assert len(closed) == 1


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    from infoview.fs import read_regular

    with pytest.raises(ReadError) as info:
        read_regular(tmp_path / "gone.md", root=tmp_path, max_bytes=10)
    assert info.value.render() == (
        "gone.md: cannot read: No such file or directory (ENOENT)\n"
        "  hint: the file or its folder does not exist"
    )


def test_a_link_gone_before_its_text_is_read_is_shown_as_a_question_mark(tmp_path: Path) -> None:
    from infoview.fs.paths import _link_text

    (tmp_path / "link").symlink_to("target")
    assert _link_text(tmp_path / "link") == "target"
    assert _link_text(tmp_path / "no-longer-a-link") == "?"


def test_an_error_without_an_errno_gets_no_errno_name_and_no_advice(tmp_path: Path) -> None:
    bare = OSError("something odd")
    assert from_oserror(bare, tmp_path / "x", action="write", root=tmp_path).render() == (
        "x: cannot write: something odd\n  hint: nothing was changed"
    )
    read = read_error(bare, tmp_path / "x", root=tmp_path)
    assert (read.message, read.hint) == ("cannot read: something odd", None)
