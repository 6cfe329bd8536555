"""Errors the core raises; ``cli.py`` turns them into a message and an exit code.

Every message starts with the file (and line, where there is one) it is about, the way
compilers and linters report, so an editor can jump there.
"""

from __future__ import annotations

from pathlib import Path


class InfoviewError(Exception):
    """A problem the user can fix; never shown with a traceback."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.hint = hint
        super().__init__(self.render())

    def render(self) -> str:
        """Return ``path:line:col: message`` plus the hint on its own line."""
        where = ""
        if self.path is not None:
            where = str(self.path)
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        text = f"{where}{self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class UsageError(InfoviewError):
    """Bad arguments or a missing workspace: exit status 2, like Click's own usage errors."""

    exit_code = 2


class ConfigError(InfoviewError):
    """``infoview.toml`` is missing, unreadable or invalid."""

    exit_code = 2


class InterviewError(InfoviewError):
    """An interview file cannot be used for the requested output."""


class RenderError(InfoviewError):
    """Rendering an output failed (the previous output is left untouched)."""
