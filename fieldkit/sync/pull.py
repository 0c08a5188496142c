"""Pull: the team's change feed by cursor, each page applied in one device transaction that also
stores the new cursor. The first page may already have come in the last push's answer
(`pull` in the push request, see push.py): then the pull starts after it, or not at all."""

from __future__ import annotations

from typing import Any

from fieldkit.sync.answers import MAX_CURSOR, Answer
from fieldkit.sync.apply import apply_change, local_user_ids
from fieldkit.sync.base import EngineBase
from fieldkit.sync.batching import held_seconds
from fieldkit.sync.report import K_CURSOR
from fieldkit.sync.transport import BadAnswer, Exchange, TooLarge

EMPTY_PAGES = 50  # pages in a row with `more` and no change: the pull stops there (the next sync goes on)


class Pulling(EngineBase):
    def cursor(self) -> int:
        return int(self.store.get_meta(K_CURSOR, "0") or 0)

    def pull(self) -> None:
        if self._pulled_all:
            return
        done = empty = 0
        while True:
            self._check_cancel()
            cursor = self.cursor()

            # The device's own new facts are left out of the page by the server and never fill it.
            limit = self.pull_batch.size

            def fetch(cursor: int = cursor, limit: int = limit) -> Exchange:
                return self._count(self.transport.request(
                    "GET", "/v1/changes", params={"since": cursor, "limit": limit}, signed=self.transport.signs_all))

            try:
                ex = self._retrying(fetch, self.pull_batch.failed)
            except TooLarge:
                if limit <= self.pull_batch.low:
                    raise
                self.pull_batch.failed()  # a page of big records: asked again, half as many (never below `low`)
                continue
            got = ex.body.get("changes") if isinstance(ex.body, dict) else None
            self.pull_batch.record(ex.seconds, ex.sent + ex.received, len(got) if isinstance(got, list) else 0,
                                   held_seconds(ex.headers))
            n, more = self.apply_page(ex.body, cursor, ex.status)
            done += n
            self._tell("pull", done, done)
            if not more:
                break
            # A page says more but brings nothing (every row of it withheld as damaged, or a server that
            # never ends): the cursor moved, so this sync stops after a while and the next goes on from there.
            empty = empty + 1 if n == 0 else 0
            if empty >= EMPTY_PAGES:
                raise BadAnswer(ex.status, f"the server's change feed gave {EMPTY_PAGES} pages in a row with more "
                                           "to come and no change in them: the pull goes on with the next sync")

    def apply_page(self, body: Any, since: int, status: int = 200) -> tuple[int, bool]:
        """Apply one page of the feed (`changes`, `next`, `more`) and move the cursor with it, in one
        transaction. A page for another cursor than the stored one is not applied (the caller pulls
        again from the stored cursor). Returns (changes applied or skipped, more to come). A page of
        another shape (fieldkit/sync/answers.py) is a BadAnswer before anything of it is written: a cursor
        that goes backwards or beyond the feed's numbers, `more` without moving on."""
        page = Answer(body, status, "the server's page of changes")
        changes = page.items("changes")
        nxt = page.whole("next", 0, MAX_CURSOR)
        more = page.flag("more", False)
        if nxt < since:
            raise page.refuse(f"its cursor `next` goes backwards (from {since} to {nxt})")
        if more and nxt == since:
            raise page.refuse("it says more is to come but its cursor `next` does not move")
        with self.store.transaction() as tx:
            row = tx.conn.execute("SELECT value FROM meta WHERE key = ?", (K_CURSOR,)).fetchone()
            if int((row[0] if row else "0") or 0) != since:
                return 0, True  # the cursor moved meanwhile: this page is not for it
            user_map = local_user_ids(tx.conn)
            for ch in changes:
                if not isinstance(ch, dict) or not isinstance(ch.get("entity"), str) or not isinstance(ch.get("data"), dict):
                    # one bad record never stops the feed (as one that does not apply, below): counted and said
                    self.report.pull_skipped += 1
                    self.report.reasons.append("pull: a change that is not a record (entity and data) was skipped")
                    continue
                tx.conn.execute("SAVEPOINT change")
                try:
                    apply_change(tx.conn, ch["entity"], ch["data"], tx.now, user_map)
                    tx.conn.execute("RELEASE change")
                except Exception as exc:  # one bad record must not stop the feed
                    tx.conn.execute("ROLLBACK TO change")
                    tx.conn.execute("RELEASE change")
                    self.report.pull_skipped += 1
                    self.report.reasons.append(f"pull {str(ch.get('entity'))[:40]} {str(ch.get('id'))[:40]}: "
                                               f"{str(exc)[:200]}")
            # The cursor moves in the same transaction as the changes it covers.
            tx.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (K_CURSOR, str(nxt)))
        self.report.pulled += len(changes)
        return len(changes), more
