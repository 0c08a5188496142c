"""Build resources/translations/friction_{vi,en}.ts (the ui-friction catalogue) from the strings that
pyside6-lupdate finds in FILES and the Vietnamese in VI; strings other catalogues already hold are left
out; a string without Vietnamese stops the build. Then compile both with lrelease.

    .venv/bin/python scripts/friction_catalogue.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent
FILES = ["fieldkit/ui/customer_detail.py", "fieldkit/ui/pages/customers_page.py", "fieldkit/ui/progress.py",
         "fieldkit/ui/pages/reports_page.py", "fieldkit/ui/dialogs.py", "fieldkit/ui/login.py", "fieldkit/ui/app.py",
         "fieldkit/ui/main_window.py"]

VI: dict[tuple[str, str], str] = {
    ("CustomerDetail", "Household"): "Hộ gia đình",
    ("CustomerDetail", "New supply request"): "Yêu cầu cấp điện mới",
    ("CustomerDetail", "App shown"): "Đã giới thiệu ứng dụng",
    ("CustomerDetail", "App account"): "Tài khoản ứng dụng",
    ("CustomerDetail", "Payment method"): "Cách thanh toán",
    ("CustomerDetail", "Bill and QR"): "Hoá đơn và mã QR",
    ("CustomerDetail", "E-contract"): "Hợp đồng điện tử",
    ("CustomerDetail", "Household sheet"): "Phiếu thông tin hộ",
    ("CustomerDetail", "Meter install record"): "Biên bản treo công tơ",
    ("CustomerDetail", "Signed e-contract"): "Hợp đồng điện tử đã ký",
    ("CustomerDetail", "Loading…"): "Đang tải…",
    ("CustomerDetail", "No documents yet."): "Chưa có tài liệu nào.",
    ("CustomerDetail", "Not started"): "Chưa bắt đầu",
    ("CustomerDetail", "Finished"): "Đã xong",
    ("CustomerDetail", "%1 of %2 steps"): "%1/%2 bước",
    ("CustomerDetail", "%1 phase(s)"): "%1 pha",
    ("CustomerDetail", "No reading yet."): "Chưa có lần đọc chỉ số nào.",
    ("CustomerDetail", "Last reading: %1 kWh on %2"): "Lần đọc gần nhất: %1 kWh ngày %2",
    ("CustomerDetail", "One reading only: no consumption yet."): "Mới có một lần đọc: chưa tính được điện năng tiêu thụ.",
    ("CustomerDetail", "kWh used between readings"): "Điện năng tiêu thụ (kWh) giữa hai lần đọc",
    ("CustomerDetail", "← Back to the list (Esc)"): "← Quay lại danh sách (Esc)",
    ("CustomerDetail", "Customer"): "Khách hàng",
    ("CustomerDetail", "Customer code"): "Mã khách hàng",
    ("CustomerDetail", "Phone"): "Điện thoại",
    ("CustomerDetail", "Address"): "Địa chỉ",
    ("CustomerDetail", "Households"): "Số hộ",
    ("CustomerDetail", "Onboarding"): "Hướng dẫn khách hàng",
    ("CustomerDetail", "Meters and readings"): "Công tơ và chỉ số",
    ("CustomerDetail", "No meter on this laptop for this customer."): "Máy này chưa có công tơ nào của khách hàng này.",
    ("CustomerDetail", "Work orders (open ones first, in bold)"): "Phiếu công việc (phiếu chưa xong in đậm, ở trên)",
    ("CustomerDetail", "Number"): "Số phiếu",
    ("CustomerDetail", "Kind"): "Loại",
    ("CustomerDetail", "State"): "Trạng thái",
    ("CustomerDetail", "Due date"): "Ngày hẹn",
    ("CustomerDetail", "Documents"): "Tài liệu",
    ("CustomerDetail", "No work order for this customer on this laptop."):
        "Máy này không có phiếu công việc nào của khách hàng này.",
    ("CustomersPage", "Enter opens the selected customer; Esc clears the search."):
        "Enter mở khách hàng đang chọn; Esc xoá nội dung tìm.",
    ("ProgressDialog", "Cancel"): "Huỷ",
    ("ProgressDialog", "Cancelling…"): "Đang huỷ…",
    ("ProgressDialog", "Working…"): "Đang xử lý…",
    ("ProgressDialog", "%1 of %2"): "%1/%2",
    ("ProgressDialog", "%1 s"): "%1 giây",
    ("ReportsPage", "Making the report…"): "Đang lập báo cáo…",
    ("ReportsPage", "Report cancelled."): "Đã huỷ lập báo cáo.",
    ("ReportsPage", "Reading the figures of each meter"): "Đang tính số liệu của từng công tơ",
    ("ReportsPage", "Saving the file…"): "Đang lưu tệp…",
    ("ReportsPage", "Export cancelled: nothing was written."): "Đã huỷ xuất tệp: không có gì được ghi.",
    ("MainWindow", "Nothing to search on this page."): "Trang này không có ô tìm kiếm.",
    ("Dialogs", "Save a copy"): "Lưu bản sao",
    ("Dialogs", "Choose a file"): "Chọn tệp",
    ("Dialogs", "&Yes"): "&Có",
    ("Dialogs", "&No"): "&Không",
    ("Dialogs", "OK"): "Đồng ý",
    ("Dialogs", "Cancel"): "Huỷ",
    ("Dialogs", "Something went wrong"): "Có lỗi",
    ("Dialogs", "Confirm"): "Xác nhận",
}

# Qt's own dialogs (message boxes' standard buttons, the non-native file dialog): PySide6 ships no
# qtbase_vi.qm, so without these they were English in the Vietnamese app.
QT_VI: dict[tuple[str, str], str] = {
    ("QPlatformTheme", "OK"): "Đồng ý", ("QPlatformTheme", "Save"): "Lưu", ("QPlatformTheme", "Cancel"): "Huỷ",
    ("QPlatformTheme", "Close"): "Đóng", ("QPlatformTheme", "Open"): "Mở", ("QPlatformTheme", "&Yes"): "&Có",
    ("QPlatformTheme", "&No"): "&Không", ("QPlatformTheme", "Discard"): "Bỏ",
    ("QPlatformTheme", "Apply"): "Áp dụng", ("QPlatformTheme", "Help"): "Trợ giúp",
    ("QPlatformTheme", "Retry"): "Thử lại", ("QPlatformTheme", "Ignore"): "Bỏ qua",
    ("QPlatformTheme", "Abort"): "Huỷ bỏ", ("QPlatformTheme", "Reset"): "Đặt lại",
    ("QPlatformTheme", "Restore Defaults"): "Khôi phục mặc định", ("QPlatformTheme", "Save All"): "Lưu tất cả",
    ("QPlatformTheme", "Yes to &All"): "Có với &tất cả", ("QPlatformTheme", "N&o to All"): "K&hông với tất cả",
    ("QPlatformTheme", "Don't Save"): "Không lưu", ("QPlatformTheme", "Close without Saving"): "Đóng, không lưu",
    ("QMessageBox", "Show Details..."): "Xem chi tiết...", ("QMessageBox", "Hide Details..."): "Ẩn chi tiết...",
    ("QFileDialog", "&Look in:"): "&Tìm trong:", ("QFileDialog", "File &name:"): "&Tên tệp:",
    ("QFileDialog", "Files of &type:"): "&Loại tệp:", ("QFileDialog", "&Save"): "&Lưu",
    ("QFileDialog", "&Open"): "&Mở", ("QFileDialog", "&Choose"): "&Chọn", ("QFileDialog", "&Delete"): "&Xoá",
    ("QFileDialog", "&New Folder"): "Thư mục &mới", ("QFileDialog", "&Rename"): "Đổi &tên",
    ("QFileDialog", "All Files (*)"): "Mọi tệp (*)", ("QFileDialog", "Back"): "Lùi",
    ("QFileDialog", "Forward"): "Tiến", ("QFileDialog", "Go back"): "Quay lại",
    ("QFileDialog", "Go forward"): "Đi tiếp", ("QFileDialog", "Parent Directory"): "Thư mục cha",
    ("QFileDialog", "Go to the parent directory"): "Lên thư mục cha",
    ("QFileDialog", "Create New Folder"): "Tạo thư mục mới", ("QFileDialog", "Create a New Folder"): "Tạo một thư mục mới",
    ("QFileDialog", "List View"): "Dạng danh sách", ("QFileDialog", "Detail View"): "Dạng chi tiết",
    ("QFileDialog", "Change to list view mode"): "Chuyển sang dạng danh sách",
    ("QFileDialog", "Change to detail view mode"): "Chuyển sang dạng chi tiết",
    ("QFileDialog", "Directories"): "Thư mục", ("QFileDialog", "Directory:"): "Thư mục:",
    ("QFileDialog", "Files"): "Tệp", ("QFileDialog", "List of places and bookmarks"): "Các nơi hay dùng",
    ("QFileDialog", "Sidebar"): "Thanh bên", ("QFileDialog", "Show &hidden files"): "Hiện tệp &ẩn",
    ("QFileDialog", "New Folder"): "Thư mục mới", ("QFileDialog", "Open"): "Mở", ("QFileDialog", "Save As"): "Lưu thành",
    ("QFileDialog", "%1 already exists.\nDo you want to replace it?"): "%1 đã có.\nCó thay thế tệp đó không?",
    ("QFileDialog", "%1\nFile not found.\nPlease verify the correct file name was given."):
        "%1\nKhông tìm thấy tệp.\nHãy kiểm tra lại tên tệp.",
    ("QFileDialog", "%1\nDirectory not found.\nPlease verify the correct directory name was given."):
        "%1\nKhông tìm thấy thư mục.\nHãy kiểm tra lại tên thư mục.",
    ("QFileDialog", "Are you sure you want to delete '%1'?"): "Có chắc muốn xoá '%1' không?",
    ("QFileDialog", "Could not delete directory."): "Không xoá được thư mục.",
    ("QFileSystemModel", "Name"): "Tên", ("QFileSystemModel", "Size"): "Kích thước",
    ("QFileSystemModel", "Type"): "Loại", ("QFileSystemModel", "Kind"): "Loại",
    ("QFileSystemModel", "Date Modified"): "Ngày sửa", ("QFileSystemModel", "Computer"): "Máy tính",
    ("QFileSystemModel", "My Computer"): "Máy tính của tôi",
    ("QAbstractFileIconProvider", "Drive"): "Ổ đĩa", ("QAbstractFileIconProvider", "Folder"): "Thư mục",
    ("QAbstractFileIconProvider", "File"): "Tệp", ("QAbstractFileIconProvider", "%1 File"): "Tệp %1",
    ("QPrintDialog", "&Options <<"): "&Tuỳ chọn <<", ("QPrintDialog", "&Options >>"): "&Tuỳ chọn >>",
    ("QPrintDialog", "&Print"): "&In", ("QPrintDialog", "Print"): "In", ("QPrintDialog", "All Pages"): "Mọi trang",
    ("QPrintDialog", "Even Pages"): "Trang chẵn", ("QPrintDialog", "Odd Pages"): "Trang lẻ",
    ("QPrintDialog", "Local file"): "Tệp trên máy", ("QPrintDialog", "Print to File (PDF)"): "In ra tệp (PDF)",
    ("QPrintDialog", "Write PDF file"): "Ghi tệp PDF",
    ("QPrintSettingsOutput", "Collate"): "Sắp theo bộ", ("QPrintSettingsOutput", "Color"): "Màu",
    ("QPrintSettingsOutput", "Color Mode"): "Chế độ màu", ("QPrintSettingsOutput", "Copies"): "Số bản",
    ("QPrintSettingsOutput", "Copies:"): "Số bản:", ("QPrintSettingsOutput", "Current Page"): "Trang hiện tại",
    ("QPrintSettingsOutput", "Double Sided Printing"): "In hai mặt", ("QPrintSettingsOutput", "Grayscale"): "Đen trắng",
    ("QPrintSettingsOutput", "Long side binding"): "Lật theo cạnh dài",
    ("QPrintSettingsOutput", "Short side binding"): "Lật theo cạnh ngắn", ("QPrintSettingsOutput", "Off"): "Tắt",
    ("QPrintSettingsOutput", "Options"): "Tuỳ chọn", ("QPrintSettingsOutput", "Output Settings"): "Cài đặt in",
    ("QPrintSettingsOutput", "Page &Set:"): "&Bộ trang:", ("QPrintSettingsOutput", "Pages"): "Các trang",
    ("QPrintSettingsOutput", "Pages from"): "Từ trang", ("QPrintSettingsOutput", "to"): "đến",
    ("QPrintSettingsOutput", "Print all"): "In tất cả", ("QPrintSettingsOutput", "Print range"): "Phạm vi in",
    ("QPrintSettingsOutput", "Reverse"): "In ngược", ("QPrintSettingsOutput", "Selection"): "Phần đã chọn",
    ("QPrintSettingsOutput", "Specify pages or ranges separated by commas. Ranges are specified by two numbers "
                             "separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9."):
        "Ghi các trang hoặc khoảng trang, cách nhau bằng dấu phẩy; khoảng trang là hai số nối bằng dấu gạch "
        "ngang. Ví dụ: 3,5-7,9 in các trang 3, 5, 6, 7 và 9.",
    ("QPrintWidget", "&Name:"): "&Tên:", ("QPrintWidget", "Location:"): "Vị trí:",
    ("QPrintWidget", "Output &file:"): "&Tệp ra:", ("QPrintWidget", "P&roperties"): "Th&uộc tính",
    ("QPrintWidget", "Preview"): "Xem trước", ("QPrintWidget", "Printer"): "Máy in", ("QPrintWidget", "Type:"): "Loại:",
    ("QTabBar", "Scroll Left"): "Cuộn sang trái", ("QTabBar", "Scroll Right"): "Cuộn sang phải",
}
VI.update(QT_VI)


def _found() -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "x.ts"
        files = [f for f in FILES if (ROOT / f).exists()]
        subprocess.run([str(BIN / "pyside6-lupdate"), *files, "-ts", str(out)], cwd=ROOT, check=True,
                       capture_output=True)
        root = ET.parse(out).getroot()
        return [(c.findtext("name") or "", m.findtext("source") or "") for c in root.iter("context")
                for m in c.findall("message")]


def _others() -> set[tuple[str, str]]:
    held: set[tuple[str, str]] = set()
    for path in TS.glob("*_vi.ts"):
        if path.name == "friction_vi.ts":
            continue
        root = ET.parse(path).getroot()
        held |= {(c.findtext("name") or "", m.findtext("source") or "") for c in root.iter("context")
                 for m in c.findall("message") if (m.findtext("translation") or "").strip()}
    return held


def _write(path: Path, lang: str, entries: list[tuple[str, str, str]]) -> None:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f'<TS version="2.1" language="{lang}">']
    for ctx in sorted({c for c, _s, _t in entries}):
        lines += ["<context>", f"    <name>{escape(ctx, False)}</name>"]
        for c, source, text in entries:
            if c == ctx:
                lines += ["    <message>", f"        <source>{escape(source, False)}</source>",
                          f"        <translation>{escape(text, False)}</translation>", "    </message>"]
        lines.append("</context>")
    lines.append("</TS>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(path), "-qm", str(path.with_suffix(".qm"))],
                   check=True)


def main() -> int:
    others = _others()
    wanted = [k for k in dict.fromkeys(_found()) if k not in others]
    missing = [k for k in wanted if k not in VI]
    if missing:
        print("no Vietnamese for:", *missing, sep="\n  ", file=sys.stderr)
        return 1
    keys = list(dict.fromkeys([*wanted, *(k for k in VI if k not in others)]))
    _write(TS / "friction_vi.ts", "vi_VN", [(c, s, VI[(c, s)]) for c, s in keys])
    _write(TS / "friction_en.ts", "en_US", [(c, s, s) for c, s in keys])
    print(f"friction catalogue: {len(keys)} strings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
