"""The utility's meter model table (DLMS client addresses and the meters' passwords, among them
the write password that may set a meter's clock): kept in the encrypted store, read by everyone,
changed by a supervisor only.

It used to be a JSON file named in the laptop's `settings.json`: a technician could point the
setting at a file of their own, or edit the file, and so give themselves a meter's write password.
Now a supervisor imports the utility's file (`import_file`): it is checked entry by entry
(`devices.meter_models.load`, refused whole with the reason), and its entries are written into the
store (SQLCipher) in one transaction with an audit line. From then on the reading panel uses the
stored copy (`models`); the file on the disk and the `meter_models_file` setting grant nothing: a
technician who edits either changes nothing the laptop does. `import_file` and `clear` refuse
anyone but a supervisor (a `ValidationError`, Vietnamese and English), whatever the screen shows.

The passwords are never shown or logged: `summary` says only whether a model has one; the audit
line holds the number of models, the file's name and the sha256 of its content.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from fieldkit.devices.meter_models import MeterModel, load, model_from_dict
from fieldkit.domain.messages import Texts
from fieldkit.domain.models import Role
from fieldkit.domain.problems import Problem, ValidationError
from fieldkit.services.session import Session

_M = Texts("services.meter_model_settings")

__all__ = ["KEY", "ModelSummary", "clear", "import_file", "may_change", "models", "source", "summary"]

KEY = "meter_models_file"  # the Settings page's field (guarded: services.quality_settings dispatches here)
META_TABLE = "meter_models.table"  # the entries as JSON (passwords included), in the encrypted store
META_SOURCE = "meter_models.source"  # the file name it was imported from (shown; no secret)
SECRET_KEYS = ("password", "dlms_password")
MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class ModelSummary:
    manufacturer: str
    model: str
    note: str
    settings: tuple[str, ...]  # the names of the settings it gives (never a password's value)
    write_password: bool  # it gives a DLMS password (the clock can be set)


def _forbidden() -> ValidationError:
    return ValidationError([Problem(
        KEY, "forbidden",
        _M("Only a supervisor can change the meter model settings (they hold the meters' passwords)."))])


def may_change(session: Session) -> bool:
    return session.role is Role.SUPERVISOR


def _entries(session: Session) -> list[dict[str, object]]:
    text = session.store.get_meta(META_TABLE)
    if not text:
        return []
    try:
        data = json.loads(text)
    except ValueError:
        return []
    return [e for e in data if isinstance(e, dict)] if isinstance(data, list) else []


def models(session: Session) -> list[MeterModel]:
    """The table the readings use now (the stored copy; an entry that no longer loads is skipped)."""
    out: list[MeterModel] = []
    for entry in _entries(session):
        try:
            out.append(model_from_dict(entry))
        except ValueError:
            continue
    return out


def source(session: Session) -> str:
    """The name of the file the table was imported from ("" when none was)."""
    return session.store.get_meta(META_SOURCE) or ""


def summary(session: Session) -> list[ModelSummary]:
    return [ModelSummary(m.manufacturer, m.model, m.note, tuple(k for k, _v in m.settings),
                         any(k == "dlms_password" and v for k, v in m.settings)) for m in models(session)]


def import_file(session: Session, path: str | Path) -> list[ModelSummary]:
    """A supervisor imports the utility's table (a JSON list, see docs/devices.md): checked whole,
    then stored encrypted with an audit line. Refused to anyone else, and for a file that does not load."""
    if not may_change(session):
        raise _forbidden()
    p = Path(path)
    try:
        if p.stat().st_size > MAX_BYTES:
            raise ValueError(f"over {MAX_BYTES} bytes")
        content = p.read_bytes()
        load(p)  # every entry checked; ValueError names the wrong one
        entries = json.loads(content.decode("utf-8"))
    except (OSError, ValueError) as exc:
        raise ValidationError([Problem(
            KEY, "invalid", _M("This meter model settings file cannot be used: {exc}", exc=exc))]) from None
    digest = hashlib.sha256(content).hexdigest()
    with session.store.transaction(actor=session.user_id) as tx:
        for key, value in ((META_TABLE, json.dumps(entries, ensure_ascii=False)), (META_SOURCE, p.name)):
            tx.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
        with_password = sum(1 for e in entries if any(e.get(k) for k in SECRET_KEYS))
        tx.audit("setting", KEY, "import", detail=f"{len(entries)} models ({with_password} with a password) "
                                                 f"from {p.name}, sha256 {digest[:16]}")
    return summary(session)


def clear(session: Session) -> None:
    """A supervisor removes the table (the built-in settings only from then on)."""
    if not may_change(session):
        raise _forbidden()
    with session.store.transaction(actor=session.user_id) as tx:
        tx.conn.execute("DELETE FROM meta WHERE key IN (?, ?)", (META_TABLE, META_SOURCE))
        tx.audit("setting", KEY, "clear")
