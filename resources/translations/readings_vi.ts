<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ClockSetter</name>
    <message>
        <location filename="../../fieldkit/ui/readings/clock_setter.py" line="0" />
        <source>Set the meter's clock</source>
        <translation>Chỉnh đồng hồ công tơ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/clock_setter.py" line="0" />
        <source>Writes this laptop's time, corrected by the server's check at the last sync, into the meter and reads it back.</source>
        <translation>Ghi giờ của máy tính này (đã hiệu chỉnh theo máy chủ ở lần đồng bộ gần nhất) vào công tơ rồi đọc lại để xác nhận.</translation>
    </message>
</context>
<context>
    <name>ReadingPanel</name>
    <message>
        <source>This reading has a warning. Save it anyway?</source>
        <translation>Lần đọc này có cảnh báo. Vẫn lưu?</translation>
    </message>
    <message>
        <source>Write why you save it anyway (what you saw on site).</source>
        <translation>Ghi lý do vẫn lưu (điều bạn thấy tại chỗ).</translation>
    </message>
    <message>
        <source>Reason (required), e.g. meter replaced, customer away for a month</source>
        <translation>Lý do (bắt buộc), ví dụ: đã thay công tơ, khách vắng nhà một tháng</translation>
    </message>
    <message>
        <source>Save with this reason</source>
        <translation>Lưu kèm lý do này</translation>
    </message>
    <message>
        <source>Do not save</source>
        <translation>Không lưu</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="377" />
        <source>No optical probe found. Plug the probe in and press “Find probe”, set its port in Settings, or type the reading by hand.</source>
        <translation>Không tìm thấy đầu đọc quang. Cắm đầu đọc rồi bấm “Tìm đầu đọc”, đặt cổng trong Cài đặt, hoặc ghi chỉ số bằng tay.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="540" />
        <source>Reading cancelled. Nothing was saved.</source>
        <translation>Đã huỷ việc đọc. Chưa lưu gì.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="543" />
        <source>You can read again, or type the reading by hand with a photo.</source>
        <translation>Có thể đọc lại, hoặc ghi chỉ số bằng tay kèm ảnh.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="554" />
        <source>Saved with its raw data from the probe. It goes to the office at the next sync.</source>
        <translation>Đã lưu cùng dữ liệu thô từ đầu đọc. Sẽ gửi về đơn vị ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="558" />
        <source>Saved as a manual reading with its reason and photo. It goes to the office at the next sync.</source>
        <translation>Đã lưu chỉ số ghi tay cùng lý do và ảnh. Sẽ gửi về đơn vị ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="565" />
        <source>Read again (F2)</source>
        <translation>Đọc lại (F2)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="566" />
        <source>Read meter (F2)</source>
        <translation>Đọc công tơ (F2)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="587" />
        <source>%1 of about %2 bytes</source>
        <translation>%1 / khoảng %2 byte</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="591" />
        <source>%1 bytes received</source>
        <translation>Đã nhận %1 byte</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="595" />
        <source>%1 s · Esc or Cancel stops the reading</source>
        <translation>%1 giây · Esc hoặc Huỷ để dừng đọc</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="598" />
        <source>Sign-on</source>
        <translation>Gọi công tơ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="598" />
        <source>Identification</source>
        <translation>Nhận dạng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="599" />
        <source>Speed switch</source>
        <translation>Đổi tốc độ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="599" />
        <source>Receiving data</source>
        <translation>Nhận dữ liệu</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="600" />
        <source>Waking the meter</source>
        <translation>Đánh thức công tơ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="600" />
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="601" />
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="613" />
        <source>Consumption since %1: %2 kWh in %3 days</source>
        <translation>Điện năng tiêu thụ từ %1: %2 kWh trong %3 ngày</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="618" />
        <source>First reading of this meter: nothing to compare with.</source>
        <translation>Lần đọc đầu tiên của công tơ này: chưa có gì để so sánh.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="619" />
        <source>Serial %1</source>
        <translation>Số công tơ %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="621" />
        <source>meter clock %1</source>
        <translation>đồng hồ công tơ %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="623" />
        <source>error register %1</source>
        <translation>mã lỗi %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="637" />
        <source>Abnormal consumption</source>
        <translation>Tiêu thụ bất thường</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="637" />
        <source>Check</source>
        <translation>Cần kiểm tra</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="643" />
        <source>No warnings: serial, clock and error register are fine, and the consumption looks normal.</source>
        <translation>Không có cảnh báo: số công tơ, đồng hồ và mã lỗi đều đúng, điện năng tiêu thụ bình thường.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="650" />
        <source>Register</source>
        <translation>Mã thanh ghi</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="650" />
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="650" />
        <source>This reading</source>
        <translation>Lần đọc này</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="651" />
        <source>Previous (%1)</source>
        <translation>Lần trước (%1)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="651" />
        <source>Previous</source>
        <translation>Lần trước</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="652" />
        <source>Consumption</source>
        <translation>Tiêu thụ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="677" />
        <source>tier %1: %2 kWh × %3</source>
        <translation>bậc %1: %2 kWh × %3</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="680" />
        <source>Estimated bill: %1</source>
        <translation>Tiền điện ước tính: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="681" />
        <source>%1 kWh from %2 to %3 (%4 days, %5 households); before VAT %6, VAT %7% %8</source>
        <translation>%1 kWh từ %2 đến %3 (%4 ngày, %5 hộ); chưa thuế %6, thuế GTGT %7% %8</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="692" />
        <source>Save reading (Ctrl+S)</source>
        <translation>Lưu chỉ số (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="696" />
        <source>Read meter %1</source>
        <translation>Đọc công tơ %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="703" />
        <source>work order %1</source>
        <translation>phiếu %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="707" />
        <source>previous reading %1 kWh on %2</source>
        <translation>lần đọc trước %1 kWh ngày %2</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="710" />
        <source>no previous reading</source>
        <translation>chưa có lần đọc trước</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="712" />
        <source>← Back</source>
        <translation>← Quay lại</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="713" />
        <source>Probe &amp;port:</source>
        <translation>&amp;Cổng đầu đọc:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="714" />
        <source>e.g. COM3 or /dev/ttyUSB0</source>
        <translation>ví dụ COM3 hoặc /dev/ttyUSB0</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="715" />
        <source>Find probe</source>
        <translation>Tìm đầu đọc</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="716" />
        <source>Cancel (Esc)</source>
        <translation>Huỷ (Esc)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="717" />
        <source>Type by hand…</source>
        <translation>Ghi bằng tay…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="718" />
        <source>Reading through the optical probe — hold the probe on the port</source>
        <translation>Đang đọc qua đầu đọc quang — giữ đầu đọc trên cổng quang</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="719" />
        <source>Manual reading: type the index as the meter display shows it</source>
        <translation>Ghi chỉ số bằng tay: nhập đúng như trên màn hình công tơ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="723" />
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="727" />
        <source>Note:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="728" />
        <source>What you saw (optional; required for “another reason”)</source>
        <translation>Điều bạn thấy (không bắt buộc; bắt buộc khi chọn “Lý do khác”)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="729" />
        <source>Photo of the meter face (required, the index must be readable):</source>
        <translation>Ảnh mặt công tơ (bắt buộc, phải đọc rõ chỉ số):</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="730" />
        <source>Save manual reading (Ctrl+S)</source>
        <translation>Lưu chỉ số ghi tay (Ctrl+S)</translation>
    </message>
</context>
<context>
    <name>ReadingsPage</name>
    <message>
        <location filename="../../fieldkit/ui/pages/readings_page.py" line="34" />
        <source>Read meter</source>
        <translation>Đọc công tơ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/readings_page.py" line="139" />
        <source>no customer</source>
        <translation>chưa có khách hàng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/readings_page.py" line="140" />
        <source>meter %1</source>
        <translation>công tơ %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/readings_page.py" line="140" />
        <source>meter not named</source>
        <translation>chưa ghi công tơ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/readings_page.py" line="143" />
        <source>Work order %1 · %2 · due %3</source>
        <translation>Phiếu %1 · %2 · hạn %3</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/readings_page.py" line="190" />
        <source>Meter readings</source>
        <translation>Ghi chỉ số công tơ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/readings_page.py" line="191" />
        <source>Choose a reading work order, or search any meter, then read it through the optical probe. If the probe cannot read, type the index by hand with a photo.</source>
        <translation>Chọn một phiếu ghi chỉ số, hoặc tìm bất kỳ công tơ nào, rồi đọc qua đầu đọc quang. Nếu đầu đọc không đọc được, ghi chỉ số bằng tay kèm ảnh.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/readings_page.py" line="193" />
        <source>&amp;Search:</source>
        <translation>&amp;Tìm:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/readings_page.py" line="194" />
        <source>Meter serial, customer code, name or phone</source>
        <translation>Số công tơ, mã khách hàng, tên hoặc số điện thoại</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/readings_page.py" line="195" />
        <source>Read meter (Enter)</source>
        <translation>Đọc công tơ (Enter)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/readings_page.py" line="196" />
        <source>No reading work order is open. Type a meter serial or a customer to read any meter.</source>
        <translation>Không có phiếu ghi chỉ số nào đang mở. Gõ số công tơ hoặc tên khách hàng để đọc bất kỳ công tơ nào.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../fieldkit/ui/readings/settings.py" line="0" />
        <source>This file is not a meter model table FieldKit can use (JSON list; see docs/devices.md).</source>
        <translation>Tệp này không phải bảng cài đặt loại công tơ mà FieldKit dùng được (danh sách JSON; xem docs/devices.md).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/settings.py" line="0" />
        <source>Meter model settings file</source>
        <translation>Tệp cài đặt theo loại công tơ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/settings.py" line="0" />
        <source>Given by the utility: DLMS client address and passwords per meter model. With a write password, a meter's clock can be set after reading it.</source>
        <translation>Do điện lực cấp: địa chỉ client DLMS và mật khẩu theo loại công tơ. Có mật khẩu ghi thì chỉnh được đồng hồ công tơ sau khi đọc.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/settings.py" line="22" />
        <source>Type a number of minutes from 0 to 1440 (empty: 5).</source>
        <translation>Nhập số phút từ 0 đến 1440 (để trống: 5).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/settings.py" line="28" />
        <source>Type a number above 1, for example 3 (empty: 3).</source>
        <translation>Nhập một số lớn hơn 1, ví dụ 3 (để trống: 3).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/settings.py" line="35" />
        <source>Meter clock: allowed difference (minutes)</source>
        <translation>Đồng hồ công tơ: độ lệch cho phép (phút)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/settings.py" line="36" />
        <source>A reading warns when the meter clock differs from this laptop's clock by more than this. Empty: 5 minutes.</source>
        <translation>Cảnh báo khi đồng hồ công tơ lệch với đồng hồ máy tính nhiều hơn mức này. Để trống: 5 phút.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/settings.py" line="41" />
        <source>Abnormal consumption: times the usual</source>
        <translation>Tiêu thụ bất thường: gấp bao nhiêu lần mức thường</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/settings.py" line="42" />
        <source>A reading is flagged when the consumption per day is more than this many times the average of the last three months. Empty: 3.</source>
        <translation>Đánh dấu bất thường khi điện năng mỗi ngày lớn hơn số lần này so với trung bình ba tháng gần nhất. Để trống: 3.</translation>
    </message>
</context>
</TS>