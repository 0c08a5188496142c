"""The server parses request bodies with msgspec (or orjson) when it can: the value must be exactly
what the standard parser gives, because operation digests (and so signatures) are computed from it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldkit.central import http_io
from fieldkit.central.api import fast_loads


@pytest.fixture(autouse=True, params=["msgspec", "orjson", "standard"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test with the parser the server has (msgspec), and as a server without it parses."""
    if request.param in ("orjson", "standard"):
        monkeypatch.setattr(http_io, "msgspec", None)
    if request.param == "standard":
        monkeypatch.setattr(http_io, "orjson", None)
    if request.param != "standard" and getattr(http_io, request.param) is None:
        pytest.skip(f"{request.param} is not installed")
    return str(request.param)

VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.integers(min_value=-2**80, max_value=2**80)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(VALUES, st.booleans())
def test_fast_loads_gives_the_standard_value(value: Any, ascii_only: bool) -> None:
    body = json.dumps({"ops": [value]}, ensure_ascii=ascii_only, allow_nan=True).encode()
    assert repr(fast_loads(body)) == repr(json.loads(body))  # repr tells 1 from 1.0, keeps key order


def test_the_edges_orjson_reads_differently() -> None:
    for text in ('[-9223372036854775809]', '[18446744073709551616]', '[1E400]', '[NaN]', '["\\ud800"]',
                 '{"a":1,"a":2}', '[-0]', '[2.5e-400]', '[100000000000000000000.5]'):
        got, want = fast_loads(text.encode()), json.loads(text)
        assert repr(got) == repr(want), text
        assert [type(x) for x in (got if isinstance(got, list) else [got])] == \
               [type(x) for x in (want if isinstance(want, list) else [want])], text


def test_the_edges_msgspec_reads_differently() -> None:
    """Raw bytes, not text: what the standard parser reads from bytes (surrogates as UTF-8, a BOM,
    UTF-16) comes out as it reads it; what it refuses is refused."""
    cases = [b'["\xed\xa0\x80"]', b'\xef\xbb\xbf[1]', '[1, "é"]'.encode("utf-16"), b'{"\\ud800": 1}',
             b'[' * 600 + b']' * 600, b'[1' + b'0' * 4000 + b']', b'"a\x7fb"', b'["\\ud83d\\ude00"]',
             b'[123456789012345678901234567890.0]', b'{"a" : 1 }']
    for body in cases:
        assert repr(fast_loads(body)) == repr(json.loads(body)), body[:40]
    for body in (b'[1' + b'0' * 5000 + b']', b'"\xc0\x80"', b'"a\x01b"', b'[1]\x00', b'\x0c[1]', b'[01]'):
        with pytest.raises(ValueError):
            json.loads(body)
        with pytest.raises(ValueError):
            fast_loads(body)
    with pytest.raises(RecursionError):
        fast_loads(b'[' * 100_000 + b']' * 100_000)
