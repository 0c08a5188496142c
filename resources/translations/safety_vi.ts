<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>TodayPage</name>
    <message>
        <source>Superseded: the record of this work came from another laptop or person%1. What you typed is kept: open it to read it, then discard it.</source>
        <translation>Đã bị thay thế: biên bản của việc này đến từ máy khác hoặc người khác%1. Những gì bạn đã gõ vẫn được giữ: mở ra để xem, rồi xoá bản nháp.</translation>
    </message>
</context>
<context>
    <name>InstallForm</name>
    <message>
        <source>Your earlier draft of this order was overtaken by a record from another laptop or person; it is kept on the Today page, where you can read and discard it.</source>
        <translation>Bản nháp trước của phiếu này đã bị một biên bản từ máy khác hoặc người khác thay thế; bản nháp vẫn được giữ ở trang Hôm nay, nơi bạn có thể xem và xoá.</translation>
    </message>
</context>
<context>
    <name>services.superseded_drafts</name>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Why it is saved anyway</source>
        <translation>Lý do vẫn lưu</translation>
    </message>
</context>
<context>
    <name>SupersededDraftDialog</name>
    <message>
        <source>Superseded draft — %1</source>
        <translation>Bản nháp đã bị thay thế — %1</translation>
    </message>
    <message>
        <source>someone on another laptop</source>
        <translation>một người trên máy khác</translation>
    </message>
    <message>
        <source>The record of this work was saved by %1%2 and reached this laptop, so this draft can no longer be submitted. It is kept so nothing you typed is lost: read it, note what you need, then discard it.</source>
        <translation>Biên bản của việc này đã được %1 lưu%2 và đã có trên máy này, nên bản nháp này không nộp được nữa. Bản nháp vẫn được giữ để không mất gì bạn đã gõ: đọc lại, ghi lại điều cần, rồi xoá.</translation>
    </message>
    <message>
        <source>%1 photo(s) kept with it</source>
        <translation>Kèm %1 ảnh</translation>
    </message>
    <message>
        <source>(nothing typed)</source>
        <translation>(chưa gõ gì)</translation>
    </message>
    <message>
        <source>&amp;Discard this draft</source>
        <translation>&amp;Xoá bản nháp này</translation>
    </message>
    <message>
        <source>&amp;Keep it for now</source>
        <translation>&amp;Giữ lại lúc này</translation>
    </message>
</context>
</TS>
