"""``infoview lint``: choose the files, run the rules, format, and pick the exit code."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from infoview.errors import UsageError
from infoview.lint import context, selection
from infoview.lint.diagnostic import Diagnostic
from infoview.lint.report import as_json, github, sarif, text
from infoview.lint.runner import Target, lint_files
from infoview.workspace import Workspace


@dataclass(frozen=True)
class LintResult:
    diagnostics: list[Diagnostic]
    files: int

    def exit_code(self, *, strict: bool) -> int:
        levels = {d.severity for d in self.diagnostics}
        if "error" in levels or (strict and "warning" in levels):
            return 1
        return 0


def changed_paths(ws: Workspace) -> list[Path]:
    """Interviews changed against HEAD: staged, unstaged and untracked."""
    try:
        result = subprocess.run(
            ["git", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "."],
            cwd=ws.interviews_dir if ws.interviews_dir.is_dir() else ws.root,
            capture_output=True,
            check=False,
        )
    except OSError as exc:
        raise UsageError(f"--changed needs git: {exc.strerror}") from exc
    if result.returncode != 0:
        reason = result.stderr.decode(errors="replace").strip().splitlines()
        raise UsageError(
            f"--changed needs a git repository: {reason[0] if reason else 'git status failed'}"
        )
    top = subprocess.run(
        ["git", "rev-parse", "--show-toplevel"],
        cwd=ws.root,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    entries = result.stdout.decode("utf-8", errors="surrogateescape").split("\0")
    paths: list[Path] = []
    skip = False
    for entry in entries:
        if skip:  # the original name of a rename
            skip = False
            continue
        if len(entry) < 4:
            continue
        status, name = entry[:2], entry[3:]
        skip = "R" in status or "C" in status
        path = Path(top) / name
        if path.suffix == ".md" and path.is_file() and ws.contains(path):
            paths.append(path)
    return sorted(set(paths))


def targets_for(ws: Workspace, paths: Sequence[Path], *, changed: bool) -> list[Target]:
    if changed:
        return [Target(p, ws.relative(p)) for p in changed_paths(ws)]
    if paths:
        out: list[Target] = []
        for given in paths:
            if given.is_dir():
                out.extend(Target(p, str(p)) for p in ws.interview_paths([given]))
            elif not given.exists() and not given.is_symlink():
                raise UsageError(f"{given}: no such file; give a path to an interview .md file")
            else:
                out.append(Target(given, str(given)))
        return out
    return [Target(p, _label(ws, p)) for p in ws.interview_paths()]


def _label(ws: Workspace, path: Path) -> str:
    """``ws.relative(path)``, without pathlib for the usual path below the workspace."""
    text, root = str(path), f"{ws.root}{os.sep}"
    return text[len(root) :] if text.startswith(root) else ws.relative(path)


def run_lint(
    ws: Workspace,
    paths: Sequence[Path],
    *,
    today: dt.date | None,
    changed: bool = False,
    use_cache: bool = True,
) -> LintResult:
    chosen = selection(ws.config)
    ctx = context(ws.config, today)
    targets = targets_for(ws, paths, changed=changed)
    diagnostics = lint_files(ws, targets, ctx, chosen, use_cache=use_cache)
    return LintResult(diagnostics, len(targets))


def render(result: LintResult, fmt: str, *, colour: bool) -> str:
    if fmt == "json":
        return as_json(result.diagnostics)
    if fmt == "github":
        return github(result.diagnostics)
    if fmt == "sarif":
        return sarif(result.diagnostics)
    return text(result.diagnostics, result.files, colour=colour)
