<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
  <context>
    <name>MeterEvidence</name>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>Connecting (HDLC)</source>
      <translation>Đang kết nối (HDLC)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>Opening the DLMS session</source>
      <translation>Đang mở phiên DLMS</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>Data damaged: waiting, then signing on again</source>
      <translation>Dữ liệu bị lỗi: chờ rồi kết nối lại</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>Closing the session</source>
      <translation>Đang đóng phiên</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>No load profile</source>
      <translation>Không có biểu đồ phụ tải</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>max %1 %2 per interval</source>
      <translation>tối đa %1 %2 mỗi chu kỳ</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>Load profile</source>
      <translation>Biểu đồ phụ tải</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>%1 intervals of %2 min, %3 kWh</source>
      <translation>%1 chu kỳ %2 phút, %3 kWh</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>Event log</source>
      <translation>Nhật ký sự kiện</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>%1 events, %2 tamper signs</source>
      <translation>%1 sự kiện, %2 dấu hiệu can thiệp</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>… and %1 older events</source>
      <translation>… và %1 sự kiện cũ hơn</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>The meter's event log is empty.</source>
      <translation>Nhật ký sự kiện của công tơ trống.</translation>
    </message>
  </context>
</TS>
