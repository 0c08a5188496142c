"""A full disk is named before and when it happens: a real (small) tmpfs, filled to the last byte.

Saving photos and writing the database on a full disk fail with the Vietnamese message that
says what to do; no partial *.tmp stays behind; closing the session does not raise; after
space is freed, everything committed before is there and the database checks ok.
"""

from __future__ import annotations

import io
import os
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from fieldkit.domain.models import ReadingSource, RegisterValue, Role
from fieldkit.services import customers, field_facts, health, meters, status, unlock
from fieldkit.services import session as sessions
from fieldkit.services.customers import CustomerInput
from fieldkit.store import disk
from fieldkit.store.database import StoreError
from fieldkit.store.keyring import FAST_KDF

PIN = "246810"


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    mnt = tmp_path / "small-disk"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", str(mnt)], capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {r.stderr.decode().strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


def _photo(seed: int, size: int = 256 * 1024) -> bytes:
    raw = os.urandom(size)  # incompressible, like a camera's JPEG
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (seed % 255, 0, 0)).save(buf, "PNG")
    return buf.getvalue() + raw


def _fill(mnt: Path) -> Path:
    filler = mnt / "other-program-data.bin"
    with open(filler, "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * (64 * 1024))
                f.flush()
        except OSError:
            pass
        try:
            while True:
                f.write(b"\0" * 512)
                f.flush()
        except OSError:
            pass
    return filler


def test_a_disk_nearly_full_is_warned_about_at_login(tmpfs: Path):
    s = sessions.create(tmpfs / "profile", username="lan", display_name="Lan", role=Role.TECHNICIAN, secret=PIN,
                        params=FAST_KDF)
    try:
        warnings = health.login_warnings(s)  # 12 MB free is far less than a day's photos
        assert any("Ổ đĩa sắp đầy" in vi and "almost full" in en for vi, en in warnings)
        assert disk.free_bytes(tmpfs) < disk.DAY_OF_PHOTOS_BYTES
        warning = status.outbox_status(s).disk_warning  # and in the status bar, refreshed all day
        assert warning is not None and warning[0].startswith("Ổ đĩa sắp đầy")
    finally:
        s.close()


def test_full_disk_photo_save_and_db_write_lose_nothing(tmpfs: Path):
    folder = tmpfs / "profile"
    s = sessions.create(folder, username="lan", display_name="Lan", role=Role.TECHNICIAN, secret=PIN,
                        params=FAST_KDF)
    c = customers.create_customer(s, CustomerInput(code="PA23VG0000001", name="Nguyễn Văn A", phone="0912345678"))
    m = meters.register_meter(s, serial="CE-1", customer_id=c.id)
    committed = []
    for i in range(5):  # committed before the disk fills: each with a photo
        r = field_facts.record_reading(s, meter_id=m.id, registers={"1.8.0": RegisterValue(Decimal(100 + i), "kWh")},
                                       source=ReadingSource.MANUAL, manual_reason="test", photo=_photo(i),
                                       taken_at=datetime(2026, 11, 1 + i, 3, tzinfo=UTC))
        committed.append(r.id)
    filler = _fill(tmpfs)
    assert disk.free_bytes(tmpfs) < 64 * 1024

    # 1. a photo that does not fit
    with pytest.raises(OSError) as info:
        field_facts.record_reading(s, meter_id=m.id, registers={"1.8.0": RegisterValue(Decimal(200), "kWh")},
                                   source=ReadingSource.MANUAL, manual_reason="test", photo=_photo(99))
    vi, en = health.describe(info.value)
    assert vi.startswith("Ổ đĩa đã đầy") and "xoá bớt" in vi and "nothing already saved is lost" in en
    assert list(folder.rglob("*.tmp")) == []

    # 2. database writes until the database itself cannot grow
    db_errors: list[BaseException] = []
    for i in range(400):
        try:
            field_facts.record_reading(s, meter_id=m.id, registers={"1.8.0": RegisterValue(Decimal(300 + i), "kWh")},
                                       source=ReadingSource.OPTICAL, manual_reason="x" * 2000)
        except (StoreError, OSError) as exc:
            db_errors.append(exc)
            break
    assert db_errors, "the database never met the full disk"
    err = db_errors[0]
    assert isinstance(err, StoreError) and err.code == "disk_full", repr(err)
    assert health.describe(err)[0].startswith("Ổ đĩa đã đầy")
    written = s.store.query_one("SELECT count(*) FROM readings")[0]

    # 3. the session closes cleanly, with the disk still full
    s.close()
    assert list(folder.rglob("*.tmp")) == []

    # 4. space comes back: nothing committed is lost
    filler.unlink()
    s2 = unlock.login(folder, "lan", PIN)
    try:
        ids = {r[0] for r in s2.store.query("SELECT id FROM readings")}
        assert set(committed) <= ids and len(ids) >= written
        assert s2.store.integrity_check() == "ok" and not s2.store.damaged
        for sha, in s2.store.query("SELECT sha256 FROM attachments"):
            assert s2.attachments.get(sha)  # every kept photo is whole
    finally:
        s2.close()
