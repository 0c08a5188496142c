"""Telegram parser benchmark (a script, not a test): python bench/parser.py

Parses 1 MB adversarial inputs with `fieldkit.devices.reparse.parse_file_bytes` and
prints the time for each, next to a baseline measured in the same run: the old scan
(every start character runs to the next end character and recomputes the BCC) on a
5 KB and a 10 KB prefix of the same input (the old scan on 1 MB does not finish in
minutes; its time grows with the square of the size). Target: every 1 MB input < 1 s.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fieldkit.devices.bcc import bcc  # noqa: E402
from fieldkit.devices.errors import ProtocolError  # noqa: E402
from fieldkit.devices.framing import data_message  # noqa: E402
from fieldkit.devices.reparse import parse_file_bytes  # noqa: E402

IDENT = b"/ABC5METER\r\n"
MB = 1_000_000
GOOD = data_message("1.8.0(001234.5*kWh)\r\n!\r\n")
INPUTS = {
    "STX flood, bad BCC at the end": IDENT + b"\x02" * MB + b"\x03\x7f",
    "SOH/STX mix, EOT": IDENT + b"\x01\x02" * (MB // 2) + b"\x04\x00",
    "STX, no end character": IDENT + b"\x02" * MB,
    "250k short frames, all bad BCC": IDENT + b"\x02A\x03\x00" * (MB // 4),
    "STX A B periods (worst for the candidate walk)": IDENT + b"\x02AC" * (MB // 3) + b"\x03\x00",
    "good frames, 1 MB": IDENT + GOOD * (MB // len(GOOD)),
    "identification flood": b"/" * MB,
}


def old_scan(stream: bytes) -> int:
    i, n, good = 0, len(stream), 0
    while i < n:
        if stream[i] not in (0x01, 0x02):
            i += 1
            continue
        j = i + 1
        while j < n and stream[j] not in (0x03, 0x04):
            j += 1
        if j + 1 >= n:
            break
        if bcc(stream[i + 1:j + 1]) == stream[j + 1]:
            good += 1
            i = j + 2
        else:
            i += 1
    return good


def timed(fn, data: bytes) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    try:
        fn(data)
    except ProtocolError:
        pass
    return time.perf_counter() - t0


def main() -> int:
    worst = 0.0
    print(f"{'input':<48} {'size':>9} {'now':>8}   baseline (old scan): 5 KB / 10 KB")
    for name, data in INPUTS.items():
        now = min(timed(parse_file_bytes, data) for _ in range(3))
        worst = max(worst, now)
        tail = data[len(IDENT):]
        b10 = timed(old_scan, tail[:5_000] + tail[-2:])
        b40 = timed(old_scan, tail[:10_000] + tail[-2:])
        print(f"{name:<48} {len(data):>9} {now:>7.3f}s   {b10:.3f}s / {b40:.3f}s")
    print(f"worst 1 MB input: {worst:.3f} s (target < 1 s): {'ok' if worst < 1 else 'TOO SLOW'}")
    return 0 if worst < 1 else 1


if __name__ == "__main__":
    sys.exit(main())
