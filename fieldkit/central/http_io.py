"""What every router of the HTTP API shares: the request that reads gzip bodies (within the
endpoint's limit) and parses JSON fast, the route class that uses it, and the patterns and sizes
that path and query values are held to."""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Coroutine
from types import ModuleType
from typing import Any

from fastapi import HTTPException, Request, Response
from fastapi.routing import APIRoute

from fieldkit.central import dropped, limits

# Optional accelerators: None without them (the tests also set them to None to read the fallbacks).
msgspec: ModuleType | None
orjson: ModuleType | None
try:
    import msgspec
except ImportError:  # pragma: no cover - the extra installs it; orjson or the standard parser do the same job
    msgspec = None
try:
    import orjson
except ImportError:  # pragma: no cover - the extra installs it; the standard parser does the same job
    orjson = None


MAX_BODY = 32 * 1024 * 1024
MAX_CHUNK = 4 * 1024 * 1024
MAX_ATTACHMENT = 256 * 1024 * 1024
MAX_OPS = 5000
ID = r"^[0-9A-Za-z][0-9A-Za-z_.:/-]{0,63}$"
NAME = r"^[a-z_]{1,32}$"
SHA = r"^[0-9a-f]{64}$"

_DIGITS_AS_NINES = bytes.maketrans(b"0123456789", b"9" * 10)
_LONG_RUN = b"9" * 19  # a run of 19 digits (a C-speed search: a regex took longer than orjson's parse)


def fast_loads(body: bytes) -> Any:
    """The same value the standard parser gives (operation digests are computed from it), faster.
    msgspec reads integers of any size exactly and refuses what only the standard parser reads (NaN,
    Infinity, lone surrogates, a byte-order mark, numbers beyond a float): those go to the standard
    parser, as does a nesting deeper than msgspec goes. Without msgspec, orjson, which reads
    integers beyond 64 bits as floats: a body with a run of 19 digits or more goes to the standard
    parser, as does anything orjson refuses."""
    if msgspec is not None:
        try:
            return msgspec.json.decode(body)
        except (msgspec.DecodeError, RecursionError):
            return json.loads(body)
    if orjson is not None and _LONG_RUN not in body.translate(_DIGITS_AS_NINES):
        try:
            return orjson.loads(body)
        except orjson.JSONDecodeError:
            pass
    return json.loads(body)


def inflate(raw: bytes, limit: int, damaged: str = "the gzip request body is damaged") -> bytes:
    """A gzip body inflated, at most `limit` bytes of it (limits.BodyTooLarge beyond: a gzip bomb
    stops there); 400 `damaged` when it is no gzip. A request's body, and a sealed push's inside."""
    try:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(raw, limit)
    except zlib.error as exc:
        raise HTTPException(400, damaged) from exc
    if d.unconsumed_tail:
        raise limits.BodyTooLarge(limit)
    return out


def body_limit(scope: Any) -> int:
    """The endpoint's body limit (limits.py sets it in the scope), else MAX_BODY."""
    return int(scope.get(limits.SCOPE_KEY, MAX_BODY))


class GzipRequest(Request):
    async def body(self) -> bytes:
        if not hasattr(self, "_body"):
            raw = await super().body()
            if "gzip" in self.headers.get("content-encoding", "").lower():
                raw = inflate(raw, body_limit(self.scope))
            self._body = raw
        return self._body

    async def json(self) -> Any:
        """The body parsed with orjson when it takes it (3-5x faster: this runs on the event loop),
        else with the standard parser, which also reads what orjson refuses (NaN, huge integers, lone
        surrogates) so that such a value is refused per operation by validate.shape, as before."""
        if not hasattr(self, "_json"):
            body = await self.body()
            try:
                self._json = fast_loads(body)
            except RecursionError:  # nested deeper than the parser goes: a 422 like any body that is no JSON
                raise json.JSONDecodeError("the JSON body is nested too deeply", "", 0) from None
        return self._json


class GzipRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        original = super().get_route_handler()

        async def handler(request: Request) -> Response:
            req = GzipRequest(request.scope, request.receive)  # once: a second run reuses the body read
            # run once more on a database connection found dead, when safe (central/dropped.py)
            return await dropped.once_more(lambda: original(req), self.path)

        return handler
