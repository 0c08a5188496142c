<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
  <context>
    <name>services.readings</name>
    <message>
      <location filename="../../fieldkit/services/readings.py" line="1" />
      <source>The meter's clock was changed around the event “{event}” ({day} at {hour}): consumption before and after it cannot be compared.</source>
      <translation>Đồng hồ công tơ đã bị chỉnh quanh sự kiện “{event}” ({hour} ngày {day}): không so sánh được điện năng tiêu thụ trước và sau sự kiện.</translation>
    </message>
  </context>
  <context>
    <name>ui.cli</name>
    <message>
      <location filename="../../fieldkit/ui/cli.py" line="1" />
      <source>Error: the profile folder {path} does not exist; check the path (to start a new profile there, create the empty folder first).</source>
      <translation>Lỗi: thư mục hồ sơ {path} không tồn tại; hãy kiểm tra lại đường dẫn (muốn tạo hồ sơ mới ở đó thì tạo thư mục trống trước).</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/cli.py" line="1" />
      <source>Error: {path} is not a folder; give the profile folder.</source>
      <translation>Lỗi: {path} không phải là thư mục; hãy chỉ ra thư mục hồ sơ.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/cli.py" line="1" />
      <source>Error: {problem}</source>
      <translation>Lỗi: {problem}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/cli.py" line="1" />
      <source>FieldKit needs a screen: DISPLAY or WAYLAND_DISPLAY is not set. Start it from the desktop, or without a screen with QT_QPA_PLATFORM=offscreen (`fieldkit doctor` checks this).</source>
      <translation>FieldKit cần màn hình: chưa đặt DISPLAY hoặc WAYLAND_DISPLAY. Hãy mở từ màn hình nền (desktop), hoặc chạy không màn hình với QT_QPA_PLATFORM=offscreen (lệnh `fieldkit doctor` kiểm tra việc này).</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/cli.py" line="1" />
      <source>Cannot open the profile: {problem}</source>
      <translation>Không mở được hồ sơ: {problem}</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <location filename="../../fieldkit/cli.py" line="1" />
      <source>Stopped (Ctrl+C).</source>
      <translation>Đã dừng (Ctrl+C).</translation>
    </message>
    <message>
      <location filename="../../fieldkit/cli.py" line="1" />
      <source>Unexpected error ({error}); run `fieldkit doctor` and report this with the output of FIELDKIT_DEBUG=1.</source>
      <translation>Lỗi ngoài dự kiến ({error}); hãy chạy `fieldkit doctor` rồi báo lỗi này kèm kết quả khi chạy với FIELDKIT_DEBUG=1.</translation>
    </message>
  </context>
  <context>
    <name>services.review_evidence</name>
    <message>
      <location filename="../../fieldkit/services/review_evidence.py" line="1" />
      <source>(not a FieldKit capture; raw bytes)</source>
      <translation>(không phải bản ghi của FieldKit; dữ liệu thô)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/review_evidence.py" line="1" />
      <source>port {port} · started {started}</source>
      <translation>cổng {port} · bắt đầu lúc {started}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/review_evidence.py" line="1" />
      <source>speed -&gt; {baud} baud</source>
      <translation>tốc độ -&gt; {baud} baud</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/review_evidence.py" line="1" />
      <source>laptop -&gt; meter (tx)</source>
      <translation>máy tính -&gt; công tơ (tx)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/review_evidence.py" line="1" />
      <source>meter -&gt; laptop (rx)</source>
      <translation>công tơ -&gt; máy tính (rx)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/review_evidence.py" line="1" />
      <source>{count} bytes at {baud} baud</source>
      <translation>{count} byte, tốc độ {baud} baud</translation>
    </message>
  </context>
</TS>
