"""``infoview lint --fix``: add the sections a file lacks, as empty skeletons.

Only structural problems with a safe fix are fixed: a missing Research, Questions, Notes
or Follow-up section is inserted where the method's order puts it, with the guidance
comments ``infoview new`` writes. Existing content is never rewritten: the new lines are
spliced in, and the file keeps its BOM and line endings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from infoview.model import Interview
from infoview.parse import parse_text
from infoview.workspace import Workspace, atomic_write, read_bytes

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


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for index, char in enumerate(text):
        if char == "\n":
            starts.append(index + 1)
    return starts


def fix_text(ws: Workspace, text: str, path: Path) -> tuple[str, tuple[str, ...]]:
    """Return ``text`` with missing sections added, and the titles of those added."""
    from infoview.scaffold import markdown_environment

    interview: Interview = parse_text(text, path)
    if interview.front_matter_end == 0 and any(p.code == "IV001" for p in interview.problems):
        return text, ()  # the body could not be found: nothing is safe to add
    missing = [key for key in ORDER if key not in interview.sections]
    if not missing:
        return text, ()
    env = markdown_environment(ws)
    goals = [g.number for g in interview.learning_goals] or [1]
    newline = "\r\n" if "\r\n" in text else "\n"
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    starts = _line_starts(body)
    blocks: dict[int, list[str]] = {}  # insertion offset -> blocks, in the method's order
    for key in missing:
        block = env.get_template(f"section-{key}.md.j2").render(goals=goals)
        block = block.rstrip("\n").replace("\n", newline) + newline
        later = [
            interview.sections[k].span.line
            for k in ORDER[ORDER.index(key) + 1 :]
            if k in interview.sections
        ]
        offset = starts[min(later) - 1] if later else len(body)
        blocks.setdefault(offset, []).append(block)
    for offset in sorted(blocks, reverse=True):
        if offset == len(body):
            lead = "" if body.endswith(("\n", "\r")) or not body else newline
            if body.strip() and not body.endswith(newline * 2):
                lead += newline
            body += lead + newline.join(blocks[offset])
        else:
            body = body[:offset] + "".join(b + newline for b in blocks[offset]) + body[offset:]
    return bom + body, tuple(TITLES[key] for key in missing)


def fix_file(ws: Workspace, path: Path) -> Fixed:
    """Fix ``path`` in place (atomically) when a section is missing."""
    data = read_bytes(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return Fixed(path, ())
    new, added = fix_text(ws, text, path)
    if added and new != text:
        atomic_write(path, new.encode("utf-8"))
    return Fixed(path, added)
