"""``infoview packet``: one PDF prep packet per interview, incremental and batched."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from infoview.build import Rendered, digest, file_bytes, forget, is_current, record, render_many
from infoview.corpus import load
from infoview.errors import InfoviewError
from infoview.fs import FileError
from infoview.limits import MAX_ITEM_MARKUP, MAX_PACKET_ITEMS, MAX_PACKET_MARKUP, MAX_PACKET_TEXT
from infoview.model import Interview, Severity
from infoview.packet_context import context
from infoview.people import name_for_reference
from infoview.render.inputs import workspace_stylesheet
from infoview.render.nowrap import nowrap
from infoview.render.references import Confined, confine_css, confine_html
from infoview.render.templates import (
    TemplateProblem,
    default_stylesheet,
    environment,
    templates_digest,
)
from infoview.workspace import Workspace, read_bytes

TEMPLATE = "packet.html.j2"


@dataclass
class Outcome:
    path: Path
    output: Path
    state: str  # built | unchanged | failed
    seconds: float = 0.0
    messages: list[str] = field(default_factory=list)
    io_error: bool = False  # failed because a file could not be written (exit status 2)


def stylesheet_path(ws: Workspace) -> Path:
    """The workspace's packet stylesheet, or the packaged default when it has none."""
    path = ws.root / ws.config.packet.stylesheet
    return path if os.path.lexists(path) else default_stylesheet("packet.css")


def stylesheet(ws: Workspace) -> tuple[str, Path, list[str]]:
    """The packet stylesheet's text and path, read confined (``render.inputs``), and why the
    workspace's was not used, if it was not."""
    return workspace_stylesheet(
        ws.root, ws.config.packet.stylesheet, default_stylesheet("packet.css")
    )


def output_path(ws: Workspace, source: Path, *, html: bool) -> Path:
    """``build/packets/<stem>.pdf``: named from the file's name only, never from its content.

    An interview in a subfolder of interviews/ gets its packet in the same subfolder of
    build/packets/, so two files with one name in two subfolders keep their own packets.
    """
    return ws.output_for(source, "packets", ".html" if html else ".pdf")


def input_digest(ws: Workspace, source: bytes, *, html: bool, related: Sequence[bytes] = ()) -> str:
    """Digest of everything a packet is made from.

    ``related``: the earlier interviews with the same interviewer (name and bytes), which
    "last time we talked" on the cover is made from.
    """
    templates = ws.root / "templates"
    return digest(
        source,
        file_bytes(ws.config.path, root=ws.root),
        file_bytes(stylesheet_path(ws), root=ws.root),
        templates_digest(templates, (TEMPLATE,)),
        b"html" if html else b"pdf",
        *related,
    )


def too_big(interview: Interview, ws: Workspace, previous: Interview | None) -> list[str]:
    """A packet beyond the size bound (``limits``): refused at once, with what to do."""
    texts = [item.text for item in interview.research]
    texts += [goal.text for goal in interview.learning_goals]
    texts += [question.text for question in interview.questions]
    texts += [note.text for note in previous.takeaways] if previous else []
    size = sum(len(text) for text in texts)
    if len(texts) <= MAX_PACKET_ITEMS and size <= MAX_PACKET_TEXT:
        return []
    return [
        f"{ws.relative(interview.path)}: too much for one packet: {len(texts)} research items, "
        f"goals and questions with {size} characters (a packet shows at most "
        f"{MAX_PACKET_ITEMS} items and {MAX_PACKET_TEXT} characters); keep long notes "
        "under ## Notes, or split the interview into several files"
    ]


def blocking_problems(interview: Interview, ws: Workspace) -> list[str]:
    """Problems that make a packet meaningless: unreadable front matter, wrong types."""
    rel = ws.relative(interview.path)
    return [
        f"{rel}:{p.span.line}:{p.span.column}: {p.code} {p.message}"
        for p in interview.problems
        if p.severity is Severity.ERROR
    ]


# -- rendering ---------------------------------------------------------------------------


def render_html(
    interview: Interview,
    ws: Workspace,
    *,
    standalone: bool = False,
    previous: Interview | None = None,
    others: Sequence[Interview] = (),
    notes: list[str] | None = None,
) -> str:
    """Render the packet's HTML; ``standalone`` inlines the stylesheet (for ``--html``).

    ``others``: the workspace's interviews, to name the person ``referred_by`` points at.
    ``notes`` receives what was left out (markup shown as plain text), for the command.
    """
    env = environment(ws.root / "templates", root=ws.root)
    env.filters["nowrap"] = nowrap
    values = context(interview, ws.config, previous=previous, others=others)
    html = env.get_template(TEMPLATE).render(values)
    if env.markdown is not None and env.markdown.plain and notes is not None:
        count = len(env.markdown.plain)
        notes.append(
            f"formatting of {count} item{'s' if count != 1 else ''}: shown as plain text, "
            f"since more than {MAX_ITEM_MARKUP} emphasis, link or code spans in one item "
            f"(or {MAX_PACKET_MARKUP} in a packet) take too long to lay out"
        )
    if standalone:
        return render_standalone(html, interview, ws).html
    return html


def render_standalone(html: str, interview: Interview, ws: Workspace) -> Confined:
    """The ``--html`` page: the stylesheet inlined, every image and url() embedded or dropped.

    Nothing is left for a browser to fetch, and no path of this machine is in the page.
    """
    text, sheet, refused = stylesheet(ws)
    base = Path(os.path.abspath(interview.path)).parent
    page = confine_html(html, root=ws.root, embed=True, base=base)
    css = confine_css(text, root=ws.root, base=Path(os.path.abspath(sheet)).parent)
    paper = f"@page {{ size: {ws.config.packet.paper}; }}\n"
    style = "<style>" + (paper + css.html).replace("</", "<\\/") + "</style>"
    page.html = page.html.replace("</head>", f"{style}\n</head>", 1)
    page.refused = refused + page.refused + css.refused
    page.used.update(css.used)
    return page


# -- the command ---------------------------------------------------------------------------


def build_packets(
    ws: Workspace,
    paths: Sequence[Path],
    *,
    force: bool = False,
    html: bool = False,
    report: Callable[[Outcome], None],
    workers: int | None = None,
) -> list[Outcome]:
    """Build the packets for ``paths``; report one Outcome per interview as it finishes.

    ``workers=1`` renders in this process (``infoview watch``: no fork beside its threads).
    """
    outcomes: list[Outcome] = []
    pending: list[tuple[Outcome, str, Any, float]] = []  # outcome, key, job, t0
    known = load(ws, create_cache=False)  # every interview, to find earlier meetings
    others = known.interviews()
    claimed: dict[Path, Path] = {}  # output -> the interview it is built from, this run
    for path in paths:
        output = output_path(ws, path, html=html)
        outcome = Outcome(path, output, "built")
        outcomes.append(outcome)
        start = time.perf_counter()
        first = claimed.setdefault(output, path)
        if os.path.abspath(first) != os.path.abspath(path):  # one name, outside interviews/
            outcome.state = "failed"
            outcome.messages = [
                f"{ws.relative(path)}: has the same output as {ws.relative(first)}; "
                "rename one of them, or build them one at a time"
            ]
            report(outcome)
            continue
        try:
            source = read_bytes(path, root=ws.root)
        except InfoviewError as exc:
            outcome.state, outcome.messages = "failed", [exc.render()]
            report(outcome)
            continue
        interview = known.interview_for(path, source)
        earlier = known.earlier_meetings(interview, ws.config.tz)  # "last time we talked"
        named = [os.fsencode(entry.label) + b"\0" + entry.data for entry in earlier]
        if interview.referred_by:  # the cover names the referrer from their interview
            named.append(os.fsencode(name_for_reference(interview.referred_by, others)))
        key = input_digest(ws, source, html=html, related=named)
        if not force and is_current(output, key, root=ws.root):
            outcome.state = "unchanged"
            report(outcome)
            continue
        previous = earlier[-1].interview if earlier else None
        problems = blocking_problems(interview, ws) or too_big(interview, ws, previous)
        if problems:
            outcome.state, outcome.messages = "failed", problems
            report(outcome)
            continue
        try:
            if html:
                notes: list[str] = []
                body = render_html(interview, ws, previous=previous, others=others, notes=notes)
                page = render_standalone(body, interview, ws)
                page.refused += notes
                ws.write(output, page.html.encode("utf-8"))
                record(output, key, page.used.items(), root=ws.root)
                outcome.seconds = time.perf_counter() - start
                rel = ws.relative(path)
                outcome.messages += [f"{rel}: not included: {r}" for r in page.refused]
                report(outcome)
                continue
            job = _pdf_job(interview, ws, previous, others)
            outcome.messages += [f"{ws.relative(path)}: not included: {r}" for r in job.refused]
        except FileError as exc:  # the output could not be written: disk full, read-only...
            outcome.state, outcome.messages = "failed", [exc.render()]
            outcome.io_error = True
            report(outcome)
            continue
        except TemplateProblem as exc:  # a workspace templates/ override with a mistake
            outcome.state = "failed"
            outcome.messages = [f"{ws.relative(path)}: template {exc.render()}"]
            report(outcome)
            continue
        pending.append((outcome, key, job, start))

    def done(rendered: Rendered) -> None:
        outcome, key, _, start = pending[rendered.index]
        rel = ws.relative(outcome.path)
        if rendered.result is None:
            forget(outcome.output, root=ws.root)
            outcome.state = "failed"
            outcome.messages = [
                f"{rel}: rendering failed ({rendered.error}); the previous PDF is kept"
            ]
        else:
            try:
                ws.write(outcome.output, rendered.result.pdf)
                record(outcome.output, key, rendered.result.used, root=ws.root)
            except FileError as exc:
                outcome.state, outcome.io_error = "failed", True
                outcome.messages = [exc.render()]
            outcome.messages += [f"{rel}: not included: {r}" for r in rendered.result.refused]
        outcome.seconds = time.perf_counter() - start
        report(outcome)

    if pending:
        render_many([job for _, _, job, _ in pending], workers=workers, on_done=done)
    return outcomes


def _pdf_job(
    interview: Interview,
    ws: Workspace,
    previous: Interview | None = None,
    others: Sequence[Interview] = (),
) -> Any:
    from infoview.render.pdf import PdfJob

    text, sheet, refused = stylesheet(ws)
    page = f"@page {{ size: {ws.config.packet.paper}; }}"
    html = render_html(interview, ws, previous=previous, others=others, notes=refused)
    return PdfJob(
        html=html,
        base_url=interview.path.resolve().parent.as_uri() + "/",
        root=str(ws.root),
        css=((page, ws.root.as_uri() + "/"), (text, sheet.resolve().as_uri())),
        refused=tuple(refused),
    )
