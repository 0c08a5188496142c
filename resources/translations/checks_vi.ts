<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ReadingPanel</name>
    <message>
        <source>The checks flag this reading. Check the display again; to save it anyway, write why:</source>
        <translation>Chỉ số này bị kiểm tra đánh dấu. Hãy xem lại mặt công tơ; nếu vẫn lưu, ghi lý do:</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Set by the utility's server.</source>
        <translation>Do máy chủ của điện lực đặt.</translation>
    </message>
    <message>
        <source>Only a supervisor can change it.</source>
        <translation>Chỉ tổ trưởng (giám sát) mới được thay đổi.</translation>
    </message>
</context>
</TS>
