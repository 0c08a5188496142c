"""A bad stored record is withheld from an answer, never the cause of a 500.

Rows written behind the server's back, by an older version or by a broken tool can hold
anything the engine lets through: JSON that does not parse, `null` or a list where an object
is expected, an unknown kind or state, a date that is no date, numbers beyond what a JSON
reader keeps, text that is not UTF-8 or holds NUL (SQLite keeps whatever it is given; see
`db._sqlite_pragmas`, which reads undecodable text as lone surrogates so it can be seen here).
Every read endpoint shapes each row through `fieldkit.central.stored`; a row that does not
pass is left out of the answer, logged (logger `fieldkit.central.withheld`, with the request
id) and counted (`fieldkit_withheld_records_total{route,table,reason}`), and the rest is
served. The answer says how many were left out: header `X-FK-Withheld: N` (N > 0), and the
change feed also in its body (`withheld`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import Request
from prometheus_client import Counter

from fieldkit.central import dropped

log = logging.getLogger("fieldkit.central.withheld")

HEADER = "X-FK-Withheld"

WITHHELD = Counter("fieldkit_withheld_records", "stored records left out of an answer because they are damaged",
                   ["route", "table", "reason"])

T = TypeVar("T")

REASONS = ("json", "not_object", "too_deep", "number", "unicode", "nul", "type", "missing", "range", "choice",
           "date", "too_large", "format", "bytes")


class Bad(Exception):
    """A stored value that cannot be served: `reason` (one of REASONS: a metric label), `field`, detail."""

    def __init__(self, reason: str, field: str, detail: str = ""):
        self.reason = reason if reason in REASONS else "format"
        self.field = field
        super().__init__(f"{field}: {reason}" + (f" ({detail[:200]})" if detail else ""))


def printable(value: Any, limit: int = 64) -> str:
    """Any stored value as short ASCII text (for logs and the quarantine table): never NUL, never a
    lone surrogate, whatever the row holds."""
    if isinstance(value, bytes | bytearray | memoryview):
        text = bytes(value).hex()
    else:
        text = value if isinstance(value, str) else repr(value)
    return text.encode("ascii", "backslashreplace").decode("ascii").replace("\x00", "\\x00")[:limit]


class Withheld:
    """What one answer had to leave out. `keep(table, key, shape, row)` gives the shaped row, or
    None after logging and counting it."""

    def __init__(self, request: Request | None = None, route: str = ""):
        state = getattr(request, "scope", {}).get("state", {}) if request is not None else {}
        self.request_id = str(state.get("request_id", ""))
        self.route = route or (getattr(request.scope.get("route"), "path", "") if request is not None else "")
        self.count = 0
        self.items: list[dict[str, str]] = []

    def skip(self, table: str, key: Any, exc: Bad | Exception) -> None:
        reason = exc.reason if isinstance(exc, Bad) else "format"
        self.count += 1
        item = {"table": table, "key": printable(key if not isinstance(key, str) else repr(key), 80), "reason": reason, "error": str(exc)[:300]}
        if len(self.items) < 100:
            self.items.append(item)
        if not dropped.first_time(("withheld", self.route, table, item["key"], reason)):
            return  # the request's second run (central/dropped.py): counted and logged by its first
        try:
            WITHHELD.labels(self.route or "unknown", table, reason).inc()
        except Exception:  # a metric must never fail the answer
            log.exception("could not count a withheld record")
        log.error("a damaged %s record is withheld from the answer", table,
                  extra={"fields": {"request_id": self.request_id, "route": self.route, **item}})

    def keep(self, table: str, key: Any, shape: Callable[..., T], *args: Any) -> T | None:
        try:
            return shape(*args)
        except Bad as exc:
            self.skip(table, key, exc)
        except (ValueError, TypeError, KeyError, IndexError, OverflowError, RecursionError,
                UnicodeError, AttributeError) as exc:  # a shape that met something it did not foresee
            self.skip(table, key, Bad("format", table, f"{type(exc).__name__}: {exc}"))
        return None

    def headers(self) -> dict[str, str]:
        return {HEADER: str(self.count)} if self.count else {}

    def apply(self, response: Any) -> None:
        """Put the count on a FastAPI `Response` parameter (or an answer)."""
        if self.count and response is not None:
            response.headers[HEADER] = str(self.count)
