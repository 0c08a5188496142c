"""The laptop's side of sealed pushes (docs/sync.md, "The 2G floor"; docs/security.md, "Sealed pushes").

A proven, signed /v1/hello gives the sealing key of the server's key in use (`sealing`: {n, key});
the laptop keeps it in `meta` beside its pin, bound to that pin (`sync.server_sealing`: the pinned
public key, n, the sealing key, and whether that signed hello said `ordered`). On a later sync with
something to push, the first pushes go sealed to it before any proof (fieldkit/domain/sealing.py):
no token, no reading in the clear, and only the holder of the pinned key reads them or can answer.
A sealing key kept for another pin (the pin moved along the chain) is never used; every proven hello
replaces it (or drops it: a server without the feature).

The creation time a sealed push carries (`c`) is the laptop's clock corrected by the skew the last
signed hello measured (`sync.seal_clock_skew_s`: server time minus the hello's local midpoint, whole
seconds): a laptop whose clock is wrong but steady seals a time the server's window accepts. Only a
signed hello's time sets it (an unsigned answer, e.g. /v1/ping, could otherwise move `c` ahead and
lengthen a replay); a value that is not a finite number within SKEW_MAX_S is not used (the plain clock)."""

from __future__ import annotations

import json
import math
import time
import zlib
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from fieldkit.domain import sealing
from fieldkit.store.database import Store

K_SEALING = "sync.server_sealing"
PATH = "/v1/push/sealed"
SEALS = sealing.SEALS  # the request a sealed body carries (the transcript's path)
MAX_ANSWER = 64 * 1024 * 1024
K_SKEW = "sync.seal_clock_skew_s"
SKEW_MAX_S = 100 * 366 * 86400  # beyond any clock a laptop can show (1970 .. 2126): else damaged
clock = time.time  # the laptop's clock (UTC seconds): a sealed push says when it was made


@dataclass(frozen=True)
class SealingKey:
    pin: str  # the server's Ed25519 public key (pinned) whose key number `n` this sealing key is
    n: int
    key: str  # X25519 public key, base64
    ordered: bool = False  # the signed hello it came with said `ordered` (pipeline the sealed pushes)


def from_hello(pin: str, body: Any, signed: bool) -> SealingKey | None:
    """The sealing key a proven hello published, only when its whole answer is signed (it is then the
    pinned key's word) and well formed."""
    if not signed or not isinstance(body, dict):
        return None
    got = body.get("sealing")
    if not isinstance(got, dict):
        return None
    n, key = got.get("n"), got.get("key")
    if not _usable(n, key):
        return None
    assert isinstance(n, int) and isinstance(key, str)
    return SealingKey(pin, n, key, body.get("ordered") is True)


def _usable(n: Any, key: Any) -> bool:
    """A key number a request head carries (1 .. 2**31 - 1) and a well-formed X25519 key."""
    return type(n) is int and 0 < n < 2**31 and isinstance(key, str) and sealing.parse_public(key) is not None


def load(store: Store, pin: str | None) -> SealingKey | None:
    """The kept sealing key, if it belongs to the current pin."""
    raw = store.get_meta(K_SEALING)
    if not raw or not pin:
        return None
    try:
        value = json.loads(raw)
        key = SealingKey(str(value["pin"]), value["n"], value["key"], value.get("ordered") is True)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    # a damaged entry (a number no request head can carry: struct.error out of every sync) is not used:
    # the hello goes first and the proven hello writes the entry again
    return key if key.pin == pin and _usable(key.n, key.key) else None


def keep(store: Store, key: SealingKey | None) -> None:
    text = json.dumps(asdict(key), separators=(",", ":")) if key is not None else ""
    if (store.get_meta(K_SEALING) or "") != text:
        store.set_meta(K_SEALING, text)


def skew_from(server_time: Any, seconds: float) -> int | None:
    """The skew (whole seconds) a signed hello's time gives: its time minus this clock at the
    request's midpoint; None without a zoned time."""
    if not isinstance(server_time, datetime) or server_time.tzinfo is None:
        return None
    return sane_skew(server_time.timestamp() - (clock() - seconds / 2))


def sane_skew(value: Any) -> int | None:
    """A skew as a whole number of seconds, or None: not a number, not finite, beyond SKEW_MAX_S."""
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if not math.isfinite(value) or abs(value) > SKEW_MAX_S:
        return None
    return round(value)


def load_skew(store: Store) -> int:
    """The correction a sealed push's `c` gets (0: none kept, or a damaged value)."""
    return sane_skew(store.get_meta(K_SKEW)) or 0


def keep_skew(store: Store, skew: int | None) -> None:
    if skew is not None and store.get_meta(K_SKEW) != str(skew):
        store.set_meta(K_SKEW, str(skew))


@dataclass
class Opened:
    status: int
    signature: str
    body: bytes


def seal(key: SealingKey, token: str, nonce: str, user_token: str | None, data: bytes,
         gzipped: bool, skew_s: int = 0) -> tuple[bytes, bytes]:
    """The sealed body of one push (the whole request: token, nonce, user token, body) and the key
    its answer opens with. `c`: when it was made (UTC seconds: this clock + `skew_s`, the last signed
    hello's measure), inside the seal: the server refuses it outside its window (410 sealed_stale),
    which bounds a replay; a clock wrong since that hello gets the hello (which measures it again)."""
    header: dict[str, Any] = {"t": token, "n": nonce, "z": gzipped, "c": int(clock()) + skew_s}
    if user_token:
        header["u"] = user_token
    return sealing.seal_request(key.key, key.n, SEALS, header, data)


def open_answer(answer_key: bytes, data: bytes) -> Opened:
    """The push's answer inside a sealed answer; SealError when it does not open or is malformed."""
    header, body = sealing.open_answer(answer_key, data)
    status, sig, gz = header.get("s"), header.get("g"), header.get("z")
    if type(status) is not int or not isinstance(sig, str) or not isinstance(gz, bool):
        raise sealing.SealError("the sealed answer's header is malformed")
    if gz:
        try:
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            body = d.decompress(body, MAX_ANSWER)
        except zlib.error as exc:
            raise sealing.SealError("the sealed answer's gzip is damaged") from exc
    return Opened(status, sig, body)


__all__ = ["K_SEALING", "K_SKEW", "PATH", "SKEW_MAX_S", "Opened", "SealingKey", "from_hello", "keep", "keep_skew",
           "load", "load_skew", "open_answer", "sane_skew", "seal", "skew_from"]
