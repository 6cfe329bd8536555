"""The protocol methods the server answers, each a few lines handing over to a module."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.uris import to_fs_path

from infoview.config import CONFIG_NAME
from infoview.lsp.diagnostics import result_id
from infoview.lsp.documents import client_roots
from infoview.lsp.server import InfoviewServer

SET_CLOCK = "infoview/setClock"
FEATURES = ("actions", "commands", "completion", "hover", "navigation")


def _roots(params: types.InitializeParams) -> list[Path]:
    folders = [folder.uri for folder in params.workspace_folders or []]
    return client_roots(folders, params.root_uri, params.root_path)


def _field(params: Any, name: str, default: Any) -> Any:
    """A custom message's value: pygls hands its params over as an object, not a dict."""
    if isinstance(params, dict):
        return params.get(name, default)
    return getattr(params, name, default)


def register(server: InfoviewServer) -> None:
    """Register every feature on ``server``."""
    import importlib

    _lifecycle(server)
    _diagnostics(server)
    for name in FEATURES:
        importlib.import_module(f"infoview.lsp.{name}").register(server)


def _lifecycle(server: InfoviewServer) -> None:
    @server.feature(types.INITIALIZE)
    def initialize(ls: InfoviewServer, params: types.InitializeParams) -> None:
        ls.spaces.add_roots(_roots(params))
        ls.pull = ls.supports("text_document.diagnostic") and ls.supports(
            "workspace.diagnostics.refresh_support"
        )

    @server.feature(types.INITIALIZED)
    def initialized(ls: InfoviewServer, params: types.InitializedParams) -> None:
        ls.spaces.all()
        ls.schedule_wake()
        ls.settle_later()

    @server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    def folders(ls: InfoviewServer, params: types.DidChangeWorkspaceFoldersParams) -> None:
        added = [f.uri for f in params.event.added]
        ls.spaces.add_roots(Path(p).resolve() for p in map(to_fs_path, added) if p)
        ls.spaces.all()
        ls.start_watching()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: InfoviewServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri, force=True)
        ls.schedule_wake()

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: InfoviewServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.changed(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: InfoviewServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        if ls.results.pop(uri, None) is not None and not ls.pull:
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: InfoviewServer, params: types.DidChangeWatchedFilesParams) -> None:
        for change in params.changes:
            path = to_fs_path(change.uri)
            if path and Path(path).name == CONFIG_NAME:
                ls.config_changed(Path(path))

    @server.feature(SET_CLOCK)
    def set_clock(ls: InfoviewServer, params: Any) -> None:
        """For tests and demos: ``{"now": "2026-11-20T23:59:59-08:00", "running": true}``."""
        value, running = _field(params, "now", None), _field(params, "running", True)
        try:
            moment = dt.datetime.fromisoformat(str(value))
        except ValueError:
            ls.say(f"{SET_CLOCK}: '{value}' is not an ISO date-time", types.MessageType.Error)
            return
        if moment.tzinfo is None:
            ls.say(f"{SET_CLOCK}: '{value}' needs a UTC offset", types.MessageType.Error)
            return
        ls.set_clock(moment, running=bool(running))


def _diagnostics(server: InfoviewServer) -> None:
    options = types.DiagnosticOptions(
        identifier="infoview", inter_file_dependencies=False, workspace_diagnostics=True
    )

    @server.feature(types.TEXT_DOCUMENT_DIAGNOSTIC, options)
    def document(
        ls: InfoviewServer, params: types.DocumentDiagnosticParams
    ) -> types.FullDocumentDiagnosticReport | types.UnchangedDocumentDiagnosticReport:
        found = ls.space_of(params.text_document.uri)
        linted = ls.lint_path(*found) if found is not None else None
        items = linted[1] if linted is not None else []
        rid = result_id(items)
        if params.previous_result_id == rid:
            return types.UnchangedDocumentDiagnosticReport(rid)
        return types.FullDocumentDiagnosticReport(items, result_id=rid)

    @server.feature(types.WORKSPACE_DIAGNOSTIC)
    def workspace(
        ls: InfoviewServer, params: types.WorkspaceDiagnosticParams
    ) -> types.WorkspaceDiagnosticReport:
        previous = {p.uri: p.value for p in params.previous_result_ids}
        reports: list[Any] = []
        for space in ls.spaces.all():
            for path in space.interview_paths():
                linted = ls.lint_path(path, space)
                if linted is None:
                    continue
                uri, items = linted
                rid = result_id(items)
                document = ls.document(uri)
                version = document.version if document is not None else None
                if previous.get(uri) == rid:
                    reports.append(
                        types.WorkspaceUnchangedDocumentDiagnosticReport(uri, rid, version)
                    )
                else:
                    reports.append(
                        types.WorkspaceFullDocumentDiagnosticReport(
                            uri, items, version, result_id=rid
                        )
                    )
        return types.WorkspaceDiagnosticReport(reports)
