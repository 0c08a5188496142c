"""Calendar days in Vietnam (UTC+7, no daylight saving time); stored times are UTC.

The one rule on the laptop: a day is the calendar day in Vietnam, whatever zone the machine is set to.
Never `date.today()` or a zone-less `datetime.now()` (tests/test_local_day.py holds fieldkit/ to it)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

VIETNAM = timezone(timedelta(hours=7), "ICT")


def local_today() -> date:
    return datetime.now(VIETNAM).date()


def local_datetime(stamp: str | datetime) -> datetime:
    """A stored timestamp (ISO text or datetime; zone-less means UTC) as Vietnam's wall-clock time."""
    when = datetime.fromisoformat(stamp) if isinstance(stamp, str) else stamp
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(VIETNAM)


def local_date(stamp: str | datetime) -> date:
    """The calendar day in Vietnam of a stored timestamp (ISO text or datetime)."""
    return local_datetime(stamp).date()
