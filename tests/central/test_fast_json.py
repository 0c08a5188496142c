"""The server parses request bodies with orjson when it can: the value must be exactly what the
standard parser gives, because operation digests (and so signatures) are computed from it."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from fieldkit.central.api import fast_loads

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
