"""infoview.fs.read when the file changes between the ``stat`` and the ``open``.

A FIFO swapped in after the check must not block the read (``O_NONBLOCK``).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from infoview.fs import ReadError
from infoview.fs import read as fs_read


def test_a_fifo_swapped_in_after_the_stat_does_not_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regular = tmp_path / "regular.md"
    regular.write_text("x")
    fifo = tmp_path / "a.md"
    os.mkfifo(fifo)
    real_stat = os.stat

    def looks_regular(target: object, *args: object, **kwargs: object) -> os.stat_result:
        if str(target) == str(fifo):  # the check saw a file; a FIFO is there by the open
            return real_stat(regular)
        return real_stat(target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fs_read.os, "stat", looks_regular)
    box: list[BaseException | bytes] = []

    def run() -> None:
        try:
            box.append(fs_read.read_regular(fifo, root=tmp_path, max_bytes=100))
        except BaseException as exc:
            box.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(20)
    if thread.is_alive():  # unblock the open so the thread ends, then fail
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("opening a FIFO swapped in after the stat blocked")
    (error,) = box
    assert isinstance(error, ReadError)
    assert error.render() == "a.md: is a named pipe (FIFO), not a file"
