<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="148" />
        <source>— choose —</source>
        <translation>— chọn —</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="152" />
        <source>Latitude, e.g. 20.5412</source>
        <translation>Vĩ độ, ví dụ 20.5412</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="153" />
        <source>Longitude, e.g. 106.0521</source>
        <translation>Kinh độ, ví dụ 106.0521</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="155" />
        <source>Read through probe</source>
        <translation>Đọc qua đầu đọc quang</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="156" />
        <source>From GPS receiver</source>
        <translation>Lấy từ máy thu GPS</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="158" />
        <source>Clear</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="231" />
        <source>No optical probe port is set (Settings); type the readings from the display.</source>
        <translation>Chưa đặt cổng đầu đọc quang (Cài đặt); hãy nhập chỉ số theo màn hình công tơ.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="233" />
        <source>No GPS receiver port is set (FIELDKIT_GPS_PORT); type the position.</source>
        <translation>Chưa đặt cổng máy thu GPS (FIELDKIT_GPS_PORT); hãy nhập vị trí bằng tay.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="242" />
        <source>Reading the meter through the optical probe…</source>
        <translation>Đang đọc công tơ qua đầu đọc quang…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="259" />
        <source>The meter did not give %1; type it from the display.</source>
        <translation>Công tơ không trả về %1; hãy nhập theo màn hình công tơ.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="276" />
        <source>No position from the GPS receiver; go outside or type it.</source>
        <translation>Máy thu GPS chưa có vị trí; hãy ra chỗ trống hoặc nhập tay.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="287" />
        <source>Could not read: %1 — type the values instead.</source>
        <translation>Không đọc được: %1 — hãy nhập tay.</translation>
    </message>
</context>
<context>
    <name>InstallForm</name>
    <message>
        <location filename="../../fieldkit/ui/install/install_form.py" line="0" />
        <source>The meter read through the probe agrees with the form.</source>
        <translation>Công tơ đọc qua đầu đọc quang khớp với biên bản.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/install/install_form.py" line="0" />
        <source>The meter read through the probe does not agree with the form:</source>
        <translation>Công tơ đọc qua đầu đọc quang không khớp với biên bản:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/install/install_form.py" line="0" />
        <source>Check the meter and the form. Press Save again to keep the record as it is.</source>
        <translation>Kiểm tra lại công tơ và biên bản. Nhấn Lưu lần nữa để giữ biên bản như hiện tại.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/install/install_form.py" line="0" />
        <source>The meter does not agree with the form (%1). Nothing was saved yet.</source>
        <translation>Công tơ không khớp với biên bản (%1 mục). Chưa lưu gì.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/install/install_form.py" line="99" />
        <source>← Back to the list</source>
        <translation>← Quay lại danh sách</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/install/install_form.py" line="100" />
        <source>&amp;Save record (Ctrl+S)</source>
        <translation>&amp;Lưu biên bản (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/install/install_form.py" line="117" />
        <source>Problems to fix before saving: %1. Nothing was lost.</source>
        <translation>Cần sửa trước khi lưu: %1 mục. Dữ liệu đã nhập vẫn còn nguyên.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/install/install_form.py" line="132" />
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/install/install_form.py" line="138" />
        <source>Saved. The work order is waiting for review. Record: %1</source>
        <translation>Đã lưu. Phiếu đang chờ duyệt. Biên bản: %1</translation>
    </message>
</context>
<context>
    <name>PhotoPicker</name>
    <message>
        <location filename="../../fieldkit/ui/forms/photos.py" line="60" />
        <source>Add photo…</source>
        <translation>Thêm ảnh…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/photos.py" line="61" />
        <source>From camera folder…</source>
        <translation>Từ thư mục máy ảnh…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/photos.py" line="62" />
        <source>Remove selected photo</source>
        <translation>Bỏ ảnh đang chọn</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/photos.py" line="74" />
        <source>Not a photo this form can keep (JPEG or PNG up to 15 MB): %1</source>
        <translation>Không phải ảnh dùng được (JPEG hoặc PNG, tối đa 15 MB): %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/photos.py" line="91" />
        <source>No JPEG or PNG pictures in %1</source>
        <translation>Không có ảnh JPEG hoặc PNG trong %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/photos.py" line="108" />
        <source>Choose photos</source>
        <translation>Chọn ảnh</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/photos.py" line="109" />
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>Ảnh (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/photos.py" line="114" />
        <source>Camera folder</source>
        <translation>Thư mục máy ảnh</translation>
    </message>
</context>
<context>
    <name>WorkOrderColumns</name>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="48" />
        <source>Priority</source>
        <translation>Ưu tiên</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="48" />
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="49" />
        <source>Number</source>
        <translation>Số phiếu</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="49" />
        <source>Kind</source>
        <translation>Loại việc</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="50" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="50" />
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
</context>
<context>
    <name>WorkOrdersPage</name>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="249" />
        <source>%1 open · %2 overdue · %3 due today</source>
        <translation>%1 việc chưa xong · %2 quá hạn · %3 hạn hôm nay</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="292" />
        <source>Kind</source>
        <translation>Loại việc</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="292" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="292" />
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="293" />
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="293" />
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="295" />
        <source>This work order was already submitted; its record is waiting for review.</source>
        <translation>Phiếu này đã nộp; biên bản đang chờ duyệt.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="297" />
        <source>The form for this kind of work order comes in a later version.</source>
        <translation>Biểu mẫu cho loại phiếu này sẽ có ở phiên bản sau.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="315" />
        <source>Work orders</source>
        <translation>Phiếu công việc</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="316" />
        <source>&amp;Refresh (F5)</source>
        <translation>&amp;Làm mới (F5)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="317" />
        <source>&amp;Open (Enter)</source>
        <translation>&amp;Mở phiếu (Enter)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="318" />
        <source>&amp;Commune:</source>
        <translation>&amp;Xã/phường:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="319" />
        <source>&amp;Kind:</source>
        <translation>Lo&amp;ại việc:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="320" />
        <source>All communes</source>
        <translation>Tất cả xã/phường</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="321" />
        <source>All kinds</source>
        <translation>Tất cả loại việc</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="324" />
        <source>← Back to the list</source>
        <translation>← Quay lại danh sách</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="325" />
        <source>No work orders on this laptop. Sync at the office to receive today's work.</source>
        <translation>Máy chưa có phiếu công việc nào. Hãy đồng bộ ở văn phòng để nhận việc hôm nay.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="331" />
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
</context>
</TS>
