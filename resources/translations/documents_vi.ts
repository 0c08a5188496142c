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
        <source>Save a copy…</source>
        <translation>Lưu một bản sao…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Opened. The unencrypted view is removed when you log out.</source>
        <translation>Đã mở. Bản xem không mã hoá sẽ bị xoá khi bạn đăng xuất.</translation>
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
</TS>
