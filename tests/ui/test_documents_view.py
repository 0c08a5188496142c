"""Open / print / save a copy of an encrypted document, through the real widget."""

from __future__ import annotations

import stat
import tempfile
from pathlib import Path

import pytest

from fieldkit.domain.local_time import local_today
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
    vi, en = kept_documents.COPY_WARNING.vi, kept_documents.COPY_WARNING.en
    assert "KHÔNG được mã hoá" in vi and "NOT encrypted" in en and "phone" in en


def test_screenshot_demo_photos_leave_no_temp_folder(qtbot, session, tmp_path: Path, monkeypatch):

    from fieldkit.domain.models import WorkOrderKind
    from fieldkit.services import customers, ui_queries, work_orders
    from fieldkit.services.customers import CustomerInput
    from fieldkit.ui.install.demo import fill_demo
    from fieldkit.ui.install.install_form import InstallForm

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    c = customers.create_customer(session, CustomerInput(code="PA23LN0000123", name="Nguyễn Văn Bình"))
    work_orders.create_work_order(session, kind=WorkOrderKind.METER_INSTALL, customer_id=c.id, due_date=local_today())
    [row] = [r for r in ui_queries.my_work_orders(session) if r.customer_code == "PA23LN0000123"]
    form = InstallForm(session, row, readers={})
    qtbot.addWidget(form)
    fill_demo(form)
    picker = form.view.editors["meter_photos"].photos
    assert picker is not None and len(picker.photos) == 2  # the pictures were read...
    assert list(tmp_path.glob("fieldkit-demo-photos-*")) == []  # ...and their folder is gone


def _signed_household(session: Session) -> str:
    from fieldkit.domain.models import Address
    from fieldkit.services import customers
    from fieldkit.services import onboarding as ob
    from fieldkit.services.customers import CustomerInput

    c = customers.create_customer(session, CustomerInput(
        code="PA23VG0053140", name="Nguyễn Văn Đức", phone="0912345678",
        address=Address(province_code=37, province="Ninh Bình", commune_code=14464, commune="Xã Gia Viễn")))
    ob.start_with_customer(session, c.id)
    ob.mark_app_shown(session, c.id)
    ob.save_app(session, c.id, False, "")
    ob.save_payment(session, c.id, "cash")
    ob.sign_contract(session, c.id, signed=True, read_summary=True, signer="Nguyễn Văn Đức",
                     strokes=[[(0.1, 0.5), (0.5, 0.2), (0.9, 0.6)]])
    return c.id


def test_print_asks_the_printer_spools_and_leaves_no_plaintext(qtbot, session, tmp_path: Path, monkeypatch):
    """Print…: the print dialog's choice goes to the system's print service with the private copy,
    which is deleted as soon as it is spooled; cancelling the dialog prints nothing."""
    from fieldkit.services import documents, printing
    from fieldkit.ui.documents_view import DocumentsPanel

    temp = tmp_path / "system-temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setattr(printing, "can_print", lambda: True)
    cid = _signed_household(session)
    panel = DocumentsPanel()
    qtbot.addWidget(panel)
    panel.show_customer(session, cid)
    qtbot.waitUntil(lambda: panel.actions_for("contract") is not None, timeout=10_000)
    assert [r.kind for r in panel.refs] == ["contract"] and not panel.isHidden()
    actions = panel.actions_for("contract")
    assert actions is not None and actions.make_button.isVisibleTo(panel)
    jobs: list[tuple[str, int, bytes]] = []

    def spool(job: printing.PrintJob) -> bool:
        jobs.append((job.printer, job.copies, job.path.read_bytes()))
        return True

    actions.send_to_printer = spool
    actions.ask_printer = lambda: None  # the user cancels the print dialog
    actions.print_button.click()
    assert jobs == []
    actions.ask_printer = lambda: ("HP-LaserJet-Doi-3", 2)
    with qtbot.waitSignal(actions.printed, timeout=10_000):
        actions.print_button.click()
    [(printer, copies, data)] = jobs
    assert (printer, copies) == ("HP-LaserJet-Doi-3", 2) and data.startswith(b"%PDF")
    assert "HP-LaserJet-Doi-3" in actions.message.text()
    assert list(temp.iterdir()) == []  # the private copy went once spooled
    # a printer that refuses: the reason is shown, the copy still goes
    def refuse(job: printing.PrintJob) -> bool:
        raise printing.PrintError(printing._M("The printer refused the document: {reason}", reason="hết giấy"))

    actions.send_to_printer = refuse
    actions.print_button.click()
    qtbot.waitUntil(lambda: "no paper" in actions.message.text() or "hết giấy" in actions.message.text(),
                    timeout=10_000)
    assert list(temp.iterdir()) == []
    # make again: a new document made from the records, then opened
    with qtbot.waitSignal(actions.made, timeout=10_000) as made:
        actions.make_button.click()
    assert made.args[0].kind == "contract" and "PA23VG" not in made.args[0].file_name
    assert documents.DocumentRef("contract", cid) == actions.ref


def test_lp_command_names_the_printer_and_copies(tmp_path: Path, monkeypatch):
    from fieldkit.services import printing

    monkeypatch.setattr(printing.shutil, "which", lambda name: "/usr/bin/lp")
    cmd = printing._lp_command(printing.PrintJob(tmp_path / "-x.pdf", "Doi 3", 500))
    assert cmd[:2] == ["/usr/bin/lp", "-s"] and cmd[cmd.index("-d") + 1] == "Doi 3"
    assert cmd[cmd.index("-n") + 1] == "99" and cmd[-2] == "--"  # a file name never read as an option
    monkeypatch.setattr(printing.shutil, "which", lambda name: None)
    with pytest.raises(printing.PrintError):
        printing._lp_command(printing.PrintJob(tmp_path / "x.pdf"))
    with pytest.raises(printing.PrintError):
        printing.print_pdf(printing.PrintJob(tmp_path / "missing.pdf"))


def test_the_review_call_opens_a_record_pdf_in_the_viewer(qtbot, session, tmp_path: Path, monkeypatch):
    from fieldkit.domain import onboarding as flow
    from fieldkit.services import onboarding as ob
    from fieldkit.ui import documents_view
    from fieldkit.ui.qt import QWidget

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    shown: list[str] = []
    monkeypatch.setattr(documents_view.QDesktopServices, "openUrl", lambda url: shown.append(url.toLocalFile()) or True)
    cid = _signed_household(session)
    step = ob.load_flow(session, cid).records[flow.CONTRACT]
    parent = QWidget()
    qtbot.addWidget(parent)
    results: list[object] = []
    documents_view.open_record_pdf(parent, session, "onboarding_step", step.id, results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert isinstance(results[0], Path) and shown == [str(results[0])]
    documents_view.open_record_pdf(parent, session, "onboarding_step", "missing", results.append)
    qtbot.waitUntil(lambda: len(results) == 2, timeout=10_000)
    assert isinstance(results[1], Exception)
    kept_documents.remove_private_copies()
    assert not Path(str(results[0])).exists()


def test_customer_detail_opens_and_prints_the_households_documents(qtbot, session, tmp_path: Path, monkeypatch):
    from fieldkit.services import printing
    from fieldkit.ui.customer_detail import CustomerDetail

    temp = tmp_path / "system-temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setattr(printing, "can_print", lambda: True)
    cid = _signed_household(session)
    detail = CustomerDetail(session)
    qtbot.addWidget(detail)
    detail.load(cid)
    qtbot.waitUntil(lambda: detail.document_panel.actions_for("contract") is not None, timeout=10_000)
    actions = detail.document_panel.actions_for("contract")
    assert actions is not None
    shown: list[str] = []
    actions.show_url = lambda url: shown.append(url.toLocalFile()) or True
    with qtbot.waitSignal(actions.opened, timeout=10_000):
        actions.open_button.click()
    assert len(shown) == 1 and Path(shown[0]).read_bytes().startswith(b"%PDF")
    jobs: list[str] = []
    actions.ask_printer = lambda: ("", 1)
    actions.send_to_printer = lambda job: jobs.append(job.printer) or True
    with qtbot.waitSignal(actions.printed, timeout=10_000):
        actions.print_button.click()
    assert jobs == [""]
    kept_documents.remove_private_copies()
    assert list(temp.iterdir()) == []
