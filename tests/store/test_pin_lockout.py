"""Wrong PINs, weak PINs, edited and copied profiles — against a real Secret Service
(gnome-keyring in its own D-Bus session, tests/secret_service.py) and the file fallback."""

from __future__ import annotations

import base64
import json
import shutil
import stat
from pathlib import Path

import pytest

from fieldkit.domain.models import Role
from fieldkit.domain.problems import ValidationError
from fieldkit.services import session as sessions
from fieldkit.services import unlock
from fieldkit.store import credentials, pin_policy
from fieldkit.store.keyring import FAST_KDF, KEYRING_FILE, Keyring, _aad, derive
from tests.secret_service import secret_services  # noqa: F401 - fixture

PIN = "246810"


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The delays' clock, moved by the test instead of sleeping."""
    now = [1_800_000_000.0]
    monkeypatch.setattr(pin_policy, "clock", lambda: now[0])
    return now


def _make(folder: Path, username: str = "lan") -> None:
    sessions.create(folder, username=username, display_name=username.title(), role=Role.TECHNICIAN, secret=PIN,
                    params=FAST_KDF).close()


def _try(folder: Path, pin: str, username: str = "lan") -> unlock.ProfileProblem | None:
    try:
        unlock.login(folder, username, pin).close()
    except unlock.ProfileProblem as exc:
        return exc
    return None


def _lock(folder: Path, clock: list[float], username: str = "lan") -> list[float]:
    """Wrong PINs until locked, waiting out each delay; returns the delay after each wrong PIN."""
    waits = []
    for _ in range(pin_policy.LOCK_AT):
        got = _try(folder, "975310", username)
        assert got is not None and got.code == "wrong_pin", got
        rec = Keyring(folder).attempts(username)
        waits.append(max(0.0, float(rec["until"]) - clock[0]))
        clock[0] += waits[-1] + 0.5
    return waits


def test_wrong_pins_meet_growing_delays_then_a_lock_in_the_os_credential_store(
        secret_services, tmp_path: Path, clock: list[float]) -> None:  # noqa: F811
    secret_services("A")
    folder = tmp_path / "p"
    _make(folder)
    assert json.loads((folder / KEYRING_FILE).read_text())["credentials"] == credentials.OS
    waits = []
    for i in range(pin_policy.LOCK_AT):
        got = _try(folder, "975310")
        assert got is not None and got.code == "wrong_pin"
        rec = Keyring(folder).attempts("lan")
        waits.append(float(rec["until"]) - clock[0])
        if waits[-1] > 0 and i < pin_policy.LOCK_AT - 1:
            # before the delay is over even the right PIN is not tried: the time left is named
            early = _try(folder, PIN)
            assert early is not None and early.code == "pin_wait"
            assert "Wait" in early.en and "Hãy chờ" in early.vi
            clock[0] += waits[-1] - 1
            early = _try(folder, PIN)
            assert early is not None and early.code == "pin_wait" and "1 s" in early.en
            clock[0] += 1.5
    assert waits[:3] == [0, 0, 0]
    assert waits[3:] == sorted(waits[3:]) and waits[3] == 30 and waits[-1] > waits[4] > waits[3]
    print("delays after each wrong PIN (s):", waits)
    locked = _try(folder, PIN)
    assert locked is not None and locked.code == "pin_locked"
    assert "supervisor" in locked.en and "khoá" in locked.vi
    clock[0] += 10 * 24 * 3600  # time does not unlock
    assert _try(folder, PIN).code == "pin_locked"  # type: ignore[union-attr]


def test_the_lock_survives_restoring_an_older_copy_of_the_profile(
        secret_services, tmp_path: Path, clock: list[float]) -> None:  # noqa: F811
    secret_services("A")
    folder, backup = tmp_path / "p", tmp_path / "backup"
    _make(folder)
    shutil.copytree(folder, backup)  # a copy from before the wrong PINs
    _lock(folder, clock)
    # put every file back as it was, delete the extra ones
    shutil.rmtree(folder)
    shutil.copytree(backup, folder)
    got = _try(folder, PIN)
    assert got is not None and got.code == "pin_locked"
    # deleting keyring.json or person_keys.json does not help either
    (folder / "person_keys.json").unlink()
    assert _try(folder, PIN).code == "pin_locked"  # type: ignore[union-attr]
    (folder / KEYRING_FILE).unlink()
    assert _try(folder, PIN).code == "no_profile"  # type: ignore[union-attr]


def test_an_edited_counter_in_the_credential_store_locks_everyone(tmp_path: Path, clock: list[float]) -> None:
    folder = tmp_path / "p"
    _make(folder)
    pid = Keyring(folder).profile_id()
    store_file = credentials.secrets_dir() / f"{pid}.json"
    data = json.loads(store_file.read_text())
    data["attempts"] = {"lan": {"n": 0, "until": 0, "locked": False}, "x": {}}  # "reset" without the MAC key
    store_file.write_text(json.dumps(data))
    got = _try(folder, PIN)
    assert got is not None and got.code == "pin_locked" and "changed outside FieldKit" in got.en


def test_a_supervisor_unlocks_a_locked_person_a_technician_cannot(
        session: sessions.Session, profile_dir: Path, clock: list[float]) -> None:
    sessions.add_user(session, username="hung", display_name="Hùng", role=Role.SUPERVISOR, secret="135790",
                      params=FAST_KDF)
    _lock(profile_dir, clock)
    with pytest.raises(ValidationError):
        sessions.unlock_person(session, "lan")  # lan's own, older session: a technician
    hung = sessions.login(profile_dir, "hung", "135790")
    try:
        sessions.unlock_person(hung, "lan")
    finally:
        hung.close()
    assert Keyring(profile_dir).attempts("lan") == {}
    sessions.login(profile_dir, "lan", PIN).close()


def test_editing_keyring_json_is_refused_clearly_and_grants_nothing(
        session: sessions.Session, profile_dir: Path, clock: list[float]) -> None:
    sessions.add_user(session, username="hung", display_name="Hùng", role=Role.SUPERVISOR, secret="135790",
                      params=FAST_KDF)
    path = profile_dir / KEYRING_FILE
    original = path.read_text()
    data = json.loads(original)
    lan = next(u for u in data["users"] if u["username"] == "lan")
    hung = next(u for u in data["users"] if u["username"] == "hung")

    def edited(change) -> unlock.ProfileProblem | None:  # type: ignore[no-untyped-def]
        d = json.loads(original)
        change(d)
        path.write_text(json.dumps(d))
        try:
            return _try(profile_dir, PIN)
        finally:
            path.write_text(original)

    for change in (
        lambda d: d["users"][0].update(role="supervisor"),
        lambda d: d["users"][0].update(wrapped_key=hung["wrapped_key"], nonce=hung["nonce"], salt=hung["salt"]),
        lambda d: d["users"].reverse(),
        lambda d: d.pop("mac"),
        lambda d: d.update(recovery={"key_id": "0" * 16, "epk": "", "nonce": "", "wrapped": ""}),
    ):
        got = edited(change)
        assert got is not None and got.code == "keyring_tampered", got
        assert "changed outside FieldKit" in got.en and "đã bị sửa ngoài FieldKit" in got.vi
    # pointing it at another credential store finds no device secret there: named, and nothing opens
    got = edited(lambda d: d.update(credentials="os", profile_id="0" * 32))
    assert got is not None and got.code in ("other_machine", "no_credential_store"), got
    assert lan["role"] == "technician"
    # An attacker who can also read the device secret (the file fallback) and re-makes the MAC still
    # gets nothing: the role is part of the wrapped key's associated data, so the key does not open.
    kr = Keyring(profile_dir)
    device = kr.device_secret()
    assert device is not None
    d = json.loads(original)
    d["users"][0]["role"] = "supervisor"
    d["mac"] = kr._mac(d, device)
    path.write_text(json.dumps(d))
    got = _try(profile_dir, PIN)
    assert got is not None and got.code == "wrong_pin"
    path.write_text(original)
    # and the role that counts is the database's (the server's since issue 10), not the keyring's
    with session.store.transaction(actor=session.user_id) as tx:
        tx.conn.execute("UPDATE users SET role = 'technician' WHERE username = 'hung'")
    again = sessions.login(profile_dir, "hung", "135790")
    try:
        assert again.role is Role.TECHNICIAN
    finally:
        again.close()
    assert _aad("p", lan) != _aad("p", {**lan, "role": "supervisor"})


def test_a_copied_profile_does_not_open_with_another_computers_credential_store(
        secret_services, tmp_path: Path, clock: list[float]) -> None:  # noqa: F811
    secret_services("A")
    folder = tmp_path / "p"
    _make(folder)
    sessions.login(folder, "lan", PIN).close()
    stolen = tmp_path / "stolen"
    shutil.copytree(folder, stolen)
    secret_services("B")  # another computer: its own gnome-keyring
    got = _try(stolen, PIN)
    assert got is not None and got.code == "other_machine"
    assert "another computer" in got.en and "máy khác" in got.vi
    # the PIN alone does not unwrap anything: without the device secret no key can be made
    u = json.loads((stolen / KEYRING_FILE).read_text())["users"][0]
    assert u["v"] == 2
    secret_services("A")
    sessions.login(folder, "lan", PIN).close()  # the original still opens on its own computer


def test_a_format_1_keyring_is_upgraded_at_its_first_login(tmp_path: Path, clock: list[float]) -> None:
    import os

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    folder = tmp_path / "p"
    _make(folder)
    data_key = Keyring(folder).unlock("lan", PIN)
    salt, nonce = os.urandom(16), os.urandom(12)
    old = json.loads((folder / KEYRING_FILE).read_text())["users"][0]
    wrapped = AESGCM(derive(PIN, salt, FAST_KDF)).encrypt(nonce, data_key, b"lan")
    v1 = {k: old[k] for k in ("user_id", "username", "display_name", "role", "team_id")}
    v1.update(salt=base64.b64encode(salt).decode(), kdf=old["kdf"], nonce=base64.b64encode(nonce).decode(),
              wrapped_key=base64.b64encode(wrapped).decode())
    (folder / KEYRING_FILE).write_text(json.dumps({"format": 1, "users": [v1]}))
    (folder / "person_keys.json").unlink()
    assert _try(folder, "975310").code == "wrong_pin"  # type: ignore[union-attr]
    sessions.login(folder, "lan", PIN).close()
    now = json.loads((folder / KEYRING_FILE).read_text())
    assert now["format"] == 2 and now["users"][0]["v"] == 2 and now["mac"]
    assert json.loads((folder / "person_keys.json").read_text())["people"]["lan"]["v"] == 2


@pytest.mark.parametrize("pin", ["123456", "000000", "121212", "654321", "111111", "123123", "890123",
                                 "987654", "123321", "12345", "abcabc"])
def test_weak_pins_are_refused_in_both_languages(tmp_path: Path, pin: str) -> None:
    with pytest.raises(ValidationError) as e:
        sessions.create(tmp_path / "p", username="lan", display_name="Lan", role=Role.TECHNICIAN, secret=pin,
                        params=FAST_KDF)
    p = e.value.problems[0]
    assert p.code in ("too_simple", "too_short") and p.vi and p.en and p.vi != p.en
    assert not (tmp_path / "p" / KEYRING_FILE).exists()


def test_ordinary_pins_pass_and_every_profile_file_is_owner_only(session: sessions.Session, profile_dir: Path) -> None:
    for ok in ("246810", "135790", "314159", "975310", "190387", "mật khẩu dài"):
        assert pin_policy.strength_problems(ok) == [], ok
    for name in ("keyring.json", "person_keys.json", "fieldkit.db"):
        mode = stat.S_IMODE((profile_dir / name).stat().st_mode)
        assert mode == 0o600, (name, oct(mode))
    secret_file = credentials.secrets_dir() / f"{Keyring(profile_dir).profile_id()}.json"
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    assert not str(secret_file).startswith(str(profile_dir))  # never inside the profile folder


def test_a_clock_set_back_never_makes_the_wait_longer_than_the_delay(tmp_path: Path, clock: list[float]) -> None:
    folder = tmp_path / "p"
    _make(folder)
    for _ in range(pin_policy.FREE_FAILURES + 1):
        assert _try(folder, "975310").code == "wrong_pin"  # type: ignore[union-attr]
    clock[0] -= 365 * 24 * 3600  # the laptop's clock went back a year
    got = _try(folder, PIN)
    assert got is not None and got.code == "pin_wait" and "30 s" in got.en
    clock[0] += 20
    got = _try(folder, PIN)
    assert got is not None and got.code == "pin_wait" and "10 s" in got.en  # counting down, not restarting
    clock[0] += 11
    unlock.login(folder, "lan", PIN).close()
    assert Keyring(folder).attempts("lan") == {}  # a right PIN clears the counter


def test_a_try_cut_short_still_counts_and_an_edited_person_key_is_named(
        session: sessions.Session, profile_dir: Path, clock: list[float], monkeypatch: pytest.MonkeyPatch) -> None:
    from fieldkit.store import keyring as keyring_module

    sessions.add_user(session, username="hung", display_name="Hùng", role=Role.SUPERVISOR, secret="135790",
                      params=FAST_KDF)

    def power_cut(*_args: object) -> bytes:
        raise KeyboardInterrupt  # the process dies while Argon2id runs

    with monkeypatch.context() as m:
        m.setattr(keyring_module, "pin_key", power_cut)
        with pytest.raises(KeyboardInterrupt):
            Keyring(profile_dir).unlock("lan", PIN)
    assert Keyring(profile_dir).attempts("lan")["n"] == 1  # counted before the PIN was tried
    # swapping the people's wrapped signing keys: the data key opens, the person key does not -> named
    path = profile_dir / "person_keys.json"
    data = json.loads(path.read_text())
    data["people"]["lan"], data["people"]["hung"] = data["people"]["hung"], data["people"]["lan"]
    path.write_text(json.dumps(data))
    got = _try(profile_dir, PIN)
    assert got is not None and got.code == "keyring_tampered" and "person_keys.json" in got.en


def test_the_first_run_form_refuses_a_common_pin_with_its_other_problems(tmp_path: Path) -> None:
    from fieldkit.services import ui_queries

    with pytest.raises(ValidationError) as e:
        ui_queries.create_first_user(tmp_path / "p", display_name="Lan", role="technician", pin="121212",
                                     pin_again="121213", params=FAST_KDF)
    assert {p.code for p in e.value.problems} == {"too_simple", "mismatch"}
    assert "quá dễ đoán" in " ".join(e.value.messages("vi"))


def test_doctor_names_where_the_device_secret_is_and_the_recovery_seal(
        secret_services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    from fieldkit.store import recovery as sealing

    _private, public = sealing.new_pair(tmp_path / "utility")
    folder = tmp_path / "p"
    _make(folder)  # the file fallback, no recovery key configured
    status, detail, _fix = unlock.protection(folder)
    assert status == "warn" and "file outside the profile" in detail and "NOT sealed" in detail
    secret_services("A")
    monkeypatch.setenv(sealing.ENV, str(public))
    sealed = tmp_path / "sealed"
    _make(sealed)
    assert unlock.protection(sealed) == ("ok", f"device secret in the OS credential store; sealed to recovery key "
                                               f"{sealing.key_id(sealing.parse_public(public.read_text()))}", "")
    secret_services("B")
    status, detail, fix = unlock.protection(sealed)
    assert status == "FAIL" and "not in this computer's credential store" in detail and "recover" in fix
