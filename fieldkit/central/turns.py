"""Pipelined pushes applied in order: a batch sent while the one before it is still unanswered
names that batch's last operation (`after`); it is applied only once that operation has its
answer stored for this device. Until then the request is held (the earlier batch is usually
being applied at that moment): a push that commits in this process wakes that device's waiters
at once (only them: with hundreds of devices pipelining, waking every held request on every
commit made each commit cost one query per held request), and the database is looked at again
after 20 ms, then at doubling intervals up to 160 ms, so a batch applied by another worker (any
process, any host) is seen too without every held request polling 50 times a second. After `HOLD_S` the request is refused with 409
`out_of_order` and the device sends it again once it has the earlier batch's answer.
Exactly-once stays guarded by the operation ids."""

from __future__ import annotations

import threading
import time

from sqlalchemy import and_, select

from fieldkit.central import schema as t
from fieldkit.central.db import Database

HOLD_S = 3.0
POLL_S = 0.02  # first look again after this, then doubling
POLL_MAX_S = 0.16
OUT_OF_ORDER = ("out_of_order: the batch before this one has no answer here yet; send this one again after "
                "that one's answer")


class _Waiting:
    """The held requests of one device in this process."""

    __slots__ = ("cond", "generation", "count")

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.generation = 0  # pushes of this device committed in this process while someone waited
        self.count = 0  # requests held


_lock = threading.Lock()
_devices: dict[str, _Waiting] = {}  # only devices with a request held right now


def pushed(device_id: str) -> None:
    """A push of `device_id` committed in this process: let its held batches look again."""
    with _lock:
        waiting = _devices.get(device_id)
    if waiting is None:
        return
    with waiting.cond:
        waiting.generation += 1
        waiting.cond.notify_all()


def has_answer(db: Database, device_id: str, op_id: str) -> bool:
    """One look (a read: once more on a connection found dead, e.g. just after a database restart)."""
    return db.once_more_if_dropped(lambda: _has_answer(db, device_id, op_id))


def _has_answer(db: Database, device_id: str, op_id: str) -> bool:
    # one statement outside a transaction: no BEGIN and ROLLBACK round trips per look (READ COMMITTED's view)
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        return conn.execute(select(t.ops.c.op_id).where(and_(
            t.ops.c.op_id == op_id, t.ops.c.device_id == device_id))).first() is not None


def wait_turn(db: Database, device_id: str, after: str, hold: float | None = None) -> bool:
    """True once `after` (an operation of this device) has its answer stored; False after `hold` s."""
    deadline = time.monotonic() + (HOLD_S if hold is None else hold)
    with _lock:
        waiting = _devices.setdefault(device_id, _Waiting())
        waiting.count += 1
    try:
        poll = POLL_S
        while True:
            seen = waiting.generation
            if has_answer(db, device_id, after):
                return True
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            with waiting.cond:
                if waiting.generation == seen:
                    waiting.cond.wait(min(poll, left))
            poll = min(poll * 2, POLL_MAX_S)
    finally:
        with _lock:
            waiting.count -= 1
            if waiting.count == 0:
                _devices.pop(device_id, None)
