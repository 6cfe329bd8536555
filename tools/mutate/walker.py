"""Walking a module's AST and proposing each candidate change (see ``mutants``).

The walk keeps the path from the root to every node, so a candidate is "replace the node at
this path with that one", and knows for each node its statement and whether it runs at
import time (module level, decorators, defaults) or when a function is called.
"""

from __future__ import annotations

import ast
import copy
from collections.abc import Iterator
from dataclasses import dataclass, field

from tools.mutate import regex
from tools.mutate.describe import clip, like, opname, quote, short

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


@dataclass
class Candidate:
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


class Walker:
    """Walks the tree keeping the path to each node, and proposes candidates."""

    def __init__(self, source: str, ops: tuple[str, ...]) -> None:
        self.source = source
        self.ops = set(ops)
        self.lines = source.splitlines()

    def run(self, tree: ast.Module) -> Iterator[Candidate]:
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
    ) -> Iterator[Candidate]:
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
    ) -> Iterator[Candidate]:
        def cand(op: str, new: ast.AST, change: str, node: ast.AST = stmt) -> Candidate:
            return Candidate(op, path, new, change, node, stmt, module_level)

        if "delete" in self.ops and self._deletable(stmt, scope):
            yield cand("delete", ast.Pass(), f"delete `{short(stmt)}`")
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
                f"`{short(stmt)}` -> `return None`",
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
                    yield Candidate(
                        "negate",
                        (*path, "test"),
                        _negated(value),
                        f"negate `{short(value)}`",
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
    ) -> Iterator[Candidate]:
        """Candidates inside ``node``, found by its path under ``stmt``."""
        for field_path, child in _find_path(stmt, node):
            yield from self._expr(child, (*stmt_path, *field_path), stmt, module_level)

    def _expr(
        self, node: ast.AST, path: tuple[str | int, ...], stmt: ast.stmt, module_level: bool
    ) -> Iterator[Candidate]:
        def cand(op: str, new: ast.AST, change: str) -> Candidate:
            return Candidate(op, path, new, change, node, stmt, module_level)

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
                found = cand("compare", new, f"`{opname(op)}` -> `{opname(flipped())}`")
                found.col = self._between(left, node.comparators[i], opname(op).split()[0])
                yield found
        if isinstance(node, ast.BoolOp) and "boolop" in self.ops:
            new = copy.deepcopy(node)
            new.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
            found = cand("boolop", new, f"`{opname(node.op)}` -> `{opname(new.op)}`")
            found.col = self._between(node.values[0], node.values[1], opname(node.op))
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
            found = cand("arith", new, f"`{opname(node.op)}` -> `{opname(new.op)}`")
            found.col = self._between(node.left, node.right, opname(node.op))
            yield found
        if (
            isinstance(node, ast.IfExp)
            and "negate" in self.ops
            and not self._negation_is_flip(node.test)
        ):
            new = copy.deepcopy(node)
            new.test = _negated(new.test)
            yield cand("negate", new, f"negate `{short(node.test)}`")
        if isinstance(node, ast.comprehension) and "negate" in self.ops:
            for i, cond in enumerate(node.ifs):
                if not self._negation_is_flip(cond):
                    yield Candidate(
                        "negate",
                        (*path, "ifs", i),
                        _negated(cond),
                        f"negate `{short(cond)}`",
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
    ) -> Iterator[Candidate]:
        def cand(op: str, new: ast.AST, change: str) -> Candidate:
            return Candidate(op, path, new, change, node, stmt, module_level)

        value = node.value
        if isinstance(value, bool):
            if "number" in self.ops:
                yield cand("number", ast.Constant(value=not value), f"`{value}` -> `{not value}`")
        elif isinstance(value, int):
            if "number" in self.ops:
                text = ast.get_source_segment(self.source, node) or str(value)
                for new in (value + 1, value - 1):
                    change = f"`{text}` -> `{like(text, new)}`"
                    yield cand("number", ast.Constant(value=new), change)
        elif isinstance(value, str):
            if self._is_pattern(node, [*value]):
                if "regex" in self.ops:
                    yield from self._regex(node, path, stmt, module_level)
            elif "string" in self.ops:
                new = "" if value else "XX"
                yield cand("string", ast.Constant(value=new), f"{quote(value)} -> {new!r}")

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

    def _regex(
        self, node: ast.AST, path: tuple[str | int, ...], stmt: ast.stmt, module_level: bool
    ) -> Iterator[Candidate]:
        pieces = regex.units(node)
        if isinstance(node, ast.JoinedStr) and not self._is_pattern(node, pieces):
            return
        for alt in regex.alternatives(pieces):
            kept = pieces[: alt.cut[0]] + pieces[alt.cut[1] :]
            if not regex.compiles(regex.flat(kept)):
                continue
            dropped = regex.render(pieces[alt.start : alt.end])
            group = regex.render(pieces[alt.group[0] : alt.group[1]])
            before = regex.render(pieces[: alt.start]).count(dropped)
            line, col = regex.locate(self.lines, node, dropped, before)
            yield Candidate(
                "regex",
                path,
                regex.rebuild(node, kept),
                f"drop {dropped!r} from {clip(group)!r}",
                node,
                stmt,
                module_level,
                line=line,
                col=col,
            )

    def _is_pattern(self, node: ast.AST, pieces: list[object]) -> bool:
        passed = getattr(node, "_mutate_re_arg", False) is True
        return regex.is_pattern(self.source, node, pieces, passed_to_re=passed)


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


def _stringy(node: ast.expr) -> bool:
    """A literal ``+`` would concatenate: a string, an f-string, a list or a tuple."""
    if isinstance(node, ast.Constant):
        return type(node.value) not in (int, float)
    return isinstance(node, _NOT_NUMBERS)
