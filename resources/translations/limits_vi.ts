<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>services.readings</name>
    <message>
        <source>The supervisor's limits for the checks changed while saving. Save again to check the reading.</source>
        <translation>Giới hạn kiểm tra của giám sát viên đã thay đổi khi đang lưu. Hãy lưu lại để kiểm tra chỉ số.</translation>
    </message>
</context>
</TS>
