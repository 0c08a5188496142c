"""Bounds of a DLMS reading's compact event log and load profile (kept with the reading,
synced, checked by the central server): a month of 15-minute intervals fits, a hostile
payload does not."""

from __future__ import annotations

MAX_EVENTS = 500                  # events kept with one reading (x3 JSON values: within the server's 5,000)
MAX_INTERVALS = 3000              # load profile values (31 days x 96 = 2976)
MIN_PERIOD, MAX_PERIOD = 60, 86_400
MAX_VALUE = 10**12                # Wh (or varh) in one interval
MIN_TIME, MAX_TIME = 946_684_800, 4_102_444_800   # 2000-01-01 .. 2100-01-01 (unix seconds)
MAX_CODE = 65_535
