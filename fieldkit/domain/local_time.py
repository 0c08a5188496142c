"""Calendar days in Vietnam (UTC+7, no daylight saving time); stored times are UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

VIETNAM = timezone(timedelta(hours=7), "ICT")


def local_today() -> date:
    return datetime.now(VIETNAM).date()


def local_date(stamp: str | datetime) -> date:
    """The calendar day in Vietnam of a stored timestamp (ISO text or datetime)."""
    when = datetime.fromisoformat(stamp) if isinstance(stamp, str) else stamp
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(VIETNAM).date()
