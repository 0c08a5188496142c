"""Supervisor review end to end through the real widgets on a fresh encrypted profile.

The technician's work is made through the services (readings with a raw capture and a
photo, an install with a photo and a signature, submitted work orders); the supervisor
then signs in, filters, opens details, approves one work order, returns another with a
comment, and the test reads the database and the outbox.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from fieldkit.devices.capture import Capture
from fieldkit.domain.models import Address, ReadingSource, RegisterValue, Role, WorkOrderKind
from fieldkit.services import customers, field_facts, meters, work_orders
from fieldkit.services import session as sessions
from fieldkit.services.customers import CustomerInput
from fieldkit.services.review import local_today
from fieldkit.store.keyring import FAST_KDF
from fieldkit.ui.pages.review_records import visible_texts
from fieldkit.ui.qt import Qt
from fieldkit.ui.style import DANGER

LEFT = Qt.MouseButton.LeftButton

SUPERVISOR_PIN = "135790"


def png(color: tuple[int, int, int]) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (120, 90), color).save(buf, format="PNG")
    return buf.getvalue()


def capture(index: str) -> bytes:
    cap = Capture(port="/dev/ttyUSB0")
    cap.tx(b"/?!\r\n", 300)
    cap.rx(b"/EMH5\\@CE18\r\n", 300)
    cap.rx(b"\x02" + f"1.8.0({index}*kWh)\r\n!\r\n".encode() + b"\x03\x10", 9600)
    return cap.to_bytes()


@dataclass
class Seeded:
    ids: dict[str, str]


@pytest.fixture
def seeded(session, profile_dir) -> Seeded:
    """Hùng (supervisor) can sign in; Lan (technician) has submitted three work orders."""
    sessions.add_user(session, username="hung", display_name="Phạm Văn Hùng", role=Role.SUPERVISOR,
                      secret=SUPERVISOR_PIN, params=FAST_KDF)
    today = local_today()
    people = [("PA23LN0000001", "Nguyễn Văn Đức", (14464, "Xã Gia Viễn", 37, "Ninh Bình")),
              ("PA23LN0000002", "Trần Thị Hường", (14464, "Xã Gia Viễn", 37, "Ninh Bình")),
              ("PH01HP0000003", "Đặng Quốc Việt", (11560, "Phường Thuỷ Nguyên", 31, "Thành phố Hải Phòng"))]
    ids: dict[str, str] = {}
    for key, (code, name, (ccode, commune, pcode, province)) in zip(("a", "b", "c"), people, strict=True):
        c = customers.create_customer(session, CustomerInput(code=code, name=name, address=Address(
            province_code=pcode, province=province, commune_code=ccode, commune=commune, street="Thôn 2")))
        m = meters.register_meter(session, serial=f"CE18-{key.upper()}", customer_id=c.id, model="CE-18")
        ids[f"customer_{key}"], ids[f"meter_{key}"] = c.id, m.id
    due = {"a": today - timedelta(days=2), "b": today + timedelta(days=3), "c": today + timedelta(days=5)}
    kinds = {"a": WorkOrderKind.READING, "b": WorkOrderKind.METER_INSTALL, "c": WorkOrderKind.READING}
    for key in ("a", "b", "c", "d"):
        owner = key if key != "d" else "c"
        wo = work_orders.create_work_order(
            session, kind=kinds.get(key, WorkOrderKind.INSPECTION), customer_id=ids[f"customer_{owner}"],
            due_date=due.get(key, today - timedelta(days=1)), meter_id=ids[f"meter_{owner}"],
            number=f"WO-{key.upper()}")
        ids[f"wo_{key}"] = wo.id
    now = datetime.now(UTC)
    for days, index in ((60, "1000"), (30, "1100")):
        field_facts.record_reading(session, meter_id=ids["meter_a"], source=ReadingSource.OPTICAL,
                                   registers={"1.8.0": RegisterValue(Decimal(index), "kWh")},
                                   taken_at=now - timedelta(days=days))
    field_facts.record_reading(session, meter_id=ids["meter_a"], source=ReadingSource.OPTICAL,
                               registers={"1.8.0": RegisterValue(Decimal("1900"), "kWh")}, taken_at=now,
                               work_order_id=ids["wo_a"], customer_id=ids["customer_a"], capture=capture("1900"),
                               photo=png((30, 60, 140)), photo_mime="image/png")
    field_facts.record_install(session, work_order_id=ids["wo_b"], installed_meter_serial="CE18-NEW",
                               data={"seal": "NPC-123"},
                               attachments=[(png((200, 40, 40)), "image/png", "photo"),
                                            (png((250, 250, 250)), "image/png", "signature")])
    field_facts.record_reading(session, meter_id=ids["meter_c"], source=ReadingSource.MANUAL,
                               registers={"1.8.0": RegisterValue(Decimal("55"), "kWh")},
                               manual_reason="cổng quang bị che", work_order_id=ids["wo_c"],
                               photo=png((90, 90, 90)), photo_mime="image/png")
    for key in ("a", "b", "c"):
        work_orders.submit_work_order(session, ids[f"wo_{key}"])
    return Seeded(ids)


def sign_in_as_supervisor(qtbot, shell):
    form = shell.login_window.login
    form.select_user("hung")
    form.pin.setText(SUPERVISOR_PIN)
    form.submit()
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    return shell.main_window


def numbers(page) -> list[str]:
    return [r.number for r in page.rows]


def test_supervisor_filters_opens_approves_and_returns(qtbot, seeded, shell):
    ids = seeded.ids
    win = sign_in_as_supervisor(qtbot, shell)
    page = win.go_to("review")
    qtbot.waitUntil(lambda: page.loaded and page.tech_combo.count() > 1, timeout=10_000)
    # waiting for review: a (overdue, first), b, c; d is not submitted
    assert numbers(page) == ["WO-A", "WO-B", "WO-C"]
    assert page.tabs.tabText(0) == "Phiếu chờ duyệt" and page.title.text() == "Duyệt phiếu"
    overdue = page.model.data(page.model.index(0, 0), Qt.ItemDataRole.ForegroundRole)
    assert overdue is not None and overdue.name() == DANGER.lower()
    assert page.model.data(page.model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert "quá hạn" in page.model.data(page.model.index(0, 0))

    # filter by commune, then by due date, then by status "not done yet"
    page.commune_combo.setCurrentIndex(page.commune_combo.findText("Phường Thuỷ Nguyên"))
    qtbot.waitUntil(lambda: numbers(page) == ["WO-C"], timeout=10_000)
    page.commune_combo.setCurrentIndex(0)
    page.due_combo.setCurrentIndex(page.due_combo.findData("overdue"))
    qtbot.waitUntil(lambda: numbers(page) == ["WO-A"], timeout=10_000)
    page.status_combo.setCurrentIndex(page.status_combo.findData("open"))
    qtbot.waitUntil(lambda: numbers(page) == ["WO-D"], timeout=10_000)
    page.status_combo.setCurrentIndex(page.status_combo.findData("waiting"))
    page.due_combo.setCurrentIndex(0)
    page.tech_combo.setCurrentIndex(page.tech_combo.findText("Trần Thị Lan"))
    qtbot.waitUntil(lambda: numbers(page) == ["WO-A", "WO-B", "WO-C"], timeout=10_000)

    # details of A: the reading, its raw capture as hex / ASCII, its photo
    assert page.select_number("WO-A")
    qtbot.waitUntil(lambda: page.loaded_detail is not None and page.current_id == ids["wo_a"], timeout=10_000)
    cards = page.detail_scroll.cards
    assert [c.record.kind for c in cards] == ["reading"]
    shown = "\n".join(visible_texts(cards[0]))
    assert "Tổng điện năng tác dụng giao (KT): 1.900 kWh" in shown and "1.8.0" not in shown
    assert "Tiêu thụ: 800 kWh" in shown  # since the reading 30 days earlier
    assert "Tiêu thụ bất thường" in shown, shown  # 800 kWh after 100 a month: above 3x
    assert not page.capture_view.isVisibleTo(page)  # the raw exchange is folded until asked for
    qtbot.mouseClick(page.detail_scroll.capture_toggle, LEFT)
    assert page.capture_view.isVisibleTo(page)
    text = page.capture_view.toPlainText()
    assert "/?!<CR><LF>" in text and "2f 3f 21 0d 0a" in text and "<STX>1.8.0(1900*kWh)" in text
    pictures = [lbl for lbl in page.photo_labels if lbl.pixmap() is not None and not lbl.pixmap().isNull()]
    assert len(pictures) == 1
    assert "QUÁ HẠN" in page.detail_info.text() and "Nguyễn Văn Đức" in page.detail_info.text()
    assert page.approve_button.isEnabled()
    qtbot.mouseClick(page.approve_button, LEFT)
    qtbot.waitUntil(lambda: "đã được duyệt" in page.message.text(), timeout=10_000)
    qtbot.waitUntil(lambda: numbers(page) == ["WO-B", "WO-C"], timeout=10_000)

    # details of B: install photo and signature side by side; returning needs a comment
    assert page.select_number("WO-B")
    qtbot.waitUntil(lambda: page.loaded_detail is not None and page.current_id == ids["wo_b"], timeout=10_000)
    assert len([lbl for lbl in page.photo_labels if lbl.pixmap() is not None and not lbl.pixmap().isNull()]) == 2
    shown = "\n".join(visible_texts(page.detail_scroll.records_box))
    assert "CE18-NEW" in shown and "NPC-123" in shown
    qtbot.mouseClick(page.return_button, LEFT)
    qtbot.waitUntil(lambda: page.message.objectName() == "Error", timeout=5_000)
    assert "cần sửa" in page.message.text()
    # (QTest cannot type non-ASCII keys; the text arrives as an input method would put it, then Enter)
    page.comment.setFocus()
    page.comment.insert("Ảnh niêm phong bị mờ, chụp lại")
    qtbot.keyClick(page.comment, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "đã được trả lại" in page.message.text(), timeout=10_000)
    qtbot.waitUntil(lambda: numbers(page) == ["WO-C"], timeout=10_000)
    page.status_combo.setCurrentIndex(page.status_combo.findData("returned"))
    qtbot.waitUntil(lambda: numbers(page) == ["WO-B"], timeout=10_000)

    # the database and the outbox
    s = shell.session
    a, b = work_orders.get_work_order(s, ids["wo_a"]), work_orders.get_work_order(s, ids["wo_b"])
    assert (a.state.value, b.state.value) == ("approved", "returned")
    assert b.review_comment == "Ảnh niêm phong bị mờ, chụp lại"
    ops = s.store.query("SELECT entity_id, action, payload, base_version, state, actor FROM outbox "
                        "WHERE action IN ('approve', 'return') ORDER BY seq")
    assert [(o[0], o[1], o[3], o[4]) for o in ops] == [(ids["wo_a"], "approve", 2, "pending"),
                                                       (ids["wo_b"], "return", 2, "pending")]
    assert json.loads(ops[1][2]) == {"id": ids["wo_b"], "state": "returned", "comment": "Ảnh niêm phong bị mờ, chụp lại"}
    assert ops[0][5] == ops[1][5] == s.user_id
    assert s.store.query("SELECT count(*) FROM audit WHERE entity = 'work_order' AND detail = 'done->approved'") == [(1,)]
    assert win.status.outbox is not None


def test_technician_sees_reports_but_not_the_review_list(qtbot, seeded, shell):
    form = shell.login_window.login
    form.select_user("lan")
    form.pin.setText("246810")
    form.submit()
    qtbot.waitUntil(lambda: shell.main_window is not None, timeout=10_000)
    page = shell.main_window.go_to("review")
    assert page.tabs.currentWidget() is page.reports
    assert not page.table.isVisibleTo(page.review_tab) and page.not_allowed.isVisibleTo(page.review_tab)
    assert not page.loaded and page.rows == []  # the review list never loaded for a technician
