"""The profile's health: what a broken or full disk means, in words, and the way out.

- `describe(exc)`: any error as (Vietnamese, English) text a field worker can act on; a
  disk that is full, read-only, not ours or damaged is named as such; never an empty text.
- `login_warnings(session)`: what the login's quick page check (store/profile.py: page HMACs,
  both ends first, at most 0.15 s) and the free space say.
- `finish_page_check(session)`: the pages the login's quick check had no time for (in the background).
- `full_check(session)`: every page's HMAC and SQLite's integrity check (for `fieldkit doctor`).
- `recover(session)`: copy what can still be read into a new encrypted database, keep the
  damaged one aside and put the copy in its place, so the user can log in and push what
  was pending; then the profile can be re-created from the server.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fieldkit.domain import reasons
from fieldkit.domain.local_time import local_datetime
from fieldkit.domain.messages import Texts
from fieldkit.domain.problems import NETWORK, ValidationError, network, network_code, with_detail
from fieldkit.services.session import Session
from fieldkit.store import disk
from fieldkit.store.database import StoreError
from fieldkit.store.pagecheck import PageReport, check_pages
from fieldkit.store.profile import DB_FILE
from fieldkit.store.salvage import SalvageReport, salvage

_M = Texts("services.health")


def describe_known(exc: BaseException) -> tuple[str, str] | None:
    """(vi, en) for an error we can name (validation, profile, store, disk, meter), else None."""
    if isinstance(exc, ValidationError):
        return "\n".join(exc.messages("vi")), "\n".join(exc.messages("en"))
    for vi_attr, en_attr in (("vi", "en"), ("message_vi", "message_en")):
        vi, en = getattr(exc, vi_attr, None), getattr(exc, en_attr, None)
        if isinstance(vi, str) and isinstance(en, str) and (vi or en):
            return vi or en, en or vi
    if isinstance(exc, StoreError) and exc.message.context:  # a marked text
        return exc.message.vi, exc.message.en
    if isinstance(exc, StoreError):
        vi, sep, en = str(exc).partition(" / ")
        return vi, en if sep else vi
    body = getattr(exc, "body", None)
    if isinstance(body, dict) and isinstance(body.get("code"), str) and body.get("code"):
        refusal = reasons.from_answer(body)  # a server refusal with its reason code
        return refusal.vi, refusal.en
    net = network_code(exc)  # before the disk: a refused connection is an OSError too
    if net is not None:
        net_problem = network(net, str(exc).strip())
        return net_problem.vi, net_problem.en
    problem = disk.describe_os_error(exc)
    if problem is not None:
        return problem.vi, problem.en
    if isinstance(exc, MemoryError):
        p = disk.problem("damaged")
        return p.vi, p.en
    return None


def describe(exc: BaseException) -> tuple[str, str]:
    """(vi, en) for any error; never empty."""
    known = describe_known(exc)
    if known is not None:
        return known
    text = str(exc).strip() or type(exc).__name__
    message = with_detail(NETWORK["unexpected"], text)
    return message.vi, message.en


def damaged_text() -> tuple[str, str]:
    message = _M("The database on this laptop is damaged. Work saved on the pages that are still good can be read. Sync now, then run `fieldkit doctor --user NAME --recover` to recover the data and re-create the profile from the server.")
    return message.vi, message.en


def login_warnings(session: Session) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if session.store.damaged:
        out.append(damaged_text())
    low = disk.low_space(session.profile.folder)
    if low is not None:
        out.append((low.vi, low.en))
    return out


@dataclass
class FullCheck:
    pages: PageReport
    sqlite: str  # "ok" or SQLite's first problem

    @property
    def ok(self) -> bool:
        return not self.pages.bad and self.sqlite == "ok"


def full_check(session: Session) -> FullCheck:
    pages = check_pages(session.store.path, session.profile.data_key)
    try:
        result = session.store.integrity_check()
    except StoreError as exc:
        result = describe(exc)[1]
    lines = [ln for ln in result.splitlines() if ln.strip() and not ln.startswith("*** in database")]
    return FullCheck(pages, lines[0][:200] if lines else "no answer")


@dataclass
class Recovery:
    report: SalvageReport
    damaged_copy: Path
    seconds: float


def recover(session: Session) -> Recovery:
    """Salvage into a new encrypted database and swap it in; the session is closed afterwards.

    The damaged file is kept as `fieldkit.db.damaged-<time>` (still encrypted) for support."""
    folder = Path(session.profile.folder)
    stamp = local_datetime(datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")  # Vietnam's wall clock, as support reads it
    target = folder / f"fieldkit-recovered-{stamp}.db"
    t0 = time.perf_counter()
    report = salvage(session.store, target, session.profile.data_key)
    session.close()
    damaged = folder / f"{DB_FILE}.damaged-{stamp}"
    db = folder / DB_FILE
    os.replace(db, damaged)
    for suffix in ("-wal", "-shm"):
        side = folder / f"{DB_FILE}{suffix}"
        if side.exists():
            os.replace(side, folder / f"{DB_FILE}.damaged-{stamp}{suffix}")
    os.replace(target, db)
    for suffix in ("-wal", "-shm"):  # normally gone: the copy was checkpointed when it closed
        side = Path(f"{target}{suffix}")
        if side.exists():
            os.replace(side, folder / f"{DB_FILE}{suffix}")
    disk.owner_only(folder)
    return Recovery(report, damaged, round(time.perf_counter() - t0, 2))


def finish_page_check(session: Session, again_after_s: float = 0.2) -> bool:
    """Check every page the login's quick check had no time for (run off the UI thread once the main
    window is up); True when it found damage the login did not know of (`store.damaged` is set).
    The app may be writing meanwhile (a checkpoint copies pages into the file), so a page that
    fails is read again after a moment and counts only if it fails again."""
    store = session.store
    report = store.page_report
    if report is None or report.complete or store.damaged:
        return False
    key = session.profile.data_key
    full = check_pages(store.path, key)
    bad = full.bad
    for _ in range(2):
        if not bad:
            break
        time.sleep(again_after_s)
        bad = check_pages(store.path, key, only=bad).bad
    full.bad = bad
    store.page_report = full
    if bad:
        store.damaged = True
    return bool(bad)
