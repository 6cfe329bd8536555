"""infoview.fs.write beyond the common path: owners kept, short writes, names exhausted,
folders in the way or appearing meanwhile, links refused, the folder synced.

Everything runs as root, so an owner to keep is made with chown, and failures the machine
will not produce on demand are injected into the system calls.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from infoview.fs import FileError, create_file, edit_file, ensure_folder, safe_target, write_file
from infoview.fs import write as fs_write


@pytest.fixture
def root(tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    ws.mkdir()
    return ws.resolve()


def test_a_replaced_file_keeps_its_owner_and_group(root: Path) -> None:
    target = root / "x.pdf"
    target.write_bytes(b"old")
    os.chown(target, 1234, 5678)
    target.chmod(0o640)
    write_file(target, b"new", root=root)
    st = target.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (1234, 5678, 0o640)
    assert target.read_bytes() == b"new"


def test_an_edited_file_keeps_its_owner(root: Path) -> None:
    target = root / "x.md"
    target.write_bytes(b"abc")
    os.chown(target, 1234, 5678)
    edit_file(target, bytes.upper, root=root, max_bytes=100)
    st = target.stat()
    assert (st.st_uid, st.st_gid, target.read_bytes()) == (1234, 5678, b"ABC")


def test_a_new_file_is_the_writers(root: Path) -> None:
    write_file(root / "new.pdf", b"x", root=root)
    st = (root / "new.pdf").stat()
    assert (st.st_uid, st.st_gid) == (os.geteuid(), os.getegid())


def test_short_writes_are_continued_and_the_file_and_folder_synced(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write, real_fsync = os.write, os.fsync
    synced: list[str] = []

    def one_byte(fd: int, data: bytes) -> int:
        return real_write(fd, bytes(data[:1]))

    def fsync(fd: int) -> None:
        synced.append("folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real_fsync(fd)

    monkeypatch.setattr(fs_write.os, "write", one_byte)
    monkeypatch.setattr(fs_write.os, "fsync", fsync)
    write_file(root / "x.pdf", b"hello world", root=root)
    assert (root / "x.pdf").read_bytes() == b"hello world"
    assert synced == ["file", "folder"]
    synced.clear()
    assert create_file(root / "y.md", b"created", root=root) is True
    assert (root / "y.md").read_bytes() == b"created"
    assert synced == ["file", "folder"]


def test_when_every_temporary_name_is_taken_nothing_is_written(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tries: list[int] = []

    def same(n: int) -> str:
        tries.append(n)
        return "aaaaaaaa"

    monkeypatch.setattr(fs_write.secrets, "token_hex", same)
    (root / ".iv-aaaaaaaa.tmp").write_bytes(b"someone else's")
    with pytest.raises(FileError) as info:
        write_file(root / "x.pdf", b"pdf", root=root)
    assert info.value.render() == (
        "x.pdf: cannot write: no free temporary name (EEXIST)\n  hint: nothing was changed"
    )
    assert tries == [4] * 100
    assert sorted(p.name for p in root.iterdir()) == [".iv-aaaaaaaa.tmp"]


def test_a_fifo_where_a_folder_belongs_is_named(root: Path) -> None:
    os.mkfifo(root / "build")
    with pytest.raises(FileError) as info:
        ensure_folder(root / "build" / "thanks", root=root)
    assert info.value.render() == (
        "build: is a named pipe (FIFO), where infoview needs a folder\n"
        "  hint: move it away, or rename it, and run the command again"
    )


def test_a_link_loop_deep_in_the_path_is_named_itself(root: Path) -> None:
    (root / "a").mkdir()
    (root / "a" / "loop").symlink_to("loop")
    with pytest.raises(FileError) as info:
        ensure_folder(root / "a" / "loop" / "x" / "y", root=root)
    assert info.value.path == "a/loop"
    assert info.value.message == "cannot use the folder: Too many levels of symbolic links (ELOOP)"
    assert info.value.hint == (
        "symbolic links here point at each other in a loop; fix or remove the link; "
        "nothing was changed"
    )


def test_an_existing_folder_is_returned_as_it_is(root: Path) -> None:
    (root / "build").mkdir()
    assert ensure_folder(root / "build", root=root) == root / "build"


def test_a_folder_that_cannot_be_made_is_named(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: object, *args: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(fs_write.os, "mkdir", refuse)
    with pytest.raises(FileError) as info:
        ensure_folder(root / "build" / "thanks", root=root)
    assert info.value.render() == (
        "build: cannot create the folder: Permission denied (EACCES)\n"
        "  hint: check the permissions of the file and of its folder; nothing was changed"
    )


def test_a_folder_made_meanwhile_by_another_run_is_fine_but_a_file_is_not(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_mkdir = os.mkdir

    def race(path: object, *args: object) -> None:
        real_mkdir(path)  # type: ignore[arg-type]
        raise FileExistsError(errno.EEXIST, "File exists", str(path))

    monkeypatch.setattr(fs_write.os, "mkdir", race)
    assert ensure_folder(root / "build" / "thanks", root=root) == root / "build" / "thanks"

    def planted(path: object, *args: object) -> None:
        Path(str(path)).write_bytes(b"")
        raise FileExistsError(errno.EEXIST, "File exists", str(path))

    monkeypatch.setattr(fs_write.os, "mkdir", planted)
    with pytest.raises(FileError) as info:
        ensure_folder(root / "other" / "x", root=root)
    assert info.value.render() == (
        "other: appeared while infoview was creating it, and is not a folder"
    )


def test_a_link_planted_while_the_folders_were_made_is_refused(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (root / "elsewhere").mkdir()
    real_mkdir = os.mkdir

    def swap(path: object, *args: object) -> None:
        if str(path).endswith("build"):
            os.symlink(root / "elsewhere", str(path))
            return
        real_mkdir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(fs_write.os, "mkdir", swap)
    with pytest.raises(FileError) as info:
        ensure_folder(root / "build" / "thanks", root=root)
    assert info.value.render() == "build/thanks: changed while infoview was creating it"


def test_safe_target_accepts_a_regular_file_and_names_what_it_cannot_use(root: Path) -> None:
    (root / "cache").mkdir()
    (root / "cache" / "db").write_bytes(b"")
    assert safe_target(root / "cache" / "db", root=root) == root / "cache" / "db"
    (root / "cache" / "dir").mkdir()
    with pytest.raises(FileError) as info:
        safe_target(root / "cache" / "dir", root=root)
    assert info.value.render() == (
        "cache/dir: is a folder, where infoview keeps a file of its own\n"
        "  hint: remove it; infoview makes it again"
    )
    with pytest.raises(FileError) as info:
        safe_target(root / "cache" / ("x" * 256), root=root)
    assert info.value.message == "cannot use: File name too long (ENAMETOOLONG)"


@pytest.mark.parametrize("code", sorted(fs_write._NO_LINKS))
def test_every_file_system_without_hard_links_falls_back(
    root: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(fs_write.os, "link", no_links)
    assert create_file(root / "a.md", b"one", root=root) is True
    assert (root / "a.md").read_bytes() == b"one"
    assert sorted(p.name for p in root.iterdir()) == ["a.md"]


def test_a_link_that_fails_otherwise_is_an_error_and_leaves_nothing(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(src: object, dst: object) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(fs_write.os, "link", broken)
    with pytest.raises(FileError) as info:
        create_file(root / "a.md", b"one", root=root)
    assert info.value.message == "cannot create: Input/output error (EIO)"
    assert list(root.iterdir()) == []


def test_a_file_appearing_before_the_in_place_create_is_left_alone(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        (root / "a.md").write_bytes(b"theirs")  # someone else was faster
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(fs_write.os, "link", no_links)
    assert create_file(root / "a.md", b"mine", root=root) is False
    assert (root / "a.md").read_bytes() == b"theirs"
    assert sorted(p.name for p in root.iterdir()) == ["a.md"]
