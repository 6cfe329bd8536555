"""``infoview lint --fix``: add the sections a file lacks, as empty skeletons.

Only structural problems with a safe fix are fixed: a missing Research, Questions, Notes
or Follow-up section is inserted where the method's order puts it, with the guidance
comments ``infoview new`` writes. Existing content is never rewritten: the new lines are
spliced in, and the file keeps its BOM and line endings.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from infoview.edit import LINE_BREAK, EditRefused, line_starts
from infoview.fs import edit_file
from infoview.model import Interview
from infoview.parse import parse_text
from infoview.workspace import INTERVIEW, MAX_INTERVIEW_BYTES, Workspace

ORDER = ("research", "questions", "notes", "follow-up")
TITLES = {
    "research": "Research",
    "questions": "Questions",
    "notes": "Notes",
    "follow-up": "Follow-up",
}


@dataclass(frozen=True)
class Fixed:
    path: Path
    added: tuple[str, ...]  # section titles added


def _body_newline(text: str, offset: int) -> str:
    """The line break for a section inserted at ``offset`` (a line start, or the end).

    The body's own, not the file's most common one: that of the body line the section goes
    before, else the last line break in the file. A front matter written with LF and a body
    with CRLF each keep theirs, and lone CR stays lone CR.
    """
    found = LINE_BREAK.search(text, offset) if offset < len(text) else None
    if found is None:
        breaks = [match.group() for match in LINE_BREAK.finditer(text)]
        return breaks[-1] if breaks else "\n"
    return found.group()


def fix_text(
    ws: Workspace, text: str, path: Path, *, only: Collection[str] | None = None
) -> tuple[str, tuple[str, ...]]:
    """Return ``text`` with missing sections added, and the titles of those added.

    Pure but for the templates it reads (the workspace's ``templates/`` overrides, else
    infoview's): the language server calls it to offer the same fix, and with ``only``
    (section keys of ``ORDER``) one skeleton at a time. ``path`` only names the file in
    the parse.
    """
    from infoview.scaffold import markdown_environment

    interview: Interview = parse_text(text, path)
    if interview.front_matter_end == 0 and any(p.code == "IV001" for p in interview.problems):
        return text, ()  # the body could not be found: nothing is safe to add
    missing = [
        key for key in ORDER if key not in interview.sections and (only is None or key in only)
    ]
    if not missing:
        return text, ()
    from infoview.judge import organisation_noun

    env = markdown_environment(ws)
    goals = [g.number for g in interview.learning_goals] or [1]
    org_noun = organisation_noun(interview.interviewer.organization)
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    starts = line_starts(body)  # the lines parse numbers, whatever their line breaks
    blocks: dict[int, list[list[str]]] = {}  # insertion offset -> blocks, in the method's order
    for key in missing:
        block = env.get_template(f"section-{key}.md.j2").render(goals=goals, org_noun=org_noun)
        later = [
            interview.sections[k].span.line
            for k in ORDER[ORDER.index(key) + 1 :]
            if k in interview.sections
        ]
        offset = starts[min(later) - 1] if later else len(body)
        blocks.setdefault(offset, []).append(block.rstrip("\n").split("\n"))
    for offset in sorted(blocks, reverse=True):
        newline = _body_newline(body, offset)
        rendered = [newline.join(lines) + newline for lines in blocks[offset]]
        if offset == len(body):
            lead = "" if body.endswith(("\n", "\r")) or not body else newline
            if body.strip() and not body.endswith(newline * 2):
                lead += newline
            body += lead + newline.join(rendered)
        else:
            body = body[:offset] + "".join(b + newline for b in rendered) + body[offset:]
    new = bom + body
    _verify(interview, parse_text(new, path), missing, path)
    return new, tuple(TITLES[key] for key in missing)


def _verify(before: Interview, after: Interview, added: list[str], path: Path) -> None:
    """Refuse a result that lost a section, moved one, or reads the front matter differently."""
    lines = {key: section.span.line for key, section in after.sections.items()}

    def in_order(key: str) -> bool:
        later = [lines[k] for k in ORDER[ORDER.index(key) + 1 :] if k in before.sections]
        return all(lines[key] < line for line in later)

    # Every section must read back, the old ones too: a templates/ override that leaves a
    # code block open swallows the sections after it.
    kept = all(key in lines for key in (*before.sections, *added))
    if not kept or not all(in_order(key) for key in added):
        raise EditRefused(
            "could not add the missing sections safely (they would not read back in "
            "the method's order); nothing was written",
            path=path,
        )
    if {p.message for p in after.problems} - {p.message for p in before.problems}:
        raise EditRefused(
            "could not add the missing sections safely (the result reads differently); "
            "nothing was written",
            path=path,
        )


def fix_file(ws: Workspace, path: Path) -> Fixed:
    """Fix ``path`` in place when a section is missing: locked, verified, atomic.

    The thin file wrapper around ``fix_text`` (``fs.edit_file`` does the locking and the
    writing). A file that is not UTF-8 is left alone: lint reports it.
    """
    added: list[tuple[str, ...]] = []

    def change(data: bytes) -> bytes:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return data
        new, titles = fix_text(ws, text, path)
        added.append(titles)
        return new.encode("utf-8") if titles and new != text else data

    edit_file(path, change, root=ws.root, max_bytes=MAX_INTERVIEW_BYTES, what=INTERVIEW)
    return Fixed(path, added[-1] if added else ())
