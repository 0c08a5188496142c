"""The household sheet PDF: its text, its rendering, and its QR codes read back by a real decoder."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

import pymupdf
import pytest
import zxingcpp
from PIL import Image, ImageChops
from pypdf import PdfReader

from fieldkit.documents.household_sheet import (
    LABELS,
    BankTransfer,
    HouseholdSheet,
    PaymentKind,
    PaymentMethod,
    format_vnd,
    render_household_sheet,
)
from fieldkit.domain.tariff import estimate_bill

ANDROID = "https://play.google.com/store/apps/details?id=vn.example.cskh"
IOS = "https://apps.apple.com/vn/app/example-cskh/id1234567890"
ZALO = "https://zalo.me/0000000000"


def _sheet(**changes: object) -> HouseholdSheet:
    bill = estimate_bill(200, date(2025, 5, 1), date(2025, 5, 31))  # total 468,567 (see test_tariff)
    transfer = BankTransfer.create(
        "970436", "Vietcombank", "0011001234567", "CONG TY DIEN LUC NINH BINH", bill.total,
        "Tiền điện PA23VG0053140",
    )
    sheet = HouseholdSheet(
        customer_name="Nguyễn Thị Hường",
        customer_code="PA23VG0053140",
        address="Xóm 3, thôn Đồng Lý, xã Nhân Thịnh, tỉnh Ninh Bình",
        app_android_url=ANDROID,
        app_ios_url=IOS,
        zalo_name="Điện lực miền Bắc",
        zalo_url=ZALO,
        unit_name="Công ty Điện lực Ninh Bình",
        team_name="Đội Quản lý điện Lý Nhân",
        payment=PaymentMethod(PaymentKind.E_WALLET, "MoMo"),
        bill=bill,
        bank_transfer=transfer,
        next_reading_date=date(2025, 6, 24),
        prepared_on=date(2025, 6, 5),
        prepared_by="Trần Văn Bình",
    )
    return replace(sheet, **changes)  # type: ignore[arg-type]


def _text(path: Path) -> str:
    reader = PdfReader(path)
    return unicodedata.normalize("NFC", "\n".join(page.extract_text() for page in reader.pages))


def _page_count(path: Path) -> int:
    return len(PdfReader(path).pages)


def _render(path: Path, dpi: int) -> Image.Image:
    with pymupdf.open(path) as doc:
        pix = doc[0].get_pixmap(dpi=dpi)
        return Image.frombytes("RGB", (pix.width, pix.height), pix.samples)


def _decoded(path: Path) -> set[str]:
    image = _render(path, 200)
    return {b.text for b in zxingcpp.read_barcodes(image) if b.format == zxingcpp.BarcodeFormat.QRCode}


@pytest.fixture(scope="module")
def sheet_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_household_sheet(_sheet(), tmp_path_factory.mktemp("sheet") / "household.pdf")


def test_one_a4_page(sheet_pdf: Path) -> None:
    reader = PdfReader(sheet_pdf)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points


def test_text_has_code_and_vietnamese(sheet_pdf: Path) -> None:
    text = _text(sheet_pdf)
    for expected in (
        "PA23VG0053140",
        "Mã khách hàng",
        "Nguyễn Thị Hường",
        "Xóm 3, thôn Đồng Lý, xã Nhân Thịnh, tỉnh Ninh Bình",
        "Đội Quản lý điện Lý Nhân",
        "1900 6769",
        "Điện lực miền Bắc",
        "Ví điện tử",
        "MoMo",
        "Ngày ghi chỉ số tiếp theo",
        "24/06/2025",
        "468.567 đ",  # total of the worked example 01/05–31/05/2025, 200 kWh
        "433.858 đ",
        "34.709 đ",
        "Bậc 1: 15 kWh × 1.893 = 28.395 đ",
        "Nội dung: Tien dien",  # transfer purpose folded to ASCII
    ):
        assert expected in text, expected


def test_page_renders_black_on_white(sheet_pdf: Path) -> None:
    image = _render(sheet_pdf, 72)
    total = image.width * image.height
    dark = sum(image.convert("L").histogram()[:200])  # pixels darker than light grey
    assert dark > 0.03 * total  # not blank
    assert dark < 0.5 * total  # mostly paper
    red, green, blue = image.split()
    for a, b in ((red, green), (green, blue), (red, blue)):
        assert ImageChops.difference(a, b).getextrema()[1] <= 8  # greys only: fine on a B/W printer


def test_qr_codes_decode_to_exact_payloads(sheet_pdf: Path) -> None:
    transfer = _sheet().bank_transfer
    assert transfer is not None
    assert _decoded(sheet_pdf) == {ANDROID, IOS, ZALO, transfer.payload}


def test_english_labels(tmp_path: Path) -> None:
    path = render_household_sheet(_sheet(), tmp_path / "en.pdf", lang="en")
    text = _text(path)
    assert "Customer code" in text and "Mã khách hàng" not in text
    assert "Nguyễn Thị Hường" in text  # data stays in Vietnamese
    assert "468,567 VND" in text
    assert _page_count(path) == 1


def test_minimal_sheet(tmp_path: Path) -> None:
    path = render_household_sheet(
        _sheet(zalo_url=None, payment=None, bill=None, bank_transfer=None, next_reading_date=None),
        tmp_path / "minimal.pdf",
    )
    assert _page_count(path) == 1
    assert _decoded(path) == {ANDROID, IOS}
    text = _text(path)
    assert "PA23VG0053140" in text and "Tiền điện ước tính" not in text


def test_transfer_without_bill_and_auto_debit(tmp_path: Path) -> None:
    transfer = BankTransfer.create("970415", "VietinBank", "113366668888", "EVN NPC", None, "PA23VG0053140")
    path = render_household_sheet(
        _sheet(bill=None, bank_transfer=transfer, payment=PaymentMethod(PaymentKind.AUTO_DEBIT, "VietinBank")),
        tmp_path / "transfer.pdf",
    )
    assert _decoded(path) == {ANDROID, IOS, ZALO, transfer.payload}
    assert "Trích nợ tự động" in _text(path)


def test_crowded_sheet_still_fits_one_page(tmp_path: Path) -> None:
    # A 243-day period over two price changes, 4 households: three parts, up to 18 tier lines,
    # plus a long address. The layout must fall back until it fits one page, QR codes intact.
    bill = estimate_bill(9000, date(2024, 10, 1), date(2025, 5, 31), households=4)
    assert len(bill.parts) == 3
    sheet = _sheet(bill=bill, address="Số 12, ngõ 34, đường Trần Hưng Đạo, " * 4 + "tỉnh Ninh Bình")
    path = render_household_sheet(sheet, tmp_path / "crowded.pdf")
    assert _page_count(path) == 1
    assert sheet.bank_transfer is not None
    assert _decoded(path) == {ANDROID, IOS, ZALO, sheet.bank_transfer.payload}
    assert "PA23VG0053140" in _text(path)


def test_markup_in_data_is_printed_literally(tmp_path: Path) -> None:
    path = render_household_sheet(_sheet(customer_name="Lê <b>Văn</b> & Con"), tmp_path / "m.pdf")
    assert "Lê <b>Văn</b> & Con" in _text(path)


def test_labels_complete_in_both_languages() -> None:
    assert set(LABELS["vi"]) == set(LABELS["en"])
    assert all(LABELS["vi"].values()) and all(LABELS["en"].values())


def test_bad_language_and_missing_code(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="language"):
        render_household_sheet(_sheet(), tmp_path / "x.pdf", lang="fr")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="customer code"):
        render_household_sheet(_sheet(customer_code="  "), tmp_path / "x.pdf")


def test_format_vnd() -> None:
    assert format_vnd(1_338_293) == "1.338.293 đ"
    assert format_vnd(1_338_293, "en") == "1,338,293 VND"
    assert format_vnd(0) == "0 đ"


def test_absurdly_long_address_is_shrunk_onto_one_page(tmp_path: Path) -> None:
    # Too long even at 80 % type: the last resort scales the whole page down.
    sheet = _sheet(address="Số 12, ngõ 34, đường Trần Hưng Đạo, " * 60)
    path = render_household_sheet(sheet, tmp_path / "long.pdf")
    assert _page_count(path) == 1
    assert sheet.bank_transfer is not None
    assert _decoded(path) == {ANDROID, IOS, ZALO, sheet.bank_transfer.payload}
    assert "PA23VG0053140" in _text(path)
