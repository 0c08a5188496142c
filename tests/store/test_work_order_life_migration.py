"""m0007: work orders written before the life cycle's columns load with no submission (empty, not
broken), and a submission after the upgrade records its time and record."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldkit.domain.models import WorkOrderState
from fieldkit.store import work_orders as repo
from fieldkit.store.database import Store, connect, migrate

KEY = bytes(range(32))


@pytest.mark.parametrize("start", range(1, 7))
def test_work_orders_from_before_the_life_cycle_columns(tmp_path: Path, start: int):
    path = tmp_path / "old.db"
    conn = connect(path, KEY)
    assert migrate(conn, target=start) == start
    conn.execute("INSERT INTO work_orders (id, number, kind, state, note, review_comment, version, updated_at) "
                 "VALUES ('w1', 'WO-1', 'reading', 'returned', '', 'Chụp lại ảnh', 3, '2026-01-01T00:00:00')")
    conn.commit()
    conn.close()
    store = Store(path, KEY)
    with store.read() as c:
        old = repo.get_work_order(c, "w1")
    assert old is not None and (old.submitted_at, old.submitted_record) == ("", "")
    assert (old.state, old.review_comment, old.version) == (WorkOrderState.RETURNED, "Chụp lại ảnh", 3)
    from dataclasses import replace

    with store.transaction() as tx:
        repo.update_work_order(tx.conn, replace(old, state=WorkOrderState.DONE, submitted_at=tx.now,
                                                submitted_record="r9", version=4), tx.now)
    with store.read() as c:
        new = repo.get_work_order(c, "w1")
    assert new is not None and new.submitted_record == "r9" and new.submitted_at
