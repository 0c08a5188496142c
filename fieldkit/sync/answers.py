"""Reading what a server answered: every value the laptop acts on is taken through these readers,
checked for its type and range where it is read, so that a broken, older, buggy or hostile server (or
a relay in between) can only end the sync with a clear error, never crash it, hang it or store
something its answer did not prove (docs/sync.md, "Answers the laptop does not read").

An answer of another shape is a protocol error: `BadAnswer` (a `ServerRefused` with the answer's
status): not retried within the sync (the same server answers the same; a cut line shows as
`Unreachable` and is retried), nothing it did not prove is stored, the cursor stays, and the next
sync asks again. Extra keys are ignored (a newer server may add some). JSON's NaN, Infinity and
numbers written as floats are not whole numbers; `true` is not the number 1.

    page = Answer(ex.body, ex.status, "the server's page of changes")
    nxt = page.whole("next", since, MAX_CURSOR)
"""

from __future__ import annotations

from typing import Any

from fieldkit.sync.transport import BadAnswer

MAX_CURSOR = 2**62  # the change feed's sequence numbers (the server takes `since` up to this)
MAX_TEXT = 4096  # a token, a nonce, an id, a role: nothing the laptop reads from an answer is longer
_MISSING = object()


class Answer:
    """One JSON object of an answer (the whole body, or an object inside it) and what it is, for the error."""

    def __init__(self, body: Any, status: int, what: str):
        if not isinstance(body, dict):
            raise BadAnswer(status, f"{what} is not a JSON object ({_kind(body)}): a protocol error")
        self.body: dict[str, Any] = body
        self.status = status
        self.what = what

    def _bad(self, key: str, want: str, got: Any) -> BadAnswer:
        return BadAnswer(self.status, f"{self.what}: `{key}` is {_kind(got)}, not {want}: a protocol error")

    def _get(self, key: str, want: str, optional: bool) -> Any:
        """The value under `key`; _MISSING when it may be left out (or null) and is."""
        if key not in self.body or (optional and self.body[key] is None):
            if optional:
                return _MISSING
            raise BadAnswer(self.status, f"{self.what}: `{key}` is missing ({want} expected): a protocol error")
        return self.body[key]

    def whole(self, key: str, low: int, high: int, default: int | None = None) -> int:
        """A whole number within [low, high] (not a bool, not a float); `default` when left out or null."""
        want = f"a whole number from {low} to {high}"
        got = self._get(key, want, default is not None)
        if got is _MISSING and default is not None:
            return default
        if type(got) is not int or not low <= got <= high:
            raise self._bad(key, want, got)
        return int(got)

    def flag(self, key: str, default: bool | None = None) -> bool:
        """true or false (not 1, not "false"); `default` when left out or null."""
        got = self._get(key, "true or false", default is not None)
        if got is _MISSING and default is not None:
            return default
        if not isinstance(got, bool):
            raise self._bad(key, "true or false", got)
        return got

    def text(self, key: str, default: str | None = None, longest: int = MAX_TEXT) -> str:
        """A string of at most `longest` characters; `default` when left out or null."""
        want = f"a text of at most {longest} characters"
        got = self._get(key, want, default is not None)
        if got is _MISSING and default is not None:
            return default
        if not isinstance(got, str) or len(got) > longest:
            raise self._bad(key, want, got)
        return got

    def items(self, key: str) -> list[Any]:
        """A JSON array (its elements read by the caller)."""
        got = self._get(key, "a list", False)
        if not isinstance(got, list):
            raise self._bad(key, "a list", got)
        return got

    def each(self, key: str, what: str) -> list[Answer]:
        """A JSON array of objects, each as an Answer."""
        return [Answer(v, self.status, f"{self.what}: {what} {i}") for i, v in enumerate(self.items(key))]

    def inner(self, key: str, what: str) -> Answer:
        return Answer(self._get(key, "an object", False), self.status, f"{self.what}: {what}")

    def refuse(self, why: str) -> BadAnswer:
        """A BadAnswer about this answer as a whole (what it says does not fit what was asked)."""
        return BadAnswer(self.status, f"{self.what}: {why}: a protocol error")


def _kind(value: Any) -> str:
    """What a value is, shortly (never the value itself: it may be huge or hostile)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return "a number out of range" if abs(value) < 10**18 else "a huge number"
    if isinstance(value, float):
        return "a fraction" if value == value and abs(value) != float("inf") else "not a number"
    if isinstance(value, str):
        return "a text" if len(value) <= MAX_TEXT else "a text too long"
    if isinstance(value, (bytes, bytearray)):
        return "not JSON"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__
