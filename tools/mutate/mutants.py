"""Mutants of one module: small changes to its AST, each one written back as source.

Pure: ``mutants(source, path)`` returns every mutant with its full mutated source. A mutant
replaces one node (an expression or a statement) with another; the new source is the old
one with only that node's text replaced, checked by parsing it back (the parsed tree must
be the intended tree exactly), else the whole module unparsed from the intended tree.

Kinds (``--ops``):

- ``compare``: ``<`` <-> ``<=``, ``>`` <-> ``>=``, ``==`` <-> ``!=``, ``is`` <-> ``is not``,
  ``in`` <-> ``not in``, one comparison at a time;
- ``boolop``: ``and`` <-> ``or``;
- ``number``: an integer ``n`` becomes ``n + 1`` and ``n - 1``; ``True`` <-> ``False``;
- ``arith``: ``+`` <-> ``-``, ``*`` <-> ``//``, ``/`` -> ``*`` (not on strings or lists);
- ``negate``: the condition of an ``if``, ``while``, conditional expression or
  comprehension becomes ``not (...)`` (or loses its ``not``);
- ``delete``: a statement becomes ``pass``: a call or other expression statement,
  ``yield``, ``raise``, ``break``, ``continue``, ``+=``, an assignment to an attribute or
  item, or a re-assignment of a name already bound in the function;
- ``return``: ``return X`` becomes ``return None`` (not in generators);
- ``string``: a string literal becomes ``""`` (an empty one ``"XX"``);
- ``regex``: one alternative of a pattern dropped (``a|b|c`` -> ``a|c``), in any string
  literal that is a regular expression: one passed straight to ``re``, a raw string, or
  one whose ``|`` sits inside a group; f-strings too (their ``{...}`` holes kept).

Never mutated: docstrings, annotations, ``assert`` (type narrowing), imports, f-string
text, ``if TYPE_CHECKING:`` and ``if __name__ == "__main__":`` blocks, and every line
carrying the pragma ``# mutate: skip``.
"""

from __future__ import annotations

import ast
import copy
from dataclasses import dataclass

from tools.mutate.walker import Walker

OPS = ("compare", "boolop", "number", "arith", "negate", "delete", "return", "string", "regex")
PRAGMA = "# mutate: skip"


@dataclass(frozen=True)
class Mutant:
    """One change to one module, with the module's whole mutated source."""

    path: str  # as given, relative to the project root
    op: str
    line: int
    col: int  # 1-based, as editors count
    change: str  # "before -> after", as the report prints it
    line_text: str  # the stripped source line, which the allow-list matches
    source: str
    lines: tuple[int, ...]  # the lines whose coverage says which tests run this mutant
    module_level: bool  # runs at import time: every test of the module may see it
    nth: int = 1  # among mutants with the same line text and change in this file

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


def mutants(source: str, path: str, ops: tuple[str, ...] = OPS) -> list[Mutant]:
    """Every mutant of ``source`` (the text of the module at ``path``) of the kinds ``ops``."""
    tree = ast.parse(source)
    lines = source.splitlines()
    skipped = {n for n, text in enumerate(lines, 1) if PRAGMA in text}
    reference = ast.dump(tree)
    seen = {reference}
    out: list[Mutant] = []
    counts: dict[tuple[str, str], int] = {}
    for cand in Walker(source, ops).run(tree):
        node = cand.node
        line = cand.line or getattr(node, "lineno", 1)
        span = range(getattr(node, "lineno", line), getattr(node, "end_lineno", line) + 1)
        if skipped.intersection(span) or line in skipped:
            continue
        expected = _replaced(tree, cand.path, cand.new)
        dumped = ast.dump(expected)
        if dumped in seen:
            continue  # the same program as the original or as an earlier mutant
        seen.add(dumped)
        text = _patched(source, node, cand.new, dumped) or ast.unparse(expected) + "\n"
        stmt_line = cand.stmt.lineno if cand.stmt is not None else line
        covered = sorted({stmt_line, *span, *cand.extra_lines})
        line_text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
        key = (line_text, cand.change)
        counts[key] = counts.get(key, 0) + 1
        col = cand.col or _char_col(lines, line, getattr(node, "col_offset", 0))
        out.append(
            Mutant(
                path=path,
                op=cand.op,
                line=line,
                col=col,
                change=cand.change,
                line_text=line_text,
                source=text,
                lines=tuple(covered),
                module_level=cand.module_level,
                nth=counts[key],
            )
        )
    return out


def _char_col(lines: list[str], line: int, byte_col: int) -> int:
    """ast columns count UTF-8 bytes; editors count characters."""
    if not 0 < line <= len(lines):
        return byte_col + 1
    return len(lines[line - 1].encode()[:byte_col].decode(errors="replace")) + 1


def _replaced(tree: ast.AST, path: tuple[str | int, ...], new: ast.AST) -> ast.AST:
    """A copy of ``tree`` with the node at ``path`` replaced by ``new``."""
    root = copy.deepcopy(tree)
    parent: object = root
    for step in path[:-1]:
        parent = parent[step] if isinstance(step, int) else getattr(parent, step)  # type: ignore[index]
    last = path[-1]
    if isinstance(last, int):
        parent[last] = new  # type: ignore[index]
    else:
        setattr(parent, last, new)
    return root


def _patched(source: str, node: ast.AST, new: ast.AST, expected: str) -> str | None:
    """``source`` with only ``node``'s text replaced by ``new``; None if that misparses."""
    if not hasattr(node, "end_lineno") or node.end_lineno is None:
        return None
    raw = source.encode()
    starts = [0]
    for piece in raw.splitlines(keepends=True):
        starts.append(starts[-1] + len(piece))
    begin = starts[node.lineno - 1] + node.col_offset
    end = starts[node.end_lineno - 1] + (node.end_col_offset or 0)
    text = ast.unparse(new)
    if isinstance(new, ast.expr):
        text = f"({text})"
    patched = raw[:begin] + text.encode() + raw[end:]
    try:
        result = patched.decode()
        if ast.dump(ast.parse(result)) == expected:
            return result
    except (SyntaxError, UnicodeDecodeError, ValueError):
        pass
    return None


def function_lines(source: str) -> set[int]:
    """The lines inside function bodies: what runs when a test calls into the module."""
    found: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            body = node.body if isinstance(node.body, list) else [node.body]
            for stmt in body:
                found.update(range(stmt.lineno, (stmt.end_lineno or stmt.lineno) + 1))
    return found
