"""Which other modules use a module's top-level names: for mutants that run at import time.

A module-level mutant (a word list, a pattern, a constant) changes a value that other
modules may read: ``from infoview.wording import lexicon as lx`` then ``lx.OBJECT_VERBS``
inside a function of ``voice``. The tests that prove that value are then the tests of
``voice``, not of ``lexicon`` (which may have no function at all). ``Users`` reads the
imports of every module of the project's packages with ``ast`` (never importing them) and
answers, for a module and the names a mutant changes, which modules read those names:

- ``from pkg.mod import NAME`` (relative imports too) and ``mod.NAME`` / ``pkg.mod.NAME``
  after ``import pkg.mod`` or ``from pkg import mod [as m]`` are uses of ``NAME``;
- a module that imports the module in a way that names nothing in particular (``import *``,
  the module object passed around) uses every name;
- a use at the importer's own top level (``PATTERN = combine(lx.WORDS)``, or a re-export
  ``from .lexicon import WORDS``) changes the names that statement binds, so the modules
  that use *those* are users too, and so on.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ALL = None  # "every name": a change whose reach the import graph cannot narrow


def module_name(path: str) -> str:
    """``infoview/wording/lexicon.py`` -> ``infoview.wording.lexicon``; a package's
    ``__init__.py`` is the package."""
    parts = path.removesuffix(".py").split("/")
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def bound_names(stmt: ast.stmt) -> set[str]:
    """The names a top-level statement binds (empty when it binds none, e.g. a call)."""
    if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return {stmt.name}
    if isinstance(stmt, ast.Import | ast.ImportFrom):
        return {(a.asname or a.name).split(".")[0] for a in stmt.names if a.name != "*"}
    targets: list[ast.expr] = []
    if isinstance(stmt, ast.Assign):
        targets = stmt.targets
    elif isinstance(stmt, ast.AnnAssign | ast.AugAssign | ast.For | ast.AsyncFor):
        targets = [stmt.target]
    elif isinstance(stmt, ast.With | ast.AsyncWith):
        targets = [i.optional_vars for i in stmt.items if i.optional_vars is not None]
    names = {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
    if isinstance(stmt, ast.If | ast.Try | ast.For | ast.While | ast.With):
        for child in ast.iter_child_nodes(stmt):
            if isinstance(child, ast.stmt):
                names |= bound_names(child)
    return names


def statement_at(tree: ast.Module, line: int) -> ast.stmt | None:
    """The top-level statement holding ``line`` (its decorators included)."""
    for stmt in tree.body:
        first = min([stmt.lineno, *(d.lineno for d in getattr(stmt, "decorator_list", []))])
        if first <= line <= (stmt.end_lineno or stmt.lineno):
            return stmt
    return None


def changed_names(source: str, line: int) -> set[str] | None:
    """The names a module-level mutant at ``line`` changes; ``ALL`` if it binds none."""
    stmt = statement_at(ast.parse(source), line)
    names = bound_names(stmt) if stmt is not None else set()
    return names or ALL


@dataclass
class _Use:
    """One importer's uses of one module: names read, and where (top level or not)."""

    names: set[str] | None = field(default_factory=set)  # ALL: the module as a whole
    # a top-level statement of the importer reading names: (names read, names it binds;
    # ALL for a star import, which binds the very names read)
    top: list[tuple[set[str] | None, set[str] | None]] = field(default_factory=list)


class Users:
    """The import graph of the modules under ``root``'s ``packages``, read with ``ast``."""

    def __init__(self, root: Path, packages: Iterable[str]) -> None:
        self.trees: dict[str, ast.Module] = {}
        for package in packages:
            base = root / package
            files = sorted(base.rglob("*.py")) if base.is_dir() else []
            for file in files:
                relative = file.relative_to(root).as_posix()
                try:
                    self.trees[relative] = ast.parse(file.read_text(encoding="utf-8"))
                except (SyntaxError, UnicodeDecodeError, OSError):
                    continue
        self.by_name = {module_name(p): p for p in self.trees}
        self._uses: dict[str, dict[str, _Use]] = {}  # module -> importer -> uses

    def users(self, path: str, names: set[str] | None) -> set[str]:
        """Every other module whose code may read ``names`` of ``path`` (``ALL``: any)."""
        found: set[str] = set()
        todo: list[tuple[str, set[str] | None]] = [(path, names)]
        seen: set[tuple[str, frozenset[str] | None]] = set()
        while todo:
            module, wanted = todo.pop()
            key = (module, None if wanted is None else frozenset(wanted))
            if key in seen:
                continue
            seen.add(key)
            for importer, use in self.uses_of(module).items():
                if importer != path and _meets(use.names, wanted):
                    found.add(importer)
                for read, binds in use.top:
                    if _meets(read, wanted) and (binds is ALL or binds):
                        todo.append((importer, wanted if binds is ALL else binds))
        return found

    def uses_of(self, path: str) -> dict[str, _Use]:
        if path not in self._uses:
            name = module_name(path)
            self._uses[path] = {
                importer: use
                for importer, tree in self.trees.items()
                if importer != path and (use := _uses(tree, importer, name)) is not None
            }
        return self._uses[path]


def _meets(have: set[str] | None, wanted: set[str] | None) -> bool:
    """Some of ``wanted`` (``ALL``: any name) is among ``have`` (``ALL``: every name)."""
    if have is None:
        return True
    return bool(have) if wanted is None else bool(have & wanted)


def _absolute(importer: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module_name(importer).split(".")
    if not importer.endswith("__init__.py"):
        package.pop()
    base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
    return ".".join([*base, *([node.module] if node.module else [])])


def _uses(tree: ast.Module, importer: str, target: str) -> _Use | None:
    """How the module ``importer`` (parsed as ``tree``) uses the module ``target``."""
    aliases: dict[str, str] = {}  # local name -> dotted path it stands for ("" = target)
    direct: dict[str, str] = {}  # local name -> target's name it was imported as
    every = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name == target and a.asname:
                    aliases[a.asname] = ""
                elif a.asname is None and (a.name + ".").startswith(target.split(".")[0] + "."):
                    # ``import pkg.mod`` binds ``pkg``: ``pkg.mod.NAME`` reads the target
                    aliases[a.name.split(".")[0]] = "=" + target
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(importer, node)
            for a in node.names:
                if source == target:
                    if a.name == "*":
                        every = True
                    else:
                        direct[a.asname or a.name] = a.name
                elif f"{source}.{a.name}" == target:
                    aliases[a.asname or a.name] = ""
    if not aliases and not direct and not every:
        return None
    use = _Use()
    for stmt in tree.body:
        if isinstance(stmt, ast.ImportFrom) and _absolute(importer, stmt) == target:
            for a in stmt.names:  # a re-export: the importer's name is the target's
                if a.name != "*":
                    use.top.append(({a.name}, {a.asname or a.name}))
            continue
        read = _reads(stmt, aliases, direct)
        if read is not None and read is not ALL and not read:
            continue
        use.names = _union(use.names, read)
        if not isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef) or _outside_body(
            stmt, aliases, direct
        ):
            use.top.append((read, bound_names(stmt)))
    if every:  # ``from target import *`` re-exports whichever names changed
        use.top.append((ALL, ALL))
    return use if use.names is ALL or use.names or use.top else None


def _union(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    return ALL if a is None or b is None else a | b


def _reads(node: ast.AST, aliases: dict[str, str], direct: dict[str, str]) -> set[str] | None:
    """The target's names read under ``node``; ``ALL`` where the module itself is used."""
    found: set[str] | None = set()
    for part in _walk(node):
        if isinstance(part, ast.Name) and part.id in direct:
            found = _union(found, {direct[part.id]})
        elif isinstance(part, ast.Name) and part.id in aliases:
            found = _union(found, ALL)  # the module object itself, not an attribute of it
        elif isinstance(part, ast.Attribute):
            dotted = _dotted(part)
            if dotted is None:
                continue
            head, _, rest = dotted.partition(".")
            if head not in aliases:
                continue
            meaning = aliases[head]
            chain = rest.split(".") if rest else []
            if meaning.startswith("="):  # ``import pkg.mod``: skip ``mod``'s own path
                depth = meaning[1:].count(".")
                if chain[:depth] == meaning[1:].split(".")[1:] and len(chain) > depth:
                    found = _union(found, {chain[depth]})
            elif chain:
                found = _union(found, {chain[0]})
    return found


def _walk(node: ast.AST) -> Iterator[ast.AST]:
    """Every node under ``node``, an attribute chain once (not again as its parts)."""
    yield node
    if isinstance(node, ast.Attribute) and _dotted(node) is not None:
        return
    if isinstance(node, ast.Import | ast.ImportFrom):
        return
    for child in ast.iter_child_nodes(node):
        yield from _walk(child)


def _dotted(node: ast.expr) -> str | None:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return ".".join([node.id, *reversed(parts)])


def _outside_body(
    stmt: ast.FunctionDef | ast.AsyncFunctionDef,
    aliases: dict[str, str],
    direct: dict[str, str],
) -> bool:
    """A def reads the target at import time (a decorator or a default), not when called."""
    parts: list[ast.AST] = [*stmt.decorator_list, *stmt.args.defaults]
    parts += [d for d in stmt.args.kw_defaults if d is not None]
    return any(_reads(p, aliases, direct) != set() for p in parts)
