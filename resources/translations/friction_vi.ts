<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>CustomerDetail</name>
    <message>
        <source>Household</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <source>New supply request</source>
        <translation>Yêu cầu cấp điện mới</translation>
    </message>
    <message>
        <source>App shown</source>
        <translation>Đã giới thiệu ứng dụng</translation>
    </message>
    <message>
        <source>App account</source>
        <translation>Tài khoản ứng dụng</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Cách thanh toán</translation>
    </message>
    <message>
        <source>Bill and QR</source>
        <translation>Hoá đơn và mã QR</translation>
    </message>
    <message>
        <source>E-contract</source>
        <translation>Hợp đồng điện tử</translation>
    </message>
    <message>
        <source>Household sheet</source>
        <translation>Phiếu thông tin hộ</translation>
    </message>
    <message>
        <source>Meter install record</source>
        <translation>Biên bản treo công tơ</translation>
    </message>
    <message>
        <source>Signed e-contract</source>
        <translation>Hợp đồng điện tử đã ký</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <source>No documents yet.</source>
        <translation>Chưa có tài liệu nào.</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Chưa bắt đầu</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <source>%1 of %2 steps</source>
        <translation>%1/%2 bước</translation>
    </message>
    <message>
        <source>No reading yet.</source>
        <translation>Chưa có lần đọc chỉ số nào.</translation>
    </message>
    <message>
        <source>Last reading: %1 kWh on %2</source>
        <translation>Lần đọc gần nhất: %1 kWh ngày %2</translation>
    </message>
    <message>
        <source>One reading only: no consumption yet.</source>
        <translation>Mới có một lần đọc: chưa tính được điện năng tiêu thụ.</translation>
    </message>
    <message>
        <source>kWh used between readings</source>
        <translation>Điện năng tiêu thụ (kWh) giữa hai lần đọc</translation>
    </message>
    <message>
        <source>← Back to the list (Esc)</source>
        <translation>← Quay lại danh sách (Esc)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>Mã khách hàng</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Số hộ</translation>
    </message>
    <message>
        <source>Onboarding</source>
        <translation>Hướng dẫn khách hàng</translation>
    </message>
    <message>
        <source>Meters and readings</source>
        <translation>Công tơ và chỉ số</translation>
    </message>
    <message>
        <source>No meter on this laptop for this customer.</source>
        <translation>Máy này chưa có công tơ nào của khách hàng này.</translation>
    </message>
    <message>
        <source>Work orders (open ones first, in bold)</source>
        <translation>Phiếu công việc (phiếu chưa xong in đậm, ở trên)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số phiếu</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Ngày hẹn</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Tài liệu</translation>
    </message>
    <message>
        <source>%1 phase(s)</source>
        <translation>%1 pha</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Enter opens the selected customer; Esc clears the search.</source>
        <translation>Enter mở khách hàng đang chọn; Esc xoá nội dung tìm.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Save a copy</source>
        <translation>Lưu bản sao</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Chọn tệp</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Có lỗi</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Xác nhận</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Nothing to search on this page.</source>
        <translation>Trang này không có ô tìm kiếm.</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>%1 s</source>
        <translation>%1 giây</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang huỷ…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Đang xử lý…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Making the report…</source>
        <translation>Đang lập báo cáo…</translation>
    </message>
    <message>
        <source>Report cancelled.</source>
        <translation>Đã huỷ lập báo cáo.</translation>
    </message>
    <message>
        <source>Saving the file…</source>
        <translation>Đang lưu tệp…</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>Đã huỷ xuất tệp: không có gì được ghi.</translation>
    </message>
    <message>
        <source>Reading the figures of each meter</source>
        <translation>Đang tính số liệu của từng công tơ</translation>
    </message>
</context>
</TS>
