"""The push answer: the common 'applied' result shared, written by orjson when it holds no float,
and the same bytes (and so the same signature check) as the standard encoder writes."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

from fieldkit.central.access import Access
from fieldkit.central.db import dumps
from fieldkit.domain import signing


def _request(nonce: str) -> Request:
    return Request({"type": "http", "method": "POST", "path": "/v1/push", "headers": [(b"x-fk-nonce", nonce.encode())]})


RESULTS: list[dict[str, Any]] = [
    {"status": "applied"}, {"status": "applied", "replay": True},
    {"status": "rejected", "code": "field_format", "reason": "trường 'payload.id' sai định dạng \"id\"\n",
     "params": {"field": "payload.id", "format": "id", "max": 36}},
    {"status": "conflict", "version": 7, "conflict": 2**40, "reason": "đã đổi 😀 \u2028 \x7f \x1b"},
    {"status": "rejected", "code": "unsigned", "params": {"user": "Ngọc", "Ä": 1, "a": 2, "Z": 3}},
]


def test_the_answer_orjson_writes_is_the_standard_text(db):
    access = Access(db)
    answer = {"time": "2026-12-03T17:00:00.000+00:00", "ids": "ab" * 32, "results": RESULTS * 50, "ordered": True}
    fast = access.signed(_request("n1"), answer, no_floats=True)
    slow = access.signed(_request("n1"), answer)
    assert fast.body == slow.body == dumps(answer).encode("utf-8")
    public = signing.public_text(access.server_key())
    for r in (fast, slow):
        assert signing.verify(public, r.headers["X-FK-Signature"], signing.answer_message("n1", bytes(r.body)))
    # what orjson cannot write (an integer beyond 64 bits) goes the standard way
    odd = {"results": [{"status": "rejected", "params": {"n": 2**70}}]}
    assert access.signed(_request("n2"), odd, no_floats=True).body == dumps(odd).encode("utf-8")
