"""Lossless edits to an interview's front matter: change only the lines that must change.

Every edit is a splice into the file's original text at positions PyYAML reports, so
comments, key order, quoting, indentation, blank lines, a BOM, CRLF line endings and the
whole body stay byte-identical. New keys are written in block style at the indentation
their siblings use. Where an edit cannot be made safely (a flow-style ``{...}`` mapping,
a non-empty ``[...]`` list, an alias, a value of the wrong kind), ``EditRefused`` says why
and nothing is changed. Each result is parsed again and checked before it is returned.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from infoview.errors import InfoviewError
from infoview.model import Interview
from infoview.parse import parse_text
from infoview.workspace import atomic_write, read_bytes
from infoview.yamlpos import quote_scalar


class EditRefused(InfoviewError):
    """The file cannot be edited safely; it is left unchanged."""


@dataclass
class _Doc:
    """The file split for editing: YAML positions are offsets into ``text``."""

    text: str  # the whole file, BOM removed
    bom: str
    newline: str
    start: int  # offset of the first YAML character (after the opening fence line)
    end: int  # offset of the closing fence line
    root: yaml.MappingNode | None

    @classmethod
    def load(cls, original: str, path: Path) -> _Doc:
        bom = "\ufeff" if original.startswith("\ufeff") else ""
        text = original[len(bom) :]
        newline = "\r\n" if "\r\n" in text else "\n"
        lines = text.splitlines(keepends=True)
        if not lines or lines[0].rstrip("\r\n").rstrip() != "---":
            raise EditRefused(
                "has no front matter to edit; add '---' lines with 'interviewer:' first",
                path=path,
                line=1,
            )
        start = len(lines[0])
        offset = start
        for line in lines[1:]:
            if line.rstrip("\r\n").rstrip() in ("---", "..."):
                break
            offset += len(line)
        else:
            raise EditRefused("front matter is never closed with '---'", path=path, line=1)
        try:
            node = yaml.compose(text[start:offset], Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:
            mark = exc.problem_mark if isinstance(exc, yaml.MarkedYAMLError) else None
            raise EditRefused(
                "front matter is not valid YAML; fix it first (infoview lint shows where)",
                path=path,
                line=text.count("\n", 0, start + mark.index) + 1 if mark is not None else None,
            ) from exc
        if node is not None and not isinstance(node, yaml.MappingNode):
            raise EditRefused("front matter is not a mapping of keys", path=path, line=2)
        if isinstance(node, yaml.MappingNode) and node.flow_style:
            raise EditRefused("front matter is one '{...}' flow mapping", path=path, line=2)
        return cls(text, bom, newline, start, offset, node)

    def at(self, mark: yaml.Mark) -> int:
        return self.start + mark.index

    def line_end(self, offset: int) -> int:
        """Offset just past the newline ending the line that holds ``offset``."""
        found = self.text.find("\n", offset)
        return len(self.text) if found < 0 else found + 1

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1


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

    def refuse(self, message: str, offset: int) -> EditRefused:
        return EditRefused(
            f"{message}; edit it by hand, or rewrite it in block style (one key per line)",
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

    def block(self, indent: int, lines: list[str]) -> str:
        return "".join(" " * indent + line + self.doc.newline for line in lines)

    def after_last_line(self, node: yaml.Node) -> int:
        """Where a new line goes after ``node``'s last content line."""
        if isinstance(node, yaml.MappingNode) and node.value:
            return self.after_last_line(node.value[-1][1])
        if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
            return self.after_last_line(node.value[-1])
        offset = self.doc.at(node.end_mark)
        if offset > 0 and self.doc.text[offset - 1] == "\n":
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
        # Top-level keys may themselves be indented; new ones must line up with them.
        indent = int(mapping.value[0][0].start_mark.column) if mapping and mapping.value else 0
        for depth, key in enumerate(keys):
            found = _find(mapping, key) if mapping is not None else None
            if found is None:
                return depth, mapping, indent, None
            key_node, value = found
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
            offset = self.doc.line_end(max(start, end - 1))
            rest = rest[1:]
        elif mapping is not None and mapping.value:
            offset = self.after_last_line(mapping)
        else:
            offset = self.doc.end
        step = " " * self.unit()
        nested = [f"{step * i}{key}:" for i, key in enumerate(rest)]
        body = nested + [step * len(rest) + line for line in lines]
        self.splices.append((offset, offset, self.block(indent, body)))

    def set_scalar(self, keys: tuple[str, ...], value: str) -> None:
        """Set ``keys`` (e.g. follow_up, thank_you_sent) to the YAML scalar ``value``."""
        depth, mapping, _, _ = self.locate(keys[:-1])
        found = _find(mapping, keys[-1]) if mapping is not None and depth == len(keys) - 1 else None
        if found is None:
            self.insert_under(keys[:-1], [f"{keys[-1]}: {value}"])
            self.commit()
            return
        _, node = found
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
            self._append_to(keys, found[1], item)
        self.commit()

    def _append_to(self, keys: tuple[str, ...], node: yaml.Node, item: list[str]) -> None:
        start = self.doc.at(node.start_mark)
        if not isinstance(node, yaml.SequenceNode):
            raise self.refuse(f"'{'.'.join(keys)}' is not a list", start)
        if node.flow_style:
            raise self.refuse(f"'{'.'.join(keys)}' is a '[...]' list", start)
        offset = self.after_last_line(node)
        self.splices.append((offset, offset, self.block(int(node.start_mark.column), item)))

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
    lines = text.splitlines(keepends=True)
    offset = len(lines[0]) if lines else 0
    for line in lines[1:]:
        offset += len(line)
        if line.rstrip("\r\n").rstrip() in ("---", "..."):
            return offset
    return len(text)


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


def apply(
    path: Path,
    change: Callable[[Editor], None],
    verify: Callable[[Interview], bool],
    *,
    dry_run: bool = False,
) -> EditResult:
    """Edit ``path`` in place (atomically) unless ``dry_run``; return before and after."""
    data = read_bytes(path)
    try:
        original = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EditRefused(
            "is not valid UTF-8; re-save it as UTF-8 first",
            path=path,
            line=data.count(b"\n", 0, exc.start) + 1,
        ) from exc
    new = edit_text(original, path, change, verify)
    if not dry_run and new != original:
        atomic_write(path, new.encode("utf-8"))
    return EditResult(path, original, new)
