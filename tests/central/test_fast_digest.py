"""The server's fast operation digest (fieldkit/central/signatures.op_digest, orjson) gives exactly
the bytes of the one the laptop signs (fieldkit/domain/signing.op_digest) for any operation, or
fails the same way: a single differing byte would refuse every signed push."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldkit.central import signatures
from fieldkit.domain import signing

SCALARS = (st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
           | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=30)
           | st.sampled_from(["\ud800", "\x00\x1f\x7f", "\u2028", "Nguyễn 😀", "a\"b\\c"]))
JSON = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=8) | st.sampled_from(["é", "Z", "a", "ä", "😀"]), inner,
                                      max_size=4), max_leaves=20)


def outcome(fn: Any, op: dict[str, Any]) -> Any:
    try:
        return fn(op, "device-key-1")
    except Exception as exc:  # noqa: BLE001 - the failure itself is compared
        return type(exc)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload=JSON, base=st.none() | st.integers(min_value=-(2**66), max_value=2**66) | st.floats() | st.booleans(),
       actor=st.text(max_size=10), time=st.none() | st.text(max_size=10))
def test_the_fast_digest_is_the_laptops_digest(payload: Any, base: Any, actor: str, time: Any) -> None:
    op = {"op_id": "0192-op", "entity": "reading", "action": "append", "entity_id": "r1", "payload": payload,
          "base_version": base, "device_time": time, "actor": actor}
    assert outcome(signatures.op_digest, op) == outcome(signing.op_digest, op)


@pytest.mark.parametrize("op", [
    {"entity": "reading", "action": "append", "entity_id": "r", "payload": {}},  # no op_id
    {"op_id": "x", "entity": "reading", "action": "append", "entity_id": "r", "payload": {"v": float("nan")}},
    {"op_id": "x", "entity": {"a": 1}, "action": ["b"], "entity_id": 3, "payload": [1.5, 2**80, {"k": 1e16}]},
    {"op_id": "x", "entity": "reading", "action": "append", "entity_id": "r", "payload": {"a": {"b": {"c": 1}}}},
])
def test_odd_operations_digest_or_fail_alike(op: dict[str, Any]) -> None:
    assert outcome(signatures.op_digest, op) == outcome(signing.op_digest, op)


def test_a_plain_reading_takes_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    op = {"op_id": "x", "entity": "reading", "action": "append", "entity_id": "r", "actor": "lan",
          "payload": {"id": "r", "registers": {"1.8.0": {"value": "12.50", "unit": "kWh"}}, "source": "optical"}}
    want = signing.op_digest(op, "dev")

    def slow(*_a: Any) -> bytes:
        raise AssertionError("the standard encoder was used")

    monkeypatch.setattr(signing, "op_digest", slow)
    assert signatures.op_digest(op, "dev") == want
