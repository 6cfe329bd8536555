"""infoview.fs: confined paths, regular-files-only reads, atomic writes, locked edits.

Everything runs as root here, so read-only files are made with chmod and refused by their
mode bits (root could write them), and failures the machine will not produce on demand
(a full disk, a read-only file system) are injected into the system calls.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from infoview.fs import (
    Escape,
    FileError,
    ReadError,
    confine,
    create_file,
    edit_file,
    ensure_folder,
    read_regular,
    safe_target,
    write_file,
)
from infoview.fs import lock as fs_lock
from infoview.fs import write as fs_write


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A workspace folder (real path) with a sibling folder outside it."""
    ws = tmp_path / "ws"
    ws.mkdir()
    (tmp_path / "outside").mkdir()
    return ws.resolve()


@pytest.fixture
def umask() -> Iterator[int]:
    old = os.umask(0o027)
    try:
        yield 0o027
    finally:
        os.umask(old)


def leftovers(folder: Path) -> list[str]:
    """Temporary files left anywhere under ``folder``."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob(".iv-*"))


def tree(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``: file bytes, or 'dir' / 'link -> target'."""
    out: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        if path.is_symlink():
            out[name] = f"link -> {os.readlink(path)}"
        elif path.is_dir():
            out[name] = "dir"
        else:
            out[name] = path.read_bytes()
    return out


# -- confine ---------------------------------------------------------------------------------


def test_confine_follows_links_inside_and_refuses_links_out(root: Path) -> None:
    (root / "real").mkdir()
    (root / "inner").symlink_to("real")
    assert confine(root / "inner" / "x.pdf", root) == root / "real" / "x.pdf"
    (root / "build").symlink_to(root.parent / "outside")
    with pytest.raises(Escape) as info:
        confine(root / "build" / "packets" / "x.pdf", root)
    assert info.value.render() == (
        f"build: is a symbolic link to '{root.parent / 'outside'}', outside the workspace; "
        "infoview reads and writes only inside it\n"
        "  hint: replace the link with a real folder or file inside the workspace"
    )


def test_confine_resolves_dotdot_after_a_link_as_the_system_does(root: Path) -> None:
    (root / "a" / "b").mkdir(parents=True)
    (root / "jump").symlink_to("a/b")
    # jump/.. is a (the link's target's parent), not the workspace root.
    assert confine(root / "jump" / ".." / "x", root) == root / "a" / "x"


def test_a_path_the_user_gives_outside_the_workspace_is_theirs(root: Path) -> None:
    elsewhere = root.parent / "outside"
    (elsewhere / "link").symlink_to(root.parent)  # links out there are not ours to judge
    assert confine(elsewhere / "link" / "cal.ics", root) == root.parent / "cal.ics"


def test_a_dangling_link_leading_out_is_refused(root: Path) -> None:
    (root / "build").symlink_to(root.parent / "outside" / "not-yet")
    with pytest.raises(Escape):
        ensure_folder(root / "build" / "packets", root=root)
    assert not (root.parent / "outside" / "not-yet").exists()


# -- ensure_folder -----------------------------------------------------------------------------


def test_ensure_folder_makes_every_missing_part(root: Path) -> None:
    assert ensure_folder(root / "build" / "packets" / "sub", root=root) == (
        root / "build" / "packets" / "sub"
    )
    assert (root / "build" / "packets" / "sub").is_dir()


def test_ensure_folder_names_the_file_in_the_way(root: Path) -> None:
    (root / "build").write_text("not a folder")
    with pytest.raises(FileError) as info:
        ensure_folder(root / "build" / "thanks", root=root)
    assert info.value.render() == (
        "build: is a file, where infoview needs a folder\n"
        "  hint: move it away, or rename it, and run the command again"
    )
    assert info.value.exit_code == 2


def test_ensure_folder_reports_a_link_loop(root: Path) -> None:
    (root / "build").symlink_to("build")
    with pytest.raises(FileError) as info:
        ensure_folder(root / "build" / "packets", root=root)
    assert info.value.message == "cannot use the folder: Too many levels of symbolic links (ELOOP)"


def test_a_dangling_link_inside_gets_its_target_created(root: Path) -> None:
    (root / "build").symlink_to("out")
    assert ensure_folder(root / "build" / "packets", root=root) == root / "out" / "packets"
    assert (root / "out" / "packets").is_dir() and (root / "build").is_symlink()


# -- write_file --------------------------------------------------------------------------------


def test_a_new_output_gets_the_umask_mode(root: Path, umask: int) -> None:
    write_file(root / "build" / "x.pdf", b"pdf", root=root)
    assert stat.S_IMODE((root / "build" / "x.pdf").stat().st_mode) == 0o666 & ~umask
    assert (root / "build" / "x.pdf").read_bytes() == b"pdf"


def test_replacing_keeps_the_files_mode(root: Path) -> None:
    target = root / "x.pdf"
    target.write_bytes(b"old")
    target.chmod(0o604)
    write_file(target, b"new", root=root)
    assert (target.read_bytes(), stat.S_IMODE(target.stat().st_mode)) == (b"new", 0o604)
    assert leftovers(root) == []


def test_a_link_at_the_output_is_replaced_not_written_through(root: Path) -> None:
    victim = root.parent / "outside" / "victim"
    victim.write_bytes(b"precious")
    (root / "x.pdf").symlink_to(victim)
    write_file(root / "x.pdf", b"pdf", root=root)
    assert victim.read_bytes() == b"precious"
    assert not (root / "x.pdf").is_symlink() and (root / "x.pdf").read_bytes() == b"pdf"


def test_a_symlinked_output_folder_leading_out_is_never_written_through(root: Path) -> None:
    outside = root.parent / "outside"
    (root / "build").symlink_to(outside)
    with pytest.raises(Escape):
        write_file(root / "build" / "packets" / "x.pdf", b"pdf", root=root)
    assert tree(outside) == {}


def test_a_name_of_250_bytes_still_gets_a_temporary_name(root: Path) -> None:
    name = "é" * 123 + ".pdf"  # 250 bytes in UTF-8
    assert len(name.encode()) == 250
    write_file(root / name, b"pdf", root=root)
    assert (root / name).read_bytes() == b"pdf"
    assert leftovers(root) == []


def test_a_name_over_the_limit_is_a_clear_error(root: Path) -> None:
    with pytest.raises(FileError) as info:
        write_file(root / ("x" * 256), b"pdf", root=root)
    assert info.value.render() == (
        f"{'x' * 256}: cannot write: File name too long (ENAMETOOLONG)\n"
        "  hint: the name is longer than the file system allows; rename the interview file "
        "to something shorter; nothing was changed"
    )


@pytest.mark.parametrize(
    ("call", "code", "words"),
    [
        ("write", errno.ENOSPC, "No space left on device (ENOSPC)"),
        ("fsync", errno.EIO, "Input/output error (EIO)"),
        ("replace", errno.EROFS, "Read-only file system (EROFS)"),
    ],
)
def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    root: Path, monkeypatch: pytest.MonkeyPatch, call: str, code: int, words: str
) -> None:
    target = root / "x.pdf"
    target.write_bytes(b"old")

    def fail(*args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(fs_write.os, call, fail)
    with pytest.raises(FileError) as info:
        write_file(target, b"new", root=root)
    monkeypatch.undo()
    assert info.value.message == f"cannot write: {words}"
    assert info.value.hint is not None and info.value.hint.endswith("nothing was changed")
    assert target.read_bytes() == b"old"
    assert leftovers(root) == []


def test_an_interrupt_mid_write_leaves_no_temporary_file(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(fd: int, data: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(fs_write.os, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_file(root / "x.pdf", b"new", root=root)
    monkeypatch.undo()
    assert list(root.iterdir()) == []


def test_a_planted_link_at_a_temporary_name_is_not_followed(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = root.parent / "outside" / "victim"
    victim.write_bytes(b"precious")
    names = iter(["aaaaaaaa", "bbbbbbbb"])
    monkeypatch.setattr(fs_write.secrets, "token_hex", lambda n: next(names))
    (root / ".iv-aaaaaaaa.tmp").symlink_to(victim)  # the first name is taken
    write_file(root / "x.pdf", b"pdf", root=root)
    assert victim.read_bytes() == b"precious"
    assert (root / "x.pdf").read_bytes() == b"pdf"
    assert leftovers(root) == [".iv-aaaaaaaa.tmp"]  # the planted link, untouched


# -- create_file -----------------------------------------------------------------------------


def test_create_file_never_overwrites(root: Path) -> None:
    assert create_file(root / "a.md", b"one", root=root) is True
    assert create_file(root / "a.md", b"two", root=root) is False
    assert (root / "a.md").read_bytes() == b"one"
    assert leftovers(root) == []


def test_create_file_does_not_write_through_a_dangling_link(root: Path) -> None:
    victim = root.parent / "outside" / "victim"
    (root / "a.md").symlink_to(victim)
    assert create_file(root / "a.md", b"one", root=root) is False
    assert not victim.exists()


def test_create_file_without_hard_links_still_refuses_to_overwrite(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(fs_write.os, "link", no_links)
    assert create_file(root / "a.md", b"one", root=root) is True
    assert create_file(root / "a.md", b"two", root=root) is False
    assert (root / "a.md").read_bytes() == b"one"
    assert leftovers(root) == []


def test_create_file_in_place_removes_a_partial_file(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    real_write = os.write
    calls = 0

    def full_disk_second_time(fd: int, data: bytes) -> int:
        nonlocal calls
        calls += 1
        if calls > 1:  # the temporary file fits; the file written in place does not
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(fs_write.os, "link", no_links)
    monkeypatch.setattr(fs_write.os, "write", full_disk_second_time)
    with pytest.raises(FileError, match="No space left on device"):
        create_file(root / "a.md", b"one", root=root)
    monkeypatch.undo()
    assert list(root.iterdir()) == []


# -- safe_target -----------------------------------------------------------------------------


def test_safe_target_refuses_a_link_or_fifo_where_infoview_keeps_a_file(root: Path) -> None:
    cache = root / ".infoview-cache"
    assert safe_target(cache / "lint.sqlite", root=root) == cache / "lint.sqlite"
    assert cache.is_dir()
    (cache / "lint.sqlite").symlink_to(root.parent / "outside" / "db")
    with pytest.raises(FileError, match="is a symbolic link, where infoview keeps a file"):
        safe_target(cache / "lint.sqlite", root=root)
    os.mkfifo(cache / "other.sqlite")
    with pytest.raises(FileError, match=r"is a named pipe \(FIFO\), where infoview keeps"):
        safe_target(cache / "other.sqlite", root=root)


# -- read_regular ----------------------------------------------------------------------------


def read_soon(path: Path, **kwargs: object) -> BaseException | bytes:
    """read_regular in a thread that must finish within 5 s (a FIFO would block forever)."""
    box: list[BaseException | bytes] = []

    def run() -> None:
        try:
            box.append(read_regular(path, max_bytes=1024, **kwargs))  # type: ignore[arg-type]
        except BaseException as exc:
            box.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(5)
    assert not thread.is_alive(), f"reading {path} blocked"
    return box[0]


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: os.mkfifo(p), "is a named pipe (FIFO), not a file"),
        (lambda p: p.symlink_to("/dev/zero"), "is a character device, not a file"),
        (lambda p: p.mkdir(), "is a folder, not a file"),
        (lambda p: p.symlink_to("gone.md"), "is a symbolic link to 'gone.md', which does not"),
        (lambda p: p.symlink_to(p.name), "is a symbolic link that leads back to itself (a loop)"),
        (lambda p: p.write_bytes(b"x" * 2000), "is 2000 bytes, more than the 1024 file may have"),
    ],
    ids=["fifo", "dev-zero", "folder", "dangling", "loop", "too-large"],
)
def test_only_regular_files_are_read_and_nothing_blocks(
    root: Path, make: Callable[[Path], object], words: str
) -> None:
    path = root / "x.md"
    make(path)
    error = read_soon(path)  # unconfined: /dev/zero is outside the workspace
    assert isinstance(error, ReadError)
    assert error.message.startswith(words)
    assert error.path == str(path)


def test_two_links_to_each_other_are_a_loop(root: Path) -> None:
    (root / "a.md").symlink_to("b.md")
    (root / "b.md").symlink_to("a.md")
    error = read_soon(root / "a.md", root=root)
    assert isinstance(error, ReadError) and "(a loop)" in error.message


def test_a_link_out_of_the_workspace_is_not_read(root: Path) -> None:
    secret = root.parent / "outside" / "secret"
    secret.write_bytes(b"password")
    (root / "x.md").symlink_to(secret)
    error = read_soon(root / "x.md", root=root)
    assert isinstance(error, Escape)
    assert read_regular(root / "x.md", max_bytes=100) == b"password"  # unconfined: allowed


# -- edit_file -------------------------------------------------------------------------------


def upper(data: bytes) -> bytes:
    return data.upper()


def test_an_edit_replaces_the_file_and_keeps_its_mode(root: Path) -> None:
    path = root / "x.md"
    path.write_bytes(b"abc")
    path.chmod(0o640)
    outcome = edit_file(path, upper, root=root, max_bytes=100)
    assert (outcome.before, outcome.after) == (b"abc", b"ABC")
    assert (path.read_bytes(), stat.S_IMODE(path.stat().st_mode)) == (b"ABC", 0o640)
    assert leftovers(root) == []


def test_a_read_only_file_is_refused_not_rewritten(root: Path) -> None:
    path = root / "x.md"
    path.write_bytes(b"abc")
    path.chmod(0o444)
    before = path.stat()
    with pytest.raises(FileError) as info:
        edit_file(path, upper, root=root, max_bytes=100)
    assert info.value.render() == (
        "x.md: is read-only; infoview does not change a file you have protected\n"
        "  hint: make it writable first (chmod u+w x.md) if you mean to edit it"
    )
    assert path.read_bytes() == b"abc" and path.stat().st_ino == before.st_ino
    # A read-only file that needs no change is no error.
    assert edit_file(path, lambda d: d, root=root, max_bytes=100).after == b"abc"


def test_an_edit_follows_a_link_to_its_target_inside_and_keeps_the_link(root: Path) -> None:
    (root / "drafts").mkdir()
    target = root / "drafts" / "real.md"
    target.write_bytes(b"abc")
    (root / "x.md").symlink_to("drafts/real.md")
    outcome = edit_file(root / "x.md", upper, root=root, max_bytes=100)
    assert outcome.real == target
    assert (root / "x.md").is_symlink() and target.read_bytes() == b"ABC"


def test_an_edit_through_a_link_out_of_the_workspace_is_refused(root: Path) -> None:
    target = root.parent / "outside" / "real.md"
    target.write_bytes(b"abc")
    (root / "x.md").symlink_to(target)
    with pytest.raises(Escape):
        edit_file(root / "x.md", upper, root=root, max_bytes=100)
    assert target.read_bytes() == b"abc"


def test_a_change_made_meanwhile_by_a_program_without_locks_is_kept(root: Path) -> None:
    """An editor saving in place while infoview edits: the edit runs again on its text."""
    path = root / "x.md"
    path.write_bytes(b"abc\n")
    seen: list[bytes] = []

    def append_line(data: bytes) -> bytes:
        seen.append(data)
        if len(seen) == 1:
            with path.open("ab") as handle:  # no lock, no rename: what an editor might do
                handle.write(b"typed meanwhile\n")
        return data + b"added\n"

    edit_file(path, append_line, root=root, max_bytes=100)
    assert seen == [b"abc\n", b"abc\ntyped meanwhile\n"]
    assert path.read_bytes() == b"abc\ntyped meanwhile\nadded\n"


def test_an_edit_waits_for_the_lock_and_gives_up_clearly(root: Path) -> None:
    import fcntl

    path = root / "x.md"
    path.write_bytes(b"abc")
    with path.open("rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        with pytest.raises(FileError) as info:
            edit_file(path, upper, root=root, max_bytes=100, timeout=0.2)
    assert info.value.render() == (
        "x.md: is being edited by another infoview command; nothing was changed\n"
        "  hint: wait for it to finish, then run the command again"
    )
    assert path.read_bytes() == b"abc"


def test_a_lock_on_a_replaced_file_is_not_taken_for_the_new_one(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first flock lands on an inode that a rename has just replaced: lock again."""
    path = root / "x.md"
    path.write_bytes(b"old")
    real_flock = fs_lock._flock
    calls = 0

    def flock_then_replace(fd: int) -> bool | None:
        nonlocal calls
        calls += 1
        got = real_flock(fd)
        if calls == 1:  # another writer renames a new file over the path meanwhile
            (root / "new").write_bytes(b"new")
            os.replace(root / "new", path)
        return got

    seen: list[bytes] = []

    def change(data: bytes) -> bytes:
        seen.append(data)
        return data.upper()

    monkeypatch.setattr(fs_lock, "_flock", flock_then_replace)
    edit_file(path, change, root=root, max_bytes=100)
    assert calls == 2
    assert seen == [b"new"]  # never read from the replaced inode it first locked
    assert path.read_bytes() == b"NEW"


def test_without_flock_a_lock_folder_serialises_and_goes(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fs_lock, "fcntl", None)
    path = root / "x.md"
    path.write_bytes(b"abc")
    seen: list[list[str]] = []

    def look(data: bytes) -> bytes:
        seen.append(sorted(p.name for p in root.iterdir() if p.name.endswith(".lock")))
        return data.upper()

    edit_file(path, look, root=root, max_bytes=100)
    assert path.read_bytes() == b"ABC"
    assert len(seen) == 1 and len(seen[0]) == 1  # held while the change ran
    assert sorted(p.name for p in root.iterdir()) == ["x.md"]  # and gone after


def test_an_edit_that_cannot_be_written_changes_nothing(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = root / "x.md"
    path.write_bytes(b"abc")

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fs_write.os, "write", full)
    with pytest.raises(FileError) as info:
        edit_file(path, upper, root=root, max_bytes=100)
    monkeypatch.undo()
    assert info.value.message == "cannot edit: No space left on device (ENOSPC)"
    assert path.read_bytes() == b"abc"
    assert leftovers(root) == []
