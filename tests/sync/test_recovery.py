"""Every person of a laptop locked out: the utility's recovery key opens the profile and its pending
readings still reach the real central server (each carries its author's own signature)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fieldkit.central import admin, people
from fieldkit.central import schema as t
from fieldkit.domain.models import ReadingSource, RegisterValue, Role
from fieldkit.services import field_facts, sync, unlock, work_orders
from fieldkit.services import session as sessions
from fieldkit.store import pin_policy
from fieldkit.store import recovery as sealing
from fieldkit.store.keyring import FAST_KDF, KEYRING_FILE
from fieldkit.store.work_orders import WorkOrderQuery

PIN = "246810"  # tests/sync/conftest.py
HUNG_PIN = "135790"


def _fieldkit(*args: str, new_pin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **({"FIELDKIT_NEW_PIN": new_pin} if new_pin else {})}
    return subprocess.run([sys.executable, "-m", "fieldkit", *args], capture_output=True, text=True, env=env,
                          timeout=120, stdin=subprocess.DEVNULL)


def _readings_on_server(central) -> int:  # type: ignore[no-untyped-def]
    with central.read() as conn:
        return int(conn.execute(select(func.count()).select_from(t.facts).where(t.facts.c.entity == "reading"))
                   .scalar_one())


def _lock_out(folder: Path, username: str, monkeypatch: pytest.MonkeyPatch) -> None:
    now = [2_000_000_000.0]
    monkeypatch.setattr(pin_policy, "clock", lambda: now[0])
    for _ in range(pin_policy.LOCK_AT):
        try:
            unlock.login(folder, username, "975310").close()
        except unlock.ProfileProblem as exc:
            assert exc.code == "wrong_pin"
        now[0] += pin_policy.DELAY_CAP_S + 1
    for pin in (PIN, HUNG_PIN):
        with pytest.raises(unlock.ProfileProblem) as e:
            unlock.login(folder, username, pin)
        assert e.value.code == "pin_locked"


def test_all_users_locked_out_the_recovery_key_pushes_their_pending_readings(
        make_device, central, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    private, public = sealing.new_pair(tmp_path / "utility")  # at the utility; the laptop gets recovery.pub
    assert private.stat().st_mode & 0o077 == 0
    monkeypatch.setenv(sealing.ENV, str(public))
    admin.import_work_orders(central, "number,kind,customer_code,meter_serial,assignee\n"
                                      "WO-R1,reading,PA23LN0000601,VSE-601,lan\n", team_code="T1")
    lan = make_device("laptop", "lan")
    folder = lan.profile.folder
    assert sync.sync_now(lan).ok
    sessions.add_person(lan, username="hung", user_code=people.issue_code(central, "hung"), secret=HUNG_PIN,
                        params=FAST_KDF)
    hung = sessions.login(folder, "hung", HUNG_PIN)
    wo = work_orders.list_work_orders(lan, WorkOrderQuery())[0]
    before = _readings_on_server(central)
    # offline: three readings by Lan, two by Hùng, each signed by its author as it is recorded
    for i in range(3):
        field_facts.record_reading(lan, meter_id=wo.meter_id, source=ReadingSource.OPTICAL,
                                   registers={"1.8.0": RegisterValue(Decimal(100 + i), "kWh")})
    for i in range(2):
        field_facts.record_reading(hung, meter_id=wo.meter_id, source=ReadingSource.OPTICAL,
                                   registers={"1.8.0": RegisterValue(Decimal(200 + i), "kWh")})
    pending = int(lan.store.query_one("SELECT count(*) FROM outbox WHERE state = 'pending'")[0])
    assert pending >= 5
    hung.close()
    lan.close()
    # nobody can log in any more
    _lock_out(folder, "lan", monkeypatch)
    _lock_out(folder, "hung", monkeypatch)
    assert "recovery" in (folder / KEYRING_FILE).read_text()

    # a wrong key is refused in one line
    other, _ = sealing.new_pair(tmp_path / "other")
    r = _fieldkit("recover", "--key", str(other), "--profile", str(folder))
    assert r.returncode == 2 and "Traceback" not in r.stderr and "not to" in r.stderr, r.stderr

    r = _fieldkit("recover", "--key", str(private), "--profile", str(folder))
    assert r.returncode == 0, r.stdout + r.stderr
    assert f"pending operations: {pending} before, 0 after" in r.stdout, r.stdout
    assert _readings_on_server(central) == before + 5
    with central.read() as conn:  # kept with their authors' own signatures: one batch proof per operation
        authors = {str(x[0]) for x in conn.execute(
            select(t.users.c.username).join(t.op_batches, t.op_batches.c.user_id == t.users.c.id)
            .join(t.op_proofs, t.op_proofs.c.batch_id == t.op_batches.c.id))}
    assert {"lan", "hung"} <= authors
    # still locked: pushing does not unlock anyone
    with pytest.raises(unlock.ProfileProblem):
        unlock.login(folder, "lan", PIN)

    # the utility unlocks everyone; Lan's PIN works again
    r = _fieldkit("recover", "--key", str(private), "--profile", str(folder), "--no-push", "--unlock-all")
    assert r.returncode == 0 and "lock is cleared" in r.stdout, r.stdout + r.stderr
    unlock.login(folder, "lan", PIN).close()

    # Hùng forgot his PIN: a new one (weak ones refused), and a new signing key to register
    r = _fieldkit("recover", "--key", str(private), "--profile", str(folder), "--no-push", "--new-pin-for", "hung",
                  new_pin="111111")
    assert r.returncode == 2 and "too easy" in r.stderr
    r = _fieldkit("recover", "--key", str(private), "--profile", str(folder), "--no-push", "--new-pin-for", "hung",
                  new_pin="271828")
    assert r.returncode == 0 and "hung has a new PIN" in r.stdout and "user register" in r.stdout, r.stdout
    unlock.login(folder, "hung", "271828").close()


def test_recovery_on_another_computer_rehomes_the_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    private, public = sealing.new_pair(tmp_path / "utility")
    monkeypatch.setenv(sealing.ENV, public.read_text().strip())  # the key text itself also works
    folder = tmp_path / "laptop"
    s = sessions.create(folder, username="lan", display_name="Lan", role=Role.TECHNICIAN, secret=PIN,
                        params=FAST_KDF)
    s.close()
    moved = tmp_path / "moved"
    shutil.copytree(folder, moved)
    monkeypatch.setenv("FIELDKIT_SECRETS_DIR", str(tmp_path / "new-computer-secrets"))
    with pytest.raises(unlock.ProfileProblem) as e:
        unlock.login(moved, "lan", PIN)
    assert e.value.code == "other_machine"
    r = _fieldkit("recover", "--key", str(private), "--profile", str(moved), "--new-pin-for", "lan",
                  new_pin="271828")
    assert r.returncode == 1 and "never enrolled" in r.stdout  # nothing to push: said, not hidden
    assert "re-homed" in r.stdout, r.stdout
    unlock.login(moved, "lan", "271828").close()
