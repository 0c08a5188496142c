"""UI fixtures: a Shell on the test profile, customers inserted in one transaction."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldkit.domain.ids import new_id
from fieldkit.domain.models import Address, Customer
from fieldkit.services.session import Session
from fieldkit.store import customers as customer_repo
from fieldkit.store.keyring import FAST_KDF

GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hương", "Lan", "Minh", "Nam", "Thảo"]
FAMILY = ["Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ"]


def add_customers(session: Session, n: int) -> None:
    """Test data straight through the store in one transaction (widgets never do this)."""
    with session.store.transaction(actor=session.user_id) as tx:
        for i in range(n):
            name = f"{FAMILY[i % len(FAMILY)]} Thị {GIVEN[(i // 8) % len(GIVEN)]} {i}"
            c = Customer(id=new_id(), code=f"PA23LN{i:07d}", name=name, phone=f"09{i:08d}",
                         address=Address(commune="Xã Nhân Hà", commune_code=13300), households=1 + i % 3)
            customer_repo.insert(tx.conn, c, tx.now)
        special = [("PA23VG0053140", "Nguyễn Văn A", "0912345678"), ("PH01HP0000001", "Nguyễn Văn Anh", "0987654321")]
        for code, name, phone in special:
            c = Customer(id=new_id(), code=code, name=name, phone=phone,
                         address=Address(commune="Phường Hồng Bàng", commune_code=11200))
            customer_repo.insert(tx.conn, c, tx.now)


@pytest.fixture
def shell(qapp, profile_dir: Path, session: Session) -> Iterator[object]:
    """A Shell on the conftest profile (user lan / PIN 246810), Vietnamese, not logged in."""
    from fieldkit.ui.app import Shell

    sh = Shell(qapp, profile_dir, language="vi", params=FAST_KDF)
    sh.start()
    yield sh
    if sh.main_window is not None:
        sh.main_window.shutdown()
        sh.main_window.close()
    sh.login_window.close()
    sh.close_session()
    sh.translations.switch("vi")


STALL_LIMIT_MS = float(os.environ.get("FIELDKIT_STALL_LIMIT_MS", "100"))


@pytest.fixture(scope="session")
def qapp_cls():
    """Every UI test runs on a QApplication that times each event it delivers."""
    from fieldkit.ui.stall_probe import ProbeApplication

    return ProbeApplication


@pytest.fixture
def no_leftover_windows(qapp):
    """After the test, the windows our code made (main windows, login windows, pages shown alone) are
    deleted, not just closed: a closed window lives on hidden, and every later test's language switch
    sent it a LanguageChange that refilled its tables (hundreds of them by the end of the suite, the
    UI tests ran ~2x slower). Qt's own windows (tooltips, popups) are left to Qt."""
    from fieldkit.ui.qt import QApplication, QEvent

    yield
    for w in QApplication.topLevelWidgets():
        if type(w).__module__.startswith(("fieldkit.", "tests.")):
            w.close()
            w.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="module", autouse=True)
def _frozen_until_the_module_ends() -> Iterator[None]:
    """The objects `stall_probe` freezes stay frozen until the module's last test is done, then all is
    unfrozen and collected once (what died in between is freed here)."""
    yield
    gc.unfreeze()
    gc.collect()


@pytest.fixture(autouse=True)
def stall_probe(qapp, no_leftover_windows):
    """Fails the test if the UI thread stayed inside one event longer than 100 ms.

    Replaces fixed "the timer kept ticking" assertions: the probe is on in every UI test.
    FIELDKIT_STALL_LIMIT_MS changes the limit (for a machine known to be slow)."""
    probe = qapp.probe
    probe.limit = STALL_LIMIT_MS / 1000
    # What the test process holds before the test (pytest, fixtures, the central server's modules) is kept
    # out of the garbage collector's full passes, as the app does with gc.freeze() once its window is built:
    # otherwise a full collection walking it (138-169 ms on a loaded machine) was charged to the UI thread.
    # It stays frozen after the test (until the module ends): the collection here walks only what the
    # previous test left, not the whole process again (that was 0.18 s of CPU a UI test, 0.26 s under load).
    gc.collect()
    gc.freeze()
    probe.reset()
    yield probe
    over = list(probe.over)
    probe.reset()
    if over:
        worst = max(over, key=lambda s: s.seconds)
        listed = "; ".join(f"{s.seconds * 1000:.0f} ms in {s.what}" for s in over[:8])
        pytest.fail(f"the UI thread stalled {len(over)} time(s) over {STALL_LIMIT_MS:.0f} ms "
                    f"(worst {worst.seconds * 1000:.0f} ms in {worst.what}): {listed}", pytrace=False)
