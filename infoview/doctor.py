"""``infoview doctor``: what this machine and workspace have, and what to install."""

from __future__ import annotations

import contextlib
import ctypes.util
import io
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from infoview.errors import InfoviewError

INSTALL = {
    "pango": (
        "Debian/Ubuntu: sudo apt install libpango-1.0-0 libpangoft2-1.0-0 · "
        "Fedora: sudo dnf install pango · macOS: brew install pango · "
        "Windows: install MSYS2, then pacman -S mingw-w64-ucrt-x86_64-pango"
    ),
    "harfbuzz": (
        "Debian/Ubuntu: sudo apt install libharfbuzz0b · Fedora: sudo dnf install harfbuzz · "
        "macOS: brew install harfbuzz"
    ),
    "harfbuzz-subset": (
        "Debian/Ubuntu: sudo apt install libharfbuzz-subset0 · "
        "Fedora: sudo dnf install harfbuzz (includes it) · macOS: brew install harfbuzz"
    ),
    "fonts": (
        "Debian/Ubuntu: sudo apt install fonts-dejavu-core fontconfig · "
        "Fedora: sudo dnf install dejavu-sans-fonts dejavu-serif-fonts · macOS: fonts are built in"
    ),
}


@dataclass(frozen=True)
class Check:
    name: str
    state: str  # ok | warn | fail
    detail: str
    fix: str = ""


def _library(name: str) -> str | None:
    return ctypes.util.find_library(name)


def run_checks(start: Path, *, explicit: bool = False) -> Iterator[Check]:
    """Yield one Check per requirement, in the order a user should fix them."""
    version = ".".join(map(str, sys.version_info[:3]))
    yield Check("python", "ok", f"{version} at {sys.executable}")

    pango = _library("pango-1.0")
    yield Check(
        "pango",
        "ok" if pango else "fail",
        pango or "not found: WeasyPrint cannot lay out text, so no PDFs (--html still works)",
        "" if pango else INSTALL["pango"],
    )
    harfbuzz = _library("harfbuzz")
    yield Check(
        "harfbuzz",
        "ok" if harfbuzz else "fail",
        harfbuzz or "not found: WeasyPrint needs it to shape text",
        "" if harfbuzz else INSTALL["harfbuzz"],
    )
    subset = _library("harfbuzz-subset")
    yield Check(
        "harfbuzz-subset",
        "ok" if subset else "warn",
        subset
        or "not found: PDFs still build, but font subsetting falls back to fontTools, "
        "several times slower",
        "" if subset else INSTALL["harfbuzz-subset"],
    )
    yield _weasyprint()
    yield _fonts()
    yield from _workspace(start, explicit=explicit)


def _weasyprint() -> Check:
    quiet = io.StringIO()
    try:
        with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
            from infoview.render.pdf import versions

            found = versions()
    except (OSError, ImportError) as exc:
        return Check(
            "weasyprint", "fail", f"cannot load: {exc}", "install the libraries above, then rerun"
        )
    return Check("weasyprint", "ok", f"{found['weasyprint']} with Pango {found['pango']}")


def _fonts() -> Check:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return Check(
            "fonts", "warn", "fc-list not found; cannot tell which fonts exist", INSTALL["fonts"]
        )
    result = subprocess.run([fc_list, ":", "family"], capture_output=True, text=True, check=False)
    families = {line.split(",")[0].strip() for line in result.stdout.splitlines() if line.strip()}
    if not families:
        return Check(
            "fonts", "fail", "no fonts installed: PDFs would have no text", INSTALL["fonts"]
        )
    wanted = {"DejaVu Sans", "DejaVu Serif"}
    if wanted <= families:
        return Check("fonts", "ok", f"{len(families)} families, including DejaVu Sans and Serif")
    return Check(
        "fonts",
        "warn",
        f"{len(families)} families, but not {', '.join(sorted(wanted - families))} "
        "(the default stylesheet's first choice; others are used instead)",
        INSTALL["fonts"],
    )


def _workspace(start: Path, *, explicit: bool) -> Iterator[Check]:
    from infoview.config import CONFIG_NAME, find_config
    from infoview.workspace import open_workspace

    found = (start / CONFIG_NAME) if explicit else find_config(start)
    if found is None or not found.is_file():
        yield Check(
            "workspace",
            "warn",
            f"no {CONFIG_NAME} in {start} or above",
            "run 'infoview init DIR' to create a workspace, or pass --workspace DIR",
        )
        return
    try:
        ws = open_workspace(found.parent)
    except InfoviewError as exc:
        yield Check("config", "fail", exc.render(), "fix the key named above")
        return
    yield Check("config", "ok", f"{found} (time zone {ws.config.timezone})")
    count = len(ws.interview_paths())
    yield Check(
        "interviews",
        "ok" if count else "warn",
        f"{count} in {ws.interviews_dir}",
        "" if count else "start one with: infoview new NAME",
    )
    sheet = ws.root / ws.config.packet.stylesheet
    yield Check(
        "stylesheet",
        "ok" if sheet.is_file() else "warn",
        str(sheet) if sheet.is_file() else f"{sheet} missing; the packaged default is used",
    )
