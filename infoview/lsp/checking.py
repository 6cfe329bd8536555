"""Parse and lint a document as ``infoview lint`` does, with nothing of the protocol.

Both the server and its head start (:mod:`infoview.lsp.headstart`, which never imports
lsprotocol) lint through these two functions, so they cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from infoview import lint
from infoview.fs.read import size_problem
from infoview.lint.diagnostic import Diagnostic
from infoview.lsp.documents import Space
from infoview.model import Interview
from infoview.parse import parse_text
from infoview.workspace import INTERVIEW, MAX_INTERVIEW_BYTES


def parse_buffer(text: str, path: Path) -> Interview | str:
    """The buffer parsed, or why it cannot be (too large to be an interview)."""
    size = len(text.encode("utf-8", errors="surrogatepass"))
    problem = size_problem(size, MAX_INTERVIEW_BYTES, INTERVIEW)  # lint's words for the file
    return problem if problem is not None else parse_text(text, path)


def lint_interview(
    interview: Interview | str, path: Path, space: Space, now: dt.datetime
) -> list[Diagnostic]:
    """Lint one parsed interview (or report why it could not be read) as lint does."""
    label = space.label(path)
    if isinstance(interview, str):
        return [Diagnostic(label, 1, 1, "IV001", "invalid-front-matter", "error", interview)]
    settings = space.settings
    return lint.check(interview, space.context(now), settings.chosen, label)
