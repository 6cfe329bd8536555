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
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from tools.mutate import regex

OPS = ("compare", "boolop", "number", "arith", "negate", "delete", "return", "string", "regex")
PRAGMA = "# mutate: skip"

_FLIP: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
}
_ARITH: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.FloorDiv,
    ast.FloorDiv: ast.Mult,
    ast.Div: ast.Mult,
}
_RE_FUNCS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall"}
_RE_FUNCS |= {"finditer"}
_NOT_NUMBERS = (ast.JoinedStr, ast.List, ast.Tuple, ast.ListComp, ast.Dict, ast.Set)


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


@dataclass
class _Candidate:
    op: str
    path: tuple[str | int, ...]  # from the tree's root to the node replaced
    new: ast.AST
    change: str
    node: ast.AST
    stmt: ast.stmt | None
    module_level: bool
    line: int = 0
    col: int = 0
    extra_lines: tuple[int, ...] = field(default=())


def mutants(source: str, path: str, ops: tuple[str, ...] = OPS) -> list[Mutant]:
    """Every mutant of ``source`` (the text of the module at ``path``) of the kinds ``ops``."""
    tree = ast.parse(source)
    lines = source.splitlines()
    skipped = {n for n, text in enumerate(lines, 1) if PRAGMA in text}
    reference = ast.dump(tree)
    seen = {reference}
    out: list[Mutant] = []
    counts: dict[tuple[str, str], int] = {}
    for cand in _Walker(source, ops).run(tree):
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


def _is_docstring(stmt: ast.stmt, index: int, owner: ast.AST) -> bool:
    return (
        index == 0
        and isinstance(owner, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and isinstance(stmt, ast.Expr)
        and isinstance(stmt.value, ast.Constant)
        and isinstance(stmt.value.value, str)
    )


def _skipped_block(stmt: ast.stmt) -> bool:
    if isinstance(stmt, ast.Assert | ast.Import | ast.ImportFrom | ast.Global | ast.Nonlocal):
        return True
    if isinstance(stmt, ast.If):
        test = ast.unparse(stmt.test)
        return test in ("TYPE_CHECKING", "typing.TYPE_CHECKING", "__name__ == '__main__'")
    if isinstance(stmt, ast.Assign):
        return any(isinstance(t, ast.Name) and t.id == "__all__" for t in stmt.targets)
    return False


def _negated(test: ast.expr) -> ast.expr:
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return test.operand
    return ast.UnaryOp(op=ast.Not(), operand=test)


def _is_generator(func: ast.AST) -> bool:
    for node in ast.walk(func):
        if node is not func and isinstance(
            node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
        ):
            continue
        if isinstance(node, ast.Yield | ast.YieldFrom):
            return True
    return False


class _Walker:
    """Walks the tree keeping the path to each node, and proposes candidates."""

    def __init__(self, source: str, ops: tuple[str, ...]) -> None:
        self.source = source
        self.ops = set(ops)
        self.lines = source.splitlines()

    def run(self, tree: ast.Module) -> Iterator[_Candidate]:
        for node in ast.walk(tree):  # mark the patterns given straight to re.compile & co.
            func = node.func if isinstance(node, ast.Call) else None
            if (
                isinstance(node, ast.Call)
                and isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Name)
                and func.value.id == "re"
                and func.attr in _RE_FUNCS
                and node.args
            ):
                node.args[0]._mutate_re_arg = True  # type: ignore[attr-defined]
        yield from self._body(tree, "body", tree.body, (), None, module_level=True, scope=None)

    # -- statements ---------------------------------------------------------------------

    def _body(
        self,
        owner: ast.AST,
        name: str,
        body: list[ast.stmt],
        path: tuple[str | int, ...],
        func: ast.AST | None,
        *,
        module_level: bool,
        scope: set[str] | None,
    ) -> Iterator[_Candidate]:
        for index, stmt in enumerate(body):
            here = (*path, name, index)
            if _is_docstring(stmt, index, owner) or _skipped_block(stmt):
                continue
            yield from self._statement(stmt, here, func, module_level=module_level, scope=scope)

    def _statement(
        self,
        stmt: ast.stmt,
        path: tuple[str | int, ...],
        func: ast.AST | None,
        *,
        module_level: bool,
        scope: set[str] | None,
    ) -> Iterator[_Candidate]:
        def cand(op: str, new: ast.AST, change: str, node: ast.AST = stmt) -> _Candidate:
            return _Candidate(op, path, new, change, node, stmt, module_level)

        if "delete" in self.ops and self._deletable(stmt, scope):
            yield cand("delete", ast.Pass(), f"delete `{_short(stmt)}`")
        if (
            "return" in self.ops
            and isinstance(stmt, ast.Return)
            and stmt.value is not None
            and not (
                isinstance(stmt.value, ast.Constant) and stmt.value.value in (None, True, False)
            )
            and not (func is not None and _is_generator(func))
        ):
            yield cand(
                "return",
                ast.Return(value=ast.Constant(value=None)),
                f"`{_short(stmt)}` -> `return None`",
            )
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            for deco_i, deco in enumerate(stmt.decorator_list):
                yield from self._expr(deco, (*path, "decorator_list", deco_i), stmt, module_level)
            defaults = [*stmt.args.defaults, *(d for d in stmt.args.kw_defaults if d)]
            for default in defaults:
                yield from self._expr_at(default, path, stmt, module_level)
            params = {a.arg for a in ast.walk(stmt.args) if isinstance(a, ast.arg)}
            yield from self._body(
                stmt, "body", stmt.body, path, stmt, module_level=False, scope=set(params)
            )
            return
        if isinstance(stmt, ast.ClassDef):
            yield from self._body(
                stmt, "body", stmt.body, path, func, module_level=module_level, scope=None
            )
            return
        for field_name, value in ast.iter_fields(stmt):
            if field_name in ("annotation", "returns", "type_comment"):
                continue
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                yield from self._body(
                    stmt, field_name, value, path, func, module_level=module_level, scope=scope
                )
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, ast.excepthandler):
                        yield from self._body(
                            item,
                            "body",
                            item.body,
                            (*path, field_name, i),
                            func,
                            module_level=module_level,
                            scope=scope,
                        )
                    elif isinstance(item, ast.AST):
                        yield from self._expr(item, (*path, field_name, i), stmt, module_level)
            elif isinstance(value, ast.AST):
                if (
                    field_name == "test"
                    and "negate" in self.ops
                    and isinstance(stmt, ast.If | ast.While)
                    and isinstance(value, ast.expr)
                    and not self._negation_is_flip(value)
                ):
                    yield _Candidate(
                        "negate",
                        (*path, "test"),
                        _negated(value),
                        f"negate `{_short(value)}`",
                        value,
                        stmt,
                        module_level,
                    )
                yield from self._expr(value, (*path, field_name), stmt, module_level)
        if scope is not None:
            for node in ast.walk(stmt):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                    scope.add(node.id)

    def _deletable(self, stmt: ast.stmt, scope: set[str] | None) -> bool:
        if isinstance(stmt, ast.Expr):
            return not (isinstance(stmt.value, ast.Constant))
        if isinstance(stmt, ast.AugAssign | ast.Raise | ast.Break | ast.Continue | ast.Delete):
            return True
        targets: list[ast.expr] = []
        if isinstance(stmt, ast.Assign):
            targets = stmt.targets
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            targets = [stmt.target]
        for target in targets:
            if isinstance(target, ast.Attribute | ast.Subscript):
                return True
            if isinstance(target, ast.Name) and scope is not None and target.id in scope:
                return True
        return False

    @staticmethod
    def _negation_is_flip(test: ast.expr) -> bool:
        """``not (a == b)`` is ``a != b``: the compare kind already makes that mutant."""
        return (
            isinstance(test, ast.Compare)
            and len(test.ops) == 1
            and type(test.ops[0]) in (ast.Eq, ast.NotEq, ast.Is, ast.IsNot, ast.In, ast.NotIn)
        )

    # -- expressions --------------------------------------------------------------------

    def _expr_at(
        self, node: ast.expr, stmt_path: tuple[str | int, ...], stmt: ast.stmt, module_level: bool
    ) -> Iterator[_Candidate]:
        """Candidates inside ``node``, found by its path under ``stmt``."""
        for field_path, child in _find_path(stmt, node):
            yield from self._expr(child, (*stmt_path, *field_path), stmt, module_level)

    def _expr(
        self, node: ast.AST, path: tuple[str | int, ...], stmt: ast.stmt, module_level: bool
    ) -> Iterator[_Candidate]:
        def cand(op: str, new: ast.AST, change: str) -> _Candidate:
            return _Candidate(op, path, new, change, node, stmt, module_level)

        if isinstance(node, ast.Lambda):
            yield from self._expr(node.body, (*path, "body"), stmt, False)
            return
        if isinstance(node, ast.JoinedStr):
            if "regex" in self.ops:
                yield from self._regex(node, path, stmt, module_level)
            for i, value in enumerate(node.values):
                if isinstance(value, ast.FormattedValue):
                    yield from self._expr(
                        value.value, (*path, "values", i, "value"), stmt, module_level
                    )
            return
        if isinstance(node, ast.Compare) and "compare" in self.ops:
            for i, op in enumerate(node.ops):
                flipped = _FLIP.get(type(op))
                if flipped is None:
                    continue
                new = copy.deepcopy(node)
                new.ops[i] = flipped()
                left = node.left if i == 0 else node.comparators[i - 1]
                found = cand("compare", new, f"`{_opname(op)}` -> `{_opname(flipped())}`")
                found.col = self._between(left, node.comparators[i], _opname(op).split()[0])
                yield found
        if isinstance(node, ast.BoolOp) and "boolop" in self.ops:
            new = copy.deepcopy(node)
            new.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
            found = cand("boolop", new, f"`{_opname(node.op)}` -> `{_opname(new.op)}`")
            found.col = self._between(node.values[0], node.values[1], _opname(node.op))
            yield found
        if (
            isinstance(node, ast.BinOp)
            and "arith" in self.ops
            and type(node.op) in _ARITH
            and not _stringy(node.left)
            and not _stringy(node.right)
        ):
            new = copy.deepcopy(node)
            new.op = _ARITH[type(node.op)]()
            found = cand("arith", new, f"`{_opname(node.op)}` -> `{_opname(new.op)}`")
            found.col = self._between(node.left, node.right, _opname(node.op))
            yield found
        if (
            isinstance(node, ast.IfExp)
            and "negate" in self.ops
            and not self._negation_is_flip(node.test)
        ):
            new = copy.deepcopy(node)
            new.test = _negated(new.test)
            yield cand("negate", new, f"negate `{_short(node.test)}`")
        if isinstance(node, ast.comprehension) and "negate" in self.ops:
            for i, cond in enumerate(node.ifs):
                if not self._negation_is_flip(cond):
                    yield _Candidate(
                        "negate",
                        (*path, "ifs", i),
                        _negated(cond),
                        f"negate `{_short(cond)}`",
                        cond,
                        stmt,
                        module_level,
                    )
        if isinstance(node, ast.Constant):
            yield from self._constant(node, path, stmt, module_level)
        if isinstance(node, ast.expr) and isinstance(
            getattr(node, "ctx", None), ast.Store | ast.Del
        ):
            return
        for field_name, value in ast.iter_fields(node):
            if isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, ast.AST) and not isinstance(item, ast.stmt):
                        yield from self._expr(item, (*path, field_name, i), stmt, module_level)
            elif isinstance(value, ast.AST):
                yield from self._expr(value, (*path, field_name), stmt, module_level)

    def _constant(
        self, node: ast.Constant, path: tuple[str | int, ...], stmt: ast.stmt, module_level: bool
    ) -> Iterator[_Candidate]:
        def cand(op: str, new: ast.AST, change: str) -> _Candidate:
            return _Candidate(op, path, new, change, node, stmt, module_level)

        value = node.value
        if isinstance(value, bool):
            if "number" in self.ops:
                yield cand("number", ast.Constant(value=not value), f"`{value}` -> `{not value}`")
        elif isinstance(value, int):
            if "number" in self.ops:
                text = ast.get_source_segment(self.source, node) or str(value)
                for new in (value + 1, value - 1):
                    change = f"`{text}` -> `{_like(text, new)}`"
                    yield cand("number", ast.Constant(value=new), change)
        elif isinstance(value, str):
            if self._is_pattern(node, [*value]):
                if "regex" in self.ops:
                    yield from self._regex(node, path, stmt, module_level)
            elif "string" in self.ops:
                new = "" if value else "XX"
                yield cand("string", ast.Constant(value=new), f"{_quote(value)} -> {new!r}")

    def _between(self, left: ast.expr, right: ast.expr, token: str) -> int:
        """The 1-based column of the operator ``token`` between two operands, or 0."""
        if left.end_lineno != right.lineno or left.end_col_offset is None:
            return 0
        raw = self.lines[right.lineno - 1].encode()
        gap = raw[left.end_col_offset : right.col_offset].decode(errors="replace")
        index = gap.find(token)
        if index < 0:
            return 0
        return len(raw[: left.end_col_offset].decode(errors="replace")) + index + 1

    # -- patterns -----------------------------------------------------------------------

    def _units(self, node: ast.AST) -> list[object]:
        if isinstance(node, ast.Constant):
            return [*str(node.value)]
        units: list[object] = []
        assert isinstance(node, ast.JoinedStr)
        for value in node.values:
            if isinstance(value, ast.Constant):
                units += [*str(value.value)]
            else:
                units.append(value)
        return units

    def _is_pattern(self, node: ast.AST, units: list[object]) -> bool:
        alts = regex.alternatives(units)
        if not alts:
            return False
        if not regex.compiles("".join(u if isinstance(u, str) else "x" for u in units)):
            return False
        segment = ast.get_source_segment(self.source, node) or ""
        raw = re.match(r"[bBuUfF]*[rR]", segment) is not None
        grouped = any(alt.group[0] > 0 for alt in alts)
        return raw or grouped or self._passed_to_re(node)

    def _passed_to_re(self, node: ast.AST) -> bool:
        return getattr(node, "_mutate_re_arg", False) is True

    def _regex(
        self, node: ast.AST, path: tuple[str | int, ...], stmt: ast.stmt, module_level: bool
    ) -> Iterator[_Candidate]:
        units = self._units(node)
        if isinstance(node, ast.JoinedStr) and not self._is_pattern(node, units):
            return
        for alt in regex.alternatives(units):
            kept = units[: alt.cut[0]] + units[alt.cut[1] :]
            if not regex.compiles("".join(u if isinstance(u, str) else "x" for u in kept)):
                continue
            dropped = _render(units[alt.start : alt.end])
            group = _render(units[alt.group[0] : alt.group[1]])
            before = _render(units[: alt.start]).count(dropped)
            line, col = self._locate(node, dropped, before)
            yield _Candidate(
                "regex",
                path,
                _rebuild(node, kept),
                f"drop {dropped!r} from {_clip(group)!r}",
                node,
                stmt,
                module_level,
                line=line,
                col=col,
            )

    def _locate(self, node: ast.AST, text: str, skip: int) -> tuple[int, int]:
        """Line and column of the ``skip``-th later ``text`` in the literal's source lines.

        Approximate where escapes make the source differ from the value: then the literal's
        first line.
        """
        first, last = node.lineno, node.end_lineno or node.lineno  # type: ignore[attr-defined]
        for number in range(first, last + 1):
            line = self.lines[number - 1]
            col = line.find(text)
            while col >= 0:
                if skip == 0:
                    return number, col + 1
                skip -= 1
                col = line.find(text, col + len(text))
        return first, 0


def _find_path(root: ast.AST, target: ast.AST) -> Iterator[tuple[tuple[str | int, ...], ast.AST]]:
    for field_name, value in ast.iter_fields(root):
        if value is target:
            yield (field_name,), target
            return
        if isinstance(value, list):
            for i, item in enumerate(value):
                if item is target:
                    yield (field_name, i), target
                    return
        if isinstance(value, ast.AST) and not isinstance(value, ast.stmt):
            for sub, node in _find_path(value, target):
                yield (field_name, *sub), node
                return
        if isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, ast.AST) and not isinstance(item, ast.stmt):
                    for sub, node in _find_path(item, target):
                        yield (field_name, i, *sub), node
                        return


def _rebuild(node: ast.AST, units: list[object]) -> ast.AST:
    if isinstance(node, ast.Constant):
        return ast.Constant(value="".join(str(u) for u in units))
    values: list[ast.expr] = []
    text = ""
    for unit in units:
        if isinstance(unit, str):
            text += unit
            continue
        if text:
            values.append(ast.Constant(value=text))
            text = ""
        assert isinstance(unit, ast.expr)
        values.append(unit)
    if text:
        values.append(ast.Constant(value=text))
    return ast.JoinedStr(values=values)


def _render(units: list[object]) -> str:
    out = ""
    for unit in units:
        if isinstance(unit, str):
            out += unit
        else:
            assert isinstance(unit, ast.FormattedValue)
            out += "{" + ast.unparse(unit.value) + "}"
    return out


def _like(text: str, value: int) -> str:
    """``value`` written in the base of the literal ``text`` (0o666 -> 0o667)."""
    prefix = text[:2].lower()
    formats = {"0o": "o", "0x": "x", "0b": "b"}
    if prefix in formats and value >= 0:
        return text[:2] + format(value, formats[prefix])
    return str(value)


def _stringy(node: ast.expr) -> bool:
    """A literal ``+`` would concatenate: a string, an f-string, a list or a tuple."""
    if isinstance(node, ast.Constant):
        return type(node.value) not in (int, float)
    return isinstance(node, _NOT_NUMBERS)


def _opname(op: ast.AST) -> str:
    names = {
        ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=",
        ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in",
        ast.And: "and", ast.Or: "or", ast.Add: "+", ast.Sub: "-", ast.Mult: "*",
        ast.FloorDiv: "//", ast.Div: "/",
    }  # fmt: skip
    return names.get(type(op), type(op).__name__)


def _short(node: ast.AST, width: int = 60) -> str:
    return _clip(" ".join(ast.unparse(node).split()), width)


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def _quote(value: str) -> str:
    return repr(_clip(value, 40))


def function_lines(source: str) -> set[int]:
    """The lines inside function bodies: what runs when a test calls into the module."""
    found: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            body = node.body if isinstance(node.body, list) else [node.body]
            for stmt in body:
                found.update(range(stmt.lineno, (stmt.end_lineno or stmt.lineno) + 1))
    return found
