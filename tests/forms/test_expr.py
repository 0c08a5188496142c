"""The form expression language: evaluation, and garbage gives ExprError (never a crash)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldkit.forms.expr import ExprError, compile_expr, evaluate


def ev(source: str, current: object = None, **values: object) -> object:
    return evaluate(compile_expr(source), values, current)


@pytest.mark.parametrize(("source", "values", "current", "expected"), [
    ("1 + 2 * 3 == 7", {}, None, True),
    ("(1 + 2) * 3", {}, None, Decimal(9)),
    ("reason != 'new_install'", {"reason": "faulty"}, None, True),
    ("reason != 'new_install'", {"reason": "new_install"}, None, False),
    ("phases == '3' and not empty(ct)", {"phases": "3", "ct": "200/5"}, None, True),
    (". >= 1 and . <= 4", {}, Decimal(2), True),
    (". >= 1 and . <= 4", {}, Decimal(5), False),
    (". > 3", {}, None, False),  # an unanswered value is never larger
    (". > 3", {}, "abc", False),  # text is never a passing number
    ("reading.BT >= old.BT", {"reading": {"BT": Decimal("12.5")}, "old": {"BT": Decimal(10)}}, None, True),
    ("reading.XX == null", {"reading": {"BT": Decimal(1)}}, None, True),
    ("regex(., '[0-9]+/5')", {}, "200/5", True),
    ("regex(., '[0-9]+/5')", {}, "200/55x", False),
    ("len(.) >= 2", {}, ["a", "b"], True),
    ("kind in ['a', 'b']", {"kind": "b"}, None, True),
    ("-x + 3", {"x": Decimal(1)}, None, Decimal(2)),
    ("x / 0 == null", {"x": Decimal(1)}, None, True),
    ("'Tem \\'A\\''", {}, None, "Tem 'A'"),
    ("number('12,5') == 12.5", {}, None, True),
    (". <= today()", {}, "2000-01-01", True),
    ("true or nope == 1", {"nope": None}, None, True),
])
def test_evaluates(source: str, values: dict[str, object], current: object, expected: object) -> None:
    assert evaluate(compile_expr(source), values, current) == expected


@pytest.mark.parametrize(("source", "reason"), [
    ("", "empty expression"),
    ("1 +", "unexpected end of expression"),
    ("(1 + 2", "expected ')'"),
    ("a == = b", "unexpected character '=' (at 6)"), ("a == or", "unexpected 'or'"),
    ("__import__('os')", "unknown function '__import__'"),
    ("open('x')", "unknown function 'open'"),
    ("len(1, 2)", "takes 1 argument"),
    ("regex(., x)", "quoted pattern"),
    ("regex(., '[')", "bad regex"),
    ("a @ b", "unexpected character '@'"),
    ("1 < 2 < 3", "chained comparisons"),
    ("a.", "expected a name"),
    ("'unterminated", "unexpected character"),
    ("(" * 80 + "1" + ")" * 80, "nested too deeply"),
    ("x" * 3000, "longer than"),
])
def test_garbage_gives_a_clear_error(source: str, reason: str) -> None:
    with pytest.raises(ExprError) as info:
        compile_expr(source)
    assert reason in str(info.value)


def test_runtime_errors_are_expr_errors() -> None:
    with pytest.raises(ExprError, match="unknown field 'ghost'"):
        ev("ghost == 1")
    with pytest.raises(ExprError, match="cannot compare"):
        ev(". < 'a'", current=["x"])
    with pytest.raises(ExprError, match="'in' needs a list"):
        ev("1 in 2")


def test_no_python_is_reachable() -> None:
    # attribute access is a dict lookup only, never getattr
    assert ev("x.__class__", x={"a": 1}) is None
    assert ev("x.__class__", x="text") is None


def test_names_lists_fields_read() -> None:
    assert compile_expr("a == 1 and (b.BT > c or len(d) > 0)").names() == {"a", "b", "c", "d"}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1.()[]'\"=!<>+-*/, andortinel_", max_size=40))
def test_random_text_never_crashes(source: str) -> None:
    try:
        expr = compile_expr(source)
    except ExprError:
        return
    values = {"a": Decimal(1), "b": "x", "and_": None, "ab": ["a"]}
    try:
        evaluate(expr, values, Decimal(2))
    except ExprError:
        pass
