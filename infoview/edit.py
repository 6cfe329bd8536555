"""Lossless edits to an interview's front matter: change only the lines that must change.

Every edit is a splice into the file's original text at positions PyYAML reports, so
comments, key order, quoting, indentation, blank lines, a BOM, line endings and the whole
body stay byte-identical. New keys are written in block style at the indentation their
siblings use, each line ended by the line break of the line above it (LF, CRLF or a lone
CR, whatever the body uses). Where an edit cannot be made safely (a flow-style ``{...}``
mapping, a non-empty ``[...]`` list, an alias, anchor or merge key on the edited path,
nesting deeper than ``MAX_DEPTH``, a value of the wrong kind), ``EditRefused`` says why and
nothing is changed. Each result is parsed again and checked before it is returned.

``edit_text`` is the pure core (text in, text out); ``apply`` is the one file wrapper,
locking and replacing the file through ``infoview.fs.edit_file``.
"""

from __future__ import annotations

import bisect
import difflib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from infoview.errors import InfoviewError
from infoview.fs import edit_file
from infoview.model import Interview
from infoview.parse import parse_text
from infoview.workspace import INTERVIEW, MAX_INTERVIEW_BYTES
from infoview.yamlpos import MAX_DEPTH, quote_scalar


class EditRefused(InfoviewError):
    """The file cannot be edited safely; it is left unchanged."""


LINE_BREAK = re.compile(r"\r\n|\r|\n")  # what ``parse`` reads as a line break


def line_starts(text: str) -> list[int]:
    """The offset of every line's first character, line breaks read as ``parse`` reads them."""
    return [0, *(match.end() for match in LINE_BREAK.finditer(text))]


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, content without its line break) of every line."""
    starts = line_starts(text)
    ends = [match.start() for match in LINE_BREAK.finditer(text)] + [len(text)]
    return [(start, text[start:end]) for start, end in zip(starts, ends, strict=True)]


def _events(yaml_text: str, path: Path) -> set[int]:
    """Check the nesting depth; return where every anchored node starts (for aliases)."""
    anchored: set[int] = set()
    depth = 0
    for event in yaml.parse(yaml_text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise EditRefused(
                    f"front matter is nested more than {MAX_DEPTH} levels deep; "
                    "fix it first (infoview lint shows where)",
                    path=path,
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        anchor = None if isinstance(event, yaml.AliasEvent) else getattr(event, "anchor", None)
        if anchor is not None and event.start_mark is not None:
            anchored.add(event.start_mark.index)
    return anchored


@dataclass
class _Doc:
    """The file split for editing: YAML positions are offsets into ``text``."""

    text: str  # the whole file, BOM removed
    bom: str
    start: int  # offset of the first YAML character (after the opening fence line)
    end: int  # offset of the closing fence line
    root: yaml.MappingNode | None
    starts: list[int]  # line starts, as ``line_starts``
    anchored: set[int]  # offsets (into the YAML) where anchored nodes start

    @classmethod
    def load(cls, original: str, path: Path) -> _Doc:
        bom = "\ufeff" if original.startswith("\ufeff") else ""
        text = original[len(bom) :]
        lines = _lines(text)
        if not text or lines[0][1].rstrip() != "---":
            raise EditRefused(
                "has no front matter to edit; add '---' lines with 'interviewer:' first",
                path=path,
                line=1,
            )
        if len(lines) < 2:
            raise EditRefused("front matter is never closed with '---'", path=path, line=1)
        start = lines[1][0]
        closing = next((o for o, line in lines[1:] if line.rstrip() in ("---", "...")), None)
        if closing is None:
            raise EditRefused("front matter is never closed with '---'", path=path, line=1)
        starts = [offset for offset, _ in lines]
        yaml_text = text[start:closing]
        try:
            anchored = _events(yaml_text, path)
            node = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:
            mark = exc.problem_mark if isinstance(exc, yaml.MarkedYAMLError) else None
            raise EditRefused(
                "front matter is not valid YAML; fix it first (infoview lint shows where)",
                path=path,
                line=bisect.bisect_right(starts, start + mark.index) if mark is not None else None,
            ) from exc
        except RecursionError as exc:  # pragma: no cover - the depth check comes first
            raise EditRefused("front matter is nested too deeply to edit", path=path) from exc
        if node is not None and not isinstance(node, yaml.MappingNode):
            raise EditRefused("front matter is not a mapping of keys", path=path, line=2)
        if isinstance(node, yaml.MappingNode) and node.flow_style:
            raise EditRefused("front matter is one '{...}' flow mapping", path=path, line=2)
        return cls(text, bom, start, closing, node, starts, anchored)

    def at(self, mark: yaml.Mark) -> int:
        return self.start + mark.index

    def line_start(self, offset: int) -> int:
        """Offset of the first character of the line that holds ``offset``."""
        return self.starts[bisect.bisect_right(self.starts, offset) - 1]

    def line_end(self, offset: int) -> int:
        """Offset just past the line break ending the line that holds ``offset``."""
        index = bisect.bisect_right(self.starts, offset)
        return self.starts[index] if index < len(self.starts) else len(self.text)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def newline_at(self, offset: int) -> str:
        """The line break new lines at ``offset`` get: the one ending the line above.

        The front matter's own, not the file's most common one: a body with CRLF lines
        must not give CRLF lines to a front matter written with LF, and lone CR is kept.
        """
        begin = self.line_start(offset)  # never 0: every edit lies below the opening fence
        return "\r\n" if self.text.startswith("\r\n", begin - 2) else self.text[begin - 1]

    def is_anchored(self, node: yaml.Node) -> bool:
        return node.start_mark.index in self.anchored


def _find(mapping: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    for key_node, value_node in mapping.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


class Editor:
    """Edits one file: each operation splices the text, then re-reads it for the next."""

    def __init__(self, doc: _Doc, path: Path) -> None:
        self.doc = doc
        self.path = path
        self.splices: list[tuple[int, int, str]] = []  # (start, end, new text)

    def refuse(
        self,
        message: str,
        offset: int,
        advice: str = "rewrite it in block style (one key per line)",
    ) -> EditRefused:
        return EditRefused(
            f"{message}; edit it by hand, or {advice}",
            path=self.path,
            line=self.doc.line_of(offset),
        )

    def unit(self) -> int:
        """The file's indentation step: how far its first nested mapping is indented."""
        for key_node, value in self.doc.root.value if self.doc.root is not None else ():
            if isinstance(value, yaml.MappingNode) and value.value and not value.flow_style:
                step = int(value.value[0][0].start_mark.column - key_node.start_mark.column)
                if step > 0:
                    return step
        return 2

    def block(self, indent: int, lines: list[str], *, at: int) -> str:
        """``lines`` indented, each ended by the line break used where they go (``at``)."""
        newline = self.doc.newline_at(at)
        return "".join(" " * indent + line + newline for line in lines)

    def check_shared(self, node: yaml.Node, what: str, where: yaml.Node | None = None) -> None:
        """Refuse to edit through an alias or an anchor: the change would land elsewhere too.

        ``where`` is the key the value belongs to: the line to name (an alias's node
        carries the anchor's position, lines away).
        """
        if self.doc.is_anchored(node):
            raise self.refuse(
                f"'{what}' is an anchor ('&name') or an alias ('*name') to one, so an edit "
                "here would change other places too",
                self.doc.at((where or node).start_mark),
                "write the values out in place of the alias",
            )
        if isinstance(node, yaml.MappingNode):
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise self.refuse(
                        f"'{what}' merges keys from elsewhere ('<<: *name')",
                        self.doc.at(key_node.start_mark),
                        "write the merged keys out in place of '<<'",
                    )

    def after_last_line(self, node: yaml.Node) -> int:
        """Where a new line goes after ``node``'s last content line."""
        if isinstance(node, yaml.MappingNode) and node.value:
            return self.after_last_line(node.value[-1][1])
        if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
            return self.after_last_line(node.value[-1])
        offset = self.doc.at(node.end_mark)
        if self.doc.line_start(offset) == offset:
            return offset  # the mark already sits at the start of the next line
        return self.doc.line_end(offset)

    def _empty(self, node: yaml.Node) -> bool:
        """A null value, or an empty '{}' / '[]' that block lines may replace."""
        if _is_null(node):
            return True
        return isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.value

    def locate(
        self, keys: tuple[str, ...]
    ) -> tuple[int, yaml.MappingNode | None, int, yaml.Node | None]:
        """Walk ``keys`` through block mappings.

        Returns (how many keys exist as mappings, the deepest such mapping, the indent of
        its children, and the value node of the next key when it exists but is empty).
        """
        mapping = self.doc.root
        if mapping is not None:
            self.check_shared(mapping, "the front matter")
        # Top-level keys may themselves be indented; new ones must line up with them.
        indent = int(mapping.value[0][0].start_mark.column) if mapping and mapping.value else 0
        for depth, key in enumerate(keys):
            found = _find(mapping, key) if mapping is not None else None
            if found is None:
                return depth, mapping, indent, None
            key_node, value = found
            self.check_shared(value, ".".join(keys[: depth + 1]), key_node)
            if self._empty(value):
                return depth, mapping, int(key_node.start_mark.column) + self.unit(), value
            if not isinstance(value, yaml.MappingNode):
                raise self.refuse(f"'{key}' is not a mapping", self.doc.at(value.start_mark))
            if value.flow_style:
                raise self.refuse(
                    f"'{key}' is written in '{{...}}' flow style", self.doc.at(value.start_mark)
                )
            mapping = value
            indent = int(value.value[0][0].start_mark.column)
        return len(keys), mapping, indent, None

    def insert_under(self, keys: tuple[str, ...], lines: list[str]) -> None:
        """Insert block ``lines`` into the mapping at ``keys``, creating missing parents."""
        depth, mapping, indent, empty = self.locate(keys)
        rest = keys[depth:]
        if empty is not None:  # keys[depth] exists with no value: write beneath it
            start, end = self.doc.at(empty.start_mark), self.doc.at(empty.end_mark)
            if end > start:  # '~', 'null', '{}' or '[]'
                if not self.doc.text[end : self.doc.line_end(end)].strip():
                    start = len(self.doc.text[:start].rstrip(" \t"))  # no trailing spaces
                self.splices.append((start, end, ""))
            offset = self.doc.line_end(end)  # the next line, after the value's own
            rest = rest[1:]
        elif mapping is not None and mapping.value:
            offset = self.after_last_line(mapping)
        else:
            offset = self.doc.end
        step = " " * self.unit()
        nested = [f"{step * i}{key}:" for i, key in enumerate(rest)]
        body = nested + [step * len(rest) + line for line in lines]
        self.splices.append((offset, offset, self.block(indent, body, at=offset)))

    def set_scalar(self, keys: tuple[str, ...], value: str) -> None:
        """Set ``keys`` (e.g. follow_up, thank_you_sent) to the YAML scalar ``value``."""
        depth, mapping, _, _ = self.locate(keys[:-1])
        found = _find(mapping, keys[-1]) if mapping is not None and depth == len(keys) - 1 else None
        if found is None:
            self.insert_under(keys[:-1], [f"{keys[-1]}: {value}"])
            self.commit()
            return
        key_node, node = found
        self.check_shared(node, ".".join(keys), key_node)
        start, end = self.doc.at(node.start_mark), self.doc.at(node.end_mark)
        if not isinstance(node, yaml.ScalarNode):
            raise self.refuse(f"'{'.'.join(keys)}' holds a list or mapping, not a value", start)
        # An empty value sits right after the colon: keep any comment that follows it.
        self.splices.append((start, end, f" {value}" if start == end else value))
        self.commit()

    def append_item(self, keys: tuple[str, ...], fields: list[tuple[str, str]]) -> None:
        """Append a ``- key: value`` item to the list at ``keys``, creating it if needed."""
        item = [f"- {fields[0][0]}: {fields[0][1]}", *(f"  {k}: {v}" for k, v in fields[1:])]
        depth, mapping, _, _ = self.locate(keys[:-1])
        found = _find(mapping, keys[-1]) if mapping is not None and depth == len(keys) - 1 else None
        if found is not None and self._empty(found[1]):
            self.insert_under(keys, item)
        elif found is None:
            step = " " * self.unit()
            self.insert_under(keys[:-1], [f"{keys[-1]}:", *(step + line for line in item)])
        else:
            self.check_shared(found[1], ".".join(keys), found[0])
            self._append_to(keys, found[1], item)
        self.commit()

    def _append_to(self, keys: tuple[str, ...], node: yaml.Node, item: list[str]) -> None:
        start = self.doc.at(node.start_mark)
        if not isinstance(node, yaml.SequenceNode):
            raise self.refuse(f"'{'.'.join(keys)}' is not a list", start)
        if node.flow_style:
            raise self.refuse(f"'{'.'.join(keys)}' is a '[...]' list", start)
        offset = self.after_last_line(node)
        column = int(node.start_mark.column)
        self.splices.append((offset, offset, self.block(column, item, at=offset)))

    def commit(self) -> None:
        """Apply the pending splices and re-read the file, so the next edit sees them."""
        text = self.doc.text
        for start, end, new in sorted(self.splices, reverse=True):
            text = text[:start] + new + text[end:]
        self.splices = []
        try:
            self.doc = _Doc.load(self.doc.bom + text, self.path)
        except EditRefused as exc:  # the file was fine before: do not blame it
            raise EditRefused(
                "could not make this edit safely (the result would not be valid YAML); "
                "nothing was written",
                path=self.path,
            ) from exc

    def result(self) -> str:
        self.commit()
        return self.doc.bom + self.doc.text


def edit_text(
    original: str,
    path: Path,
    change: Callable[[Editor], None],
    verify: Callable[[Interview], bool],
) -> str:
    """Apply ``change`` to ``original``; refuse unless ``verify`` holds for the re-parsed text."""
    doc = _Doc.load(original, path)
    editor = Editor(doc, path)
    change(editor)
    new = editor.result()
    before = parse_text(original, path)
    after = parse_text(new, path)
    fm_end_before = _body_start(original)
    fm_end_after = _body_start(new)
    if original[fm_end_before:] != new[fm_end_after:]:
        raise EditRefused("the edit would change the body; nothing was written", path=path)
    new_problems = {p.message for p in after.problems} - {p.message for p in before.problems}
    if new_problems or not verify(after):
        raise EditRefused(
            "could not make this edit safely (the result did not read back as intended); "
            "nothing was written",
            path=path,
        )
    return new


def _body_start(text: str) -> int:
    lines = _lines(text)
    for offset, line in lines[1:]:
        if line.rstrip() in ("---", "..."):
            return line_end_of(text, offset)
    return len(text)


def line_end_of(text: str, offset: int) -> int:
    """Offset just past the line break of the line starting at ``offset``."""
    match = LINE_BREAK.search(text, offset)
    return match.end() if match else len(text)


yaml_scalar = quote_scalar


@dataclass(frozen=True)
class EditResult:
    path: Path
    before: str
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def diff(self, label: str) -> str:
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                fromfile=f"a/{label}",
                tofile=f"b/{label}",
            )
        )


def decode(data: bytes, path: Path) -> str:
    """The file's text; a file that is not UTF-8 is refused at the line where it stops being."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EditRefused(
            "is not valid UTF-8; re-save it as UTF-8 first",
            path=path,
            line=data.count(b"\n", 0, exc.start) + 1,
        ) from exc


def apply(
    path: Path,
    edit: Callable[[str], str],
    *,
    root: Path | None = None,
    dry_run: bool = False,
) -> EditResult:
    """Edit ``path`` with the pure text function ``edit``; return the text before and after.

    The thin file wrapper around every edit: ``fs.edit_file`` locks the file, reads it,
    calls ``edit`` (again, if the file changed meanwhile) and replaces the file atomically
    unless ``dry_run``. ``root`` is the workspace: a symbolic link at ``path`` is followed
    to its target (and the target edited) only inside it. Without one, only a target in
    the file's own folder is followed.
    """
    if root is None:
        root = Path(os.path.abspath(path)).parent.resolve()
    texts: list[tuple[str, str]] = []

    def change(data: bytes) -> bytes:
        original = decode(data, path)
        new = edit(original)
        texts.append((original, new))
        return new.encode("utf-8")

    edit_file(
        path,
        change,
        root=root,
        max_bytes=MAX_INTERVIEW_BYTES,
        what=INTERVIEW,
        dry_run=dry_run,
    )
    before, after = texts[-1]
    return EditResult(path, before, after)
