"""No plaintext customer data on the disk: every flow that makes a document, then every byte scanned.

Performs the install (record PDF), the onboarding with its e-contract signature and household
sheet, the team report and the daily summary, opens documents for viewing and printing (private
temporary copies; the printed one deleted once spooled) and closes the session; then reads every file under the profile folder and the temp
folder and looks for the customer's name, code, phone and address in several encodings, and
for any plain PDF, PNG or JPEG. Only the explicit "Save a copy…" target holds plaintext.
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader

from fieldkit.documents.daily_summary import render_daily_summary
from fieldkit.documents.reports_pdf import render_team_report
from fieldkit.domain.local_time import local_today
from fieldkit.domain.models import Address, ReadingSource, RegisterValue, Role, WorkOrderKind
from fieldkit.domain.text import fold
from fieldkit.services import (
    customers,
    documents,
    field_facts,
    installs,
    kept_documents,
    meters,
    reports,
    work_orders,
)
from fieldkit.services import onboarding as ob
from fieldkit.services import session as sessions
from fieldkit.services.customers import CustomerInput
from fieldkit.services.installs import InstallFile
from fieldkit.store.keyring import FAST_KDF

NAME, CODE, PHONE = "Hoàng Thị Xuân Quỳnh", "PA23VG0077441", "0987654123"
STREET, COMMUNE = "Xóm Cây Gạo Đỏ", "Xã Gia Viễn"
MAGIC = {b"%PDF": "PDF", b"\x89PNG": "PNG", b"\xff\xd8\xff": "JPEG", b"SQLite format 3": "plain SQLite"}


def _png(colour: str, size: tuple[int, int] = (160, 120)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()


def _needles() -> dict[bytes, str]:
    out: dict[bytes, str] = {}
    for text in (NAME, CODE, PHONE, STREET, "+84 987 654 123", "987654123"):
        for form in ("NFC", "NFD"):
            t = unicodedata.normalize(form, text)
            for enc in ("utf-8", "utf-16-le", "utf-16-be"):
                out[t.encode(enc)] = f"{text!r} ({form}, {enc})"
        out[fold(text).encode()] = f"{text!r} without diacritics"
        out[fold(text).upper().encode()] = f"{text!r} without diacritics, upper case"
    return out


def _files(root: Path) -> Iterator[Path]:
    for dirpath, _dirs, names in os.walk(root):
        for n in names:
            yield Path(dirpath) / n


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temp folder every part of the app uses during the test (tempfile, TMPDIR)."""
    t = tmp_path / "system-temp"
    t.mkdir()
    monkeypatch.setenv("TMPDIR", str(t))
    monkeypatch.setattr(tempfile, "tempdir", str(t))
    return t


def test_every_document_flow_leaves_no_plaintext_under_profile_or_temp(tmp_path: Path, private_tmp: Path):
    old_umask = os.umask(0o077)  # as the `fieldkit` entry point sets it
    try:
        _run(tmp_path, private_tmp)
    finally:
        os.umask(old_umask)


def _run(tmp_path: Path, private_tmp: Path) -> None:
    folder = tmp_path / "profile"
    session = sessions.create(folder, username="lan", display_name="Trần Thị Lan", role=Role.TECHNICIAN,
                              secret="246810", params=FAST_KDF)
    sessions.add_user(session, username="hung", display_name="Phạm Văn Hùng", role=Role.SUPERVISOR,
                      secret="135790", params=FAST_KDF)
    c = customers.create_customer(session, CustomerInput(
        code=CODE, name=NAME, phone=PHONE,
        address=Address(province_code=37, province="Ninh Bình", commune_code=14464, commune=COMMUNE, street=STREET)))
    m = meters.register_meter(session, serial="CE18-7777", customer_id=c.id)
    for when, index in ((datetime(2026, 10, 25, 3, tzinfo=UTC), "1000"), (datetime(2026, 11, 24, 3, tzinfo=UTC), "1150")):
        field_facts.record_reading(session, meter_id=m.id, registers={"1.8.0": RegisterValue(Decimal(index), "kWh")},
                                   source=ReadingSource.OPTICAL, taken_at=when)
    made: list[kept_documents.KeptDocument] = []

    # 1. install: the record PDF (name, code, phone, address, photos, signatures)
    wo = work_orders.create_work_order(session, kind=WorkOrderKind.METER_REPLACEMENT, customer_id=c.id,
                                       due_date=local_today())
    files = [InstallFile(_png("#88AACC"), "image/png", "photo"), InstallFile(_png("#CCAA88"), "image/png", "photo"),
             InstallFile(_png("white", (300, 100)), "image/png", "signature"),
             InstallFile(_png("#EEEEEE", (300, 100)), "image/png", "signature")]
    values: dict[str, Any] = {
        "reason": "faulty", "representative": NAME, "place": STREET, "substation": "TBA 3", "pole_number": "12/4",
        "box_number": "H2", "position": {"lat": 20.5, "lon": 106.0, "source": "typed"},
        "removed_serial": "OLD-1", "removed_reading": {"BT": "10", "CD": "2", "TD": "3", "source": "manual"},
        "installed_serial": "VSN2025000999", "installed_model": "VSE11-20", "installed_type": "electronic",
        "phases": "1", "installed_reading": {"BT": "0.0", "CD": "0", "TD": "0", "source": "manual"},
        "terminal_seal_code": "NPC-A 1", "terminal_seal_count": "2", "sticker_seal": "TEM-1",
        "optical_sticker": "QC-1", "install_date": local_today().isoformat(),
        "meter_photos": [files[0].sha256, files[1].sha256], "technician_signature": files[2].sha256,
        "customer_signature": files[3].sha256,
    }
    installs.complete_install(session, work_order_id=wo.id, values=values, files=files)
    record = installs.save_record_pdf(session, wo.id, "vi")
    made.append(record)
    assert CODE not in record.file_name and PHONE not in record.file_name

    # 2. onboarding: the e-contract (signature) and the household sheet
    ob.start_with_customer(session, c.id)
    ob.mark_app_shown(session, c.id)
    ob.save_app(session, c.id, True, PHONE)
    ob.save_payment(session, c.id, "mobile_banking", "Agribank")
    ob.mark_bill_shown(session, c.id, ob.bill_qr(session, c.id))
    ob.sign_contract(session, c.id, signed=True, read_summary=True, signer=NAME,
                     strokes=[[(0.1, 0.5), (0.3, 0.3), (0.6, 0.7)]])
    sheet = ob.make_sheet(session, c.id)
    made.append(sheet.document)
    assert CODE not in sheet.document.file_name

    # 3. reports with names: kept encrypted too (exported only through "Save a copy…")
    supervisor = sessions.login(folder, "hung", "135790")
    report = reports.team_report(supervisor, local_today().replace(day=1), local_today())
    made.append(kept_documents.keep(supervisor, render_team_report(report, None, "vi"), "report", "bao-cao.pdf"))
    summary = reports.daily_summary(supervisor, session.user_id, local_today())
    made.append(kept_documents.keep(supervisor, render_daily_summary(summary, None, "vi"), "daily_summary",
                                    "cong-viec.pdf"))
    supervisor.close()

    # each really is the customer's document (the scan below would otherwise prove little)
    texts = ["".join(p.extract_text() for p in PdfReader(io.BytesIO(kept_documents.read(session, d))).pages)
             for d in made[:2]]
    assert all(CODE in t and NAME in t for t in texts)

    # 4. view / print: a private temporary copy, removed when the session closes
    view = kept_documents.open_private(session, record)
    assert view.read_bytes().startswith(b"%PDF") and str(view).startswith(str(private_tmp))
    assert stat.S_IMODE(view.stat().st_mode) == 0o600 and stat.S_IMODE(view.parent.stat().st_mode) == 0o700
    assert CODE not in view.name

    # 4b. the e-contract made from the records: opened, and printed through a spooler that copies the
    # file (as CUPS lp does); the printed copy is deleted once spooled, the viewed one at session end
    contract = documents.DocumentRef("contract", c.id)
    assert CODE in "".join(p.extract_text() for p in PdfReader(io.BytesIO(documents.pdf_of(session, contract))).pages)
    contract_view = documents.open_document(session, contract)
    spool = tmp_path / "spool"
    spool.mkdir()
    printed = documents.open_document(session, contract)
    (spool / "job-1").write_bytes(printed.read_bytes())  # what the print service keeps is its own
    assert kept_documents.remove_private_copy(printed) and not printed.exists()
    assert contract_view.exists() and CODE not in str(contract_view)

    # 5. the explicit "Save a copy…": the only plaintext, where the user chose
    exports = tmp_path / "exports"
    exports.mkdir()
    copy = kept_documents.save_copy(session, sheet.document, exports / sheet.document.file_name)
    assert copy.read_bytes().startswith(b"%PDF")

    assert kept_documents.remove_private_copies() == 2
    assert not view.exists() and not contract_view.exists()
    session.close()
    sessions.login(folder, "lan", "246810").close()  # re-opening also tightens what older versions wrote

    needles = _needles()
    hits: list[str] = []
    scanned = 0
    for root in (folder, private_tmp):
        for path in _files(root):
            data = path.read_bytes()
            scanned += len(data)
            hits += [f"{path}: {what}" for needle, what in needles.items() if needle in data]
            hits += [f"{path}: a plain {kind} file" for magic, kind in MAGIC.items() if data.startswith(magic)]
            if root == folder:
                mode = stat.S_IMODE(path.stat().st_mode)
                assert mode & 0o077 == 0, f"{path} is readable by others ({oct(mode)})"
    assert hits == []
    assert scanned > 100_000  # the database and the encrypted attachments were really read
    assert not any(p.name.endswith(".tmp") for p in _files(folder))
    assert [p.name for p in folder.iterdir() if p.is_dir()] == ["attachments"]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert list(private_tmp.iterdir()) == []


def test_a_crashed_runs_private_views_are_swept(private_tmp: Path):
    dead = private_tmp / f"{kept_documents.PRIVATE_PREFIX}999999999-x"
    mine = private_tmp / f"{kept_documents.PRIVATE_PREFIX}{os.getpid()}-y"
    for d in (dead, mine):
        d.mkdir()
        (d / "view.pdf").write_bytes(b"%PDF-1.4")
    assert kept_documents.sweep_stale_private_copies() == 1
    assert not dead.exists() and mine.exists()
