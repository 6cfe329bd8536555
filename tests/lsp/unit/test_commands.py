"""Commands through ``workspace/executeCommand``: the recording edits (as
``workspace/applyEdit`` on an open buffer, else on the file) and the outputs built by a
child ``infoview`` (replaced here by a recorded fake, so no WeasyPrint runs)."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types

from infoview.edit import EditRefused
from infoview.followup import add_referral_text, log_contact_text, mark_sent_text
from infoview.lsp.commands import LOG, MARK_SENT, PACKET, REFERRAL, THANKS

from ..inproc import Lsp, ResponseError
from ..session import TODAY, make_workspace

MARCUS = "2026-11-18-marcus-lee.md"  # informal: a card
DANA = "2026-12-03-dana-whitfield.md"  # formal: an email
PRIYA = "2026-11-25-priya-raman.md"
UNSENT = "  thank_you_sent: 2026-11-19\n  thank_you_via: handwritten\n"


def command(server: Lsp, name: str, *arguments: Any) -> Any:
    return server.request(
        "workspace/executeCommand", types.ExecuteCommandParams(name, list(arguments))
    )


def test_the_commands_are_advertised(lsp: Callable[..., Lsp]) -> None:
    result = lsp().result
    assert result is not None and result.capabilities.execute_command_provider is not None
    assert sorted(result.capabilities.execute_command_provider.commands) == sorted(
        [
            "infoview.buildPacket",
            "infoview.writeThanks",
            "infoview.markSent",
            "infoview.logContact",
            "infoview.addReferral",
        ]
    )
    assert (PACKET, THANKS, MARK_SENT, LOG, REFERRAL) == (
        "infoview.buildPacket",
        "infoview.writeThanks",
        "infoview.markSent",
        "infoview.logContact",
        "infoview.addReferral",
    )


# -- the recording edits ------------------------------------------------------------------------


def test_mark_sent_log_and_referral_edit_the_open_buffer_through_the_client(
    lsp: Callable[..., Lsp], root: Path, client: str
) -> None:
    server = lsp(client)
    path = root / "interviews" / MARCUS
    saved = path.read_text().replace(UNSENT, "")
    path.write_text(saved)
    uri = server.open(path)
    today = dt.date.fromisoformat(TODAY)
    assert command(server, MARK_SENT, uri) == {"changed": True}
    expected = mark_sent_text(saved, on=today, via="handwritten")  # informal: a card
    assert server.texts[uri] == expected
    (request,) = server.requests("workspace/applyEdit")
    assert request["label"] == f"thank-you sent {TODAY}"
    assert command(server, LOG, uri, "Told him about the clinic", "2026-11-30") == {"changed": True}
    expected = log_contact_text(
        expected, note="Told him about the clinic", on=dt.date(2026, 11, 30)
    )
    assert server.texts[uri] == expected
    assert server.requests("workspace/applyEdit")[-1]["label"] == "logged contact on 2026-11-30"
    referral = {"uri": uri, "name": "Lee Chan", "note": "runs the clinic", "contact": "lee@x.org"}
    assert command(server, REFERRAL, referral) == {"changed": True}
    expected = add_referral_text(
        expected, name="Lee Chan", note="runs the clinic", contact="lee@x.org"
    )
    assert server.texts[uri] == expected
    assert server.requests("workspace/applyEdit")[-1]["label"] == "added referral Lee Chan"
    assert path.read_text() == saved  # the buffer changed, unsaved, not the file
    assert server.messages() == []


def test_mark_sent_takes_the_channel_the_workspace_pairs_with_the_formality(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    uri = server.open(root / "interviews" / DANA)
    text = server.texts[uri]
    command(server, MARK_SENT, uri, "2026-12-04")
    assert server.texts[uri] == mark_sent_text(text, on=dt.date(2026, 12, 4), via="email")
    other = server.open(root / "interviews" / PRIYA)
    command(server, MARK_SENT, other, "2026-12-04", "handwritten")
    assert "thank_you_via: handwritten" in server.texts[other]


def test_the_same_record_again_changes_nothing(lsp: Callable[..., Lsp], root: Path) -> None:
    server = lsp()
    uri = server.open(root / "interviews" / MARCUS)
    text = server.texts[uri]
    assert command(server, MARK_SENT, uri, "2026-11-19", "handwritten") == {"changed": False}
    assert server.texts[uri] == text and server.requests("workspace/applyEdit") == []


def test_a_command_on_a_closed_interview_edits_the_file(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    path = root / "interviews" / PRIYA
    text = path.read_text()
    assert command(server, LOG, path.as_uri(), "Sent the article", "2026-11-30") == {
        "changed": True,
        "file": str(path),
    }
    assert path.read_text() == log_contact_text(
        text, note="Sent the article", on=dt.date(2026, 11, 30)
    )
    assert server.requests("workspace/applyEdit") == []
    marcus = root / "interviews" / MARCUS
    assert command(server, MARK_SENT, marcus.as_uri(), "2026-11-19") == {
        "changed": False,
        "file": str(marcus),
    }


def test_the_editor_refusing_the_edit_is_an_error(lsp: Callable[..., Lsp], root: Path) -> None:
    server = lsp()
    uri = server.open(root / "interviews" / PRIYA)
    server.replies["workspace/applyEdit"] = {"applied": False, "failureReason": "read-only"}
    with pytest.raises(ResponseError, match=r"^the editor did not apply the edit: read-only$"):
        command(server, LOG, uri, "hello")
    server.replies["workspace/applyEdit"] = {"applied": False}
    with pytest.raises(ResponseError, match=r"^the editor did not apply the edit: $"):
        command(server, LOG, uri, "hello")
    assert server.messages() == [
        (types.MessageType.Error, "the editor did not apply the edit: read-only"),
        (types.MessageType.Error, "the editor did not apply the edit: "),
    ]


@pytest.mark.parametrize(
    ("name", "arguments", "said"),
    [
        (LOG, ["{uri}", " "], "--note must not be empty"),
        (LOG, ["{uri}"], "--note must not be empty"),
        (REFERRAL, ["{uri}"], "must not be empty"),
        (REFERRAL, [{"uri": "{uri}", "note": "x"}], "must not be empty"),
        (MARK_SENT, ["{uri}", "someday"], "'someday' is not a date; write YYYY-MM-DD"),
        (MARK_SENT, ["{uri}", "2026-11-20", 5], "'via' must be text, not 5"),
        (MARK_SENT, [], "give the interview's URI first: [uri, on, via]"),
        (REFERRAL, [{"name": "x"}], "give the interview's URI first: [uri, name, note, contact]"),
        (PACKET, [""], "give the interview's URI first: [uri]"),
        (THANKS, [None], "give the interview's URI first: [uri]"),
        (LOG, ["untitled:1", "x"], "untitled:1 is not an interview in an infoview workspace"),
    ],
)
def test_a_bad_command_is_an_error_naming_the_reason(
    lsp: Callable[..., Lsp], root: Path, name: str, arguments: list[Any], said: str
) -> None:
    server = lsp()
    uri = server.open(root / "interviews" / PRIYA)
    text = server.texts[uri]

    def fill(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: fill(v) for k, v in value.items()}
        return uri if value == "{uri}" else value

    with pytest.raises(ResponseError) as raised:
        command(server, name, *[fill(a) for a in arguments])
    assert said in str(raised.value)
    assert raised.value.code == types.LSPErrorCodes.RequestFailed == -32803
    ((kind, message),) = server.messages()
    assert kind == types.MessageType.Error and message == str(raised.value)
    assert server.texts[uri] == text and server.requests("workspace/applyEdit") == []


def test_a_refused_edit_says_what_the_command_line_says(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    path = root / "interviews" / "2026-12-12-flow.md"
    path.write_text("---\nfollow_up: {thank_you_sent: 2026-11-01}\n---\n")
    uri = server.open(path)
    with pytest.raises(EditRefused) as direct:
        log_contact_text(path.read_text(), note="hello", on=dt.date(2026, 11, 25), path=path)
    with pytest.raises(ResponseError) as raised:
        command(server, LOG, uri, "hello")
    assert "flow style" in str(raised.value)
    assert str(raised.value) == direct.value.render()
    server.close_document(uri)
    with pytest.raises(ResponseError) as on_file:  # on the file, the same words
        command(server, LOG, path.as_uri(), "hello")
    assert str(on_file.value) == str(raised.value)


# -- outputs built by a child ---------------------------------------------------------------------


class Child:
    """A finished ``infoview`` child: its exit code and what it printed."""

    def __init__(self, code: int, out: bytes, err: bytes) -> None:
        self.returncode, self.out, self.err = code, out, err

    async def communicate(self) -> tuple[bytes, bytes]:
        return self.out, self.err


class Children:
    """``asyncio.create_subprocess_exec`` replaced: records each call, answers with a Child."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, server: Lsp) -> None:
        self.calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
        self.next = Child(0, b"", b"")
        self.during: list[int] = []
        self.server = server
        monkeypatch.setattr(asyncio, "create_subprocess_exec", self.spawn)

    async def spawn(self, *args: Any, **kwargs: Any) -> Child:
        self.calls.append((args, kwargs))
        child = self.next
        original = child.communicate

        async def communicate() -> tuple[bytes, bytes]:
            self.during.append(len(self.server.ls.children))
            return await original()

        child.communicate = communicate  # type: ignore[method-assign]
        return child


@pytest.fixture
def children(monkeypatch: pytest.MonkeyPatch) -> Callable[[Lsp], Children]:
    return lambda server: Children(monkeypatch, server)


def test_build_packet_runs_infoview_packet_in_a_child_and_shows_the_pdf(
    lsp: Callable[..., Lsp], root: Path, children: Callable[[Lsp], Children], client: str
) -> None:
    server = lsp(client)
    fake = children(server)
    path = root / "interviews" / DANA
    uri = server.open(path)
    fake.next = Child(0, b"wrote build/packets/2026-12-03-dana-whitfield.pdf\n", b"")
    pdf = root / "build" / "packets" / "2026-12-03-dana-whitfield.pdf"
    assert command(server, PACKET, uri) == {"output": str(pdf)}
    ((args, kwargs),) = fake.calls
    assert args == (
        sys.executable,
        "-m",
        "infoview",
        "packet",
        str(path),
        "--workspace",
        str(root),
    )
    assert kwargs["stdin"] == asyncio.subprocess.DEVNULL
    assert kwargs["stdout"] == kwargs["stderr"] == asyncio.subprocess.PIPE
    assert kwargs["cwd"] == root and kwargs["env"]["PYTHONIOENCODING"] == "utf-8"
    assert kwargs["env"]["PATH"] == os.environ["PATH"]
    assert fake.during == [1] and server.ls.children == set()  # tracked while it runs
    assert server.requests("window/showDocument") == [{"uri": pdf.as_uri(), "external": True}]
    assert server.messages() == []  # the buffer is saved: nothing to say


def test_write_thanks_passes_the_servers_day(
    lsp: Callable[..., Lsp], root: Path, children: Callable[[Lsp], Children]
) -> None:
    server = lsp()
    fake = children(server)
    fake.next = Child(0, b"build/thanks/x.eml\n", b"")
    uri = (root / "interviews" / DANA).as_uri()
    assert command(server, THANKS, uri) == {"output": str(root / "build" / "thanks" / "x.eml")}
    ((args, _),) = fake.calls
    assert args[3:] == (
        "thanks",
        str(root / "interviews" / DANA),
        "--workspace",
        str(root),
        "--today",
        TODAY,
    )
    assert server.messages() == []  # a closed interview: built from the file, nothing to say


def test_an_unsaved_buffer_is_built_from_the_saved_file_saying_so(
    lsp: Callable[..., Lsp], root: Path, children: Callable[[Lsp], Children]
) -> None:
    server = lsp()
    fake = children(server)
    fake.next = Child(0, b"wrote build/packets/a.html\n", b"")
    path = root / "interviews" / DANA
    path.write_bytes(path.read_bytes() + b"\xff\n")  # not even UTF-8 on disk
    uri = server.open(path, path.read_bytes().decode("utf-8", "replace") + "- more\n")
    command(server, PACKET, uri)
    assert server.messages() == [
        (
            types.MessageType.Info,
            "packet: built from the saved file; save to include your latest changes",
        )
    ]


def test_the_last_output_named_is_shown_and_warnings_are_passed_on(
    lsp: Callable[..., Lsp], root: Path, children: Callable[[Lsp], Children]
) -> None:
    server = lsp()
    fake = children(server)
    out = b"build/packets/old.pdf\nwrote build/thanks/a.eml and build/thanks/b.html\n"
    fake.next = Child(0, out, "  warning: no photo \xe9\n".encode("latin-1"))
    result = command(server, THANKS, (root / "interviews" / DANA).as_uri())
    assert result == {"output": str(root / "build" / "thanks" / "b.html")}
    assert server.messages() == [
        (types.MessageType.Warning, "infoview thanks: warning: no photo \ufffd")
    ]


@pytest.mark.parametrize(
    ("code", "out", "err", "said"),
    [
        (1, b"", b"error: no\nhint: a\nhint: b\nhint: c\n", "hint: a / hint: b / hint: c"),
        (2, b"something\n", b"", "something"),
        (0, b"nothing written\n", b"", "nothing written"),
        (0, b"", b"", "no output"),
        (1, b"wrote build/packets/x.pdf\n", b"error: late\n", "error: late"),
        (0, b"wrote build/packets/x.txt\n", b"", "wrote build/packets/x.txt"),
        (0, b"wrote mybuild/packets/x.pdf\n", b"", "wrote mybuild/packets/x.pdf"),
    ],
)
def test_a_failed_child_is_an_error_with_the_end_of_what_it_said(
    lsp: Callable[..., Lsp],
    root: Path,
    children: Callable[[Lsp], Children],
    code: int,
    out: bytes,
    err: bytes,
    said: str,
) -> None:
    server = lsp()
    fake = children(server)
    fake.next = Child(code, out, err)
    with pytest.raises(ResponseError) as raised:
        command(server, PACKET, (root / "interviews" / DANA).as_uri())
    assert str(raised.value) == f"infoview packet failed: {said}"
    assert server.messages() == [(types.MessageType.Error, str(raised.value))]
    assert server.requests("window/showDocument") == []


def test_an_output_at_the_start_of_a_line_counts(
    lsp: Callable[..., Lsp], root: Path, children: Callable[[Lsp], Children]
) -> None:
    server = lsp()
    fake = children(server)
    fake.next = Child(0, b"\xff\xfe progress\nbuild/a.pdf\n", b"")  # not UTF-8, still read
    assert command(server, PACKET, (root / "interviews" / DANA).as_uri()) == {
        "output": str(root / "build" / "a.pdf")
    }


def test_a_client_that_cannot_show_documents_is_told_where_the_output_is(
    lsp: Callable[..., Lsp], root: Path, children: Callable[[Lsp], Children]
) -> None:
    server = lsp("neovim", window__show_document=None)
    fake = children(server)
    fake.next = Child(0, b"wrote build/packets/x.pdf\n", b"")
    command(server, PACKET, (root / "interviews" / DANA).as_uri())
    assert server.requests("window/showDocument") == []
    assert server.messages() == [(types.MessageType.Info, "wrote build/packets/x.pdf")]


def test_an_output_open_in_the_editor_is_shown_under_the_editors_uri(
    lsp: Callable[..., Lsp], tmp_path: Path, children: Callable[[Lsp], Children]
) -> None:
    root = make_workspace(tmp_path / "ws:1")
    server = lsp(root=root)
    html = root / "build" / "packets" / "x.html"
    html.parent.mkdir(parents=True)
    html.write_text("<p>x</p>")
    written = html.as_uri().replace("%3A", "%3a")  # the editor's own escaping
    server.open_uri(written, "<p>x</p>")
    fake = children(server)
    fake.next = Child(0, b"wrote build/packets/x.html\n", b"")
    command(server, PACKET, (root / "interviews" / DANA).as_uri())
    assert server.requests("window/showDocument") == [{"uri": written, "external": True}]
