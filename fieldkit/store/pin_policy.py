"""What a PIN must be, and what a wrong one costs.

Strength: at least 6 characters; for digit-only PINs none of the commonest ones (lists of
leaked PINs start with these), no digit repeated throughout, no run up or down (123456,
987654, also wrapping round: 890123), no short block repeated (121212, 123123) and no
mirrored half (123321). Birthdays (DDMMYY) are allowed: too many real PINs are dates to
refuse them all, and the delays below bound online guessing anyway.

Wrong PINs: the first FREE_FAILURES cost nothing; then each one makes the person wait
DELAY_BASE_S × 2^(n − FREE_FAILURES − 1) seconds before the next try (30 s, 1 min, 2 min,
… at most DELAY_CAP_S), and after LOCK_AT wrong PINs in a row the person is locked until a
supervisor of the laptop or the recovery key unlocks them. The counter is kept in the
credential store (store/credentials.py), counted before the PIN is tried (a process killed
mid-try still counts) and cleared by a right PIN.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from fieldkit.domain.messages import Message, Texts
from fieldkit.domain.problems import Problem

_M = Texts("store.pin_policy")

MIN_LENGTH = 6
FREE_FAILURES = 3
DELAY_BASE_S = 30.0
DELAY_CAP_S = 3600.0
LOCK_AT = 10

# the clock the delays are measured with (tests move it instead of sleeping)
clock: Callable[[], float] = time.time

# The commonest 6-digit PINs in published analyses of leaked PIN/password sets, beyond the ones
# the rules below catch anyway (runs, repeats, blocks, mirrors). Not 112233: the demo profile's
# trainer and many tests use it (README); it goes when they move to another PIN.
COMMON = frozenset({
    "123456", "654321", "111111", "000000", "123123", "666666", "121212", "789456", "159753",
    "696969", "101010", "131313", "123654", "777777", "007007", "520520", "112358", "147258", "258369",
    "147852", "159357", "123321", "987654", "555555", "888888", "999999", "222222", "333333", "444444",
    "110110", "100200", "102030", "123000", "000123", "456789", "456123", "321654", "741852", "963852",
    "852456", "142536", "198989", "123987", "202020", "199999", "292513", "246800", "135791", "010101",
    "121314", "111222", "112211", "122333", "131415", "212121", "232323", "252525", "789789", "159951",
    "147147", "258258", "369369", "963963", "741741", "102938", "918273", "665544", "556677", "778899",
    "001122", "123412", "234234", "345345", "999888", "888999", "100100", "200200", "300300", "500500",
    "012012", "010203", "090909", "808080", "898989", "686868", "868686", "123568",
})


def _is_run(digits: str) -> bool:
    steps = {(int(b) - int(a)) % 10 for a, b in zip(digits, digits[1:], strict=False)}
    return steps in ({1}, {9})


def _repeats_block(text: str) -> bool:
    n = len(text)
    return any(n % k == 0 and text == text[:k] * (n // k) for k in range(1, n // 2 + 1))


def strength_problems(secret: str) -> list[Problem]:
    """Every rule: what the first-run form, adding a person and setting a new PIN check."""
    basic = basic_problems(secret)
    if basic:
        return basic
    low = secret.lower()
    weak = (low in COMMON or _repeats_block(low) or (secret.isdigit() and _is_run(secret))
            or (len(low) % 2 == 0 and low[: len(low) // 2] == low[len(low) // 2:][::-1]))
    if weak:
        return [Problem(
            "pin", "too_simple",
            _M("That PIN is too easy to guess (a run, a repeat or one of the commonest). Choose another."),
        )]
    return []


def basic_problems(secret: str) -> list[Problem]:
    """Length and one repeated character: checked wherever a PIN wraps a key."""
    if len(secret) < MIN_LENGTH:
        return [Problem(
            "pin", "too_short",
            _M("The PIN or password needs at least {MIN_LENGTH} characters.", MIN_LENGTH=MIN_LENGTH),
        )]
    if len(set(secret)) == 1:
        return [Problem("pin", "too_simple", _M("That PIN is too easy to guess."))]
    return []


def delay_after(failures: int) -> float:
    """Seconds to wait before the next try after `failures` wrong PINs in a row."""
    if failures <= FREE_FAILURES:
        return 0.0
    return float(min(DELAY_CAP_S, DELAY_BASE_S * 2 ** (failures - FREE_FAILURES - 1)))


def wait_text(seconds: float) -> Message:
    s = max(1, int(seconds + 0.999))
    if s < 120:
        return _M("{s} s", s=s)
    return _M("{m} min", m=(s + 59) // 60)
