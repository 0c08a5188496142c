"""A tiny, safe expression language for form relevance (skip logic) and constraints.

No Python ``eval``: a hand-written tokenizer and precedence-climbing parser build a small
tree of tuples, and :func:`evaluate` walks it against the form's current values.

Grammar (lowest precedence first)::

    expr    := or
    or      := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | compare
    compare := sum (("=="|"!="|"<"|"<="|">"|">="|"in") sum)?
    sum     := product (("+"|"-") product)*
    product := unary (("*"|"/") unary)*
    unary   := "-" unary | primary
    primary := NUMBER | STRING | "true" | "false" | "null" | "." | NAME ("." NAME)*
             | NAME "(" [expr ("," expr)*] ")" | "(" expr ")" | "[" [expr ("," expr)*] "]"

``.`` is the value of the field being checked; ``name`` is another field's value;
``name.BT`` reads one register of a meter-reading field. Functions: ``len(x)``,
``empty(x)``, ``number(x)``, ``regex(x, 'pattern')``, ``today()``.
Errors: :class:`ExprError` (a ``ValueError``) with the position and a plain message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from fieldkit.domain.local_time import local_today

__all__ = ["Expr", "ExprError", "compile_expr", "evaluate"]

MAX_LENGTH = 2000
MAX_DEPTH = 50


class ExprError(ValueError):
    def __init__(self, message: str, source: str = "", position: int | None = None):
        where = f" (at {position + 1})" if position is not None else ""
        super().__init__(f"{message}{where}: {source!r}" if source else message)
        self.reason = message
        self.position = position


_TOKEN = re.compile(
    r"""\s*(?:
        (?P<number>\d+(?:\.\d+)?)
      | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
      | (?P<op>==|!=|<=|>=|<|>|\+|-|\*|/|\(|\)|\[|\]|,|\.)
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
    )""",
    re.VERBOSE,
)
_KEYWORDS = {"and", "or", "not", "in", "true", "false", "null"}


@dataclass(frozen=True)
class Token:
    kind: str  # number, string, op, name, keyword, end
    text: str
    pos: int


def _tokens(source: str) -> list[Token]:
    out: list[Token] = []
    pos = 0
    while pos < len(source):
        if source[pos:].strip() == "":
            break
        m = _TOKEN.match(source, pos)
        if m is None or m.end() == pos:
            bad = pos + (len(source[pos:]) - len(source[pos:].lstrip()))
            raise ExprError(f"unexpected character {source[bad]!r}", source, bad)
        kind = m.lastgroup or "op"
        text = m.group(kind)
        start = m.start(kind)
        if kind == "name" and text in _KEYWORDS:
            kind = "keyword"
        out.append(Token(kind, text, start))
        pos = m.end()
    out.append(Token("end", "", len(source)))
    return out


Node = tuple[Any, ...]


class _Parser:
    def __init__(self, source: str):
        self.source = source
        self.toks = _tokens(source)
        self.i = 0
        self.depth = 0

    def peek(self) -> Token:
        return self.toks[self.i]

    def take(self) -> Token:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def accept(self, text: str) -> bool:
        tok = self.peek()
        if tok.kind in ("op", "keyword") and tok.text == text:
            self.i += 1
            return True
        return False

    def expect(self, text: str) -> None:
        if not self.accept(text):
            tok = self.peek()
            found = "end of expression" if tok.kind == "end" else repr(tok.text)
            raise ExprError(f"expected {text!r}, found {found}", self.source, tok.pos)

    def parse(self) -> Node:
        if not self.source.strip():
            raise ExprError("empty expression")
        node = self.or_()
        tok = self.peek()
        if tok.kind != "end":
            raise ExprError(f"unexpected {tok.text!r}", self.source, tok.pos)
        return node

    def _nest(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError("expression nested too deeply", self.source, self.peek().pos)

    def or_(self) -> Node:
        node = self.and_()
        while self.accept("or"):
            node = ("or", node, self.and_())
        return node

    def and_(self) -> Node:
        node = self.not_()
        while self.accept("and"):
            node = ("and", node, self.not_())
        return node

    def not_(self) -> Node:
        if self.accept("not"):
            self._nest()
            node = ("not", self.not_())
            self.depth -= 1
            return node
        return self.compare()

    def compare(self) -> Node:
        node = self.sum_()
        tok = self.peek()
        if (tok.kind == "op" and tok.text in ("==", "!=", "<", "<=", ">", ">=")) or (
                tok.kind == "keyword" and tok.text == "in"):
            self.take()
            node = (tok.text, node, self.sum_())
            nxt = self.peek()
            if nxt.kind == "op" and nxt.text in ("==", "!=", "<", "<=", ">", ">="):
                raise ExprError("chained comparisons are not allowed; use 'and'", self.source, nxt.pos)
        return node

    def sum_(self) -> Node:
        node = self.product()
        while self.peek().kind == "op" and self.peek().text in ("+", "-"):
            node = (self.take().text, node, self.product())
        return node

    def product(self) -> Node:
        node = self.unary()
        while self.peek().kind == "op" and self.peek().text in ("*", "/"):
            node = (self.take().text, node, self.unary())
        return node

    def unary(self) -> Node:
        if self.accept("-"):
            self._nest()
            node = ("neg", self.unary())
            self.depth -= 1
            return node
        return self.primary()

    def _items(self, close: str) -> list[Node]:
        items: list[Node] = []
        if self.accept(close):
            return items
        while True:
            items.append(self.or_())
            if self.accept(close):
                return items
            self.expect(",")

    def primary(self) -> Node:
        tok = self.take()
        if tok.kind == "number":
            return ("lit", Decimal(tok.text))
        if tok.kind == "string":
            body = tok.text[1:-1]
            return ("lit", re.sub(r"\\(.)", r"\1", body))
        if tok.kind == "keyword" and tok.text in ("true", "false", "null"):
            return ("lit", {"true": True, "false": False, "null": None}[tok.text])
        if tok.kind == "op" and tok.text == ".":
            return ("self",)
        if tok.kind == "op" and tok.text == "(":
            self._nest()
            node = self.or_()
            self.expect(")")
            self.depth -= 1
            return node
        if tok.kind == "op" and tok.text == "[":
            self._nest()
            node = ("list", self._items("]"))
            self.depth -= 1
            return node
        if tok.kind == "name":
            if self.accept("("):
                if tok.text not in FUNCTIONS:
                    raise ExprError(f"unknown function {tok.text!r}", self.source, tok.pos)
                self._nest()
                args = self._items(")")
                self.depth -= 1
                arity = FUNCTIONS[tok.text][0]
                if len(args) != arity:
                    raise ExprError(f"{tok.text}() takes {arity} argument(s), got {len(args)}", self.source, tok.pos)
                if tok.text == "regex":
                    pattern = args[1]
                    if pattern[0] != "lit" or not isinstance(pattern[1], str):
                        raise ExprError("regex() needs a quoted pattern", self.source, tok.pos)
                    try:
                        re.compile(pattern[1])
                    except re.error as exc:
                        raise ExprError(f"bad regex pattern: {exc}", self.source, tok.pos) from None
                return ("call", tok.text, args)
            path = [tok.text]
            while self.accept("."):
                part = self.take()
                if part.kind != "name":
                    raise ExprError("expected a name after '.'", self.source, part.pos)
                path.append(part.text)
            return ("name", tuple(path))
        found = "end of expression" if tok.kind == "end" else repr(tok.text)
        raise ExprError(f"unexpected {found}", self.source, tok.pos)


@dataclass(frozen=True)
class Expr:
    source: str
    tree: Node

    def names(self) -> set[str]:
        """Field names this expression reads (for checking a definition)."""
        found: set[str] = set()

        def walk(node: Any) -> None:
            if isinstance(node, tuple) and node:
                if node[0] == "name":
                    found.add(node[1][0])
                    return
                for part in node[1:]:
                    walk(part)
            elif isinstance(node, list):
                for part in node:
                    walk(part)

        walk(self.tree)
        return found


def compile_expr(source: str) -> Expr:
    if not isinstance(source, str):
        raise ExprError("an expression must be text")
    if len(source) > MAX_LENGTH:
        raise ExprError(f"expression longer than {MAX_LENGTH} characters")
    return Expr(source, _Parser(source).parse())


# ---- evaluation -------------------------------------------------------------------------

def _num(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int | float):
        return Decimal(str(value))
    if isinstance(value, str):
        try:
            d = Decimal(value.strip().replace(",", "."))
        except InvalidOperation:
            return None
        return d if d.is_finite() else None
    return None


def _norm(value: Any) -> Any:
    """Numbers compare as Decimal, dates as ISO text."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Decimal(str(value))
    if isinstance(value, date):
        return value.isoformat()
    return value


def _empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str | list | dict | tuple):
        return len(value) == 0 or (isinstance(value, str) and not value.strip())
    return False


def _len(value: Any) -> Decimal:
    if value is None:
        return Decimal(0)
    if isinstance(value, str | list | dict | tuple):
        return Decimal(len(value))
    raise ExprError("len() needs text or a list")


def _regex(value: Any, pattern: Any) -> bool:
    if value is None:
        return False
    return re.fullmatch(str(pattern), str(value)) is not None


FUNCTIONS: dict[str, tuple[int, Callable[..., Any]]] = {
    "len": (1, _len),
    "empty": (1, _empty),
    "number": (1, _num),
    "regex": (2, _regex),
    "today": (0, lambda: local_today().isoformat()),
}


def _compare(op: str, a: Any, b: Any) -> bool:
    a, b = _norm(a), _norm(b)
    if op == "==":
        return bool(a == b)
    if op == "!=":
        return bool(a != b)
    if a is None or b is None:
        return False  # an unanswered field is neither smaller nor larger
    na, nb = _num(a), _num(b)
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        if na is None or nb is None:
            return False  # text that is not a number never passes a numeric comparison
        a, b = na, nb
    elif type(a) is not type(b):
        raise ExprError(f"cannot compare {type(a).__name__} with {type(b).__name__}")
    try:
        if op == "<":
            return bool(a < b)
        if op == "<=":
            return bool(a <= b)
        if op == ">":
            return bool(a > b)
        return bool(a >= b)
    except TypeError:
        raise ExprError(f"cannot compare {type(a).__name__} values") from None


def _arith(op: str, a: Any, b: Any) -> Decimal | None:
    na, nb = _num(a), _num(b)
    if na is None or nb is None:
        return None  # arithmetic on an unanswered or non-numeric field gives null
    if op == "+":
        return na + nb
    if op == "-":
        return na - nb
    if op == "*":
        return na * nb
    if nb == 0:
        return None
    return na / nb


def _truthy(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str | list | dict):
        return bool(value)
    return bool(value)


def evaluate(expr: Expr, values: Mapping[str, Any], current: Any = None) -> Any:
    """Evaluate against `values` (field id → value); `.` is `current`. Raises ExprError."""

    def ev(node: Node) -> Any:
        kind = node[0]
        if kind == "lit":
            return node[1]
        if kind == "self":
            return current
        if kind == "name":
            path = node[1]
            if path[0] not in values:
                raise ExprError(f"unknown field {path[0]!r}", expr.source)
            value = values[path[0]]
            for part in path[1:]:
                value = value.get(part) if isinstance(value, dict) else None
            return value
        if kind == "list":
            return [ev(item) for item in node[1]]
        if kind == "not":
            return not _truthy(ev(node[1]))
        if kind == "and":
            return _truthy(ev(node[1])) and _truthy(ev(node[2]))
        if kind == "or":
            return _truthy(ev(node[1])) or _truthy(ev(node[2]))
        if kind == "neg":
            n = _num(ev(node[1]))
            return None if n is None else -n
        if kind == "in":
            container = ev(node[2])
            item = _norm(ev(node[1]))
            if not isinstance(container, list):
                raise ExprError("'in' needs a list on its right", expr.source)
            return item in [_norm(x) for x in container]
        if kind in ("==", "!=", "<", "<=", ">", ">="):
            return _compare(kind, ev(node[1]), ev(node[2]))
        if kind in ("+", "-", "*", "/"):
            return _arith(kind, ev(node[1]), ev(node[2]))
        if kind == "call":
            _arity, fn = FUNCTIONS[node[1]]
            return fn(*[ev(a) for a in node[2]])
        raise ExprError(f"unknown node {kind!r}", expr.source)  # pragma: no cover

    try:
        return ev(expr.tree)
    except ExprError:
        raise
    except (ArithmeticError, TypeError, ValueError, RecursionError) as exc:
        raise ExprError(f"could not evaluate: {exc}", expr.source) from None
