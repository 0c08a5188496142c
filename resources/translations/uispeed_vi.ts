<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>StatusBar</name>
    <message>
        <source>To send: %1</source>
        <translation>Chờ gửi: %1</translation>
    </message>
    <message>
        <source>Today: %1</source>
        <translation>Hôm nay: %1</translation>
    </message>
    <message>
        <source>Synced: %1</source>
        <translation>Đồng bộ: %1</translation>
    </message>
</context>
</TS>
