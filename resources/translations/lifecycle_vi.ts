<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>WorkOrderColumns</name>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>(%1 days)</source>
        <translation>(%1 ngày)</translation>
    </message>
</context>
<context>
    <name>WorkOrdersPage</name>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>%1 returned by the supervisor: open one to read why and redo it.</source>
        <translation>%1 phiếu bị giám sát viên trả lại: mở phiếu để xem lý do và làm lại.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>The work order was given to another technician.</source>
        <translation>Phiếu đã được giao cho kỹ thuật viên khác.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>Saved. It will be sent with the next sync.</source>
        <translation>Đã lưu. Phiếu sẽ được gửi lên máy chủ ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>Do the onboarding on the Onboarding page; finishing it submits this work order.</source>
        <translation>Làm các bước ở trang Hướng dẫn khách hàng; khi hoàn tất, phiếu này được nộp để duyệt.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>Saving the record submits this work order for review.</source>
        <translation>Lưu bản ghi là nộp phiếu này để giám sát viên duyệt.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>A technician does this kind of work order; ask your supervisor to give it to one.</source>
        <translation>Loại phiếu này do kỹ thuật viên làm; hãy nhờ giám sát viên giao phiếu cho một kỹ thuật viên.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>Returned by the supervisor: %1</source>
        <translation>Giám sát viên trả lại: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>%1 days late</source>
        <translation>trễ %1 ngày</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>&amp;Start work</source>
        <translation>&amp;Bắt đầu làm</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>Open the &amp;form</source>
        <translation>Mở &amp;biểu mẫu</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>Go to &amp;Onboarding</source>
        <translation>Đến trang &amp;Hướng dẫn khách hàng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>&amp;Give to:</source>
        <translation>&amp;Giao cho:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>Give the work order</source>
        <translation>Giao phiếu</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../fieldkit/ui/status_bar.py" line="1" />
        <source>Due today: %1</source>
        <translation>Hạn hôm nay: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/status_bar.py" line="1" />
        <source>Overdue: %1</source>
        <translation>Quá hạn: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/status_bar.py" line="1" />
        <source>Returned: %1</source>
        <translation>Bị trả lại: %1</translation>
    </message>
</context>
</TS>
