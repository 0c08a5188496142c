<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>ReviewConflicts</name>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="40" />
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="41" />
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="42" />
        <source>ID number</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="43" />
        <source>Street / hamlet</source>
        <translation>Thôn / xóm</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="44" />
        <source>Commune</source>
        <translation>Xã / phường</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="45" />
        <source>Commune code</source>
        <translation>Mã xã / phường</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="46" />
        <source>Province</source>
        <translation>Tỉnh / thành phố</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="47" />
        <source>Province code</source>
        <translation>Mã tỉnh</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="48" />
        <source>Old district</source>
        <translation>Huyện cũ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="49" />
        <source>Households</source>
        <translation>Số hộ dùng chung</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="50" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="51" />
        <source>Review comment</source>
        <translation>Nhận xét khi duyệt</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="52" />
        <source>Assignee</source>
        <translation>Người được giao</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="53" />
        <source>Due date</source>
        <translation>Hạn hoàn thành</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="54" />
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="55" />
        <source>Meter</source>
        <translation>Công tơ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="56" />
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="59" />
        <source>Customer details</source>
        <translation>Thông tin khách hàng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="60" />
        <source>Work-order status</source>
        <translation>Trạng thái phiếu công việc</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="65" />
        <source>%1 (version %2)</source>
        <translation>%1 (phiên bản %2)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="66" />
        <source>received %1</source>
        <translation>máy chủ nhận lúc %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="67" />
        <source>laptop clock %1</source>
        <translation>giờ trên máy %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="68" />
        <source>Field</source>
        <translation>Mục</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="69" />
        <source>Before (%1)</source>
        <translation>Trước (%1)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="70" />
        <source>On the server first</source>
        <translation>Đến máy chủ trước</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="71" />
        <source>Arrived later</source>
        <translation>Đến sau</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="72" />
        <source>Version %1 by %2 (%3), %4: %5</source>
        <translation>Phiên bản %1 của %2 (%3), %4: %5</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="73" />
        <source>Both changed: %1. The later value is the one kept now.</source>
        <translation>Cả hai cùng sửa: %1. Giá trị đến sau đang được giữ.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="75" />
        <source>What did you decide? (optional)</source>
        <translation>Anh/chị đã quyết định thế nào? (không bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="76" />
        <source>Mark as resolved</source>
        <translation>Đánh dấu đã xử lý</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="77" />
        <source>Resolved by %1 on %2.</source>
        <translation>%1 đã xử lý lúc %2.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="78" />
        <source>Note: %1</source>
        <translation>Ghi chú: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="79" />
        <source>Marked as resolved on this laptop; it goes to the server at the next sync.</source>
        <translation>Đã đánh dấu xử lý trên máy này; sẽ gửi lên máy chủ ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="81" />
        <source>The server refused the resolution: %1</source>
        <translation>Máy chủ từ chối việc xử lý: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="82" />
        <source>Open: both edits were kept; the later one is the current value. Check with the technicians, correct the record if needed, then mark it as resolved.</source>
        <translation>Chưa xử lý: cả hai lần sửa đều được giữ; lần sửa đến sau là giá trị hiện tại. Hãy hỏi lại kỹ thuật viên, sửa hồ sơ nếu cần, rồi đánh dấu đã xử lý.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="85" />
        <source>Conflicts between devices (%1 open)</source>
        <translation>Xung đột giữa các máy (%1 chưa xử lý)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="87" />
        <source>Two laptops changed the same record without seeing each other's change. Nothing was lost: both versions are shown side by side.</source>
        <translation>Hai máy đã sửa cùng một hồ sơ mà không thấy thay đổi của nhau. Không mất dữ liệu nào: hai phiên bản được đặt cạnh nhau.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="90" />
        <source>Conflict marked as resolved. It goes to the server at the next sync.</source>
        <translation>Xung đột đã được đánh dấu đã xử lý. Sẽ gửi lên máy chủ ở lần đồng bộ tới.</translation>
    </message>
</context>
</TS>