"""Text -> Interview: front matter via ``yamlpos``/``schema``, the body's blocks via ``scan``.

The body's block tokens come from ``scan`` (a line scanner for the Markdown interviews
hold) or, for any body it declines, from markdown-it-py (``blocks.markdown``); the two
give the same tokens wherever both apply (``tests/test_parse_equivalence.py``).

``parse_text`` is pure (a string in, an Interview out) and never raises on bad input:
problems become ``Interview.problems`` at file positions. ``parse_bytes`` adds decoding
(BOM, CRLF, invalid UTF-8) for the file wrapper in ``workspace.py``.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from infoview.blocks import markdown
from infoview.model import (
    Facet,
    GoalHeading,
    Interview,
    LearningGoal,
    NoteItem,
    Problem,
    Question,
    ResearchItem,
    Section,
    Span,
    normal_words,
    strip_comments,
)
from infoview.scan import BlockToken as Token
from infoview.scan import scan
from infoview.schema import read_front_matter
from infoview.yamlpos import split

SECTION_NAMES = {
    "research": "research",
    "questions": "questions",
    "notes": "notes",
    "follow-up": "follow-up",
    "follow up": "follow-up",
    "followup": "follow-up",
}

FACET_SYNONYMS: tuple[tuple[Facet, tuple[str, ...]], ...] = (
    (Facet.IN_COMMON, ("in common", "common ground", "shared interests", "what we share")),
    (Facet.WORK_HISTORY, ("work history", "experience", "career", "background", "employment")),
    (Facet.EDUCATION, ("education", "educational", "school", "schools", "degree", "degrees")),
    (
        Facet.CREDENTIALS,
        (
            "credentials",
            "awards",
            "certifications",
            "certification",
            "certificates",
            "memberships",
            "bar admissions",
            "bar admission",
            "licenses",
            "honors",
        ),
    ),
    (Facet.SOURCES, ("sources", "source", "references", "read")),
)
TAKEAWAY_LABELS = ("takeaway", "advice")

# "**Label:** rest", "**Label**: rest" or "Label: rest" (a short label, no sentence).
_LABEL = re.compile(
    r"^\s*(?:\*\*|__)([^*_\n]{1,60}?)(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:)\s*(.*)$", re.S
)
_PLAIN_LABEL = re.compile(r"^\s*([A-Za-z][A-Za-z &/,'-]{0,40}):(?:\s+(.*))?$", re.S)
# No two neighbouring repetitions accept the same character ("goal #2", "goal 2"): see
# tests/test_bounded_regex.py, which times every pattern on 100 kB of adversarial text.
_GOAL_NUMBER = re.compile(r"^\s*(?:goal\s*(?:#\s*)?(\d+)\b|(\d+)\s*[.):])", re.IGNORECASE)
_DISABLE = "infoview-disable"
_CODE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_,- ")


def parse_bytes(data: bytes, path: Path) -> Interview:
    """Decode ``data`` (UTF-8, optional BOM) and parse it; bad bytes become a problem."""
    problems: list[Problem] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Count lines as parse_text does (CRLF and lone CR too) and columns in characters.
        before = data[: exc.start].removeprefix(b"\xef\xbb\xbf")
        before = before.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8")) + 1
        message = (
            f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x}); "
            "re-save it as UTF-8 in your editor"
        )
        problems.append(Problem("IV001", message, Span(line, column)))
        text = data.decode("utf-8", errors="replace")
    interview = parse_text(text, path)
    interview.problems[:0] = problems
    return interview


def parse_text(text: str, path: Path) -> Interview:
    """Parse one interview's text. Never raises for bad content."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    interview = Interview(path=path)
    if "\x00" in text:
        before = text[: text.index("\x00")]
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        interview.problems.append(
            Problem("IV001", "file contains a NUL byte; it is not a text file", Span(line, column))
        )
        text = text.replace("\x00", "\ufffd")
    fm = split(text)
    interview.problems.extend(fm.problems)
    interview.front_matter_end = fm.end_line
    if fm.root is not None:
        values, problems = read_front_matter(fm.root)
        interview.problems.extend(problems)
        interview.interviewer = values.interviewer
        interview.meeting = values.meeting
        interview.formality = values.formality
        interview.status_override = values.status
        interview.learning_goals = values.learning_goals
        interview.follow_up = values.follow_up
        interview.referrals = values.referrals
        interview.referred_by = values.referred_by
        interview.tags = values.tags
        interview.lint_ignore = values.lint_ignore
        interview.keys = values.keys
    _Body(interview, fm.body, fm.body_offset).parse()
    if _DISABLE in text:  # most files have none: spare looking at every line
        for number, source_line in enumerate(text.split("\n"), 1):
            if _DISABLE in source_line and (codes := disabled_codes(source_line)):
                interview.disabled[number + 1] = codes
    return interview


def disabled_codes(line: str) -> tuple[str, ...] | None:
    """The codes of ``<!-- infoview-disable IV303, IV304 -->`` on ``line``, else None.

    Read with string operations, not a regular expression: a pattern for "comment, spaces,
    codes, spaces, end of comment" backtracks cubically on a comment that never closes.
    """
    start = line.find("<!--")
    while start != -1:
        end = line.find("-->", start + 4)
        if end == -1:
            return None
        inner = line[start + 4 : end].strip()
        rest = inner.removeprefix(_DISABLE)
        if rest is not inner and rest[:1].isspace():
            names = rest.strip()
            if names and set(names) <= _CODE_CHARS:
                return tuple(c for c in names.replace(",", " ").split() if c)
        start = line.find("<!--", end + 3)
    return None


def label_of(inline: str) -> tuple[str | None, str]:
    """Split ``**Label:** rest`` or ``Label: rest`` into (label, rest)."""
    match = _LABEL.match(inline) or _PLAIN_LABEL.match(inline)
    if match:
        return match.group(1).strip(), (match.group(2) or "").strip()
    return None, inline.strip()


@lru_cache(maxsize=1024)  # research labels repeat from file to file ("Work history")
def facets_of(label: str) -> tuple[Facet, ...]:
    """Every research topic a label names, in the order they appear in it.

    "Background" alone means work history, but "Educational background" is education.
    """
    words = " " + re.sub(r"[^a-z]+", " ", label.lower()) + " "
    found: dict[Facet, int] = {}
    for facet, synonyms in FACET_SYNONYMS:
        places = [words.find(f" {s} ") for s in synonyms if f" {s} " in words]
        if places:
            found[facet] = min(places)
    # "Background" on its own is work history, but only a qualifier beside another topic.
    work = dict(FACET_SYNONYMS)[Facet.WORK_HISTORY]
    qualifier_only = not any(f" {s} " in words for s in work if s != "background")
    if len(found) > 1 and Facet.WORK_HISTORY in found and qualifier_only:
        del found[Facet.WORK_HISTORY]
    return tuple(sorted(found, key=found.__getitem__))


def facet_of(label: str) -> Facet | None:
    """The first research topic a label names, or None."""
    facets = facets_of(label)
    return facets[0] if facets else None


def goal_for_heading(heading: str, goals: tuple[LearningGoal, ...]) -> int | None:
    """Return the goal an H3 under Questions names: by number or by the goal's wording."""
    match = _GOAL_NUMBER.match(heading)
    if match:
        number = int(match.group(1) or match.group(2))
        if not goals or 1 <= number <= len(goals):
            return number
        return None
    wanted = normal_words(
        heading.split(":", 1)[-1] if heading.lower().startswith("goal") else heading
    )
    if not wanted:
        return None
    best, best_ratio = None, 0.0
    for goal in goals:
        have = normal_words(goal.text)
        if wanted == have or (len(wanted) >= 12 and (wanted in have or have in wanted)):
            return goal.number
        ratio = difflib.SequenceMatcher(None, wanted, have).ratio()
        if ratio > best_ratio:
            best, best_ratio = goal.number, ratio
    return best if best_ratio >= 0.75 else None


@dataclass
class _Block:
    """A list item or paragraph with its inline source and position."""

    text: str
    span: Span
    depth: int  # list nesting depth (0 for a paragraph outside lists)
    kind: str  # "item" | "paragraph"


class _Body:
    def __init__(self, interview: Interview, body: str, offset: int) -> None:
        self.iv = interview
        self.body = body
        self.lines = body.split("\n")
        self.offset = offset

    def span(self, token: Token, last: Token | None = None) -> Span:
        """From ``token``'s first line to the end of ``last``'s (default: its own) last line.

        A list item's span is its own paragraph (``last``), not the sub-items below it.
        """
        assert token.map is not None
        index = token.map[0]
        line = self.lines[index] if index < len(self.lines) else ""
        column = len(line) - len(line.lstrip()) + 1
        end_map = (last or token).map or token.map
        end = max(min(end_map[1], len(self.lines)) - 1, index)
        while end > index and not self.lines[end].strip():
            end -= 1  # a block's map may take in the blank lines after it
        end_line = self.lines[end] if end < len(self.lines) else ""
        end_column = max(len(end_line.rstrip()) + 1, column if end == index else 1)
        return Span(index + self.offset + 1, column, end + self.offset + 1, end_column)

    def parse(self) -> None:
        found = scan(self.body)
        tokens: Sequence[Token] = found if found is not None else markdown().parse(self.body)
        # Only top-level headings start sections: one inside a list item or quote ("- ## Notes")
        # would cut the token stream mid-list.
        heads = [
            i
            for i, t in enumerate(tokens)
            if t.type == "heading_open" and t.tag in ("h1", "h2") and t.level == 0
        ]
        for n, index in enumerate(heads):
            token = tokens[index]
            title = tokens[index + 1].content.strip()
            end = heads[n + 1] if n + 1 < len(heads) else len(tokens)
            if token.tag == "h1":
                self.iv.title = self.iv.title or title
                continue
            key = SECTION_NAMES.get(normal_words(title), "")
            if not key or key in self.iv.sections:
                continue
            assert token.map is not None
            last_line = len(self.lines)
            if end < len(tokens) and tokens[end].map is not None:
                last_line = tokens[end].map[0]  # type: ignore[index]
            source = "\n".join(self.lines[token.map[1] : last_line])
            self.iv.sections[key] = Section(title, self.span(token), source)
            part = tokens[index + 3 : end]
            if key == "research":
                self._research(part)
            elif key == "questions":
                self._questions(part)
            elif key == "notes":
                self._notes(part)

    def _blocks(self, tokens: Sequence[Token]) -> list[tuple[Token | None, _Block | None]]:
        """Yield (h3 heading token, None) or (None, block) in document order."""
        out: list[tuple[Token | None, _Block | None]] = []
        depth = 0
        open_items: list[tuple[Token, bool]] = []  # the item token, whether text was taken
        for index, token in enumerate(tokens):
            if token.type in ("bullet_list_open", "ordered_list_open"):
                depth += 1
            elif token.type in ("bullet_list_close", "ordered_list_close"):
                depth -= 1
            elif token.type == "list_item_open":
                open_items.append((token, False))
            elif token.type == "list_item_close":
                open_items.pop()
            elif token.type == "heading_open" and token.tag == "h3":
                out.append((token, None))
            elif token.type == "inline" and tokens[index - 1].type == "paragraph_open":
                text = strip_comments(token.content).strip()
                if open_items and not open_items[-1][1]:
                    item, _ = open_items[-1]
                    open_items[-1] = (item, True)
                    if text:
                        span = self.span(item, tokens[index - 1])
                        out.append((None, _Block(text, span, depth, "item")))
                elif not open_items and text:
                    out.append((None, _Block(text, self.span(tokens[index - 1]), 0, "paragraph")))
        return out

    @staticmethod
    def _heading_text(heading: Token, tokens: Sequence[Token]) -> str:
        for index, token in enumerate(tokens):
            if token is heading:
                return tokens[index + 1].content.strip()
        return ""

    def _research(self, tokens: Sequence[Token]) -> None:
        items: list[ResearchItem] = []
        current: tuple[str, Span, list[str]] | None = None  # an H3 facet being collected

        def item(label: str | None, text: str, span: Span) -> ResearchItem:
            facets = facets_of(label) if label else ()
            return ResearchItem(facets[0] if facets else None, label, text, span, facets)

        def flush() -> None:
            if current is not None:
                label, span, texts = current
                items.append(item(label, "\n".join(texts), span))

        for heading, block in self._blocks(tokens):
            if heading is not None:
                flush()
                current = (self._heading_text(heading, tokens), self.span(heading), [])
                continue
            assert block is not None
            if current is not None:
                current[2].append(block.text)
            elif block.depth > 1 and items:  # a sub-item belongs to the item above it
                last = items[-1]
                text = f"{last.text}\n{block.text}".strip()
                items[-1] = dataclasses.replace(last, text=text)
            elif block.depth <= 1:
                label, rest = label_of(block.text)
                items.append(item(label, rest, block.span))
        flush()
        self.iv.research = tuple(items)

    def _questions(self, tokens: Sequence[Token]) -> None:
        questions: list[Question] = []
        headings: list[GoalHeading] = []
        goal: int | None = None
        heading_text: str | None = None
        for heading, block in self._blocks(tokens):
            if heading is not None:
                heading_text = self._heading_text(heading, tokens)
                goal = goal_for_heading(heading_text, self.iv.learning_goals)
                headings.append(GoalHeading(heading_text, self.span(heading), goal))
                continue
            assert block is not None
            is_question = block.text.rstrip().endswith("?")
            if block.kind == "paragraph" and not is_question:
                continue
            if block.depth > 1 and not is_question:
                continue
            questions.append(Question(block.text, block.span, goal, heading_text))
        self.iv.questions = tuple(questions)
        self.iv.goal_headings = tuple(headings)

    def _notes(self, tokens: Sequence[Token]) -> None:
        notes: list[NoteItem] = []
        for heading, block in self._blocks(tokens):
            if block is None or block.kind != "item":
                continue
            label, rest = label_of(block.text)
            takeaway = label is not None and label.lower() in TAKEAWAY_LABELS
            notes.append(NoteItem(rest if takeaway else block.text, block.span, takeaway))
            del heading
        self.iv.notes = tuple(notes)
