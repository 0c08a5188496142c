<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>DocumentActions</name>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Open to view or print</source>
        <translation>Mở để xem hoặc in</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Make again</source>
        <translation>Tạo lại</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Save a copy…</source>
        <translation>Lưu một bản sao…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Make the document again from the saved records (e.g. after the real customer code arrived).</source>
        <translation>Tạo lại tài liệu từ dữ liệu đã lưu (ví dụ khi đã có mã khách hàng chính thức).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Opened in the PDF viewer. The unencrypted view is removed when you log out (or after 10 minutes).</source>
        <translation>Đã mở bằng trình xem PDF. Bản xem không mã hoá sẽ bị xoá khi bạn đăng xuất (hoặc sau 10 phút).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Print the document</source>
        <translation>In tài liệu</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>This computer has no print service: open the document and print it from the PDF viewer.</source>
        <translation>Máy này chưa có dịch vụ in: hãy mở tài liệu và in từ trình xem PDF.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Sent to the printer %1.</source>
        <translation>Đã gửi tới máy in %1.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>(default)</source>
        <translation>(mặc định)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Made again from the saved records. Open or print it.</source>
        <translation>Đã tạo lại từ dữ liệu đã lưu. Hãy mở hoặc in.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Save an unencrypted copy?</source>
        <translation>Lưu bản sao không mã hoá?</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Save a copy</source>
        <translation>Lưu bản sao</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Copy saved: %1</source>
        <translation>Đã lưu bản sao: %1</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Meter install / removal record</source>
        <translation>Biên bản treo tháo công tơ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Request for electricity supply</source>
        <translation>Giấy đề nghị mua điện</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Electricity purchase contract</source>
        <translation>Hợp đồng mua bán điện</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Household sheet</source>
        <translation>Phiếu thông tin khách hàng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Documents</source>
        <translation>Tài liệu</translation>
    </message>
</context>
</TS>
