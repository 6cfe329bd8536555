"""How a mutant's change is written in the report: short, one line, in source terms."""

from __future__ import annotations

import ast


def like(text: str, value: int) -> str:
    """``value`` written in the base of the literal ``text`` (0o666 -> 0o667)."""
    prefix = text[:2].lower()
    formats = {"0o": "o", "0x": "x", "0b": "b"}
    if prefix in formats and value >= 0:
        return text[:2] + format(value, f"0{len(text) - 2}{formats[prefix]}")  # 0o022 -> 0o023
    return str(value)


def opname(op: ast.AST) -> str:
    names = {
        ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=",
        ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in",
        ast.And: "and", ast.Or: "or", ast.Add: "+", ast.Sub: "-", ast.Mult: "*",
        ast.FloorDiv: "//", ast.Div: "/",
    }  # fmt: skip
    return names.get(type(op), type(op).__name__)


def short(node: ast.AST, width: int = 60) -> str:
    return clip(" ".join(ast.unparse(node).split()), width)


def clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def quote(value: str) -> str:
    return repr(clip(value, 40))
