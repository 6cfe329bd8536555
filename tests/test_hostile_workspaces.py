"""Every command over generated hostile workspaces keeps the five promises.

Hypothesis builds workspaces with output folders and interviews linked out of the
workspace, FIFOs, dangling links, link loops, read-only files, odd and long names, broken
and deeply nested YAML, huge values, lone-CR and CRLF files, and same-named files in
subfolders; then runs every command on each through Click's runner and checks:

1. no traceback: no exception escapes, exit status 0, 1 or 2;
2. nothing written outside the workspace (a sentinel folder beside it is compared byte for
   byte, names and modes included);
3. the user's files byte-identical, except the one a recording command edits (and only if
   it may: a regular, writable file inside the workspace) and the new ones ``new`` and
   ``init`` create;
4. no partial output: no temporary file or lock left anywhere;
5. nothing hangs (every command runs in a thread that must finish).

WeasyPrint is left out of the generated cases (``packet --html``, ``thanks --format
email``); ``test_a_real_pdf_in_a_hostile_workspace`` renders one PDF, and ``doctor`` (two
seconds of library and font probing) runs once, on a workspace with every hostile feature.
"""

from __future__ import annotations

import os
import stat
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infoview.cli import cli

TODAY = "2026-11-21"
CONFIG = """\
timezone = "America/Los_Angeles"

[profile]
name = "Alex Rivera"
email = "alex@example.edu"
"""


def front(name: str, *, formality: str = "formal", extra: str = "") -> str:
    return (
        f"---\ninterviewer:\n  name: {name}\n  email: dana@example.com\nmeeting:\n"
        "  date: 2026-11-20T10:00\n  duration: 30\n  mode: video\n"
        f"formality: {formality}\nlearning_goals:\n  - Learn how the work is done.\n{extra}---\n"
        "## Research\n- **Education:** x\n\n## Questions\n- How?\n\n"
        "## Notes\n- **Takeaway:** ask about the programme.\n"
    )


# Interview texts, from fine to broken.
TEXTS = [
    front("Dana Whitfield"),
    front("Lee Chan", formality="informal"),
    front("Sam Ortiz").replace("\n", "\r\n"),
    front("Ana Lima").replace("\n", "\r"),
    front("Bo Kim").replace("---\n## Research", "---\r\n## Research").replace("\n## ", "\r\n## "),
    front("Aliased", extra="base: &b\n  may_contact_again: true\nfollow_up: *b\n"),
    front("Merged", extra="follow_up:\n  <<: {may_contact_again: true}\n"),
    front("Deep", extra="x: " + "[" * 2000 + "]" * 2000 + "\n"),
    front("Flow", extra="follow_up: {may_contact_again: true}\n"),
    front("Huge " + "x" * 100_000),
    "---\ninterviewer: [unclosed\n---\n## Notes\n",
    "---\ninterviewer:\n  name: Never closed\n",
    "no front matter at all\n",
    "---\na: &a [*a]\n---\n",
    "---\n" + "k: v\n" * 3 + "\t- tab\n---\n",
    "---\ninterviewer:\n  name: !!python/object:os.system echo\n---\n",
    "\ufeff" + front("Bom Front"),
    "",
]

NAMES = [
    "2026-11-20-dana.md",
    "2026-11-19 with spaces.md",
    "-leading-dash.md",
    "ünïcødé-名前.md",
    "2026-11-20-" + "a" * 236 + ".md",  # 250 bytes
    "2026-11-20-" + "b" * 240 + ".md",  # 254 bytes: its .html output would be too long
    os.fsdecode(b"2026-11-20-\xff\xfe-latin1.md"),  # not UTF-8
    "2026-11-20-\x1b]0;title\x07-escape.md",  # a terminal escape in the name
]

HOSTILE = [
    "build-out",  # build/ -> outside
    "packets-out",  # build/packets -> outside
    "thanks-out",  # build/thanks -> outside
    "cache-out",  # .infoview-cache -> outside
    "build-file",  # build is a regular file
    "build-loop",  # build -> build
    "sub-out",  # interviews/elsewhere -> outside (with .md files there)
    "link-out",  # interviews/x.md -> a file outside
    "fifo",  # interviews/pipe.md is a FIFO
    "dangling",  # interviews/gone.md -> nothing
    "loop",  # interviews/a.md <-> b.md
    "read-only",  # an interview chmod 444
    "twins",  # the same name in two subfolders
    "link-in",  # interviews/linked.md -> drafts/real.md (inside)
    "dir-md",  # a folder named x.md
    "stamp-fifo",  # a packet stamp naming a FIFO
    "cal-out",  # cal/ -> outside (agenda --ics cal/x.ics)
    "styles-fifo",  # styles/packet.css is a FIFO
    "styles-out",  # styles/ -> outside
    "templates-fifo",  # templates/packet.html.j2 and section-notes.md.j2 are FIFOs
    "templates-out",  # templates/ -> outside
]


TEMPLATES = {"templates-fifo", "templates-out"}  # judged by the rendering tests, not here


@dataclass(frozen=True)
class Spec:
    files: tuple[tuple[str, str], ...]  # (name under interviews/, text)
    hostile: frozenset[str]
    target: int  # which interview the recording commands edit


specs = st.builds(
    Spec,
    files=st.lists(
        st.tuples(st.sampled_from(NAMES), st.sampled_from(TEXTS)),
        min_size=1,
        max_size=3,
        unique_by=lambda item: item[0],
    ).map(tuple),
    hostile=st.frozensets(st.sampled_from(HOSTILE), max_size=6),
    target=st.integers(min_value=0, max_value=5),
)


def build(spec: Spec, base: Path) -> tuple[Path, Path, list[Path]]:
    """Make the workspace and its sentinel folder outside; return them and the interviews."""
    ws, outside = base / "ws", base / "outside"
    (ws / "interviews").mkdir(parents=True)
    outside.mkdir()
    (outside / "precious.txt").write_text("the user's, not infoview's")
    (outside / "2026-11-20-outside.md").write_text(front("Outside Person"))
    (ws / "infoview.toml").write_text(CONFIG)
    interviews = ws / "interviews"
    paths = []
    for name, text in spec.files:
        path = interviews / name
        path.write_bytes(text.encode("utf-8"))
        paths.append(path)
    h = spec.hostile
    for name, folder in (("build-out", "build"), ("cache-out", ".infoview-cache")):
        if name in h:
            (ws / folder).symlink_to(outside)
    if "build-file" in h and not (ws / "build").exists():
        (ws / "build").write_text("my notes")
    if "build-loop" in h and not os.path.lexists(ws / "build"):
        (ws / "build").symlink_to("build")
    for name, folder in (("packets-out", "packets"), ("thanks-out", "thanks")):
        if name not in h:
            continue
        if not os.path.lexists(ws / "build"):
            (ws / "build").mkdir()
        real_build = (ws / "build").is_dir() and not (ws / "build").is_symlink()
        if real_build and not os.path.lexists(ws / "build" / folder):
            (ws / "build" / folder).symlink_to(outside)
    if "sub-out" in h:
        (interviews / "elsewhere").symlink_to(outside)
    if "link-out" in h:
        (interviews / "2026-11-18-out.md").symlink_to(outside / "2026-11-20-outside.md")
        paths.append(interviews / "2026-11-18-out.md")
    if "fifo" in h:
        os.mkfifo(interviews / "pipe.md")
        paths.append(interviews / "pipe.md")
    if "dangling" in h:
        (interviews / "gone.md").symlink_to("deleted.md")
        paths.append(interviews / "gone.md")
    if "loop" in h:
        (interviews / "a.md").symlink_to("b.md")
        (interviews / "b.md").symlink_to("a.md")
        paths.append(interviews / "a.md")
    if "read-only" in h:
        paths[0].chmod(0o444)
    if "twins" in h:
        for sub in ("firm-a", "firm-b"):
            (interviews / sub).mkdir()
            (interviews / sub / "2026-11-20-dana.md").write_text(front(f"Dana {sub}"))
        paths.append(interviews / "firm-a" / "2026-11-20-dana.md")
    if "link-in" in h:
        (ws / "drafts").mkdir()
        (ws / "drafts" / "real.md").write_text(front("Linked In"))
        (interviews / "linked.md").symlink_to("../drafts/real.md")
        paths.append(interviews / "linked.md")
    if "dir-md" in h:
        (interviews / "folder.md").mkdir()
    if "stamp-fifo" in h and not os.path.lexists(ws / "build"):
        stamps = ws / "build" / "packets" / ".stamps"
        stamps.mkdir(parents=True)
        os.mkfifo(ws / "photo.png")
        for path in paths[:1]:
            if len(path.name) > 200:  # its stamp has a hashed name; not worth rebuilding here
                continue
            (stamps / f"{path.stem}.html.sha256").write_text(f'x\n{{"{ws / "photo.png"}": "0"}}')
    if "cal-out" in h:
        (ws / "cal").symlink_to(outside)
    if "styles-out" in h:
        (outside / "packet.css").write_text("body { color: red }")
        (ws / "styles").symlink_to(outside)
    elif "styles-fifo" in h:
        (ws / "styles").mkdir()
        os.mkfifo(ws / "styles" / "packet.css")
    if "templates-out" in h:
        (outside / "packet.html.j2").write_text("{{ interview }}")
        (ws / "templates").symlink_to(outside)
    elif "templates-fifo" in h:
        (ws / "templates").mkdir()
        for name in ("packet.html.j2", "section-notes.md.j2", "interview.md.j2"):
            os.mkfifo(ws / "templates" / name)
    return ws, outside, paths


def snapshot(folder: Path, *, skip: tuple[str, ...] = ()) -> dict[str, tuple[str, int, bytes]]:
    """name -> (kind, mode, bytes) for everything under ``folder``, links not followed."""
    out: dict[str, tuple[str, int, bytes]] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            rel = str(path.relative_to(folder))
            if rel.split(os.sep)[0] in skip:
                continue
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                out[rel] = ("link", 0, os.readlink(path).encode())
            elif stat.S_ISREG(info.st_mode):
                out[rel] = ("file", stat.S_IMODE(info.st_mode), path.read_bytes())
            else:
                out[rel] = ("other", stat.S_IMODE(info.st_mode), b"")
    return out


def invoke(args: list[str], seconds: float = 60) -> Result:
    box: list[Result] = []
    env = {"INFOVIEW_TODAY": TODAY, "NO_COLOR": "1"}
    thread = threading.Thread(
        target=lambda: box.append(CliRunner().invoke(cli, args, env=env)), daemon=True
    )
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"infoview {args} hung"
    return box[0]


def editable(path: Path, ws: Path) -> Path | None:
    """The file a recording command may change for ``path``: a regular, writable file in ws."""
    real = Path(os.path.realpath(path))
    try:
        real.relative_to(ws)
        info = os.stat(real)
    except (ValueError, OSError):
        return None
    if not stat.S_ISREG(info.st_mode) or not info.st_mode & stat.S_IWUSR:
        return None
    return real


def commands(ws: Path, target: Path) -> list[tuple[str, list[str], set[Path]]]:
    """(name, arguments, files it may change) for every command."""
    edited = {p for p in [editable(target, ws)] if p is not None}
    every = {p for p in (editable(p, ws) for p in (ws / "interviews").rglob("*.md")) if p}
    w = ["--workspace", str(ws)]
    return [
        ("lint", ["lint", *w], set()),
        ("lint-json", ["lint", "--format", "sarif", *w], set()),
        ("lint-fix", ["lint", "--fix", *w], every),
        ("packet", ["packet", "--html", *w], set()),
        ("thanks", ["thanks", "--format", "email", *w], set()),
        ("log", ["log", str(target), "--note", "Wrote back", *w], edited),
        ("referral", ["referral", str(target), "--name", "Sam Ortiz", *w], edited),
        ("mark-sent", ["thanks", "--mark-sent", str(target), *w], edited),
        ("agenda", ["agenda", *w], set()),
        ("agenda-ics", ["agenda", "--ics", str(ws / "cal.ics"), *w], set()),
        ("agenda-ics-link", ["agenda", "--ics", str(ws / "cal" / "x.ics"), *w], set()),
        ("network", ["network", "--format", "dot", *w], set()),
        ("new", ["new", "Sam Ortiz", "--date", "2026-12-01", *w], set()),
        ("init", ["init", str(ws / "fresh")], set()),
        ("rules", ["rules", "IV303"], set()),
        ("schema", ["schema"], set()),
    ]


OUTPUTS = ("build", ".infoview-cache", "cal.ics", "fresh")  # infoview's own outputs


def check_promises(spec: Spec, base: Path) -> None:
    ws, outside, paths = build(spec, base)
    target = paths[spec.target % len(paths)]
    for name, args, may_change in commands(ws, target):
        if name == "schema" and "schema" not in cli.commands:  # pragma: no cover
            continue
        outside_before = snapshot(outside)
        user_before = snapshot(ws, skip=OUTPUTS)
        result = invoke(args)
        where = f"{name}: {args}\n{result.output}"
        # 1. no traceback
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            where,
            result.exc_info,
        )
        assert result.exit_code in (0, 1, 2), where
        assert "Traceback" not in result.output, where
        # 2. nothing written outside the workspace
        assert snapshot(outside) == outside_before, where
        # 3. the user's files byte-identical, except what this command may edit or create
        user_after = snapshot(ws, skip=OUTPUTS)
        allowed = {str(p.relative_to(ws)) for p in may_change}
        if name == "new":
            allowed.add("interviews/2026-12-01-sam-ortiz.md")
        changed = {
            key
            for key in set(user_before) | set(user_after)
            if user_before.get(key) != user_after.get(key)
        }
        assert changed <= allowed, (where, changed - allowed)
        for key in changed & set(user_before):  # an edit keeps the file's kind and mode
            assert user_after[key][:2] == user_before[key][:2], (where, key)
        # 4. no partial output: no temporary file, no lock left behind
        leftovers = [p for p in base.rglob("*") if p.name.startswith(".iv-") and not p.is_symlink()]
        assert leftovers == [], (where, leftovers)


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(spec=specs)
def test_every_command_keeps_the_five_promises_in_hostile_workspaces(spec: Spec) -> None:
    with tempfile.TemporaryDirectory() as base:
        try:
            check_promises(spec, Path(base))
        finally:
            for path in Path(base).rglob("*"):  # so the folder can be removed
                if not path.is_symlink():
                    path.chmod(0o755 if path.is_dir() else 0o644)


@pytest.mark.parametrize(
    "hostile",
    [frozenset(HOSTILE) - {"build-out", "build-file", "build-loop", "packets-out"} - TEMPLATES],
    ids=["all-but-build-and-templates"],
)
def test_a_real_pdf_in_a_hostile_workspace(hostile: frozenset[str], tmp_path: Path) -> None:
    spec = Spec(((NAMES[0], TEXTS[0]), (NAMES[3], TEXTS[7])), hostile, 0)
    ws, outside, _ = build(spec, tmp_path)
    before = snapshot(outside)
    result = invoke(["packet", "--workspace", str(ws)], seconds=300)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code == 1, result.output  # the broken ones fail, the others build
    assert (ws / "build" / "packets" / "2026-11-20-dana.pdf").read_bytes().startswith(b"%PDF-")
    assert (ws / "build" / "packets" / "firm-a" / "2026-11-20-dana.pdf").is_file()
    assert snapshot(outside) == before


def test_doctor_in_a_hostile_workspace(tmp_path: Path) -> None:
    spec = Spec(((NAMES[0], TEXTS[0]),), frozenset(HOSTILE) - {"build-file", "build-loop"}, 0)
    ws, outside, _ = build(spec, tmp_path)
    before, user = snapshot(outside), snapshot(ws)
    result = invoke(["doctor", "--workspace", str(ws)], seconds=120)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code in (0, 1), result.output
    assert "ok    interviews: " in result.output
    assert (snapshot(outside), snapshot(ws)) == (before, user)
