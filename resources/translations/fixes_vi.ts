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
</TS>
