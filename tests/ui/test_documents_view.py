"""Open / print / save a copy of an encrypted document, through the real widget."""

from __future__ import annotations

import stat
import tempfile
from pathlib import Path

import pytest

from fieldkit.services import kept_documents
from fieldkit.services.session import Session
from fieldkit.ui.documents_view import DocumentActions


@pytest.fixture
def doc(session: Session) -> kept_documents.KeptDocument:
    return kept_documents.keep(session, b"%PDF-1.4 Nguyen Van A PA23VG0053140", "household_sheet",
                               "phieu-khach-hang-vi.pdf")


def test_open_decrypts_to_a_private_file_removed_at_logout(qtbot, session, doc, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    w = DocumentActions()
    qtbot.addWidget(w)
    assert w.document is None and w.isHidden()  # nothing to open yet
    shown: list[str] = []
    w.show_url = lambda url: shown.append(url.toLocalFile()) or True
    w.set_document(session, doc)
    with qtbot.waitSignal(w.opened, timeout=10_000) as sig:
        w.open_button.click()
    path = Path(sig.args[0])
    assert shown == [str(path)] and path.read_bytes() == kept_documents.read(session, doc)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and path.name == "phieu-khach-hang-vi.pdf"
    assert "removed when you log out" in w.message.text() or "xoá khi bạn đăng xuất" in w.message.text()
    kept_documents.remove_private_copies()
    assert not path.exists() and not path.parent.exists()


def test_save_a_copy_warns_first_and_cancel_writes_nothing(qtbot, session, doc, tmp_path: Path):
    w = DocumentActions()
    qtbot.addWidget(w)
    w.set_document(session, doc)
    asked: list[str] = []
    w.confirm_copy = lambda: False  # the user cancels the warning
    w.ask_path = lambda suggested: asked.append(suggested) or str(tmp_path / "x.pdf")
    w.copy_button.click()
    assert asked == [] and not (tmp_path / "x.pdf").exists()
    w.confirm_copy = lambda: True
    with qtbot.waitSignal(w.saved, timeout=10_000):
        w.copy_button.click()
    assert asked == ["phieu-khach-hang-vi.pdf"]
    assert (tmp_path / "x.pdf").read_bytes() == kept_documents.read(session, doc)
    assert list(tmp_path.glob(".*.part")) == []


def test_the_warning_names_what_the_copy_exposes():
    vi, en = kept_documents.COPY_WARNING
    assert "KHÔNG được mã hoá" in vi and "NOT encrypted" in en and "phone" in en


def test_screenshot_demo_photos_leave_no_temp_folder(qtbot, session, tmp_path: Path, monkeypatch):
    from datetime import date

    from fieldkit.domain.models import WorkOrderKind
    from fieldkit.services import customers, ui_queries, work_orders
    from fieldkit.services.customers import CustomerInput
    from fieldkit.ui.install.demo import fill_demo
    from fieldkit.ui.install.install_form import InstallForm

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    c = customers.create_customer(session, CustomerInput(code="PA23LN0000123", name="Nguyễn Văn Bình"))
    work_orders.create_work_order(session, kind=WorkOrderKind.METER_INSTALL, customer_id=c.id, due_date=date.today())
    [row] = [r for r in ui_queries.my_work_orders(session) if r.customer_code == "PA23LN0000123"]
    form = InstallForm(session, row, readers={})
    qtbot.addWidget(form)
    fill_demo(form)
    picker = form.view.editors["meter_photos"].photos
    assert picker is not None and len(picker.photos) == 2  # the pictures were read...
    assert list(tmp_path.glob("fieldkit-demo-photos-*")) == []  # ...and their folder is gone
