"""Check the pages of a SQLCipher 4 file against their HMACs, without SQLite, in bounded time.

Each page of a SQLCipher 4 database ends with a 16-byte IV and a 64-byte HMAC-SHA512 over
the page's ciphertext, its IV and its page number (4 bytes, little-endian). The HMAC key is
PBKDF2-HMAC-SHA512 of the raw data key, with the file's 16-byte salt XOR 0x3a, 2 rounds.
Checking a page needs the key but no decryption, so it is fast (hashlib in C) and does not
put the SQLCipher connection into its error state.

`check_pages` checks the first and last pages first, then the rest in a strided order (so
when the time budget runs out, the pages checked are spread over the whole file), and
returns the bad page numbers and how many pages it checked.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from dataclasses import dataclass, field
from pathlib import Path

PAGE_SIZE = 4096
RESERVE = 16 + 64  # IV + HMAC-SHA512
SALT_LEN = 16
EDGE = 256  # pages checked first at each end


@dataclass
class PageReport:
    pages: int
    checked: int = 0
    bad: list[int] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def complete(self) -> bool:
        return self.checked >= self.pages


def _order(pages: int) -> list[int]:
    edge = list(range(1, min(EDGE, pages) + 1))
    tail = list(range(max(EDGE + 1, pages - EDGE + 1), pages + 1))
    seen = set(edge) | set(tail)
    stride = 97
    middle = [p for start in range(stride) for p in range(EDGE + 1 + start, pages - EDGE + 1, stride) if p not in seen]
    return edge + tail + middle


def check_pages(path: str | Path, key: bytes, budget_s: float | None = None,
                only: list[int] | None = None) -> PageReport:
    """Verify page HMACs of the main database file (not the WAL); stop after `budget_s` seconds;
    `only`: just these page numbers (to look again at pages found bad)."""
    t0 = time.perf_counter()
    with open(path, "rb") as f:
        f.seek(0, 2)
        size = f.tell()
        pages = size // PAGE_SIZE
        report = PageReport(pages)
        if pages == 0:
            return report
        f.seek(0)
        salt = f.read(SALT_LEN)
        hmac_key = hashlib.pbkdf2_hmac("sha512", key, bytes(b ^ 0x3A for b in salt), 2, 32)
        base = hmac.new(hmac_key, digestmod=hashlib.sha512)
        deadline = None if budget_s is None else t0 + budget_s
        for n, pgno in enumerate(_order(pages) if only is None else [p for p in only if 1 <= p <= pages]):
            if deadline is not None and n % 64 == 0 and time.perf_counter() > deadline:
                break
            f.seek((pgno - 1) * PAGE_SIZE)
            page = f.read(PAGE_SIZE)
            start = SALT_LEN if pgno == 1 else 0
            body, tag = page[start:PAGE_SIZE - 64], page[PAGE_SIZE - 64:]
            mac = base.copy()
            mac.update(body)
            mac.update(pgno.to_bytes(4, "little"))
            if not hmac.compare_digest(mac.digest(), tag):
                report.bad.append(pgno)
            report.checked += 1
    report.bad.sort()
    report.seconds = round(time.perf_counter() - t0, 3)
    return report
