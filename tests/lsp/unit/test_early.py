"""The early start: what it writes before pygls is imported is what pygls would write.

``initialize``'s answer is compared with the real server's (through its own protocol
code) for every client that pytest-lsp ships and for the capabilities pygls reads; the
first diagnostics with what the in-process server publishes for the same document.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pygls.capabilities import ServerCapabilitiesBuilder
from pygls.protocol import default_converter
from pytest_lsp import client_capabilities

from infoview import __version__
from infoview.lint.diagnostic import Diagnostic
from infoview.lsp import headstart, wire
from infoview.lsp.checking import lint_interview, parse_buffer
from infoview.lsp.clock import Clock
from infoview.lsp.codeunits import UTF8, UTF16, UTF32, Text
from infoview.lsp.diagnostics import to_protocol
from infoview.lsp.documents import Space
from infoview.lsp.early import Early, Handover, Replay
from infoview.lsp.headstart import HeadStart
from infoview.lsp.positions import Lines
from tools import lsp_capabilities

from ..inproc import EPOCH, Lsp
from ..session import BROKEN, TODAY

CONVERTER = default_converter()
CLIENTS = sorted(
    "@".join(p.stem.rsplit("_v", 1))
    for p in (Path(client_capabilities.__code__.co_filename).parent / "clients").glob("*.json")
)
ENCODINGS: list[Any] = [None, [], ["utf-8"], ["utf-32", "utf-16"], ["bogus", "utf-32"], ["x"]]
WILL_SAVE: list[Any] = ["missing", None, True, False]
PULL: list[tuple[Any, Any]] = [("missing", "missing"), ({}, True), ({}, False), ({}, "missing")]


def caps_of(client: str) -> dict[str, Any]:
    found: dict[str, Any] = CONVERTER.unstructure(client_capabilities(client))
    return found


def varied(base: dict[str, Any], encodings: Any, will_save: Any, pull: Any) -> dict[str, Any]:
    """``base`` with the parts of a client's capabilities that pygls or the server read."""
    caps = json.loads(json.dumps(base))
    general = caps.setdefault("general", {})
    general.pop("positionEncodings", None)
    if encodings is not None:
        general["positionEncodings"] = encodings
    sync = caps.setdefault("textDocument", {}).setdefault("synchronization", {})
    for name in ("willSave", "willSaveWaitUntil"):
        sync.pop(name, None)
        if will_save != "missing":
            sync[name] = will_save
    diagnostic, refresh = pull
    caps["textDocument"].pop("diagnostic", None)
    if diagnostic != "missing":
        caps["textDocument"]["diagnostic"] = diagnostic
    workspace = caps.setdefault("workspace", {}).setdefault("diagnostics", {})
    workspace.pop("refreshSupport", None)
    if refresh != "missing":
        workspace["refreshSupport"] = refresh
    return caps


# -- initialize -------------------------------------------------------------------------


def test_the_capabilities_file_is_the_servers_own() -> None:
    assert wire.CAPABILITIES.read_text(encoding="utf-8") == lsp_capabilities.text(), (
        "run `make lsp-capabilities`"
    )


@pytest.mark.parametrize("client", CLIENTS)
def test_the_early_answer_to_initialize_is_pygls_own_for_every_shipped_client(
    client: str,
) -> None:
    caps = caps_of(client)
    assert wire.initialize_result(caps, __version__) == lsp_capabilities.initialize(caps)


def test_the_early_answer_follows_every_capability_pygls_and_the_server_read() -> None:
    base = caps_of("neovim")
    seen = set()
    for encodings, will_save, pull in itertools.product(ENCODINGS, WILL_SAVE, PULL):
        caps = varied(base, encodings, will_save, pull)
        real = lsp_capabilities.initialize(caps)
        assert wire.initialize_result(caps, __version__) == real, (encodings, will_save, pull)
        sync = real["capabilities"]["textDocumentSync"]
        seen.add((real["capabilities"]["positionEncoding"], "willSave" in sync))
        seen.add("diagnosticProvider" in real["capabilities"])
    # The variants reach every answer: each encoding, with and without willSave, both
    # pull choices (so the comparison above is not of one answer with itself).
    assert seen == {
        *itertools.product((UTF8, UTF16, UTF32), (True, False)),
        True,
        False,
    }


def test_the_encoding_is_the_one_pygls_chooses() -> None:
    for encodings in [*ENCODINGS, ["utf-16", "utf-8"], ["UTF-8"]]:
        caps = {} if encodings is None else {"general": {"positionEncodings": encodings}}
        structured = CONVERTER.structure(caps, types.ClientCapabilities)
        chosen = ServerCapabilitiesBuilder.choose_position_encoding(structured)
        assert wire.position_encoding(caps) == str(getattr(chosen, "value", chosen)), encodings
    assert wire.position_encoding({"general": {"positionEncodings": "utf-8"}}) == UTF16


@pytest.mark.parametrize(("diagnostic", "refresh"), PULL)
def test_pull_is_decided_as_the_server_decides(root: Path, diagnostic: Any, refresh: Any) -> None:
    caps = varied(caps_of("visual_studio_code"), None, "missing", (diagnostic, refresh))
    lsp = Lsp(root, "visual_studio_code", initialize=False)
    lsp.capabilities = CONVERTER.structure(caps, types.ClientCapabilities)
    lsp.initialize(root)
    assert lsp.ls.pull is wire.wants_pull(caps) is (diagnostic == {} and refresh is True)


# -- diagnostics ------------------------------------------------------------------------


def texts(root: Path) -> list[tuple[Path, str]]:
    cases = [(p, p.read_text(encoding="utf-8")) for p in sorted(root.glob("interviews/*.md"))]
    cases += [(root / "interviews" / f"{stem}.md", text) for stem, text in BROKEN.items()]
    wide = "\ufeff---\r\nname: Zoë 😀 Ng\r\n---\r\n# Research\r\n- 😀 what does your firm do?\r\n"
    cases.append((root / "interviews" / "2026-12-01-wide.md", wide))
    return cases


def test_the_diagnostics_are_to_protocols_serialised(root: Path) -> None:
    space = Space(root)
    now = EPOCH.astimezone(space.settings.config.tz)
    compared = 0
    for path, text in texts(root):
        found = lint_interview(parse_buffer(text, path), path, space, now)
        for encoding in (UTF8, UTF16, UTF32):
            ours = wire.diagnostics_json(found, Text(text, encoding))
            theirs = CONVERTER.unstructure(to_protocol(found, Lines(text, encoding)))
            assert ours == theirs, (path.name, encoding)
            compared += len(ours)
    assert compared > 100


def test_each_severity_has_the_protocols_number_and_the_source_is_infoview() -> None:
    found = [
        Diagnostic("x.md", 1, 1, "IV303", "s", severity, "m")
        for severity in ("error", "warning", "info", "unknown")
    ]
    made = wire.diagnostics_json(found, Text("x\n"))
    assert [d["severity"] for d in made] == [1, 2, 3, 2]
    assert {d["source"] for d in made} == {"infoview"}
    assert made[0]["codeDescription"]["href"].endswith("/iv303_answerable_online.py")


# -- framing ----------------------------------------------------------------------------


def test_frames_are_cut_however_the_bytes_arrive() -> None:
    one, two = {"jsonrpc": "2.0", "method": "a"}, {"jsonrpc": "2.0", "id": 2, "method": "ü"}
    data = wire.frame(one) + b"Content-Length: %d\r\nContent-Type: x\r\n\r\n" % len(
        json.dumps(two).encode()
    )
    data += json.dumps(two).encode()
    frames = wire.Frames()
    got = [m for byte in range(len(data)) for m in frames.feed(data[byte : byte + 1])]
    assert got == [one, two]
    assert wire.Frames().feed(data) == [one, two]
    assert wire.frame(two).decode("ascii").endswith('"\\u00fc"}')  # ASCII, as pygls writes


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"Content-Type: x\r\n\r\n{}", "a header without Content-Length"),
        (b"Content-Length: -1\r\n\r\n{}}", "a header without Content-Length"),
        (b"Content-Length: 2\r\n\r\n[]", "a message that is not a JSON object"),
    ],
)
def test_a_stream_that_is_not_the_protocols_is_refused(data: bytes, why: str) -> None:
    with pytest.raises(ValueError, match=rf"^{why}$"):
        wire.Frames().feed(data)


def test_a_header_that_never_ends_is_refused() -> None:
    frames = wire.Frames()
    assert frames.feed(b"Content-Length: 2" + b" " * 4079) == []  # 4096 bytes: may still end
    with pytest.raises(ValueError, match=r"^a header without an end$"):
        frames.feed(b" ")


# -- the early start --------------------------------------------------------------------


@pytest.fixture
def head() -> Iterator[HeadStart]:
    started = headstart.start()
    assert started is not None
    yield started
    started.close()


class Client:
    """Feeds an Early the editor's messages and reads back what it wrote."""

    def __init__(self, head: HeadStart) -> None:
        self.written: list[dict[str, Any]] = []
        self.sent = b""
        moment = dt.datetime.fromisoformat(f"{TODAY}T09:30:00+00:00").timestamp()
        self.early = Early(head, Clock(lambda: moment), self._write)

    def _write(self, data: bytes) -> None:
        (message,) = wire.Frames().feed(data)
        self.written.append(message)

    def feed(self, message: dict[str, Any]) -> bool:
        data = wire.frame(message)
        self.sent += data
        return self.early.feed(data)


def initialize(root: Path, caps: dict[str, Any] | None = None, **params: Any) -> dict[str, Any]:
    body = {"processId": 1, "rootUri": root.as_uri(), "capabilities": caps or {}, **params}
    return {"jsonrpc": "2.0", "id": 7, "method": "initialize", "params": body}


def did_open(path: Path, text: str, version: int = 3) -> dict[str, Any]:
    item = {"uri": path.as_uri(), "languageId": "markdown", "version": version, "text": text}
    return {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": item}}


INITIALIZED = {"jsonrpc": "2.0", "method": "initialized", "params": {}}


def test_it_answers_initialize_and_publishes_what_the_server_would(
    root: Path, head: HeadStart
) -> None:
    client = Client(head)
    caps = caps_of("neovim")
    assert client.feed(initialize(root, caps))
    assert client.written == [
        {"jsonrpc": "2.0", "id": 7, "result": wire.initialize_result(caps, __version__)}
    ]
    assert client.feed(INITIALIZED)
    path = root / "interviews" / "2026-11-25-priya-raman.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("### Goal 1\n", "### Goal 1\n- 😀 What does your company do?\n", 1)
    assert client.feed(did_open(path, text))
    (answer, published) = client.written
    assert published["method"] == "textDocument/publishDiagnostics"
    assert published["jsonrpc"] == "2.0" and client.early.spaces.roots == [root.resolve()]
    # What the in-process server publishes for the same document, at the same moment.
    lsp = Lsp(root, "neovim", now=dt.datetime.fromisoformat(f"{TODAY}T09:30:00+00:00"))
    lsp.open_uri(path.as_uri(), text)
    lsp.texts[path.as_uri()] = text
    (theirs,) = [m["params"] for m in lsp.sent if m.get("method") == published["method"]]
    assert published["params"] == {**theirs, "version": 3}
    assert {d["code"] for d in published["params"]["diagnostics"]} >= {"IV303", "IV402"}
    handover = client.early.handover
    assert handover.answered == 7 and handover.result == answer["result"]
    assert handover.published == {path.as_uri(): published["params"]}
    assert handover.read == client.sent  # every byte, for pygls to read again


def test_a_request_or_an_unknown_message_ends_it_with_nothing_more_sent(
    root: Path, head: HeadStart
) -> None:
    for message in (
        {"jsonrpc": "2.0", "id": 8, "method": "textDocument/hover", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {}},
        {"jsonrpc": "2.0", "id": 9, "method": "initialized", "params": {}},
    ):
        client = Client(head)
        assert client.feed(initialize(root))
        assert client.feed(message) is False
        assert len(client.written) == 1 and client.early.over
        path = root / "interviews" / "2026-11-25-priya-raman.md"
        assert client.feed(did_open(path, "x")) is False  # over: kept for pygls, not read
        assert len(client.written) == 1 and client.early.handover.read == client.sent


def first(request_id: Any = 1, method: str = "initialize", **params: Any) -> dict[str, Any]:
    """A first message: by default ``initialize`` with empty capabilities and ``params``."""
    return {"jsonrpc": "2.0", "id": request_id, "method": method, "params": params}


def test_nothing_after_the_end_is_taken_even_in_the_same_read(root: Path, head: HeadStart) -> None:
    client = Client(head)
    assert client.feed(initialize(root))
    path = root / "interviews" / "2026-11-25-priya-raman.md"
    hover = {"jsonrpc": "2.0", "id": 8, "method": "textDocument/hover", "params": {}}
    data = wire.frame(hover) + wire.frame(did_open(path, path.read_text(encoding="utf-8")))
    assert client.early.feed(data) is False
    assert len(client.written) == 1  # the open after the request is pygls' to answer


def test_an_older_client_naming_only_a_root_path_is_found(root: Path, head: HeadStart) -> None:
    client = Client(head)
    message = initialize(root, rootPath=str(root))
    del message["params"]["rootUri"]
    assert client.feed(message)
    assert client.early.spaces.roots == [root.resolve()]


@pytest.mark.parametrize(
    "message",
    [
        first(processId=3, capabilities={}),
        first("a", capabilities={}, rootPath="/tmp"),
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        first(method="shutdown"),
        first(True, capabilities={}),
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": []},
        first(capabilities=[]),
        first(capabilities={}, rootUri=3),
        first(capabilities={}, rootPath=[]),
        first(capabilities={}, workspaceFolders={}),
        first(capabilities={}, workspaceFolders={"uri": "file:///x"}),
        first(capabilities={}, workspaceFolders=[{"uri": 1}]),
        first(capabilities={}, workspaceFolders=["file:///x"]),
    ],
)
def test_a_first_message_is_answered_as_pygls_answers_it_or_left_to_pygls(
    head: HeadStart, message: dict[str, Any]
) -> None:
    """Whatever the early start answers, pygls answers the same; what it is not sure of
    (pygls is lenient with some malformed params, strict with others) it leaves alone."""
    client = Client(head)
    if client.feed(message):
        assert client.written == [lsp_capabilities.answer(message)]
        return
    assert client.written == [] and client.early.handover.answered is None
    assert client.early.handover.read == client.sent


def test_bytes_that_are_not_the_protocol_end_it(head: HeadStart) -> None:
    client = Client(head)
    assert client.early.feed(b"Content-Length: 2\r\n\r\n[]") is False
    assert client.written == [] and client.early.handover.read == b"Content-Length: 2\r\n\r\n[]"


@pytest.mark.parametrize(
    "params",
    [
        None,
        {"textDocument": []},
        {"textDocument": {"uri": 1, "text": "", "version": 1}},
        {"textDocument": {"uri": "file:///x.md", "text": None, "version": 1}},
        {"textDocument": {"uri": "file:///x.md", "text": "", "version": True}},
        {"textDocument": {"uri": "file:///x.md", "text": "", "version": "1"}},
    ],
)
def test_a_malformed_open_is_left_to_pygls(root: Path, head: HeadStart, params: Any) -> None:
    client = Client(head)
    assert client.feed(initialize(root))
    message = {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": params}
    assert client.feed(message) is False
    assert len(client.written) == 1


def test_documents_that_are_not_interviews_get_nothing_as_from_the_server(
    root: Path, head: HeadStart, tmp_path: Path
) -> None:
    client = Client(head)
    assert client.feed(initialize(root))
    outside = tmp_path / "elsewhere" / "notes.md"
    for path in (root / "README.md", outside, root / "interviews" / "notes.txt"):
        assert client.feed(did_open(path, "# x\n"))
    interview = root / "interviews" / "2026-11-25-priya-raman.md"
    message = {"jsonrpc": "2.0", "method": "textDocument/didOpen"}
    for uri in ("untitled:Untitled-1", f"untitled:{interview}"):  # not a file, if named like one
        untitled = {"uri": uri, "languageId": "markdown", "version": 1, "text": "x"}
        assert client.feed({**message, "params": {"textDocument": untitled}})
    assert len(client.written) == 1 and client.early.handover.published == {}


def test_a_pull_client_is_not_pushed_diagnostics(root: Path, head: HeadStart) -> None:
    client = Client(head)
    caps = {
        "textDocument": {"diagnostic": {}},
        "workspace": {"diagnostics": {"refreshSupport": True}},
    }
    assert client.feed(initialize(root, caps))
    assert "diagnosticProvider" in client.written[0]["result"]["capabilities"]
    path = root / "interviews" / "2026-11-25-priya-raman.md"
    assert client.feed(did_open(path, path.read_text(encoding="utf-8")))
    assert len(client.written) == 1 and client.early.handover.published == {}


def test_without_the_head_starts_answer_it_leaves_the_open_to_pygls(root: Path) -> None:
    path = root / "interviews" / "2026-11-25-priya-raman.md"
    closed = headstart.start()
    assert closed is not None
    closed.close()
    client = Client(closed)
    assert client.feed(initialize(root))
    assert client.feed(did_open(path, "x")) is False
    assert len(client.written) == 1


def test_settings_changed_since_the_head_start_read_them_are_read_again(
    root: Path, head: HeadStart
) -> None:
    path = root / "interviews" / "2026-11-25-priya-raman.md"
    text = path.read_text(encoding="utf-8")
    first = Client(head)
    assert first.feed(initialize(root)) and first.feed(did_open(path, text))
    assert "IV402" in {d["code"] for d in first.written[1]["params"]["diagnostics"]}
    config = root / "infoview.toml"
    config.write_text(config.read_text().replace('ignore = ["IV104"]', 'ignore = ["IV402"]'))
    second = Client(head)  # the same child, which read the old settings for the first
    assert second.feed(initialize(root)) and second.feed(did_open(path, text))
    assert "IV402" not in {d["code"] for d in second.written[1]["params"]["diagnostics"]}


def test_the_workspace_folders_find_a_workspace_without_a_root_uri(
    root: Path, head: HeadStart
) -> None:
    client = Client(head)
    folders = [{"uri": root.as_uri(), "name": "ws"}]
    message = initialize(root, workspaceFolders=folders)
    del message["params"]["rootUri"]
    assert client.feed(message)
    assert client.early.spaces.roots == [root.resolve()]


# -- the handover -----------------------------------------------------------------------


def test_replay_gives_what_was_read_then_the_stream() -> None:
    replay = Replay(b"Content-Length: 2\r\n\r\n{}Content-Le", io.BytesIO(b"ngth: 3\r\n\r\n{ }rest"))
    assert replay.readline() == b"Content-Length: 2\r\n"
    assert replay.readline() == b"\r\n"
    assert replay.read(2) == b"{}"
    assert replay.readline() == b"Content-Length: 3\r\n"  # cut where the early start stopped
    assert replay.readline() == b"\r\n"
    assert replay.read(3) == b"{ }"
    assert replay.read(10) == b"rest"
    assert Replay(b"ab", io.BytesIO(b"cd")).read(3) == b"abc"


def test_the_same_diagnostics_are_not_sent_twice_but_new_ones_are() -> None:
    handover = Handover(published={"u": {"uri": "u", "version": 1, "diagnostics": []}})
    assert not handover.already_sent("u", {"uri": "u", "version": 2, "diagnostics": []})
    handover = Handover(published={"u": {"uri": "u", "version": 1, "diagnostics": []}})
    assert handover.already_sent("u", {"uri": "u", "version": 1, "diagnostics": []})
    assert not handover.already_sent("u", {"uri": "u", "version": 1, "diagnostics": []})  # once


def test_the_server_does_not_publish_again_what_the_early_start_published(root: Path) -> None:
    path = root / "interviews" / "2026-11-25-priya-raman.md"
    text = path.read_text(encoding="utf-8")
    method = "textDocument/publishDiagnostics"
    alone = Lsp(root, "neovim")
    alone.open_uri(path.as_uri(), text)
    (params,) = [m["params"] for m in alone.sent if m.get("method") == method]
    lsp = Lsp(root, "neovim")
    lsp.ls.early = Handover(published={path.as_uri(): params})
    lsp.open_uri(path.as_uri(), text)
    assert [m for m in lsp.sent if m.get("method") == method] == []
    assert lsp.ls.settled  # it finishes starting up all the same
    lsp.ls.early = Handover(published={path.as_uri(): {**params, "diagnostics": []}})
    lsp.open_uri(path.as_uri(), text)  # not what went out early: published
    assert [m["params"] for m in lsp.sent if m.get("method") == method] == [params]


def test_the_server_does_not_answer_initialize_twice(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lsp = Lsp(root, "neovim", initialize=False)
    lsp.ls.early = Handover(answered=1, result={"capabilities": {}})
    params = types.InitializeParams(capabilities=lsp.capabilities, root_uri=root.as_uri())
    request = {"jsonrpc": "2.0", "id": 1, "method": "initialize"}
    lsp.run(lambda: lsp._deliver({**request, "params": CONVERTER.unstructure(params)}))
    assert [m for m in lsp.sent if m.get("id") == 1] == []  # answered early already
    assert "pygls' initialize gave a different answer" in capsys.readouterr().err
    assert lsp.ls.early.answered is None  # once: later answers go out
    lsp.notify("initialized", {})
    path = root / "interviews" / "2026-11-25-priya-raman.md"
    lsp.open(path)
    assert lsp.request("textDocument/hover", hover_at(root)) is not None  # id 1 again


def hover_at(root: Path) -> dict[str, Any]:
    path = root / "interviews" / "2026-11-25-priya-raman.md"
    return {"textDocument": {"uri": path.as_uri()}, "position": {"line": 3, "character": 2}}


# -- run: the early start inside ``infoview lsp`` ------------------------------------------


class Stdin:
    def __init__(self, fd: int) -> None:
        self.fd = fd

    def fileno(self) -> int:
        return self.fd


def open_fds() -> set[int]:
    return {int(name) for name in os.listdir("/proc/self/fd")}


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Calls of ``serve``, which ``run`` hands over to (the server itself does not start)."""
    from infoview.lsp import server

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(server, "serve", lambda **kwargs: calls.append(kwargs))
    return calls


def test_run_answers_first_then_hands_everything_read_to_the_server(
    root: Path, monkeypatch: pytest.MonkeyPatch, started: list[dict[str, Any]]
) -> None:
    from infoview.lsp import early

    written: list[dict[str, Any]] = []
    published = threading.Event()

    def write(data: bytes) -> None:
        (message,) = wire.Frames().feed(data)
        written.append(message)
        if message.get("method") == "textDocument/publishDiagnostics":
            published.set()

    monkeypatch.setattr(early, "_write_stdout", write)
    monkeypatch.chdir(root)
    path = root / "interviews" / "2026-11-25-priya-raman.md"
    data = b"".join(
        wire.frame(m)
        for m in (initialize(root), INITIALIZED, did_open(path, path.read_text("utf-8")))
    )
    read_end, write_end = os.pipe()
    os.write(write_end, data)
    monkeypatch.setattr("sys.stdin", Stdin(read_end))
    before = open_fds()
    # The server "imports" once the diagnostics are out: the early start had its turn.
    early.run(poll=True, load=lambda: published.wait(30) or None)
    (call,) = started
    assert call["use_watchdog"] is False and call["early"].read == data
    assert call["early"].answered == 7 and set(call["early"].published) == {path.as_uri()}
    assert [m.get("id", m.get("method")) for m in written] == [7, "textDocument/publishDiagnostics"]
    call["headstart"].close()
    assert open_fds() == before  # the readiness pipe is closed, the head start's too
    os.close(read_end)
    os.close(write_end)


def test_run_hands_over_at_the_end_of_input(
    root: Path, monkeypatch: pytest.MonkeyPatch, started: list[dict[str, Any]]
) -> None:
    from infoview.lsp import early

    monkeypatch.setattr(early, "_write_stdout", lambda data: None)
    read_end, write_end = os.pipe()
    os.write(write_end, wire.frame(initialize(root)))
    os.close(write_end)
    monkeypatch.setattr("sys.stdin", Stdin(read_end))
    gate = threading.Event()
    early.run(poll=False, load=lambda: gate.wait(30) or None)
    gate.set()
    (call,) = started
    assert call["use_watchdog"] is True and call["early"].read == wire.frame(initialize(root))
    call["headstart"].close()
    os.close(read_end)


def test_run_raises_what_importing_the_server_raised(
    monkeypatch: pytest.MonkeyPatch, started: list[dict[str, Any]]
) -> None:
    from infoview.lsp import early

    read_end, write_end = os.pipe()
    monkeypatch.setattr("sys.stdin", Stdin(read_end))

    def broken() -> None:
        raise ImportError("no pygls")

    with pytest.raises(ImportError, match="no pygls"):
        early.run(poll=False, load=broken)
    assert started == []
    os.close(read_end)
    os.close(write_end)


def test_without_fork_run_starts_the_server_plainly(
    monkeypatch: pytest.MonkeyPatch, started: list[dict[str, Any]]
) -> None:
    from infoview.lsp import early

    monkeypatch.setattr(headstart, "start", lambda: None)
    early.run(poll=True, load=lambda: pytest.fail("no early start without a head start"))
    assert started == [{"use_watchdog": False}]


def test_anything_that_goes_wrong_ends_it_and_leaves_the_rest_to_pygls(
    root: Path, head: HeadStart, monkeypatch: pytest.MonkeyPatch
) -> None:
    from infoview.lsp import early

    def loop(*args: Any) -> list[Path]:
        raise RuntimeError("Symlink loop")  # what Path.resolve raises on Python 3.11

    monkeypatch.setattr(early, "client_roots", loop)
    client = Client(head)
    assert client.feed(initialize(root)) is False
    assert client.written == [] and client.early.handover.read == client.sent
