"""`POST /v1/push/sealed`: a push sealed to the server's key, sent before any proof (the wire format:
fieldkit/domain/sealing.py; why: docs/sync.md, "The 2G floor"; threat model: docs/security.md).

The server opens the body with the sealing key of the signing key number it names, then runs the
very push a plain `POST /v1/push` runs (the same token check, the same exactly-once by operation
id, the same signed answer over the nonce found inside) and seals that answer, status and
signature included, under the answer key only the sender can derive.

Refused before anything is applied, in the clear (nothing in them is secret):
- 400 `sealed_malformed: …`: not a sealed body, cut, changed, or its content not a push request;
- 410 `sealed_key_unknown` / `sealed_key_retired`: a key number this server does not hold, or one
  whose successor started more than FIELDKIT_SEAL_GRACE_S seconds ago (default 3 days; 0: a
  key seals only while it is the one in use). The laptop then asks /v1/hello (proof first, as
  before) and keeps the sealing key the hello gives;
- 410 `sealed_stale: …` (after opening: the time is inside the seal, so it is the sender's word):
  the laptop's creation time (`c`, UTC seconds) is more than FIELDKIT_SEAL_WINDOW_S (default 600,
  bounded 30 .. 86400) away from the server's clock either way, or missing (a laptop from before
  the field). A captured sealed push is replayable only within that window; a laptop whose clock
  is wrong gets the hello first (one round trip more), like the other 410s;
- 409 `sealed_replayed`: a sealed push with this ephemeral key was opened before (central/sealed_seen.py):
  a replay within the window runs nothing, and a mark found first is refused before the decrypt.
Everything the push itself answers (401 revoked, 409 out of order, 422 invalid) is sealed."""

from __future__ import annotations

import json
import threading
import time
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from fastapi import HTTPException, Request, Response
from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool

from fieldkit.central import sealed_seen, server_key
from fieldkit.central.db import Database, env_seconds
from fieldkit.central.http_io import body_limit, fast_loads, inflate
from fieldkit.central.timing import TURN
from fieldkit.domain import sealing

PATH = sealing.SEALS  # the path in the transcript: a sealed push opens only as a push
GRACE_ENV = "FIELDKIT_SEAL_GRACE_S"
GRACE_S = 3 * 24 * 3600.0
WINDOW_ENV = "FIELDKIT_SEAL_WINDOW_S"
WINDOW_S = 600.0
WINDOW_MIN, WINDOW_MAX = 30.0, 86400.0
MIN_GZIP = 200
clock = time.time  # the server's clock (UTC seconds) a sealed push's creation time is held against

_cache: dict[tuple[int, str], Any] = {}
_cache_lock = threading.Lock()


def private_for(key: server_key.ServerKey) -> Any:
    """Key n's sealing key (X25519PrivateKey), derived once per worker."""
    got = _cache.get((key.number, key.public))
    if got is None:
        got = sealing.sealing_private(key.key, key.number)
        with _cache_lock:
            _cache[(key.number, key.public)] = got
    return got


def published(key: server_key.ServerKey) -> dict[str, Any]:
    """What /v1/hello says (inside its signed body): the sealing key of the key in use and its number."""
    return {"n": key.number, "key": sealing.public_text(private_for(key))}


def grace_s() -> float:
    """The grace in seconds: 0 or less retires a key as its successor starts; a huge one or `inf`
    never retires it; a value that is no number (`nan` included) is the default."""
    return env_seconds(GRACE_ENV, GRACE_S)


def window_s() -> float:
    """How far (seconds, either way) a sealed push's creation time may be from the server's clock:
    FIELDKIT_SEAL_WINDOW_S bounded to 30 .. 86400 (inf: a day, never unbounded); no number (nan,
    garbage, empty): the default."""
    return env_seconds(WINDOW_ENV, WINDOW_S, WINDOW_MIN, WINDOW_MAX)


def fresh(header: dict[str, Any], now: float) -> None:
    """410 `sealed_stale` unless the sealed push was made within the window of `now` (replay bound)."""
    made = header.get("c")
    if type(made) is not int:
        raise HTTPException(410, "sealed_stale: the sealed push carries no creation time; ask /v1/hello")
    window = window_s()
    # compared, not subtracted: `c` is any JSON integer, and 10**400 - a float overflowed into a 500
    if not now - window <= made <= now + window:
        off = round(now) - made
        said = f"{off:+d} s" if abs(off) < 10**12 else "ages"
        raise HTTPException(410, f"sealed_stale: the sealed push was made {said} from the server's "
                                 f"clock (allowed: {window:.0f} s either way); ask /v1/hello")


def usable(keys: list[server_key.ServerKey], number: int) -> server_key.ServerKey:
    """The key a sealed body names, if it still seals (410 with the reason otherwise)."""
    key = next((k for k in keys if k.number == number), None)
    if key is None:
        raise HTTPException(410, f"sealed_key_unknown: this server has no key {number}; ask /v1/hello")
    later = [k for k in keys if k.number > number]
    if later:
        started = min(datetime.fromisoformat(k.valid_from) for k in later)
        # seconds compared, not `now - timedelta(grace)`: a grace of years (or inf) overflowed into a 500
        if (datetime.now(UTC) - started).total_seconds() >= grace_s():
            raise HTTPException(410, f"sealed_key_retired: key {number} no longer seals (key {later[0].number} "
                                     "took over); ask /v1/hello")
    return key


def _text(header: dict[str, Any], name: str, most: int) -> str | None:
    value = header.get(name)
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > most or not value.isprintable():
        raise HTTPException(400, f"sealed_malformed: the sealed push's `{name}` is not a short text")
    return value


Push = Callable[[Request, Any, str | None, str | None], Response]


async def serve(request: Request, db: Database, keys: server_key.KeyCache, model: type[BaseModel],
                push: Push) -> Response:
    data = await request.body()
    return await run_in_threadpool(_serve, request, data, db, keys, model, push)


def _serve(request: Request, data: bytes, db: Database, keys: server_key.KeyCache, model: type[BaseModel],
           push: Push) -> Response:
    try:
        number = sealing.read_head(data)
    except sealing.SealError as exc:
        raise HTTPException(400, str(exc)) from None
    key = usable(keys.keys(), number)
    ephemeral = data[8:sealing.HEAD.size]  # the sender's key for this one push (read_head: 40 bytes are there)
    if sealed_seen.seen(db, ephemeral):  # a replay: refused before the decrypt
        raise HTTPException(409, sealed_seen.REPLAYED)
    try:
        header, body, answer_key = sealing.open_request(data, private_for(key), PATH)
    except sealing.SealError as exc:
        raise HTTPException(400, str(exc)) from None
    now = clock()
    fresh(header, now)  # before the push: a replay outside the window runs nothing
    token = _text(header, "t", 200)
    nonce = _text(header, "n", 64) or ""
    user = _text(header, "u", 200)
    # opened once: remembered before the push runs (two copies at once: one claim commits, 409 for the other)
    sealed_seen.claim(db, ephemeral, header["c"])
    sealed_seen.prune(db, now, window_s())
    if header.get("z") is True:
        body = inflate(body, body_limit(request.scope), "sealed_malformed: the sealed push's gzip is damaged")
    status, out, sig = 200, b"", ""
    try:
        try:
            value = model.model_validate(fast_loads(body))
        except ValidationError as exc:  # the same 422 a plain push gets, sealed
            raise HTTPException(422, json.loads(exc.json(include_url=False, include_context=False))) from None
        except (ValueError, RecursionError):
            raise HTTPException(400, "the sealed push's content is not JSON") from None
        # The push runs as if its header had come in the clear: the nonce its answer is signed over.
        scope = dict(request.scope)
        scope["headers"] = [(b"x-fk-nonce", nonce.encode("ascii", "replace"))]
        inner = Request(scope)
        try:
            answer = push(inner, value, f"Bearer {token}" if token else None, user)
        finally:
            if TURN in scope:  # the wait for its own earlier batch, for the Server-Timing header
                request.scope[TURN] = scope[TURN]
        status, out = answer.status_code, bytes(answer.body)
        sig = answer.headers.get("x-fk-signature", "")
    except HTTPException as exc:  # refused by the push itself: sealed too (only the sender reads why)
        status, out = exc.status_code, json.dumps({"detail": exc.detail}, separators=(",", ":")).encode("utf-8")
    gzipped = len(out) >= MIN_GZIP
    if gzipped:
        out = zlib.compress(out, 6, wbits=16 + zlib.MAX_WBITS)
    sealed = sealing.seal_answer(answer_key, {"s": status, "g": sig, "z": gzipped}, out)
    return Response(sealed, media_type=sealing.MEDIA)
