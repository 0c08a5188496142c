"""Pipelined pushes applied in order: a batch sent while the one before it is still unanswered
names that batch's last operation (`after`); it is applied only once that operation has its
answer stored for this device. Until then the request is held (the earlier batch is usually
being applied at that moment), polling the database, so any worker on any host can take it;
after `HOLD_S` it is refused with 409 `out_of_order` and the device sends it again once it
has the earlier batch's answer. Exactly-once stays guarded by the operation ids."""

from __future__ import annotations

import time

from sqlalchemy import and_, select

from fieldkit.central import schema as t
from fieldkit.central.db import Database

HOLD_S = 3.0
OUT_OF_ORDER = ("out_of_order: the batch before this one has no answer here yet; send this one again after "
                "that one's answer")


def has_answer(db: Database, device_id: str, op_id: str) -> bool:
    with db.read() as conn:
        return conn.execute(select(t.ops.c.op_id).where(and_(
            t.ops.c.op_id == op_id, t.ops.c.device_id == device_id))).first() is not None


def wait_turn(db: Database, device_id: str, after: str, hold: float = HOLD_S) -> bool:
    """True once `after` (an operation of this device) has its answer stored; False after `hold` s."""
    deadline = time.monotonic() + hold
    delay = 0.002
    while not has_answer(db, device_id, after):
        if time.monotonic() >= deadline:
            return False
        time.sleep(delay)
        delay = min(0.05, delay * 2)
    return True
