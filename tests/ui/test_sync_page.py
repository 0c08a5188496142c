"""The Sync page against a real central server on loopback: enrol, sync now, refused items."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldkit.central import admin, people
from fieldkit.central.db import Database
from fieldkit.central.server import ServerThread
from fieldkit.domain import reasons
from fieldkit.services import customers
from fieldkit.services import sync as sync_service
from fieldkit.services.customers import CustomerInput
from fieldkit.ui.labels import current_language


@pytest.fixture
def central(tmp_path: Path) -> Iterator[tuple[Database, ServerThread]]:
    db = Database(str(tmp_path / "central.db"))
    db.create_all()
    admin.create_team(db, "T1", "Đội Lý Nhân")
    admin.create_user(db, "lan", "Trần Thị Lan", "technician", "T1")
    with ServerThread(db) as srv:
        yield db, srv
    db.dispose()


def test_enrol_sync_now_and_refused_items_with_reasons(qtbot, session, central, tmp_path: Path):
    from fieldkit.ui.config import Config
    from fieldkit.ui.pages import PageContext
    from fieldkit.ui.pages.sync_page import SyncPage

    db, srv = central
    refreshed: list[int] = []
    ctx = PageContext(session=session, config=Config(tmp_path / "config"), refresh_status=lambda: refreshed.append(1),
                      apply_setting=lambda *_: None)
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.show()

    page.url_edit.setText(srv.url)
    page.code_edit.setText(admin.enrol(db, "T1", "ui").code)
    page.user_code_edit.setText(people.issue_code(db, "lan"))  # lan's signing key is registered for this laptop
    page.enrol_button.click()
    qtbot.waitUntil(lambda: sync_service.status(session).enrolled and page.enrol_button.isEnabled(), timeout=10_000)
    assert page.code_edit.text() == ""

    # The server already has this customer code: it will refuse ours, with a reason.
    admin.import_work_orders(db, "number,kind,customer_code,customer_name\nWO-1,reading,PA23LN0000001,Người khác\n",
                             team_code="T1")
    customers.create_customer(session, CustomerInput(code="PA23LN0000001", name="Trùng mã"))
    customers.create_customer(session, CustomerInput(code="PA23LN0000002", name="Hà Thị Mơ"))

    page.sync_button.click()
    assert page.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: page.last_report is not None and page.sync_button.isEnabled(), timeout=20_000)
    report = page.last_report
    assert report.ok and report.applied == 1 and report.rejected == 1
    assert "1" in page.progress_label.text()
    qtbot.waitUntil(lambda: page.refused_list.count() == 1, timeout=5_000)
    assert reasons.problem("code_taken").message(current_language()) in page.refused_list.item(0).text()
    assert refreshed  # the status bar was asked to look again
    assert sync_service.status(session).waiting == 0


def test_sync_failed_goes_when_a_later_automatic_sync_succeeds(qtbot, session, central, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch):
    """Issue 13: the page kept "Sync failed." after the automatic sync had succeeded."""
    from fieldkit.services import status as status_service
    from fieldkit.sync import base

    # the failing sync still retries its 6 times, each wait 1/50 of the real backoff (the real ones
    # add up to about 12 s, and how long they are is not what this test is about)
    real_delay = base.backoff_delay
    monkeypatch.setattr(base, "backoff_delay", lambda *a: real_delay(*a) / 50)
    from fieldkit.ui.config import Config
    from fieldkit.ui.pages import PageContext
    from fieldkit.ui.pages.sync_page import SyncPage

    db, srv = central
    sync_service.configure(session, srv.url)
    sync_service.enrol(session, admin.enrol(db, "T1", "ui").code, user_code=people.issue_code(db, "lan"))
    ctx = PageContext(session=session, config=Config(tmp_path / "config"), refresh_status=lambda: None,
                      apply_setting=lambda *_: None)
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.on_status(status_service.outbox_status(session), None)
    # the server cannot be reached (a closed port): the page's sync fails
    sync_service.configure(session, "http://127.0.0.1:9")
    customers.create_customer(session, CustomerInput(code="PA23LN0000003", name="Đào Văn Tú"))
    page.sync_button.click()
    qtbot.waitUntil(lambda: page.last_report is not None and page.sync_button.isEnabled(), timeout=30_000)
    # (in the UI language: a Shell test before this one leaves its translators installed)
    assert page.progress_label.text() == page.tr("Sync failed.")
    assert page.last_report.retries >= 2, page.last_report   # it retried (6 times now) before giving up
    last_failure = page.tr("Last failure: %1").split("%1")[0]
    qtbot.waitUntil(lambda: page.error_label.text().startswith(last_failure), timeout=5_000)
    # the signal is back and the automatic sync (the status bar's timer, not this page) succeeds
    sync_service.configure(session, srv.url)
    assert sync_service.sync_now(session).ok
    page.on_status(status_service.outbox_status(session), None)  # what the main window passes on
    qtbot.waitUntil(lambda: page.error_label.text() == "", timeout=5_000)
    assert page.progress_label.text() == "" and "failed" not in page.progress_label.text()
    assert page.waiting.text() == "0"
    # a status with no new sync leaves a fresh failure alone
    page.progress_label.setText("Sync failed.")
    page.failure_shown = True
    page.on_status(status_service.outbox_status(session), None)
    assert page.progress_label.text() == "Sync failed."
