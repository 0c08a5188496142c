"""Settings that protect data quality (issue 13 item 5): the reading checks' limits.

A technician could otherwise loosen the abnormal-use threshold before saving a doubtful
reading. So these limits are not in the laptop's `settings.json` (a plain file anyone can
edit) but in the encrypted store, and only two parties set them:

1. the server: a reference record ``settings/<key>`` published by the utility
   (`fieldkit.central.admin.publish_reference`) arrives with sync and wins;
2. else a supervisor on this laptop (`change`): written in one transaction with its audit line;
3. else the default (5 minutes, 3 times the usual).

`change` refuses anyone else (a `ValidationError` with the reason, Vietnamese and English), so
the guard holds whatever the screen shows; the Settings page shows these fields read-only to
a technician or trainer, with who sets them.

The meter model table (`meter_model_settings.KEY`) is guarded the same way on the Settings page:
its value is the name of the file a supervisor imported, and changing it imports the file into the
encrypted store (`services.meter_model_settings`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from fieldkit.domain.messages import Texts
from fieldkit.domain.models import Role
from fieldkit.domain.problems import Problem, ValidationError
from fieldkit.domain.reading_limits import ReadingLimits, setting_problem
from fieldkit.services import meter_model_settings
from fieldkit.services.session import Session
from fieldkit.store import reading_limits as stored
from fieldkit.store.reading_limits import CLOCK_KEY as CLOCK_KEY
from fieldkit.store.reading_limits import GUARDED as GUARDED
from fieldkit.store.reading_limits import META_PREFIX as META_PREFIX
from fieldkit.store.reading_limits import MULTIPLE_KEY as MULTIPLE_KEY
from fieldkit.store.reading_limits import REFERENCE_KIND as REFERENCE_KIND

_M = Texts("services.quality_settings")

Source = Literal["server", "supervisor", "default"]


@dataclass(frozen=True)
class GuardedValue:
    key: str
    value: str  # "" = the default
    source: Source


def value_of(session: Session, key: str) -> GuardedValue:
    if key == meter_model_settings.KEY:
        name = meter_model_settings.source(session)
        return GuardedValue(key, name, "supervisor" if name else "default")
    if key not in GUARDED:
        raise KeyError(key)
    with session.store.read() as conn:
        server, local = stored.server_value(conn, key), stored.local_value(conn, key)
    if server is not None:
        return GuardedValue(key, server, "server")
    if local:
        return GuardedValue(key, local, "supervisor")
    return GuardedValue(key, "", "default")


def may_change(session: Session, key: str) -> bool:
    """A supervisor may, unless the server set it."""
    return session.role is Role.SUPERVISOR and value_of(session, key).source != "server"


def change(session: Session, key: str, value: str) -> GuardedValue:
    """Set a limit on this laptop (empty: back to the default). Refused to anyone but a supervisor,
    and when the server set it; refused for a value the checks cannot use. The meter model table:
    the file named by `value` is imported (empty: the table is removed)."""
    if key == meter_model_settings.KEY:
        if value.strip():
            meter_model_settings.import_file(session, value.strip())
        else:
            meter_model_settings.clear(session)
        return value_of(session, key)
    if key not in GUARDED:
        raise KeyError(key)
    value = value.strip()
    if session.role is not Role.SUPERVISOR:
        raise ValidationError([Problem(
            key, "forbidden", _M("Only a supervisor can change the reading checks' limits."))])
    if value_of(session, key).source == "server":
        raise ValidationError([Problem(
            key, "server", _M("The utility's server sets this limit; it cannot be changed on this laptop."))])
    if value:
        problem = setting_problem(value, GUARDED[key])
        if problem is not None:
            raise ValidationError([Problem(key, "number", problem)])
    with session.store.transaction(actor=session.user_id) as tx:
        before = tx.conn.execute("SELECT value FROM meta WHERE key = ?", (META_PREFIX + key,)).fetchone()
        if value:
            tx.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (META_PREFIX + key, value))
        else:
            tx.conn.execute("DELETE FROM meta WHERE key = ?", (META_PREFIX + key,))
        tx.audit("setting", key, "change", detail=f"{before[0] if before else ''} -> {value}")
    return value_of(session, key)


def reading_limits(session: Session) -> ReadingLimits:
    """The limits the reading checks use now (server, else supervisor, else default); the saving
    services read them themselves (`store.reading_limits.limits`), whatever a caller shows."""
    with session.store.read() as conn:
        return stored.limits(conn)
