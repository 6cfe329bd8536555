"""The server's life in this process: initialize, documents, pushes and pulls, the clock,
settings reload, and shutdown, through its own protocol handlers (``features.py``).

Every timer is virtual (``inproc.Timers``): the debounce, the wake-up at midnight or at a
meeting's end, and the settings reload fire when the test advances the clock.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types

from infoview import __version__
from infoview.lsp import headstart
from infoview.lsp import server as server_module
from infoview.lsp.diagnostics import result_id
from infoview.lsp.features import SET_CLOCK, _field, _roots
from infoview.lsp.headstart import HeadStart
from infoview.lsp.server import DEBOUNCE, RELOAD_DELAY, SETTLE, InfoviewServer

from ..inproc import Lsp
from .test_diagnostics import lint_json

BAD = ("huge.md", "out.md", "pipe.md")  # lint cannot read them: too large, leads out, a FIFO

PRIYA = "2026-11-25-priya-raman.md"
MARCUS = "2026-11-18-marcus-lee.md"
DANA = "2026-12-03-dana-whitfield.md"
PULL = {"workspace__diagnostics": types.DiagnosticWorkspaceClientCapabilities(True)}

DONE = """\
---
interviewer:
  name: Lee Chan
  email: lee@example.com
meeting:
  date: 2026-11-20T15:00
  duration: 30
  mode: in-person
  location: Case Study Coffee
formality: informal
learning_goals:
  - Learn how a legal aid office triages cases.
---
## Research
- **Work history:** ten years at legal aid.
## Questions
### Goal 1
- How do you decide which cases to take?
## Notes
- **Takeaway:** volunteer at the clinic.
"""


def codes(found: list[types.Diagnostic]) -> set[str]:
    return {str(d.code) for d in found}


def edit_config(root: Path, old: str, new: str) -> None:
    path = root / "infoview.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new))


# -- initialize -----------------------------------------------------------------------------


def test_initialize_answers_with_the_servers_name_and_the_clients_encoding(
    lsp: Callable[..., Lsp], client: str
) -> None:
    server = lsp(client)
    result = server.result
    assert result is not None and result.server_info is not None
    assert (result.server_info.name, result.server_info.version) == ("infoview", __version__)
    capabilities = result.capabilities
    expected = "utf-8" if client == "neovim" else "utf-16"
    assert capabilities.position_encoding == expected
    assert server.encoding == expected
    sync = capabilities.text_document_sync
    assert isinstance(sync, types.TextDocumentSyncOptions)
    assert sync.change == types.TextDocumentSyncKind.Full
    # Neither client pulls and can be told to pull again: diagnostics are pushed.
    assert capabilities.diagnostic_provider is None and server.ls.pull is False


def test_pull_is_offered_to_a_client_that_pulls_and_can_be_told_to_pull_again(
    lsp: Callable[..., Lsp],
) -> None:
    server = lsp("neovim", **PULL)
    assert server.ls.pull is True
    assert server.result is not None
    provider = server.result.capabilities.diagnostic_provider
    assert isinstance(provider, types.DiagnosticOptions)
    assert provider.identifier == "infoview"
    assert provider.inter_file_dependencies is False
    assert provider.workspace_diagnostics is True
    # Refresh support alone is not enough: the client must pull documents too.
    only_refresh = lsp("visual_studio_code", **PULL)
    assert only_refresh.ls.pull is False
    assert only_refresh.result is not None
    assert only_refresh.result.capabilities.diagnostic_provider is None


def test_supports_reads_a_dotted_capability(lsp: Callable[..., Lsp]) -> None:
    ls = lsp("neovim").ls
    assert ls.supports("text_document.diagnostic")
    assert ls.supports("window.show_document.support")
    assert not ls.supports("workspace.workspace_edit.document_changes")  # unset
    assert not ls.supports("workspace.diagnostics.refresh_support")
    assert not ls.supports("window.no_such_thing")
    assert not ls.supports("text_document.no_such.deeper")
    code = lsp("visual_studio_code").ls
    assert code.supports("workspace.workspace_edit.document_changes")
    assert not code.supports("text_document.diagnostic")


def test_the_roots_come_from_the_folders_the_root_uri_or_the_root_path(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    params = types.InitializeParams(
        capabilities=types.ClientCapabilities(),
        root_uri=one.as_uri(),
        workspace_folders=[
            types.WorkspaceFolder(two.as_uri(), "two"),
            types.WorkspaceFolder("untitled:x", "x"),
        ],
    )
    assert _roots(params) == [two, one]
    # A URI's scheme is case-insensitive (RFC 3986); other schemes are no folder.
    shouting = types.InitializeParams(
        types.ClientCapabilities(),
        workspace_folders=[
            types.WorkspaceFolder("FILE://" + str(two), "two"),
            types.WorkspaceFolder("https://example.invalid/one", "web"),
        ],
    )
    assert _roots(shouting) == [two]
    assert _roots(types.InitializeParams(types.ClientCapabilities(), root_path=str(one))) == [one]
    both = types.InitializeParams(
        types.ClientCapabilities(), root_path=str(two), root_uri=one.as_uri()
    )
    assert _roots(both) == [one]  # the URI wins
    assert _roots(types.InitializeParams(types.ClientCapabilities())) == []
    linked = tmp_path / "link"
    linked.symlink_to(one, target_is_directory=True)
    assert _roots(types.InitializeParams(types.ClientCapabilities(), root_path=str(linked))) == [
        one
    ]


def test_initialized_finds_the_workspaces_and_watches_their_settings(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    ls = server.ls
    assert ls.spaces.roots == [root]
    assert [s.root for s in ls.spaces.known()] == [root]
    # Watching waits for the first diagnostics, or SETTLE seconds when nothing is opened.
    assert ls.watch is None and server.timers.pending() == [(SETTLE, "settle")]
    server.advance(SETTLE)
    assert ls.settled and server.timers.pending() == [(1.0, "_set_result_unless_cancelled")]
    assert ls.watch is not None and ls.watch.mode == "polling"
    assert list(ls.watch._stamps) == [root / "infoview.toml"]
    assert ls._wake is None  # a fixed day: nothing to wake for


def test_the_server_starts_with_watchdog_and_the_system_clock_and_serve_runs_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("INFOVIEW_TODAY", raising=False)
    fresh = InfoviewServer()
    assert fresh.use_watchdog is True and fresh.pull is False
    assert fresh.clock.running and fresh.watch is None
    assert fresh.results == {} and fresh.children == set()
    monkeypatch.setenv("INFOVIEW_TODAY", "2026-11-25")
    assert not InfoviewServer().clock.running
    ran: list[tuple[bool, int]] = []

    def start_io(self: InfoviewServer) -> None:
        commands = self.protocol.fm.commands
        ran.append((self.use_watchdog, len(commands), self.headstart))

    monkeypatch.setattr(InfoviewServer, "start_io", start_io)
    head = HeadStart(-1, -1)  # never asked: a stand-in the server is handed as it is
    server_module.serve(use_watchdog=False, headstart=head)
    server_module.serve()
    # built with every command and the head start it was given, then started
    assert ran == [(False, 5, head), (True, 5, None)]


def test_a_server_watching_with_watchdog_stops_it_at_shutdown(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp(watchdog=True)
    server.advance(SETTLE)
    watch = server.ls.watch
    assert watch is not None and watch.mode == "watchdog"
    observer = watch._observer
    assert observer is not None
    assert observer.daemon  # never keeps the process alive should shutdown not come
    server.run(server.ls.shutdown)
    assert watch._observer is None
    observer.join(5)
    assert not observer.is_alive()


def test_a_server_shut_down_before_it_settles_ends_its_head_start(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp(initialize=False)
    head = headstart.start(lambda: None)
    assert head is not None and head.pid is not None  # Linux has fork
    server.ls.headstart = head
    server.initialize(root)  # nothing opened: it would settle only SETTLE seconds from now
    assert not server.ls.settled
    server.run(server.ls.shutdown)
    # the child was ended and reaped: no process is left behind
    assert head.status is not None
    with pytest.raises(ChildProcessError):
        os.waitpid(head.pid, os.WNOHANG)


# -- documents --------------------------------------------------------------------------------


def test_an_opened_interview_is_linted_at_once_and_other_files_never(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    uri = server.open(root / "interviews" / PRIYA)
    (published,) = server.publications(uri)
    assert published.version == 1
    assert "IV402" in codes(list(published.diagnostics))
    assert server.timers.pending() == [(1.0, "_set_result_unless_cancelled")]  # the poll only
    readme = server.open(root / "README.md")
    assert server.publications(readme) == [] and readme not in server.ls.results
    untitled = server.open_uri("untitled:Untitled-1", "---\ninterviewer: {}\n---\n")
    assert server.publications(untitled) == []
    outside = root.parent / "elsewhere" / "x.md"
    outside.parent.mkdir()
    outside.write_text("---\n---\n")
    assert server.publications(server.open(outside)) == []


def test_changes_are_linted_once_typing_pauses(lsp: Callable[..., Lsp], root: Path) -> None:
    assert DEBOUNCE == 0.05
    server = lsp()
    path = root / "interviews" / DANA
    uri = server.open(path)
    assert "IV303" not in codes(server.diagnostics(uri))
    goal = "### Goal 3: estate planning practice\n"
    typed = server.texts[uri].replace(goal, goal + "- What does your company do?\n")
    server.change(uri, typed.replace("company do?", "comp"))
    server.change(uri, typed)
    assert len(server.publications(uri)) == 1  # nothing yet
    pending = [p for p in server.timers.pending() if p[1] == "_lint_later"]
    assert pending == [(pytest.approx(DEBOUNCE), "_lint_later")]  # the first was cancelled
    server.advance(DEBOUNCE)
    found = server.publications(uri)
    assert len(found) == 2 and found[-1].version == 3
    (online,) = [d for d in found[-1].diagnostics if d.code == "IV303"]
    line = typed.split("\n").index("- What does your company do?")
    assert online.range == types.Range(
        types.Position(line, 0), types.Position(line, len("- What does your company do?"))
    )
    assert not server.ls._pending
    # The same text again is published again (its version changed), once.
    server.change(uri, typed)
    server.advance(DEBOUNCE)
    assert [p.version for p in server.publications(uri)] == [1, 3, 4]
    assert path.read_text() != typed  # nothing was written


def test_closing_clears_the_diagnostics_of_a_push_client(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    uri = server.open(root / "interviews" / PRIYA)
    server.close_document(uri)
    assert server.diagnostics(uri) == [] and uri not in server.ls.results
    readme = server.open(root / "README.md")
    server.close_document(readme)
    assert server.publications(readme) == []  # never published: nothing to clear


def test_a_pull_client_is_never_pushed_to(lsp: Callable[..., Lsp], root: Path) -> None:
    server = lsp("neovim", **PULL)
    uri = server.open(root / "interviews" / PRIYA)
    server.change(uri, server.texts[uri] + "\n")
    server.advance(1.0)
    server.close_document(uri)
    assert server.notifications("textDocument/publishDiagnostics") == []


def test_a_document_under_an_escaped_uri_is_found_and_answered_with_the_clients_uri(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    path = root / "interviews" / "2026-12-01-josé núñez #1.md"
    path.write_text("---\ninterviewer:\n  name: José Núñez\n---\n")
    uri = server.open(path)
    assert "%20" in uri and "%23" in uri
    assert server.ls.uri_of(path) == uri
    assert server.ls.text_of(uri) == path.read_text()
    assert server.ls.open_uris() == [uri]
    assert server.diagnostics(uri) != []
    closed = root / "interviews" / PRIYA
    assert server.ls.uri_of(closed) == closed.as_uri()
    # pygls's form of a path, as it reads URIs back (a drive letter stays unescaped).
    assert server.ls.uri_of(Path("/C:/ws/x.md")) == "file:///c:/ws/x.md"
    assert server.ls.text_of(closed.as_uri()) is None


def test_space_of_names_the_interview_and_watches_a_workspace_met_later(
    lsp: Callable[..., Lsp], root: Path, tmp_path: Path
) -> None:
    server = lsp()
    server.advance(SETTLE)
    ls = server.ls
    path = root / "interviews" / PRIYA
    found = ls.space_of(path.as_uri())
    assert found is not None and found[0] == path and found[1].root == root
    assert ls.space_of("untitled:Untitled-1") is None
    assert ls.space_of((root / "README.md").as_uri()) is None
    other = tmp_path / "other"
    (other / "interviews").mkdir(parents=True)
    (other / "infoview.toml").write_text("")
    assert ls.space_of((other / "interviews" / "x.md").as_uri()) is not None
    assert ls.watch is not None
    assert list(ls.watch._stamps) == [root / "infoview.toml", other / "infoview.toml"]


# -- pulls --------------------------------------------------------------------------------------


def document_report(server: Lsp, uri: str, previous: str | None = None) -> Any:
    return server.request(
        "textDocument/diagnostic",
        types.DocumentDiagnosticParams(
            types.TextDocumentIdentifier(uri), previous_result_id=previous
        ),
    )


def test_a_document_pull_gives_the_pushed_list_then_unchanged(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    uri = server.open(root / "interviews" / PRIYA)
    pushed = server.diagnostics(uri)
    report = document_report(server, uri)
    assert report.kind == "full" and list(report.items) == pushed
    assert report.result_id == result_id(pushed)
    again = document_report(server, uri, report.result_id)
    assert again.kind == "unchanged" and again.result_id == report.result_id
    stale = document_report(server, uri, "stale")
    assert stale.kind == "full"
    closed = (root / "interviews" / MARCUS).as_uri()
    from_disk = document_report(server, closed)
    assert from_disk.kind == "full" and "IV408" not in codes(from_disk.items)
    readme = document_report(server, (root / "README.md").as_uri())
    assert readme.kind == "full" and list(readme.items) == []
    assert readme.result_id == result_id([])


def test_a_closed_interview_is_read_from_disk_without_its_bom(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    path = root / "interviews" / "2026-12-05-bom.md"
    path.write_bytes("\ufeff---\ninterviewer:\n  nmae: Dana\n---\n".encode())
    server = lsp("visual_studio_code")
    report = document_report(server, path.as_uri())
    unknown = [d for d in report.items if "nmae" in d.message]
    assert [(d.range.start.line, d.range.start.character) for d in unknown] == [(2, 2)]
    ls = server.ls
    space = ls.spaces.known()[0]
    linted = ls.lint_path(path, space)
    assert linted is not None and linted[0] == path.as_uri()
    (path.parent / "dir.md").mkdir()
    assert ls.lint_path(path.parent / "gone.md", space) is None
    folder = ls.lint_path(path.parent / "dir.md", space)  # asked for by name: said why
    assert folder is not None and [d.code for d in folder[1]] == ["IV001"]


def test_a_workspace_pull_covers_every_interview_open_or_not(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    uri = server.open(root / "interviews" / PRIYA)
    server.change(uri, server.texts[uri] + "\n")
    everything = server.request("workspace/diagnostic", types.WorkspaceDiagnosticParams([]))
    by_uri = {item.uri: item for item in everything.items}
    interviews = sorted(p.as_uri() for p in (root / "interviews").glob("*.md"))
    assert sorted(by_uri) == interviews
    assert {i.kind for i in by_uri.values()} == {"full"}
    assert by_uri[uri].version == 2  # the buffer as it is now, unsaved
    assert by_uri[(root / "interviews" / MARCUS).as_uri()].version is None
    assert list(by_uri[uri].items) == list(document_report(server, uri).items)
    previous = [types.PreviousResultId(u, i.result_id) for u, i in by_uri.items()]
    unchanged = server.request("workspace/diagnostic", types.WorkspaceDiagnosticParams(previous))
    assert [(i.uri, i.kind) for i in unchanged.items] == [(u, "unchanged") for u in by_uri]
    assert [i.version for i in unchanged.items] == [by_uri[u].version for u in by_uri]
    assert [i.result_id for i in unchanged.items] == [by_uri[u].result_id for u in by_uri]
    (root / "interviews" / "unreadable.md").mkdir()
    again = server.request("workspace/diagnostic", types.WorkspaceDiagnosticParams([]))
    assert len(again.items) == len(interviews)  # a folder named *.md is not reported
    # What lint cannot read it reports as IV001, in its own words: so does the pull.
    (root / "interviews" / "huge.md").write_bytes(b"-" * (10 * 1024 * 1024 + 1))
    os.mkfifo(root / "interviews" / "pipe.md")
    (root / "interviews" / "out.md").symlink_to(root.parent / "outside.md")
    (root.parent / "outside.md").write_text((root / "interviews" / MARCUS).read_text())
    again = server.request("workspace/diagnostic", types.WorkspaceDiagnosticParams([]))
    bad = {Path(i.uri).name: i for i in again.items if Path(i.uri).name in BAD}
    assert sorted(i.uri for i in again.items) == sorted(
        [*interviews, *((root / "interviews" / name).as_uri() for name in BAD)]
    )
    expected = lint_json(root, [root / "interviews" / name for name in BAD])
    assert sorted(bad) == sorted(BAD)
    for name, item in bad.items():
        (only,) = item.items
        (theirs,) = expected[name]
        assert (only.code, only.range.start.line) == ("IV001", 0)
        assert only.message == theirs["message"] and theirs["code"] == "IV001"


def test_pull_mode_asks_the_client_to_pull_again_after_a_settings_change(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp("neovim", **PULL)
    uri = server.open(root / "interviews" / PRIYA)
    assert "IV402" in codes(document_report(server, uri).items)
    edit_config(root, 'ignore = ["IV104"]', 'ignore = ["IV104", "IV402"]')
    server.advance(1.0 + RELOAD_DELAY)
    assert server.requests("workspace/diagnostic/refresh") == [None]
    assert "IV402" not in codes(document_report(server, uri).items)
    assert server.notifications("textDocument/publishDiagnostics") == []


# -- settings -----------------------------------------------------------------------------------


def test_settings_changed_on_disk_are_picked_up_and_bad_ones_kept_out(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    assert RELOAD_DELAY == 0.1
    server = lsp()
    uri = server.open(root / "interviews" / PRIYA)
    other = server.open(root / "interviews" / DANA)
    assert "IV402" in codes(server.diagnostics(uri))
    edit_config(root, 'ignore = ["IV104"]', 'ignore = ["IV104", "IV402"]')
    server.advance(1.0)  # the poll sees it; the reload waits for a save's last write
    assert [p[1] for p in server.timers.pending()][:1] == ["_reload"]
    assert len(server.publications(uri)) == 1
    server.advance(RELOAD_DELAY)
    assert "IV402" not in codes(server.diagnostics(uri))
    assert len(server.publications(other)) == 1  # its diagnostics did not change
    edit_config(root, 'ignore = ["IV104", "IV402"]', 'ignore = ["IV104", "IV402"')
    server.advance(1.0 + RELOAD_DELAY)
    ((kind, message),) = server.messages()
    assert kind == types.MessageType.Error
    assert "infoview.toml" in message and "invalid TOML" in message
    assert message.endswith("\ninfoview keeps the last good settings.")
    assert len(server.publications(uri)) == 2  # the last good settings stay in use
    server.advance(5.0)
    assert len(server.messages()) == 1  # said once
    edit_config(root, 'ignore = ["IV104", "IV402"', 'ignore = ["IV104"]')
    server.advance(1.0 + RELOAD_DELAY)
    assert "IV402" in codes(server.diagnostics(uri))


def test_a_file_watch_event_from_the_client_reloads_too_and_several_make_one_reload(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    uri = server.open(root / "interviews" / PRIYA)
    config = (root / "infoview.toml").as_uri()
    edit_config(root, 'ignore = ["IV104"]', 'ignore = ["IV104", "IV402"]')
    event = types.FileEvent(config, types.FileChangeType.Changed)
    notes = types.FileEvent((root / "interviews" / PRIYA).as_uri(), types.FileChangeType.Changed)
    server.notify("workspace/didChangeWatchedFiles", types.DidChangeWatchedFilesParams([notes]))
    assert server.timers.pending() == [(1.0, "_set_result_unless_cancelled")]
    server.notify("workspace/didChangeWatchedFiles", types.DidChangeWatchedFilesParams([event]))
    server.advance(0.05)
    server.notify("workspace/didChangeWatchedFiles", types.DidChangeWatchedFilesParams([event]))
    reloads = [p for p in server.timers.pending() if p[1] == "_reload"]
    assert reloads == [(pytest.approx(RELOAD_DELAY), "_reload")]  # the first was cancelled
    server.advance(RELOAD_DELAY)
    assert "IV402" not in codes(server.diagnostics(uri))
    assert len(server.publications(uri)) == 2
    assert not server.ls._reloads
    # A reload for a file no workspace has does nothing.
    server.run(lambda: server.ls._reload(root / "nowhere" / "infoview.toml"))
    assert len(server.publications(uri)) == 2


def test_a_settings_change_re_lints_only_its_own_workspaces_documents(
    lsp: Callable[..., Lsp], root: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    (other / "interviews").mkdir(parents=True)
    (other / "infoview.toml").write_text((root / "infoview.toml").read_text())
    (other / "interviews" / PRIYA).write_text((root / "interviews" / PRIYA).read_text())
    server = lsp()
    mine, theirs = (
        server.open(root / "interviews" / PRIYA),
        server.open(other / "interviews" / PRIYA),
    )
    ls = server.ls
    space = next(s for s in ls.spaces.known() if s.root == other)
    edit_config(other, 'ignore = ["IV104"]', 'ignore = ["IV104", "IV402"]')
    assert space.reload() == (True, None)
    server.run(lambda: ls.refresh([space]))
    assert len(server.publications(mine)) == 1
    assert "IV402" not in codes(server.diagnostics(theirs))
    server.run(lambda: ls.refresh([]))
    server.run(lambda: ls.refresh())  # every document: none changed, none published
    assert [len(server.publications(u)) for u in (mine, theirs)] == [1, 2]


def test_a_document_outside_every_workspace_does_not_stop_a_settings_change_re_lint(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    loose = server.open_uri("untitled:1", (root / "interviews" / PRIYA).read_text())
    uri = server.open(root / "interviews" / PRIYA)  # opened after the loose one
    assert "IV402" in codes(server.diagnostics(uri))
    edit_config(root, 'ignore = ["IV104"]', 'ignore = ["IV104", "IV402"]')
    server.advance(1.0 + RELOAD_DELAY)
    assert "IV402" not in codes(server.diagnostics(uri))
    assert server.publications(loose) == []


# -- the clock ------------------------------------------------------------------------------


def wakes(server: Lsp) -> list[float]:
    return [delay for delay, name in server.timers.pending() if name == "_tick"]


def test_the_time_rules_change_at_midnight_without_an_edit(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    path = root / "interviews" / "2026-11-20-lee-chan.md"
    path.write_text(DONE)
    start = dt.datetime(2026, 11, 22, 23, 59, 59, tzinfo=dt.timezone(dt.timedelta(hours=-8)))
    server = lsp(today=None, now=start)
    uri = server.open(path)
    assert "IV502" in codes(server.diagnostics(uri)) and "IV501" not in codes(
        server.diagnostics(uri)
    )
    assert wakes(server) == [pytest.approx(1.05)]  # a little after midnight
    server.advance(1.0)
    assert len(server.publications(uri)) == 1
    server.advance(0.05)
    overdue = server.diagnostics(uri)
    assert "IV501" in codes(overdue) and "IV502" not in codes(overdue)
    assert server.versions[uri] == 1  # no edit was made
    assert wakes(server) == [300.0]  # the next midnight is far: woken anyway


def test_a_running_clock_is_set_to_wake_as_soon_as_the_server_is_initialized(
    lsp: Callable[..., Lsp],
) -> None:
    server = lsp(today=None)  # no document open yet
    assert wakes(server) == [300.0]


def test_opening_a_document_again_publishes_again(lsp: Callable[..., Lsp], root: Path) -> None:
    server = lsp()
    path = root / "interviews" / PRIYA
    uri = server.open(path)
    server.open(path)  # some clients send didOpen again for a buffer they reload
    first, second = server.publications(uri)
    assert first.diagnostics == second.diagnostics and first.diagnostics


def test_a_meetings_end_wakes_the_server(lsp: Callable[..., Lsp], root: Path) -> None:
    path = root / "interviews" / "2026-11-20-lee-chan.md"
    path.write_text(DONE)
    start = dt.datetime(2026, 11, 20, 15, 29, 0, tzinfo=dt.timezone(dt.timedelta(hours=-8)))
    server = lsp(today=None, now=start)
    uri = server.open(path)
    assert not codes(server.diagnostics(uri)) & {"IV408", "IV501", "IV502"}
    assert wakes(server) == [pytest.approx(60.05)]
    server.advance(60.05)
    assert "IV408" in codes(server.diagnostics(uri))  # done: was permission recorded?


def test_a_closed_interviews_meeting_read_from_disk_wakes_the_server_too(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    (root / "interviews" / "2026-11-20-lee-chan.md").write_text(DONE)
    start = dt.datetime(2026, 11, 20, 15, 27, 0, tzinfo=dt.timezone(dt.timedelta(hours=-8)))
    server = lsp(today=None, now=start)
    server.open(root / "interviews" / PRIYA)
    assert wakes(server) == [300.0]  # the meeting's interview is not read yet
    server.request("workspace/diagnostic", types.WorkspaceDiagnosticParams([]))
    server.open(root / "interviews" / DANA)
    assert wakes(server) == [pytest.approx(180.05)]  # its end at 15:30


def test_set_clock_moves_the_clock_and_re_lints(lsp: Callable[..., Lsp], root: Path) -> None:
    path = root / "interviews" / "2026-11-20-lee-chan.md"
    path.write_text(DONE)
    server = lsp()  # fixed at the start of TODAY: the thank-you is overdue
    uri = server.open(path)
    assert "IV501" in codes(server.diagnostics(uri))
    server.notify(SET_CLOCK, {"now": "2026-11-21T09:00:00-08:00", "running": False})
    assert server.ls.clock.now() == dt.datetime(2026, 11, 21, 17, 0, tzinfo=dt.UTC)
    assert not server.ls.clock.running and wakes(server) == []
    due = server.diagnostics(uri)
    assert "IV502" in codes(due) and "IV501" not in codes(due)
    server.notify(SET_CLOCK, {"now": "2026-11-22T23:59:59-08:00"})  # running by default
    assert server.ls.clock.running
    assert wakes(server) == [pytest.approx(1.05)]
    server.advance(2.0)
    assert "IV501" in codes(server.diagnostics(uri))


@pytest.mark.parametrize(
    ("params", "said"),
    [
        ({"now": "tomorrow"}, "infoview/setClock: 'tomorrow' is not an ISO date-time"),
        (
            {"now": "2026-11-22T23:59:59"},
            "infoview/setClock: '2026-11-22T23:59:59' needs a UTC offset",
        ),
        ({}, "infoview/setClock: 'None' is not an ISO date-time"),
        (["2026-11-22T23:59:59Z"], "infoview/setClock: 'None' is not an ISO date-time"),
    ],
)
def test_a_bad_set_clock_is_refused_saying_why(
    lsp: Callable[..., Lsp], params: Any, said: str
) -> None:
    server = lsp()
    before = server.ls.clock.now()
    server.notify(SET_CLOCK, params)
    assert server.messages() == [(types.MessageType.Error, said)]
    assert server.ls.clock.now() == before


def test_a_set_clock_given_as_an_object_runs(lsp: Callable[..., Lsp]) -> None:
    server = lsp()
    ls = server.ls

    class Params:
        now = "2026-11-22T10:00:00+00:00"

    server.run(lambda: ls.protocol.fm.features[SET_CLOCK](Params()))
    assert ls.clock.running and ls.clock.now() == dt.datetime(2026, 11, 22, 10, tzinfo=dt.UTC)


def test_a_custom_messages_fields_are_read_from_a_dict_or_an_object() -> None:
    class Params:
        now = "2026-11-22T10:00:00+00:00"

    assert _field({"now": "x"}, "now", None) == "x"
    assert _field({"now": "x"}, "running", True) is True
    assert _field(Params(), "now", None) == Params.now
    assert _field(Params(), "running", True) is True


def test_folders_added_later_are_searched_and_watched(
    lsp: Callable[..., Lsp], root: Path, tmp_path: Path
) -> None:
    server = lsp()
    other = tmp_path / "other"
    (other / "interviews").mkdir(parents=True)
    (other / "infoview.toml").write_text("")
    event = types.WorkspaceFoldersChangeEvent(
        added=[types.WorkspaceFolder(other.as_uri(), "other")], removed=[]
    )
    server.notify(
        "workspace/didChangeWorkspaceFolders", types.DidChangeWorkspaceFoldersParams(event)
    )
    ls = server.ls
    assert ls.spaces.roots == [root, other]
    assert [s.root for s in ls.spaces.known()] == [root, other]
    assert ls.watch is not None and other / "infoview.toml" in ls.watch._stamps


def test_shutdown_ends_the_children_still_building(lsp: Callable[..., Lsp]) -> None:
    server = lsp()
    killed: list[str] = []

    class Child:
        def __init__(self, name: str, gone: bool = False) -> None:
            self.name, self.gone = name, gone

        def kill(self) -> None:
            if self.gone:
                raise ProcessLookupError
            killed.append(self.name)

    server.ls.children.update({Child("packet"), Child("exited", gone=True)})  # type: ignore[arg-type]
    server.advance(SETTLE)
    watch = server.ls.watch
    assert watch is not None and watch._poller is not None
    server.run(server.ls.shutdown)
    assert killed == ["packet"] and watch._poller.cancelled()


# -- the documents behind navigation and pulls --------------------------------------------------


def test_lint_uri_forgets_a_document_that_is_no_longer_open_or_an_interview(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    uri = server.open(root / "interviews" / PRIYA)
    ls = server.ls
    stale = ls.results[uri]
    server.close_document(uri)
    ls.results[uri] = stale  # as if a lint had been left over
    assert server.run(lambda: ls.lint_uri(uri)) is None and uri not in ls.results
    untitled = server.open_uri("untitled:Untitled-1", (root / "interviews" / PRIYA).read_text())
    assert server.run(lambda: ls.lint_uri(untitled)) is None and untitled not in ls.results


def test_interviews_are_open_buffers_as_typed_and_the_rest_from_disk(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    ls = server.ls
    priya = root / "interviews" / PRIYA
    uri = server.open(priya)
    typed = server.texts[uri].replace("name: Priya Raman", "name: Priya R. Raman")
    server.change(uri, typed)  # not linted yet: typing has not paused
    odd = root / "interviews" / "2026-12-09-odd.md"
    odd.write_bytes(b"\xef\xbb\xbf---\ninterviewer:\n  name: Jo \xff Lane\n---\n")
    (root / "interviews" / "2026-12-10-folder.md").mkdir()
    space = ls.spaces.known()[0]
    known = {k.path.name: k for k in server.run(lambda: ls.interviews(space))}
    assert sorted(known) == sorted(
        p.name for p in (root / "interviews").glob("*.md") if p.is_file()
    )
    assert known[PRIYA].text == typed and known[PRIYA].uri == uri
    assert known[PRIYA].interview.interviewer.name == "Priya R. Raman"
    assert ls.results[uri].text == typed  # linted now, as it is
    assert known[odd.name].text == "---\ninterviewer:\n  name: Jo \ufffd Lane\n---\n"
    assert known[odd.name].interview.interviewer.name == "Jo \ufffd Lane"
    assert known[DANA].text == (root / "interviews" / DANA).read_text()


def test_an_open_buffer_missing_its_lint_is_linted_and_one_too_large_left_out(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    ls = server.ls
    uri = server.open(root / "interviews" / PRIYA)
    space = ls.spaces.known()[0]
    ls.results.pop(uri)
    assert PRIYA in {k.path.name for k in server.run(lambda: ls.interviews(space))}
    assert ls.results[uri].text == server.texts[uri]  # linted again when missing
    server.change(uri, "-" * (10 * 1024 * 1024 + 1))
    names = {k.path.name for k in server.run(lambda: ls.interviews(space))}
    assert PRIYA not in names and DANA in names  # too large to be an interview: left out


def test_a_closed_file_that_is_not_utf8_is_still_reported(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    path = root / "interviews" / "2026-12-11-latin1.md"
    path.write_bytes(b"\xef\xbb\xbf---\ninterviewer:\n  nmae: Jos\xe9\n---\n")  # Latin-1
    server = lsp("visual_studio_code")
    space = server.ls.spaces.known()[0]
    linted = server.ls.lint_path(path, space)
    assert linted is not None
    unknown = [d for d in linted[1] if "nmae" in d.message]
    assert [(d.range.start.line, d.range.start.character) for d in unknown] == [(2, 2)]


def test_a_closed_file_with_a_bom_has_its_first_line_counted_without_it(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    path = root / "interviews" / "2026-12-12-bom.md"
    path.write_bytes("\ufeff# Notes only, no front matter\n".encode())
    server = lsp("visual_studio_code")
    space = server.ls.spaces.known()[0]
    linted = server.ls.lint_path(path, space)
    assert linted is not None
    first = [d for d in linted[1] if d.range.start.line == 0]
    assert first and all(d.range.start.character == 0 for d in first)


def test_a_push_client_that_could_refresh_is_never_asked_to_pull(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp("neovim", text_document__diagnostic=None, **PULL)
    assert not server.ls.pull
    uri = server.open(root / "interviews" / PRIYA)
    edit_config(root, 'ignore = ["IV104"]', 'ignore = ["IV104", "IV402"]')
    server.advance(1.0 + RELOAD_DELAY)
    assert "IV402" not in codes(server.diagnostics(uri))
    assert server.requests("workspace/diagnostic/refresh") == []


def test_a_meeting_typed_in_wakes_the_server_at_its_end(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    path = root / "interviews" / "2026-11-20-lee-chan.md"
    path.write_text(DONE.replace("2026-11-20T15:00", "2026-11-25T15:00"))
    start = dt.datetime(2026, 11, 20, 15, 29, 0, tzinfo=dt.timezone(dt.timedelta(hours=-8)))
    server = lsp(today=None, now=start)
    uri = server.open(path)
    assert wakes(server) == [300.0]
    server.change(uri, DONE)  # the meeting is today, ending at 15:30
    server.advance(DEBOUNCE)
    assert wakes(server) == [pytest.approx(60.05 - DEBOUNCE)]


def test_a_new_time_zone_in_the_settings_moves_the_wake(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    path = root / "interviews" / "2026-11-20-lee-chan.md"
    path.write_text(DONE)  # its meeting ends at 15:30, Portland time
    start = dt.datetime(2026, 11, 20, 15, 29, 0, tzinfo=dt.timezone(dt.timedelta(hours=-8)))
    server = lsp(today=None, now=start)
    server.open(path)
    assert wakes(server) == [pytest.approx(60.05)]
    edit_config(root, 'timezone = "America/Los_Angeles"', 'timezone = "America/New_York"')
    server.advance(1.0 + RELOAD_DELAY)  # 15:30 in New York was three hours ago
    assert wakes(server) == [300.0]


def test_an_interview_too_large_to_read_is_reported_as_lint_reports_it(
    lsp: Callable[..., Lsp], root: Path
) -> None:
    server = lsp()
    path = root / "interviews" / "2026-12-20-huge.md"
    path.write_bytes(b"-" * (10 * 1024 * 1024 + 1))
    linted = server.ls.lint_path(path, server.ls.spaces.known()[0])
    assert linted is not None
    uri, (found,) = linted
    assert uri == path.as_uri()
    assert found.range == types.Range(types.Position(0, 0), types.Position(0, 0))
    assert (found.code, found.severity, found.source) == (
        "IV001",
        types.DiagnosticSeverity.Error,
        "infoview",
    )
    assert found.message == "is 10 MB; an interview file should be far smaller"
    assert found.data == {"slug": "invalid-front-matter", "line": 1, "column": 1}
