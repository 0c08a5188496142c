<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>Pages</name>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
</context>
<context>
    <name>InstallForm</name>
    <message>
        <source>Opening…</source>
        <translation>Đang mở…</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Đã lưu nháp</translation>
    </message>
    <message>
        <source>Returned by the supervisor: %1</source>
        <translation>Giám sát trả lại: %1</translation>
    </message>
    <message>
        <source>The submitted record is filled in (photos and signatures kept): change only what the comment asks, then save again.</source>
        <translation>Biên bản đã nộp được điền sẵn (giữ nguyên ảnh và chữ ký): chỉ sửa điều giám sát yêu cầu rồi lưu lại.</translation>
    </message>
    <message>
        <source>Draft reopened: everything typed before is filled in.</source>
        <translation>Bản nháp được mở lại: mọi thứ đã nhập trước đó vẫn còn.</translation>
    </message>
    <message>
        <source>%1 photo(s) or signature(s) could not be found; add them again.</source>
        <translation>Không tìm thấy %1 ảnh hoặc chữ ký; hãy thêm lại.</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature kept from the submitted record — draw to sign again</source>
        <translation>Chữ ký đã lưu từ biên bản đã nộp — vẽ lên để ký lại</translation>
    </message>
</context>
<context>
    <name>OnboardingPage</name>
    <message>
        <source>Returned by the supervisor: %1</source>
        <translation>Giám sát trả lại: %1</translation>
    </message>
    <message>
        <source>Every answer is kept: change what the comment asks, then go on to Finish to send it again.</source>
        <translation>Mọi câu trả lời vẫn được giữ: sửa điều giám sát yêu cầu rồi đi tiếp đến «Kết thúc» để gửi lại.</translation>
    </message>
    <message>
        <source>Unsaved answers of this screen were kept and are filled in again.</source>
        <translation>Câu trả lời chưa lưu của màn hình này vẫn được giữ và đã điền lại.</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Install / replacement form</source>
        <translation>Biên bản treo / thay công tơ</translation>
    </message>
    <message>
        <source>Saved at %1; open it to go on</source>
        <translation>Lưu lúc %1; mở ra để làm tiếp</translation>
    </message>
    <message>
        <source>Refused by the server: %1</source>
        <translation>Máy chủ từ chối: %1</translation>
    </message>
    <message>
        <source>Submitted at %1</source>
        <translation>Nộp lúc %1</translation>
    </message>
    <message>
        <source>Supervisor: %1</source>
        <translation>Giám sát: %1</translation>
    </message>
    <message>
        <source>Drafts are kept on this laptop only (encrypted) until you submit them; submitted work goes to the server at the next sync.</source>
        <translation>Bản nháp chỉ được giữ trên máy này (đã mã hoá) cho đến khi bạn nộp; việc đã nộp sẽ gửi lên máy chủ ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <source>Drafts (%1)</source>
        <translation>Bản nháp (%1)</translation>
    </message>
    <message>
        <source>Waiting to send (%1)</source>
        <translation>Chờ gửi (%1)</translation>
    </message>
    <message>
        <source>Sent today (%1)</source>
        <translation>Đã gửi hôm nay (%1)</translation>
    </message>
    <message>
        <source>Returned (%1)</source>
        <translation>Bị trả lại (%1)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <source>No draft: every form you started was submitted.</source>
        <translation>Không có bản nháp: mọi biểu mẫu đã bắt đầu đều đã nộp.</translation>
    </message>
    <message>
        <source>Nothing waiting: everything submitted has reached the server.</source>
        <translation>Không có gì chờ gửi: mọi việc đã nộp đều đã lên máy chủ.</translation>
    </message>
    <message>
        <source>Nothing sent today yet.</source>
        <translation>Hôm nay chưa gửi gì.</translation>
    </message>
    <message>
        <source>No work order was returned to you.</source>
        <translation>Không có phiếu nào bị trả lại cho bạn.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
</context>
</TS>
