"""Files: upload this device's attachments (resumable, by confirmed offset) before the push, and
download the team's files that pulled records reference (a supervisor's device, within a byte
budget) after the pull. The chunk formats and the partial files are in download.py."""

from __future__ import annotations

from typing import Any

from fieldkit.domain.models import Attachment
from fieldkit.store import field_facts
from fieldkit.sync import download
from fieldkit.sync.answers import Answer
from fieldkit.sync.base import EngineBase
from fieldkit.sync.report import K_DOWNLOAD_LIMIT, SUPERVISOR_DOWNLOAD_LIMIT
from fieldkit.sync.transport import BadAnswer, Exchange, ServerRefused, Unreachable

MOVES = 8  # 409 answers in a row that move an upload's offset: more is a server that never lets it end
MAX_SIZE = 2**40  # bytes of one attachment as an answer may say (far beyond any the server takes)


def read_missing(ex: Exchange, sizes: dict[str, int]) -> dict[str, int]:
    """`/v1/attachments/missing`: sha256 -> the offset to resume from, for the hashes asked (`sizes`).
    A file left out is taken as delivered: the answer is read whole, or not at all (BadAnswer)."""
    answer = Answer(ex.body, ex.status, "the server's list of missing files")
    out: dict[str, int] = {}
    for item in answer.each("missing", "item"):
        sha = item.text("sha256", longest=64)
        if sha not in sizes:
            raise answer.refuse("it names a file that was not asked about")
        out[sha] = item.whole("offset", 0, sizes[sha])
    return out


def read_info(ex: Exchange, asked: list[str]) -> list[dict[str, Any]]:
    """`/v1/attachments/info`: the items (sha256, size, mime, kind) of files asked about."""
    answer = Answer(ex.body, ex.status, "the server's list of files to download")
    wanted = set(asked)
    out = []
    for item in answer.each("items", "item"):
        sha = item.text("sha256", longest=64)
        if sha not in wanted:
            raise answer.refuse("it names a file that was not asked about")
        out.append({"sha256": sha, "size": item.whole("size", 0, MAX_SIZE),
                    "mime": item.text("mime", "", 128), "kind": item.text("kind", "", 32)})
    return out


class Files(EngineBase):
    # --- attachments -------------------------------------------------------------------------------

    def upload_attachments(self) -> None:
        todo = self.store.query(
            "SELECT a.sha256, a.size, a.mime, a.kind FROM attachments a LEFT JOIN sync_uploads u "
            "ON u.sha256 = a.sha256 WHERE u.confirmed_at IS NULL ORDER BY a.created_at")
        if not todo:
            return
        info = {str(r[0]): (int(r[1]), str(r[2]), str(r[3])) for r in todo}
        self._tell("upload", 0, len(todo))
        done = 0
        hashes = list(info)
        for i in range(0, len(hashes), 500):
            part = hashes[i:i + 500]

            def ask(part: list[str] = part) -> Exchange:
                return self._count(self.transport.request("POST", "/v1/attachments/missing",
                                                          json_body={"hashes": part}, signed=self.transport.signs_all))

            missing = read_missing(self._retrying(ask), {sha: info[sha][0] for sha in part})
            for sha in part:
                size, mime, kind = info[sha]
                if sha in missing:
                    self._upload_one(sha, size, mime, kind, missing[sha])
                else:
                    self._confirm(sha, size, size)
                done += 1
                self._tell("upload", done, len(todo))

    def _confirm(self, sha: str, size: int, offset: int, complete: bool = True) -> None:
        with self.store.transaction() as tx:
            tx.conn.execute(
                "INSERT INTO sync_uploads (sha256, confirmed_offset, size, confirmed_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(sha256) DO UPDATE SET confirmed_offset = excluded.confirmed_offset, "
                "confirmed_at = excluded.confirmed_at, last_error = ''",
                (sha, offset, size, tx.now if complete else None))

    def _upload_one(self, sha: str, size: int, mime: str, kind: str, offset: int) -> None:
        data = self.attachments.get(sha)
        restarts = moved = 0
        while True:
            self._check_cancel()
            chunk = data[offset:offset + self.chunk_size]

            def put(chunk: bytes = chunk, offset: int = offset) -> Exchange:
                return self._count(self.transport.request(
                    "PUT", f"/v1/attachments/{sha}", data=chunk, content_type="application/octet-stream",
                    params={"offset": offset, "size": size, "mime": mime, "kind": kind}, ok=(200,),
                    signed=self.transport.signs_all))

            try:
                ex = self._retrying(put)
            except BadAnswer:
                raise
            except ServerRefused as exc:
                if exc.status == 409 and isinstance(exc.body, dict) and "offset" in exc.body:
                    # the server says where it is: continue from there (a few times in a row at most: a
                    # server that keeps moving it, or names the offset just sent, never lets the upload end)
                    answer = Answer(exc.body, exc.status, "the server's answer to an upload at the wrong offset")
                    there = answer.whole("offset", 0, size)
                    moved += 1
                    if there == offset or moved > MOVES:
                        raise answer.refuse(f"it names offset {there} after {offset} ({moved} times in a row)") from exc
                    offset = there
                    continue
                if exc.status == 422 and restarts < 1:
                    restarts += 1
                    offset = 0
                    continue
                raise
            moved = 0
            answer = Answer(ex.body, ex.status, "the server's answer to an upload")
            got, complete = answer.whole("offset", 0, size), answer.flag("complete")
            if complete != (got == size) or (not complete and got != offset + len(chunk)):
                # only an answer that covers the chunk just sent proves it (or the whole file) arrived
                raise answer.refuse(f"it confirms offset {got} (complete: {complete}) after {len(chunk)} bytes "
                                    f"at {offset} of {size}")
            self.report.uploaded_bytes += len(chunk)
            if ex.seconds > 4 and self.chunk_size > 8192:
                self.chunk_size //= 2
            elif ex.seconds < 0.5 and self.chunk_size * 2 <= self.max_chunk:
                self.chunk_size *= 2
            offset = got
            self._confirm(sha, size, offset, complete)
            if complete:
                self.report.uploaded += 1
                return


    # --- downloads -----------------------------------------------------------------------------------

    def download_limit(self) -> int:
        """Bytes of other devices' files to fetch in this sync (0: none)."""
        if self._download_limit is not None:
            return max(0, self._download_limit)
        configured = self.store.get_meta(K_DOWNLOAD_LIMIT)
        if configured:
            try:
                return max(0, int(configured))
            except ValueError:
                pass
        row = self.store.query_one("SELECT role FROM users WHERE username = ?", (self.username,))
        return SUPERVISOR_DOWNLOAD_LIMIT if row is not None and row[0] == "supervisor" else 0

    def download_attachments(self) -> None:
        """Fetch files that pulled records reference, within the byte budget: started ones first,
        then the smallest (signatures and captures before photos)."""
        budget = self.download_limit()
        if budget <= 0:
            return
        with self.store.read() as conn:
            missing = download.wanted(conn)
        if not missing:
            return
        started = set(download.Partial.existing(self.attachments))
        missing.sort(key=lambda sha: (sha not in started, sha))
        used = 0
        done = 0
        self._tell("download", 0, len(missing))
        for i in range(0, len(missing), 200):
            if used >= budget:
                break
            part = missing[i:i + 200]

            if self._user_token() != "supervisor":
                self.report.reasons.append("the team's files are downloaded on a supervisor's laptop only")
                return

            def ask(part: list[str] = part) -> Exchange:
                return self._count(self.transport.request("POST", "/v1/attachments/info",
                                                          json_body={"hashes": part}))

            items = read_info(self._retrying(ask), part)
            items.sort(key=lambda m: (m["sha256"] not in started, int(m["size"])))
            for item in items:
                if used >= budget and not self.attachments.has(item["sha256"]):
                    break
                used += self._download_one(item, budget - used)
                done += 1
                self._tell("download", done, len(missing))
        self.report.download_waiting = len(missing) - self.report.downloaded

    def _download_one(self, item: dict[str, Any], allowance: int) -> int:
        """Fetch one file, at most `allowance` bytes of it now; returns the bytes fetched."""
        sha, size = str(item["sha256"]), int(item["size"])
        used = 0
        if not self.attachments.has(sha):
            part = download.Partial(self.attachments, sha)
            if part.offset > size:
                part.discard()
            while part.offset < size:
                self._check_cancel()
                if used >= allowance:
                    return used  # the rest comes with a later sync; what came is kept
                want = min(self.download_chunk, size - part.offset, allowance - used)

                def get(offset: int = part.offset, want: int = want) -> Exchange:
                    ex = self._count(self.transport.request(
                        "GET", f"/v1/attachments/{sha}", params={"offset": offset, "length": want}, as_bytes=True))
                    got = ex.headers.get("x-fk-offset") if ex.headers is not None else None
                    if not isinstance(ex.body, bytes) or len(ex.body) != want or got != str(offset):
                        raise Unreachable("incomplete download")
                    return ex

                try:
                    ex = self._retrying(get)
                except ServerRefused as exc:
                    self.report.reasons.append(f"download {sha[:12]}: {exc}")
                    return used
                part.append(ex.body)
                used += len(ex.body)
                self.report.downloaded_bytes += len(ex.body)
                if ex.seconds > 4 and self.download_chunk > 8192:
                    self.download_chunk //= 2
                elif ex.seconds < 0.5 and self.download_chunk * 2 <= self.max_chunk:
                    self.download_chunk *= 2
            data = part.verified()
            if data is None:
                part.discard()  # fetched again from 0 next time
                self.report.reasons.append(f"download {sha[:12]}: the content did not match its hash")
                return used
            self.attachments.put(data)  # encrypted, written to a temporary file and renamed
            part.discard()
        with self.store.transaction() as tx:
            field_facts.insert_attachment(tx.conn, Attachment(sha, size, str(item.get("mime") or
                                                                              "application/octet-stream"),
                                                              str(item.get("kind") or "document")), tx.now)
            tx.conn.execute("INSERT OR IGNORE INTO sync_uploads (sha256, confirmed_offset, size, confirmed_at) "
                            "VALUES (?, ?, ?, ?)", (sha, size, size, tx.now))
        self.report.downloaded += 1
        return used
