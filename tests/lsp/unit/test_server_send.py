"""``_Protocol._send_data`` after an early start: exactly pygls' answer to the ``initialize``
the early start answered is held back, and compared with what went out (nothing else)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from lsprotocol import types

from infoview.lsp.early import Handover, Replay
from infoview.lsp.server import InfoviewServer, serve

from ..inproc import Lsp

EARLY = {"capabilities": {"hoverProvider": True}, "serverInfo": {"name": "infoview"}}


@pytest.fixture
def lsp(root: Path) -> Lsp:
    lsp = Lsp(root, "neovim")
    lsp.sent.clear()
    lsp.ls.early = Handover(answered=7, result=EARLY)
    return lsp


def send(lsp: Lsp, data: object) -> None:
    lsp.ls.protocol._send_data(data)


def same_answer(lsp: Lsp) -> types.InitializeResponse:
    result = lsp.converter.structure(EARLY, types.InitializeResult)
    return types.InitializeResponse(id=7, result=result)


def test_the_same_answer_is_held_back_silently(
    lsp: Lsp, capsys: pytest.CaptureFixture[str]
) -> None:
    send(lsp, same_answer(lsp))
    assert lsp.sent == []
    assert capsys.readouterr().err == ""
    assert lsp.ls.early is not None and lsp.ls.early.answered is None
    send(lsp, same_answer(lsp))  # once: an answer with that id again goes out
    assert [m["id"] for m in lsp.sent] == [7]


def test_an_error_in_place_of_the_answer_is_said(
    lsp: Lsp, capsys: pytest.CaptureFixture[str]
) -> None:
    error = types.ResponseError(code=-32603, message="boom")
    send(lsp, types.ResponseErrorMessage(id=7, error=error))
    assert lsp.sent == []
    assert capsys.readouterr().err == "infoview lsp: pygls' initialize gave boom\n"


def test_a_request_or_notification_is_never_taken_for_the_answer(lsp: Lsp) -> None:
    """A message with a method is no answer, even with the answered id."""
    send(lsp, types.DiagnosticRefreshRequest(id=7))
    note = types.ShowMessageParams(types.MessageType.Info, "x")
    send(lsp, types.ShowMessageNotification(note))
    assert [m.get("method") for m in lsp.sent] == [
        "workspace/diagnostic/refresh",
        "window/showMessage",
    ]
    assert lsp.sent[0]["id"] == 7
    assert lsp.ls.early is not None and lsp.ls.early.answered == 7  # still waiting for it


def test_another_answer_goes_out(lsp: Lsp) -> None:
    send(lsp, types.InitializeResponse(id=8, result=same_answer(lsp).result))
    assert [m["id"] for m in lsp.sent] == [8]


def test_serve_hands_the_early_start_to_the_server_and_replays_what_it_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``serve(early=...)``: the server carries the handover, and pygls reads first the
    bytes the early start read, then stdin; without one, stdin as it is."""
    started: list[tuple[InfoviewServer, tuple[object, ...]]] = []

    def start_io(self: InfoviewServer, *args: object) -> None:
        started.append((self, args))

    monkeypatch.setattr(InfoviewServer, "start_io", start_io)
    stdin = io.BytesIO(b"rest")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stdin))
    handover = Handover(read=b"first ")
    serve(use_watchdog=False, early=handover)
    ((server, args),) = started
    assert server.early is handover and server.use_watchdog is False
    (replay,) = args
    assert isinstance(replay, Replay) and replay.read(10) == b"first rest"
    started.clear()
    serve()
    ((server, args),) = started
    assert server.early is None and server.use_watchdog is True and args == ()
