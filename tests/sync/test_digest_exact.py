"""The operation digest's fast path (fieldkit.domain.signing._canonical_list) gives exactly the bytes
the canonical encoder gives: a laptop and a server that disagreed by one byte would refuse every
signed operation."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldkit.domain import signing

ITEMS = st.lists(st.text() | st.none() | st.integers(min_value=-2**70, max_value=2**70) | st.booleans()
                 | st.floats(allow_nan=False, allow_infinity=False) | st.lists(st.text(max_size=3), max_size=2)
                 | st.dictionaries(st.text(max_size=3), st.integers(), max_size=2), max_size=12)


@settings(max_examples=400, deadline=None)
@given(ITEMS)
def test_the_flat_list_encoding_is_the_canonical_one(items: list[Any]) -> None:
    try:
        want = signing.canonical(items)
    except (UnicodeEncodeError, ValueError) as exc:  # lone surrogates: both refuse alike
        with pytest.raises(type(exc)):
            signing._canonical_list(items)
        return
    assert signing._canonical_list(items) == want


def test_known_edges() -> None:
    for items in (["fk-op-v1", "ß\u0000\"\\\n\u2028😀", None, 0, -1, 2**80, ""], [True, 1], [1.0], ["\ud800"]):
        try:
            want = signing.canonical(items)
        except UnicodeEncodeError:
            with pytest.raises(UnicodeEncodeError):
                signing._canonical_list(items)
            continue
        assert signing._canonical_list(items) == want
