"""``infoview init`` (a new workspace) and ``infoview new`` (a new interview file)."""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import jinja2

from infoview.config import CONFIG_NAME
from infoview.errors import UsageError
from infoview.fs import FileError, create_file, ensure_folder
from infoview.limits import date_problem
from infoview.model import Interviewer
from infoview.render.templates import PACKAGE_STYLES, environment
from infoview.workspace import Workspace
from infoview.yamlpos import quote_scalar

CONFIG_TEMPLATE = """\
# infoview workspace settings. Every key is optional; `infoview doctor` checks this file.
timezone = "{timezone}"        # IANA name; meeting times without an offset are in this zone

[profile]                      # you, the person asking for the interview
name = ""
email = ""
phone = ""
program = ""                   # e.g. "Paralegal Studies, Portland Community College"
# Two or three sentences to open the meeting with: who you are, your education and
# work background. It is printed in every prep packet.
intro = \"\"\"\"\"\"

[lint]
select = []                    # empty = all rules
ignore = []                    # codes or slugs, e.g. ["IV104"]
thank_you_days = 2             # the guide: a thank-you within 1-2 days
keep_in_touch_days = 90

[packet]
paper = "letter"               # letter | a4
stylesheet = "styles/packet.css"

[thanks]
signature = ""
informal = "card"              # a relaxed meeting -> a brief handwritten note
formal = "email"               # a businesslike one -> an email
"""

MAKEFILE = """\
# infoview workspace: make packet | lint | thanks | watch | agenda
#
# INFOVIEW is the infoview these targets run: the one that ran `infoview init` here,
# recorded below, so nothing needs activating first. `make lint INFOVIEW=/path/to/infoview`
# (or INFOVIEW in the environment) runs another; {fallback}
INFOVIEW_INIT := {command}
INFOVIEW ?= {choice}

.PHONY: packet lint thanks watch agenda
packet:
\t$(INFOVIEW) packet
lint:
\t$(INFOVIEW) lint
thanks:
\t$(INFOVIEW) thanks
watch:
\t$(INFOVIEW) watch
agenda:
\t$(INFOVIEW) agenda
"""

GITIGNORE = "build/\n.infoview-cache/\n"
_PLAIN = re.compile(r"[\w./+@%:,~-]+")  # a word the shell and make both take as it is


def infoview_command() -> list[str]:
    """The command that runs this infoview: its console script, else ``python -m infoview``.

    ``sys.argv[0]`` is the script when run as ``infoview`` (a virtual environment's, pipx's,
    a user install's); under ``python -m infoview`` or a test runner it is not, and the
    interpreter running now is recorded instead.
    """
    script = os.path.abspath(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    name = os.path.basename(script)
    if name.startswith("infoview") and os.path.isfile(script) and os.access(script, os.X_OK):
        return [script]
    return [os.path.abspath(sys.executable), "-m", "infoview"]


def makefile(command: list[str]) -> str:
    """The workspace's Makefile, running ``command`` (quoted for the shell and for make)."""
    if all(_PLAIN.fullmatch(word) for word in command):
        return MAKEFILE.format(
            command=" ".join(command),
            choice="$(if $(wildcard $(firstword $(INFOVIEW_INIT))),$(INFOVIEW_INIT),infoview)",
            fallback="if the recorded one is\n# gone (its virtual environment deleted), the "
            "infoview on your PATH runs.",
        )
    quoted = " ".join(shlex.quote(word) for word in command).replace("$", "$$")
    return MAKEFILE.format(
        command=quoted,
        choice="$(INFOVIEW_INIT)",
        fallback="set INFOVIEW=infoview to\n# use the one on your PATH.",
    )


PRE_COMMIT = """\
# Check interviews on every commit with the pre-commit framework (https://pre-commit.com).
# Install it, then run `pre-commit install` in this folder. The entry is the infoview that
# ran `infoview init` here, so no virtual environment needs activating; if you move or
# reinstall infoview, change it (or write just `infoview lint` to use the one on PATH).
repos:
  - repo: local
    hooks:
      - id: infoview-lint
        name: infoview lint
        entry: {entry}
        language: system
        files: ^interviews/.*\\.md$
"""


def pre_commit_config(command: list[str]) -> str:
    """The workspace's pre-commit config, running ``command lint`` (as pre-commit splits it)."""
    entry = " ".join(shlex.quote(word) for word in [*command, "lint"])
    # A YAML plain scalar may not start with a quote or hold ': ' / ' #'; quote it when so.
    if not _PLAIN.fullmatch(entry.replace(" ", "")) or ": " in entry or " #" in entry:
        entry = "'" + entry.replace("'", "''") + "'"
    return PRE_COMMIT.format(entry=entry)


def _in_git_repo(directory: Path) -> bool:
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--is-inside-work-tree"],
            cwd=directory,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return False
    return result.returncode == 0 and result.stdout.strip() == "true"


def _local_timezone() -> str:
    """Best guess at the user's IANA zone ($TZ, /etc/localtime), else UTC."""
    name = os.environ.get("TZ", "").lstrip(":")
    if not name:
        try:
            target = os.readlink("/etc/localtime")
            name = target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else ""
        except OSError:
            name = ""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return "UTC"
    return name or "UTC"


def init_workspace(directory: Path) -> list[str]:
    """Create the workspace; return the lines to print. Refuses an existing workspace."""
    if (directory / CONFIG_NAME).exists():
        raise UsageError(f"{directory / CONFIG_NAME}: already exists; this is a workspace already")
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{directory}: exists and is not a folder")
    # DIR is the user's to choose (parents are created); inside it, nothing planted there
    # (a link 'styles -> /elsewhere') is written through.
    root = ensure_folder(directory, root=None)
    files = {
        CONFIG_NAME: CONFIG_TEMPLATE.format(timezone=_local_timezone()),
        "Makefile": makefile(infoview_command()),
        ".gitignore": GITIGNORE,
        ".pre-commit-config.yaml": pre_commit_config(infoview_command()),
        "styles/packet.css": (PACKAGE_STYLES / "packet.css").read_text(encoding="utf-8"),
    }
    card = PACKAGE_STYLES / "card.css"
    if card.is_file():
        files["styles/card.css"] = card.read_text(encoding="utf-8")
    created: dict[str, bool] = {}
    try:
        ensure_folder(root / "interviews", root=root)
        # infoview.toml last: an init that fails half-way is not yet a workspace, so
        # running it again (once the disk has room) finishes the job.
        for name in sorted(files, key=lambda name: name == CONFIG_NAME):
            created[name] = create_file(root / name, files[name].encode("utf-8"), root=root)
    except FileError as exc:  # name the file as the user typed its folder
        exc.path = str(directory / str(exc.path))
        raise
    lines = [f"created {directory / 'interviews'}/"]
    for name in files:
        target = directory / name
        lines.append(f"created {target}" if created[name] else f"kept    {target} (already there)")
    if not _in_git_repo(directory):
        try:
            subprocess.run(["git", "init", "-q", str(directory)], check=True, capture_output=True)
            lines.append(f"git init {directory}")
        except (OSError, subprocess.CalledProcessError):
            lines.append("git not available: run 'git init' yourself to keep history")
    lines.append(f"next: fill in [profile] in {directory / CONFIG_NAME}, then: infoview new NAME")
    return lines


def slugify(name: str) -> str:
    """'Dana Whitfield' -> 'dana-whitfield'; accents folded, anything else dropped."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug[:60].strip("-")


def yaml_value(value: object) -> str:
    """Write a scalar so YAML reads back exactly the text given (quoted only when needed)."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return quote_scalar(str(value))


COMMENT_COLUMN = 30


def key_line(key: str, value: object = None, comment: str = "", *, raw: bool = False) -> str:
    """``  key: value`` with its guidance comment aligned, and no trailing spaces.

    ``raw`` writes a value that is already YAML (a validated date, ``[]``) as it is.
    """
    shown = (value or "") if raw else yaml_value(value)
    text = f"{key}: {shown}".rstrip()
    if not comment:
        return text
    return f"{text.ljust(COMMENT_COLUMN - 1)} # {comment}"


# new_interview's keyword arguments -> the command-line options users typed them as.
OPTION_NAMES = {"organization": "--org", "when": "--date"}


def _check_line(value: str | None, option: str) -> None:
    if value is not None and ("\n" in value or "\r" in value):
        raise UsageError(f"{option} must be one line")


def markdown_environment(ws: Workspace) -> jinja2.Environment:
    """Templates that write Markdown and YAML (no HTML escaping: values are YAML-quoted).

    Sandboxed and read confined, as every template is (``render.templates``).
    """
    env = environment(
        ws.root / "templates", root=ws.root, autoescape=False, keep_trailing_newline=True
    )
    env.filters["yaml"] = yaml_value
    env.globals["kv"] = key_line
    return env


def new_interview(ws: Workspace, name: str, *, today: dt.date, **fields: Any) -> Path:
    """Write interviews/<date>-<slug>.md from the template; refuse to overwrite."""
    name = name.strip()
    slug = slugify(name)
    if not slug:
        raise UsageError(f"'{name}' has no letters or digits to name a file after; give a name")
    for key, value in [("NAME", name), *fields.items()]:
        option = key if key == "NAME" else OPTION_NAMES.get(key, f"--{key}")
        _check_line(value if isinstance(value, str) else None, option)
    when = fields.pop("when", None)
    day = today
    if when:
        try:
            stamp = dt.datetime.fromisoformat(when)
        except ValueError:
            raise UsageError(
                f"--date '{when}' is not a date; write YYYY-MM-DD or YYYY-MM-DDTHH:MM"
            ) from None
        day = stamp.date()
        if problem := date_problem(day):
            raise UsageError(f"--date {when}: {problem}; check the year")
    path = ws.interviews_dir / f"{day.isoformat()}-{slug}.md"
    if os.path.lexists(path):
        raise UsageError(
            f"{ws.relative(path)}: already exists; edit it, or pick another name or date"
        )
    env = markdown_environment(ws)
    try:
        from infoview.judge import organisation_noun  # "firm" only for a firm

        org_noun = organisation_noun(fields.get("organization"))
        text = env.get_template("interview.md.j2").render(
            name=name,
            date=when,
            timezone=ws.config.timezone,
            goals=[1],
            org_noun=org_noun,
            **fields,
        )
    except jinja2.TemplateError as exc:
        raise UsageError(f"templates: {exc}; fix or remove the workspace's template") from exc
    # Written whole under a unique temporary name, then linked into place: never over a
    # file that appeared meanwhile, never through a link planted in interviews/.
    if not create_file(path, text.encode("utf-8"), root=ws.root):
        raise UsageError(
            f"{ws.relative(path)}: already exists; edit it, or pick another name or date"
        )
    return path


# What a repeat contact's new file takes from the latest interview with them.
CARRIED = ("title", "organization", "email", "phone")


def from_earlier(ws: Workspace, name: str, fields: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """Fill ``fields`` from the latest interview with the same person; say what was taken.

    The same person as "last time we talked": the same name ignoring case and accents, or
    the same email (``--email``). Options given on the command line win. Returns the
    fields and a line for the user ("" when there is no earlier interview or nothing to take).
    """
    from infoview.corpus import load
    from infoview.people import keys

    wanted = keys(Interviewer(name=name, email=fields.get("email")))
    matches = [
        entry
        for entry in load(ws, create_cache=False)
        if entry.interview is not None
        and entry.usable
        and keys(entry.interview.interviewer) & wanted
    ]
    if not matches:
        return fields, ""
    tz = ws.config.tz

    def when(entry: Any) -> tuple[bool, dt.datetime]:
        start = entry.interview.meeting.start(tz)
        return start is not None, start or dt.datetime.min.replace(tzinfo=tz)

    latest = max(enumerate(matches), key=lambda pair: (*when(pair[1]), pair[0]))[1]
    earlier = latest.interview
    assert earlier is not None
    who = earlier.interviewer
    taken = [key for key in CARRIED if not fields.get(key) and getattr(who, key)]
    if not taken:
        return fields, ""
    filled = dict(fields) | {key: getattr(who, key) for key in taken}
    date = earlier.meeting.date
    on = f", {date.day} {date:%B %Y}" if date else ""
    return filled, (
        f"filled in from your last interview with {who.name or name} ({latest.label}{on}): "
        f"{', '.join(taken)}; check they are still right"
    )
