"""What the status bar shows: items waiting to sync, quarantined ones, last success."""

from __future__ import annotations

from dataclasses import dataclass

from fieldkit.services.session import Session


@dataclass(frozen=True)
class OutboxStatus:
    waiting: int
    quarantined: int
    last_sync: str | None
    disk_warning: tuple[str, str] | None = None  # (vi, en) when less than a day's photos is free


def _disk_warning(session: Session) -> tuple[str, str] | None:
    from fieldkit.store.disk import low_space

    try:
        low = low_space(session.profile.folder)
    except OSError:
        return None
    return (low.vi, low.en) if low is not None else None


def outbox_status(session: Session) -> OutboxStatus:
    rows = dict(session.store.query("SELECT state, count(*) FROM outbox GROUP BY state"))
    return OutboxStatus(
        waiting=int(rows.get("pending", 0)),
        quarantined=int(rows.get("quarantined", 0)),
        last_sync=session.store.get_meta("last_sync_success"),
        disk_warning=_disk_warning(session),
    )
