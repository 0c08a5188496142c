"""Pull: the team's change feed by cursor, each page applied in one device transaction that also
stores the new cursor. The first page may already have come in the last push's answer
(`pull` in the push request, see push.py): then the pull starts after it, or not at all."""

from __future__ import annotations

from typing import Any

from fieldkit.sync.apply import apply_change, local_user_ids
from fieldkit.sync.base import EngineBase
from fieldkit.sync.batching import held_seconds
from fieldkit.sync.report import K_CURSOR
from fieldkit.sync.transport import Exchange, ServerRefused


class Pulling(EngineBase):
    def cursor(self) -> int:
        return int(self.store.get_meta(K_CURSOR, "0") or 0)

    def pull(self) -> None:
        if self._pulled_all:
            return
        done = 0
        while True:
            self._check_cancel()
            cursor = self.cursor()

            # The device's own new facts are left out of the page by the server and never fill it.
            limit = self.pull_batch.size

            def fetch(cursor: int = cursor, limit: int = limit) -> Exchange:
                return self._count(self.transport.request(
                    "GET", "/v1/changes", params={"since": cursor, "limit": limit}, signed=self.transport.signs_all))

            ex = self._retrying(fetch, self.pull_batch.failed)
            got = ex.body.get("changes") if isinstance(ex.body, dict) else None
            self.pull_batch.record(ex.seconds, ex.sent + ex.received, len(got) if isinstance(got, list) else 0,
                                   held_seconds(ex.headers))
            n, more = self.apply_page(ex.body, cursor)
            done += n
            self._tell("pull", done, done)
            if not more:
                break

    def apply_page(self, body: Any, since: int) -> tuple[int, bool]:
        """Apply one page of the feed (`changes`, `next`, `more`) and move the cursor with it, in one
        transaction. A page for another cursor than the stored one is not applied (the caller pulls
        again from the stored cursor). Returns (changes applied or skipped, more to come)."""
        if not isinstance(body, dict) or not isinstance(body.get("changes"), list):
            raise ServerRefused(200, "the server's page of changes is not readable")
        changes: list[Any] = body["changes"]
        nxt = int(body["next"])
        with self.store.transaction() as tx:
            row = tx.conn.execute("SELECT value FROM meta WHERE key = ?", (K_CURSOR,)).fetchone()
            if int((row[0] if row else "0") or 0) != since:
                return 0, True  # the cursor moved meanwhile: this page is not for it
            user_map = local_user_ids(tx.conn)
            for ch in changes:
                tx.conn.execute("SAVEPOINT change")
                try:
                    apply_change(tx.conn, str(ch["entity"]), ch["data"], tx.now, user_map)
                    tx.conn.execute("RELEASE change")
                except Exception as exc:  # one bad record must not stop the feed
                    tx.conn.execute("ROLLBACK TO change")
                    tx.conn.execute("RELEASE change")
                    self.report.pull_skipped += 1
                    self.report.reasons.append(f"pull {ch.get('entity')} {ch.get('id')}: {exc}")
            # The cursor moves in the same transaction as the changes it covers.
            tx.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (K_CURSOR, str(nxt)))
        self.report.pulled += len(changes)
        return len(changes), bool(body.get("more"))
