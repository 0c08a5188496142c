"""A broken disk is named and survivable: damaged pages at the start, middle and end of a
profile, a read-only profile. Real encrypted files, real damage (bytes overwritten)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldkit.services import health, unlock
from fieldkit.store.database import StoreError
from fieldkit.store.demo import build_demo_profile
from fieldkit.store.keyring import FAST_KDF
from fieldkit.store.pagecheck import PAGE_SIZE, check_pages

ROOT = Path(__file__).resolve().parents[2]
PIN = "246810"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pristine") / "profile"
    build_demo_profile(folder, customers=1500, months=4, params=FAST_KDF)
    return folder


def _counts(folder: Path) -> dict[str, int]:
    s = unlock.login(folder, "lan", PIN)
    try:
        return {t: s.store.query_one(f"SELECT count(*) FROM {t}")[0]
                for t in ("customers", "meters", "readings", "work_orders", "outbox", "audit")}
    finally:
        s.close()


def _damage(folder: Path, where: str) -> int:
    db = folder / "fieldkit.db"
    pages = db.stat().st_size // PAGE_SIZE
    pgno = {"start": 2, "middle": pages // 2, "end": pages}[where]
    with open(db, "r+b") as f:
        f.seek((pgno - 1) * PAGE_SIZE + 200)
        f.write(os.urandom(64))
    return pgno


@pytest.fixture
def copy(pristine: Path, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "profile"
    shutil.copytree(pristine, folder)
    yield folder


@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_a_damaged_page_is_named_the_rest_stays_readable_and_is_recovered(copy: Path, where: str):
    before = _counts(copy)
    pgno = _damage(copy, where)

    s = unlock.login(copy, "lan", PIN)  # login still works: what is readable can be pushed
    assert s.store.damaged and s.store.page_report.bad == [pgno]  # the login's quick check saw it
    assert health.login_warnings(s)[0][1].startswith("The database on this laptop is damaged")
    errors: list[StoreError] = []
    # every b-tree: each table by a full scan, each index by a count through it (the page in the
    # middle may belong to an index, which a table scan never reads)
    scans = [f'SELECT * FROM "{name}"' for (name,) in
             s.store.query("SELECT name FROM sqlite_master WHERE type='table'")]
    scans += [f'SELECT count(*) FROM "{table}" INDEXED BY "{name}"' for name, table in
              s.store.query("SELECT name, tbl_name FROM sqlite_master WHERE type='index'")]
    for _ in range(2):
        for sql in scans:
            try:
                s.store.query(sql)
            except StoreError as exc:
                errors.append(exc)
            except Exception:  # noqa: BLE001  an index the planner cannot scan this way (not damage)
                continue
    assert errors, "some table or index runs over the damaged page"
    for exc in errors:  # never an empty MemoryError: a named error that says what to do
        assert exc.code == "damaged" and "fieldkit doctor" in str(exc) and "Tệp dữ liệu bị hỏng" in str(exc)
    # after the error the store keeps answering from the good pages
    assert s.store.query_one("SELECT count(*) FROM users")[0] == 3
    full = health.full_check(s)
    assert full.pages.bad == [pgno] and not full.ok and full.sqlite != "ok"

    rec = health.recover(s)  # closes the session
    recovered = rec.report.rows
    lost = sum(before.values()) - sum(_counts(copy).values())
    assert rec.damaged_copy.exists() and not check_pages(copy / "fieldkit.db", _key(copy)).bad
    after = _counts(copy)
    assert after["customers"] + after["readings"] > 0.95 * (before["customers"] + before["readings"])
    assert 0 <= lost < 0.05 * sum(before.values())
    assert recovered >= sum(after.values()) - after["audit"]
    s2 = unlock.login(copy, "lan", PIN)
    try:
        assert not s2.store.damaged and s2.store.integrity_check() == "ok"
        assert s2.store.query("SELECT count(*) FROM customer_search WHERE customer_search MATCH 'nguyen'")[0][0] > 0
    finally:
        s2.close()
    print(f"{where}: page {pgno}, {recovered} rows recovered, {lost} lost, {rec.seconds} s")


def _key(folder: Path) -> bytes:
    from fieldkit.store.keyring import Keyring

    return Keyring(folder).unlock("lan", PIN)


def test_page_one_damaged_says_recreate_from_the_server(copy: Path):
    db = copy / "fieldkit.db"
    with open(db, "r+b") as f:
        f.seek(300)
        f.write(os.urandom(64))
    with pytest.raises(unlock.ProfileProblem) as info:
        unlock.login(copy, "lan", PIN)
    assert info.value.code == "damaged" and "re-create the profile from the server" in info.value.en
    assert "Wrong PIN" not in info.value.en


def test_doctor_names_the_damage_and_recovers(copy: Path):
    _damage(copy, "middle")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FIELDKIT_PIN": PIN, "QT_QPA_PLATFORM": "offscreen"}
    cmd = [sys.executable, "-m", "fieldkit", "doctor", "--profile", str(copy), "--user", "lan"]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    assert r.returncode == 1 and "1 trang hỏng" in r.stdout and "--recover" in r.stdout, r.stdout + r.stderr
    assert "MemoryError" not in r.stdout + r.stderr and "Traceback" not in r.stderr
    r = subprocess.run([*cmd, "--recover"], capture_output=True, text=True, timeout=300, env=env)
    assert "rows recovered" in r.stdout and "Traceback" not in r.stderr, r.stdout + r.stderr
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    assert "toàn vẹn ok" in r.stdout and "0 trang hỏng" in r.stdout, r.stdout


def _mount_tmpfs(where: Path) -> bool:
    where.mkdir(parents=True, exist_ok=True)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(where)], capture_output=True)
    return r.returncode == 0


def test_read_only_profile_is_named_as_such(pristine: Path, tmp_path: Path):
    mnt = tmp_path / "ro"
    if not _mount_tmpfs(mnt):
        pytest.skip("cannot mount a tmpfs here (needs root); read-only media is covered by the message table")
    try:
        shutil.copytree(pristine, mnt / "profile")
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        with pytest.raises(unlock.ProfileProblem) as info:
            unlock.login(mnt / "profile", "lan", PIN)
        assert info.value.code == "read_only" and "read-only" in info.value.en and "chỉ cho phép đọc" in info.value.vi
        env = {**os.environ, "PYTHONPATH": str(ROOT), "FIELDKIT_PIN": PIN}
        r = subprocess.run([sys.executable, "-m", "fieldkit", "sync", "--db", str(mnt / "profile" / "fieldkit.db"),
                            "--user", "lan"], capture_output=True, text=True, timeout=120, env=env)
        assert r.returncode == 2 and "read-only" in r.stderr and "Traceback" not in r.stderr, r.stderr
        assert "wrong key" not in r.stderr.lower() and "wrong pin" not in r.stderr.lower()
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)
