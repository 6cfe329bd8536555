"""Commands through ``workspace/executeCommand``, the command line's actions in the editor.

Each takes the interview's URI first, then its values in order (or one object of them):

- ``infoview.buildPacket`` [uri]; ``infoview.writeThanks`` [uri]: run ``infoview packet``
  or ``infoview thanks`` in a child process (WeasyPrint never loads in the server, and
  rendering never holds up diagnostics), then offer the output with ``window/showDocument``.
- ``infoview.markSent`` [uri, on?, via?]; ``infoview.logContact`` [uri, note, on?];
  ``infoview.addReferral`` [uri, name, note?, contact?]: the same pure edits as ``thanks
  --mark-sent``, ``log`` and ``referral``, sent as ``workspace/applyEdit`` when the
  interview is open (the buffer changes, unsaved, as if typed), else made to the file.

A command's failure (an edit refused, a bad value) is its error response, with the same
message the command line gives.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException

from infoview.errors import InfoviewError
from infoview.lsp.actions import workspace_edit
from infoview.lsp.documents import Space
from infoview.lsp.server import InfoviewServer

PACKET, THANKS = "infoview.buildPacket", "infoview.writeThanks"
MARK_SENT, LOG, REFERRAL = "infoview.markSent", "infoview.logContact", "infoview.addReferral"
_OUTPUT = re.compile(r"(?:^|\s)(build/\S+?\.(?:pdf|eml|html))\b", re.MULTILINE)


class CommandError(JsonRpcException):
    """A command cannot run: its message is the error response (LSP's RequestFailed), as
    it is, without the class name or traceback pygls gives any other exception."""

    CODE = -32803


def _arguments(args: tuple[Any, ...], names: tuple[str, ...]) -> dict[str, Any]:
    if len(args) == 1 and isinstance(args[0], dict):
        values = dict(args[0])
    else:
        values = dict(zip(names, args, strict=False))
    for name, value in values.items():
        if value is not None and not isinstance(value, str):
            raise CommandError(f"'{name}' must be text, not {value!r}")
    if not values.get("uri"):
        raise CommandError(f"give the interview's URI first: [{', '.join(names)}]")
    return values


def _interview(ls: InfoviewServer, uri: str) -> tuple[Path, Space]:
    found = ls.space_of(uri)
    if found is None:
        raise CommandError(f"{uri} is not an interview in an infoview workspace")
    return found


def _day(ls: InfoviewServer, space: Space, value: str | None) -> dt.date:
    if value is None:
        return ls.clock.moment(space.settings.config.tz).date()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"'{value}' is not a date; write YYYY-MM-DD") from None


async def _edit(
    ls: InfoviewServer, uri: str, make: Callable[[str, Path], str], label: str
) -> dict[str, Any]:
    """Apply ``make`` to the open buffer (through the client) or else to the file."""
    from infoview.edit import apply

    path, space = _interview(ls, uri)
    text = ls.text_of(uri)
    try:
        if text is None:
            result = apply(path, lambda old: make(old, path), root=space.root)
            return {"changed": result.changed, "file": str(path)}
        new = make(text, path)
    except InfoviewError as exc:
        raise CommandError(exc.render()) from exc
    if new == text:
        return {"changed": False}
    edit = workspace_edit(ls, uri, text, new)
    response = await ls.workspace_apply_edit_async(types.ApplyWorkspaceEditParams(edit, label))
    if not response.applied:
        raise CommandError(f"the editor did not apply the edit: {response.failure_reason or ''}")
    return {"changed": True}


async def _render(ls: InfoviewServer, uri: str, command: str) -> dict[str, Any]:
    """Run ``infoview COMMAND PATH`` in a child process and offer what it wrote."""
    path, space = _interview(ls, uri)
    text = ls.text_of(uri)
    if text is not None and space.on_disk(path) is not None:
        saved = path.read_bytes().decode("utf-8", errors="replace")
        if saved != text:
            ls.say(f"{command}: built from the saved file; save to include your latest changes")
    today = ls.clock.moment(space.settings.config.tz).date().isoformat()
    args = [command, str(path), "--workspace", str(space.root)]
    if command == "thanks":
        args += ["--today", today]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "infoview",
        *args,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        cwd=space.root,
        env=env,
    )
    ls.children.add(child)
    try:
        out, err = await child.communicate()
    finally:
        ls.children.discard(child)
    stdout, stderr = out.decode("utf-8", "replace"), err.decode("utf-8", "replace")
    found = _OUTPUT.findall(stdout)
    if child.returncode != 0 or not found:
        reason = (stderr.strip() or stdout.strip()).splitlines()
        raise CommandError(f"infoview {command} failed: {' / '.join(reason[-3:]) or 'no output'}")
    output = (space.root / found[-1]).resolve()
    if stderr.strip():
        ls.say(f"infoview {command}: {stderr.strip()}", types.MessageType.Warning)
    target = ls.uri_of(output)
    if ls.supports("window.show_document.support"):
        await ls.window_show_document_async(types.ShowDocumentParams(target, external=True))
    else:
        ls.say(f"wrote {space.label(output)}")
    return {"output": str(output)}


def register(server: InfoviewServer) -> None:
    def run(handler: Callable[..., Any]) -> Callable[..., Any]:
        async def wrapped(ls: InfoviewServer, *args: Any) -> Any:
            try:
                return await handler(ls, *args)
            except CommandError as exc:
                ls.say(str(exc), types.MessageType.Error)
                raise

        return wrapped

    async def packet(ls: InfoviewServer, *args: Any) -> dict[str, Any]:
        values = _arguments(args, ("uri",))
        return await _render(ls, values["uri"], "packet")

    async def thanks(ls: InfoviewServer, *args: Any) -> dict[str, Any]:
        values = _arguments(args, ("uri",))
        return await _render(ls, values["uri"], "thanks")

    async def mark_sent(ls: InfoviewServer, *args: Any) -> dict[str, Any]:
        from infoview.followup import mark_sent_text

        values = _arguments(args, ("uri", "on", "via"))
        _, space = _interview(ls, values["uri"])
        on = _day(ls, space, values.get("on"))

        def make(text: str, path: Path) -> str:
            via = values.get("via")
            if via is None:
                from infoview.parse import parse_text

                channel = parse_text(text, path).thank_you_channel(
                    space.settings.config.thanks.pairing()
                )
                via = "handwritten" if channel == "card" else "email"
            return mark_sent_text(text, on=on, via=via, path=path)

        return await _edit(ls, values["uri"], make, f"thank-you sent {on}")

    async def log_contact(ls: InfoviewServer, *args: Any) -> dict[str, Any]:
        from infoview.followup import log_contact_text

        values = _arguments(args, ("uri", "note", "on"))
        _, space = _interview(ls, values["uri"])
        on = _day(ls, space, values.get("on"))
        note = values.get("note") or ""

        def make(text: str, path: Path) -> str:
            return log_contact_text(text, note=note, on=on, path=path)

        return await _edit(ls, values["uri"], make, f"logged contact on {on}")

    async def referral(ls: InfoviewServer, *args: Any) -> dict[str, Any]:
        from infoview.followup import add_referral_text

        values = _arguments(args, ("uri", "name", "note", "contact"))

        def make(text: str, path: Path) -> str:
            return add_referral_text(
                text,
                name=values.get("name") or "",
                note=values.get("note"),
                contact=values.get("contact"),
                path=path,
            )

        return await _edit(ls, values["uri"], make, f"added referral {values.get('name')}")

    for name, handler in (
        (PACKET, packet),
        (THANKS, thanks),
        (MARK_SENT, mark_sent),
        (LOG, log_contact),
        (REFERRAL, referral),
    ):
        server.command(name)(run(handler))
