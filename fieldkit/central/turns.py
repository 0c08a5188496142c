"""Pipelined pushes applied in order: a batch sent while the one before it is still unanswered
names that batch's last operation (`after`); it is applied only once that operation has its
answer stored for this device. Until then the request is held (the earlier batch is usually
being applied at that moment): a push that commits in this process wakes the waiters at once,
and the database is looked at again at least every 20 ms, so a batch applied by another worker
(any process, any host) is seen too. After `HOLD_S` the request is refused with 409
`out_of_order` and the device sends it again once it has the earlier batch's answer.
Exactly-once stays guarded by the operation ids."""

from __future__ import annotations

import threading
import time

from sqlalchemy import and_, select

from fieldkit.central import schema as t
from fieldkit.central.db import Database

HOLD_S = 3.0
POLL_S = 0.02
OUT_OF_ORDER = ("out_of_order: the batch before this one has no answer here yet; send this one again after "
                "that one's answer")

_committed = threading.Condition()
_generation = 0  # pushes committed in this process


def pushed() -> None:
    """A push committed in this process: let held batches look again."""
    global _generation
    with _committed:
        _generation += 1
        _committed.notify_all()


def has_answer(db: Database, device_id: str, op_id: str) -> bool:
    with db.read() as conn:
        return conn.execute(select(t.ops.c.op_id).where(and_(
            t.ops.c.op_id == op_id, t.ops.c.device_id == device_id))).first() is not None


def wait_turn(db: Database, device_id: str, after: str, hold: float | None = None) -> bool:
    """True once `after` (an operation of this device) has its answer stored; False after `hold` s."""
    deadline = time.monotonic() + (HOLD_S if hold is None else hold)
    while True:
        seen = _generation
        if has_answer(db, device_id, after):
            return True
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        with _committed:
            if _generation == seen:
                _committed.wait(min(POLL_S, left))
