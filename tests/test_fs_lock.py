"""``edit_file`` under the conditions a shared workspace meets: waiting, races, no flock.

``test_fs.py`` has the ordinary edits; these are the hostile moments. A race is provoked
exactly where it can happen (between the checks and the open, between the lock and the
read) by a hook on the step just before it, as another process would act there.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from infoview.fs import FileError, edit_file
from infoview.fs import lock as fs_lock


@pytest.fixture
def root(tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    ws.mkdir()
    (tmp_path / "outside").mkdir()
    return ws.resolve()


def upper(data: bytes) -> bytes:
    return data.upper()


def finishes(call: Callable[[], object], seconds: float = 10) -> object:
    """``call()`` in a thread that must end within ``seconds`` (a blocking open would not)."""
    box: list[object] = []

    def run() -> None:
        try:
            box.append(call())
        except BaseException as exc:  # handed back to the test
            box.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the edit blocked"
    return box[0]


def lock_folder(path: Path) -> Path:
    """Where an edit without flock keeps its lock: the same name for every infoview."""
    name = hashlib.sha256(path.name.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    return path.parent / f".iv-{name}.lock"


def before_open(monkeypatch: pytest.MonkeyPatch, act: Callable[[], None]) -> None:
    """Run ``act`` once, just before the edit opens the file (after its own checks)."""
    real = fs_lock.time.monotonic
    done = []

    def monotonic() -> float:
        if not done:
            done.append(True)
            act()
        return real()

    monkeypatch.setattr(fs_lock.time, "monotonic", monotonic)


# -- a file that keeps changing ----------------------------------------------------------------


def test_a_file_that_changes_on_every_read_is_left_alone_after_five_tries(root: Path) -> None:
    path = root / "x.md"
    path.write_bytes(b"abc\n")
    seen: list[bytes] = []

    def change(data: bytes) -> bytes:
        seen.append(data)
        with path.open("ab") as handle:  # an editor saving in place, every time
            handle.write(b"typed\n")
        return data + b"added\n"

    with pytest.raises(FileError) as caught:
        edit_file(path, change, root=root, max_bytes=1000)
    assert caught.value.render() == (
        "x.md: kept changing while infoview was editing it; nothing was changed\n"
        "  hint: close the program writing to it, then run the command again"
    )
    assert len(seen) == 5
    assert path.read_bytes() == b"abc\n" + b"typed\n" * 5  # only the other program's lines


def test_a_file_replaced_after_every_lock_gives_up_as_busy(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = root / "x.md"
    path.write_bytes(b"old")
    real_flock = fs_lock._flock

    def flock_then_replace(fd: int) -> bool | None:
        got = real_flock(fd)
        (root / "new").write_bytes(b"new")
        os.replace(root / "new", path)  # another writer renames over the path, every time
        return got

    monkeypatch.setattr(fs_lock, "_flock", flock_then_replace)
    result = finishes(lambda: edit_file(path, upper, root=root, max_bytes=100, timeout=0.2))
    assert isinstance(result, FileError)
    assert result.message == "is being edited by another infoview command; nothing was changed"
    assert path.read_bytes() == b"new"


# -- waiting for another edit ------------------------------------------------------------------


def test_an_edit_waits_while_another_holds_the_lock_then_goes(root: Path) -> None:
    import fcntl

    path = root / "x.md"
    path.write_bytes(b"abc")
    held = path.open("rb")
    fcntl.flock(held.fileno(), fcntl.LOCK_EX)
    threading.Timer(0.3, held.close).start()  # the other edit finishes
    outcome = edit_file(path, upper, root=root, max_bytes=100, timeout=30)
    assert outcome.after == b"ABC" and path.read_bytes() == b"ABC"


# -- races between the checks and the open -----------------------------------------------------


def test_a_fifo_swapped_in_after_the_checks_is_refused_without_blocking(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = root / "x.md"
    path.write_bytes(b"abc")

    def swap() -> None:
        path.unlink()
        os.mkfifo(path)  # nobody writes to it: a blocking open would wait forever

    before_open(monkeypatch, swap)
    result = finishes(lambda: edit_file(path, upper, root=root, max_bytes=100))
    assert isinstance(result, FileError)
    assert result.render() == "x.md: is not a regular file"
    assert stat.S_ISFIFO(path.lstat().st_mode)


def test_a_link_swapped_in_after_the_checks_is_not_followed(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = root.parent / "outside" / "secret.txt"
    secret.write_bytes(b"secret")
    path = root / "x.md"
    path.write_bytes(b"abc")
    seen: list[bytes] = []

    def swap() -> None:
        path.unlink()
        path.symlink_to(secret)

    def change(data: bytes) -> bytes:
        seen.append(data)
        return data.upper()

    before_open(monkeypatch, swap)
    with pytest.raises(FileError) as caught:
        edit_file(path, change, root=root, max_bytes=100)
    assert caught.value.message.startswith("cannot edit: ")
    assert seen == []  # the file outside was never read
    assert secret.read_bytes() == b"secret" and path.is_symlink()


def test_a_file_deleted_while_waiting_for_the_lock_is_not_edited(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = root / "x.md"
    path.write_bytes(b"abc")
    real_flock = fs_lock._flock

    def flock_then_delete(fd: int) -> bool | None:
        got = real_flock(fd)
        path.unlink(missing_ok=True)
        return got

    monkeypatch.setattr(fs_lock, "_flock", flock_then_delete)
    for change in (upper, lambda data: data):  # even an edit with nothing to change
        path.write_bytes(b"abc")
        with pytest.raises(FileError) as caught:
            edit_file(path, change, root=root, max_bytes=100)
        assert caught.value.message == "cannot edit: No such file or directory (ENOENT)"
        assert not path.exists()


# -- descriptors -------------------------------------------------------------------------------


def open_fds() -> set[int]:
    return {int(name) for name in os.listdir("/proc/self/fd")}  # one of them is listdir's own


def is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


@pytest.mark.parametrize("flock", [True, False])
def test_an_edit_closes_every_descriptor_it_opens_even_descriptor_0(
    root: Path, monkeypatch: pytest.MonkeyPatch, flock: bool
) -> None:
    """A process started with stdin closed gets descriptor 0 for the first file it opens."""
    if not flock:
        monkeypatch.setattr(fs_lock, "fcntl", None)
    path = root / "x.md"
    path.write_bytes(b"abc")
    saved = os.dup(0)
    try:
        os.close(0)
        before = open_fds()
        edit_file(path, upper, root=root, max_bytes=100)
        after = open_fds()
        closed = not is_open(0)
    finally:
        os.dup2(saved, 0)
        os.close(saved)
    assert closed  # descriptor 0, the edit's own, is closed again
    assert after == before
    assert path.read_bytes() == b"ABC"


# -- without flock: a lock folder --------------------------------------------------------------


def test_flock_missing_on_the_file_system_falls_back_to_a_lock_folder(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_locks(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")  # some network mounts

    monkeypatch.setattr(fs_lock.fcntl, "flock", no_locks)
    path = root / "x.md"
    path.write_bytes(b"abc")
    seen: list[bool] = []

    def change(data: bytes) -> bytes:
        seen.append(lock_folder(path).is_dir())
        return data.upper()

    edit_file(path, change, root=root, max_bytes=100)
    assert seen == [True]
    assert sorted(p.name for p in root.iterdir()) == ["x.md"]


def test_another_flock_error_is_reported_not_ignored(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(fd: int, operation: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(fs_lock.fcntl, "flock", broken)
    path = root / "x.md"
    path.write_bytes(b"abc")
    with pytest.raises(FileError) as caught:
        edit_file(path, upper, root=root, max_bytes=100)
    assert caught.value.message == "cannot edit: Input/output error (EIO)"
    assert path.read_bytes() == b"abc"


@pytest.fixture
def no_flock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fs_lock, "fcntl", None)


@pytest.mark.usefixtures("no_flock")
def test_a_file_name_that_is_not_utf8_gets_a_lock_folder_too(root: Path) -> None:
    path = root / os.fsdecode(b"caf\xe9.md")
    path.write_bytes(b"abc")
    seen: list[bool] = []

    def change(data: bytes) -> bytes:
        seen.append(lock_folder(path).is_dir())
        return data.upper()

    edit_file(path, change, root=root, max_bytes=100)
    assert seen == [True] and path.read_bytes() == b"ABC"


@pytest.mark.usefixtures("no_flock")
def test_a_lock_folder_left_by_a_process_that_died_is_taken_over(root: Path) -> None:
    path = root / "x.md"
    path.write_bytes(b"abc")
    folder = lock_folder(path)
    folder.mkdir()
    old = time.time() - 120  # older than a minute: nobody is editing any more
    os.utime(folder, (old, old))
    outcome = edit_file(path, upper, root=root, max_bytes=100, timeout=0)
    assert outcome.after == b"ABC" and path.read_bytes() == b"ABC"
    assert not folder.exists()


@pytest.mark.usefixtures("no_flock")
def test_a_fresh_lock_folder_makes_an_edit_wait_then_give_up(root: Path) -> None:
    path = root / "x.md"
    path.write_bytes(b"abc")
    lock_folder(path).mkdir()  # another edit, just started
    with pytest.raises(FileError) as caught:
        edit_file(path, upper, root=root, max_bytes=100, timeout=0.2)
    assert caught.value.message == (
        "is being edited by another infoview command; nothing was changed"
    )
    assert path.read_bytes() == b"abc" and lock_folder(path).is_dir()


@pytest.mark.usefixtures("no_flock")
def test_an_edit_waits_for_a_lock_folder_to_go(root: Path) -> None:
    path = root / "x.md"
    path.write_bytes(b"abc")
    folder = lock_folder(path)
    folder.mkdir()
    threading.Timer(0.3, folder.rmdir).start()  # the other edit finishes
    outcome = edit_file(path, upper, root=root, max_bytes=100, timeout=30)
    assert outcome.after == b"ABC" and not folder.exists()


# -- dry runs and who may write ----------------------------------------------------------------


def test_a_dry_run_reads_and_changes_but_writes_nothing(root: Path) -> None:
    path = root / "x.md"
    path.write_bytes(b"abc")
    mtime = path.stat().st_mtime_ns
    outcome = edit_file(path, upper, root=root, max_bytes=100, dry_run=True)
    assert (outcome.path, outcome.real, outcome.before, outcome.after) == (
        path,
        path,
        b"abc",
        b"ABC",
    )
    assert path.read_bytes() == b"abc" and path.stat().st_mtime_ns == mtime


def test_a_dry_run_says_what_the_real_run_would_refuse(root: Path) -> None:
    path = root / "x.md"
    path.write_bytes(b"abc")
    path.chmod(0o444)
    with pytest.raises(FileError, match="is read-only"):
        edit_file(path, upper, root=root, max_bytes=100, dry_run=True)
    # nothing to change: nothing to refuse
    outcome = edit_file(path, lambda d: d, root=root, max_bytes=100, dry_run=True)
    assert outcome.after == b"abc"


def test_a_dry_run_names_the_size_limit(root: Path) -> None:
    path = root / "x.md"
    path.write_bytes(b"x" * 200)
    with pytest.raises(FileError) as caught:
        edit_file(path, upper, root=root, max_bytes=100, dry_run=True)
    assert caught.value.message == "is 200 bytes, more than the 100 the file may have"


def test_the_size_limit_names_what_is_edited(root: Path) -> None:
    path = root / "x.md"
    path.write_bytes(b"x" * 200)
    with pytest.raises(FileError) as caught:
        edit_file(path, upper, root=root, max_bytes=100)
    assert caught.value.message == "is 200 bytes, more than the 100 the file may have"


def test_a_read_only_file_of_another_user_is_refused_even_for_root(root: Path) -> None:
    path = root / "x.md"
    path.write_bytes(b"abc")
    os.chown(path, 4321, 4321)
    path.chmod(0o444)
    with pytest.raises(FileError, match="is read-only"):
        edit_file(path, upper, root=root, max_bytes=100)
    assert path.read_bytes() == b"abc"


def test_a_group_writable_file_is_edited_by_a_member_who_does_not_own_it(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not the owner: whether the system lets this user write decides, not the owner's bits."""
    path = root / "x.md"
    path.write_bytes(b"abc")
    path.chmod(0o464)  # the owner may not write; the group may
    owner = path.stat().st_uid
    monkeypatch.setattr(fs_lock.os, "geteuid", lambda: owner + 1)
    monkeypatch.setattr(fs_lock.os, "access", lambda p, mode: True)  # a member of the group
    edit_file(path, upper, root=root, max_bytes=100)
    assert path.read_bytes() == b"ABC"
