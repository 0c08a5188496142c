<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
  <context>
    <name>services.meter_log</name>
    <message>
      <location filename="../../fieldkit/services/meter_log_text.py" line="1" />
      <source>The meter's load profile jumps ahead around the event “{event}” ({day} at {hour}): a power cut or the meter's clock set forward without a log entry; consumption before and after it cannot be compared.</source>
      <translation>Biểu đồ phụ tải của công tơ nhảy thời gian quanh sự kiện “{event}” ({hour} ngày {day}): do mất điện hoặc đồng hồ công tơ bị chỉnh nhanh mà nhật ký không ghi; không so sánh được điện năng tiêu thụ trước và sau sự kiện.</translation>
    </message>
  </context>
</TS>
