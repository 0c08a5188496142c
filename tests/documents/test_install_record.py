"""Install / removal record PDF: Vietnamese text, blocks from the form version, QR, images."""

from __future__ import annotations

import io
from datetime import datetime

import pymupdf
import pypdf
import zxingcpp
from PIL import Image

from fieldkit.documents.install_record import InstallRecord, qr_payload, render_install_record
from fieldkit.forms import load_form


def _png(colour: str, size: tuple[int, int] = (200, 80)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()


def record(version: int = 2) -> InstallRecord:
    photo, sig = _png("#336699", (160, 120)), _png("#222222")
    import hashlib
    ps, ss = hashlib.sha256(photo).hexdigest(), hashlib.sha256(sig).hexdigest()
    data = {
        "reason": "faulty", "representative": "Lê Thị Hương", "position": {"lat": 20.5412, "lon": 106.0521,
                                                                          "source": "nmea"},
        "removed_serial": "OLD-778", "removed_reading": {"BT": "10234.5", "CD": "2200", "TD": "3100"},
        "installed_serial": "VSN2025000123", "installed_type": "electronic", "phases": "3",
        "ct_ratio": "200/5", "installed_reading": {"BT": "0.4", "CD": "0", "TD": "0", "source": "optical"},
        "terminal_seal_code": "NPC-A 778812", "terminal_seal_count": "2", "optical_sticker": "QC-99001",
        "install_date": "2025-07-02", "meter_photos": [ps], "technician_signature": ss, "customer_signature": ss,
    }
    return InstallRecord(form=load_form("meter_install", version), data=data, work_order_id="0190abcd-wo",
                         work_order_number="L-250702-ABC123", record_number="BB-L-250702-ABC123",
                         customer_name="Lê Thị Hương", customer_code="PA23LN0000123", technician_name="Trần Thị Lan",
                         recorded_at=datetime(2025, 7, 2, 9, 30), attachments={ps: photo, ss: sig})


def test_pdf_text_qr_and_images() -> None:
    pdf = render_install_record(record())
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    for part in ("BIÊN BẢN TREO THÁO CÔNG TƠ", "Công tơ tháo", "Công tơ treo", "OLD-778", "VSN2025000123",
                 "NPC-A 778812", "QC-99001", "Tỷ số TI", "200/5", "Thay công tơ hỏng", "Đầu đọc quang",
                 "20.541200, 106.052100", "(máy thu GPS)", "PA23LN0000123001", "Trần Thị Lan", "02/07/2025"):
        assert part in text, part
    doc = pymupdf.open(stream=pdf, filetype="pdf")
    page = doc[0]
    assert len(doc) == 1 and len(page.get_images()) >= 2  # one page; photo + signatures
    pix = page.get_pixmap(dpi=150)
    img = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
    assert img.convert("L").getextrema()[0] < 50  # not blank
    codes = zxingcpp.read_barcodes(img)
    assert [c.text for c in codes if c.format == zxingcpp.BarcodeFormat.QRCode] == [
        qr_payload("0190abcd-wo", "L-250702-ABC123")]


def test_english_and_skipped_blocks() -> None:
    rec = record()
    rec.data["reason"] = "new_install"
    rec.data["phases"] = "1"
    pdf = render_install_record(rec, "en")
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "METER INSTALL / REMOVAL RECORD" in text and "Installed meter" in text
    assert "Removed meter" not in text and "OLD-778" not in text and "CT ratio" not in text


def test_v1_record_prints_with_v1_fields() -> None:
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(render_install_record(record(1)))).pages)
    assert "(v1)" in text and "Tem cổng quang" not in text and "Tỷ số TI" not in text
