"""Silence a rule losslessly: for one item (a disable comment) or for the file (lint.ignore).

Two pure text -> text edits, next to ``followup``'s, for the language server's quick
fixes (and any command that wants them):

- ``disable_text`` puts ``<!-- infoview-disable CODE -->`` on its own line directly above
  the item at a line (at the item's indentation; inside the front matter as a YAML
  comment, ``# <!-- infoview-disable CODE -->``, which the parser reads the same way).
  When a disable comment already stands there, the code joins it instead.
- ``ignore_text`` adds CODE to the front matter's ``lint: {ignore: [...]}``, creating it
  when absent, in whichever style the file already writes it (a ``[...]`` list, a block
  list, one value).

Both change nothing else (every other byte, the BOM and line breaks stay) and check the
result reads back as intended, raising ``EditRefused`` otherwise.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from infoview.edit import LINE_BREAK, Editor, EditRefused, edit_text, line_starts
from infoview.lint.registry import lookup
from infoview.model import Interview
from infoview.parse import disabled_codes, parse_text

UNNAMED = Path("interview.md")


def _code(code: str, path: Path) -> str:
    rule = lookup(code)
    if rule is None:
        raise EditRefused(f"no rule '{code}'; see 'infoview rules'", path=path)
    return rule.code


def _comment(line: str) -> tuple[int, tuple[str, ...]] | None:
    """A line that is only a disable comment (perhaps as a YAML comment): where a code
    joins it (just before the closing ``-->``) and the codes it names, else None."""
    body = line.strip()
    body = body[1:].lstrip() if body.startswith("#") else body
    if not (body.startswith("<!--") and body.endswith("-->")) or body.count("-->") != 1:
        return None
    codes = disabled_codes(line)
    if not codes:
        return None
    at = line.rindex("-->")
    while at > 0 and line[at - 1] in " \t":
        at -= 1
    return at, codes


def _fence_lines(lines: list[str]) -> tuple[int, int]:
    """The file lines (1-based) of the front matter's fences, (0, 0) without one."""
    if not lines or lines[0].rstrip() != "---":
        return 0, 0
    for number, line in enumerate(lines[1:], 2):
        if line.rstrip() in ("---", "..."):
            return 1, number
    return 0, 0


def _reading(interview: Interview, yaml_data: object) -> object:
    """What a disable comment must not change: the values and the body's structure."""
    return (
        yaml_data,
        sorted(interview.sections),
        [q.text for q in interview.questions],
        [(r.label, r.text) for r in interview.research],
        [n.text for n in interview.notes],
        [g.text for g in interview.goal_headings],
        sorted(p.message for p in interview.problems),
    )


def _front_data(text: str) -> object:
    lines = LINE_BREAK.split(text.removeprefix("\ufeff"))
    opening, closing = _fence_lines(lines)
    if not closing:
        return None
    try:
        return yaml.safe_load("\n".join(lines[opening : closing - 1]))
    except yaml.YAMLError:
        return "unreadable"


def disable_text(text: str, *, line: int, code: str, path: Path = UNNAMED) -> str:
    """Return ``text`` with ``code`` disabled for the item on file line ``line``."""
    code = _code(code, path)
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    starts = line_starts(body)
    lines = LINE_BREAK.split(body)
    if not 1 <= line <= len(lines):
        raise EditRefused(f"there is no line {line}", path=path)
    opening, closing = _fence_lines(lines)
    if line in (opening, closing):
        raise EditRefused(
            "a comment cannot go above the front matter's '---' line; "
            f"ignore {code} for the file instead (lint: {{ignore: [{code}]}})",
            path=path,
            line=line,
        )
    target = lines[line - 1]
    indent = target[: len(target) - len(target.lstrip())]
    above = lines[line - 2] if line >= 2 else None
    existing = _comment(above) if above is not None and line - 1 != closing else None
    if existing is not None:
        at, codes = existing
        if any(lookup(c) is lookup(code) for c in codes):
            return text  # already disabled there
        offset = starts[line - 2] + at
        new_body = body[:offset] + " " + code + body[offset:]
    else:
        inside = opening < line < closing
        comment = f"{indent}{'# ' if inside else ''}<!-- infoview-disable {code} -->"
        newline = LINE_BREAK.search(body, starts[line - 1])
        offset = starts[line - 1]
        new_body = body[:offset] + comment + (newline.group() if newline else "\n") + body[offset:]
    new = bom + new_body
    before, after = parse_text(text, path), parse_text(new, path)
    disabled = after.disabled.get(line + (0 if existing is not None else 1), ())
    same = _reading(before, _front_data(text)) == _reading(after, _front_data(new))
    if not same or not any(lookup(c) is lookup(code) for c in disabled):
        raise EditRefused(
            "could not add the disable comment safely here (it would change how the file "
            f"reads); ignore {code} for the file instead",
            path=path,
            line=line,
        )
    return new


def _find(mapping: yaml.Node | None, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    if not isinstance(mapping, yaml.MappingNode):
        return None
    for key_node, value in mapping.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return key_node, value
    return None


def ignore_text(text: str, *, code: str, path: Path = UNNAMED) -> str:
    """Return ``text`` with ``code`` in the front matter's ``lint.ignore``."""
    code = _code(code, path)
    if any(lookup(name) is lookup(code) for name in parse_text(text, path).lint_ignore):
        return text

    def change(editor: Editor) -> None:
        doc = editor.doc
        found = _find(doc.root, "lint")
        if found is None:
            editor.insert_under((), [f"lint: {{ignore: [{code}]}}"])
            return
        lint = found[1]
        editor.check_shared(lint, "lint")
        if isinstance(lint, yaml.MappingNode) and lint.value and not lint.flow_style:
            _into_block(editor, lint, code)
        elif isinstance(lint, yaml.MappingNode) and lint.value:
            _into_flow(editor, lint, code)
        elif isinstance(lint, yaml.ScalarNode) and lint.tag != "tag:yaml.org,2002:null":
            raise editor.refuse("'lint' is a value, not a mapping", doc.at(lint.start_mark))
        elif isinstance(lint, yaml.SequenceNode) and lint.value:
            raise editor.refuse("'lint' is a list, not a mapping", doc.at(lint.start_mark))
        else:  # 'lint:' with nothing, '~' or '{}'
            editor.insert_under(("lint",), [f"ignore: [{code}]"])

    def verify(after: Interview) -> bool:
        return any(lookup(name) is lookup(code) for name in after.lint_ignore)

    return edit_text(text, path, change, verify)


def _into_block(editor: Editor, lint: yaml.MappingNode, code: str) -> None:
    found = _find(lint, "ignore")
    if found is None:
        editor.insert_under(("lint",), [f"ignore: [{code}]"])
        return
    _extend(editor, found[1], code)


def _into_flow(editor: Editor, lint: yaml.MappingNode, code: str) -> None:
    found = _find(lint, "ignore")
    if found is not None:
        _extend(editor, found[1], code)
        return
    close = editor.doc.at(lint.end_mark) - 1  # the '}'
    if editor.doc.text[close] != "}":
        raise editor.refuse("'lint' does not end with '}'", close)
    editor.splices.append((close, close, f", ignore: [{code}]"))


def _extend(editor: Editor, ignore: yaml.Node, code: str) -> None:
    """Add ``code`` to the value of ``lint.ignore``, in the style it is written in."""
    doc = editor.doc
    editor.check_shared(ignore, "lint.ignore")
    start, end = doc.at(ignore.start_mark), doc.at(ignore.end_mark)
    if isinstance(ignore, yaml.SequenceNode) and ignore.flow_style:
        close = end - 1  # the ']'
        if doc.text[close] != "]":
            raise editor.refuse("'lint.ignore' does not end with ']'", close)
        editor.splices.append((close, close, f", {code}" if ignore.value else code))
    elif isinstance(ignore, yaml.SequenceNode) and ignore.value:
        offset = editor.after_last_line(ignore)
        column = int(ignore.start_mark.column)
        editor.splices.append((offset, offset, editor.block(column, [f"- {code}"], at=offset)))
    elif isinstance(ignore, yaml.ScalarNode) and ignore.tag == "tag:yaml.org,2002:null":
        editor.splices.append((start, end, f" [{code}]" if start == end else f"[{code}]"))
    elif isinstance(ignore, yaml.ScalarNode):
        editor.splices.append((start, end, f"[{doc.text[start:end]}, {code}]"))
    else:
        raise editor.refuse("'lint.ignore' is not a list of rule codes", start)
