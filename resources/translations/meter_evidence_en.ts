<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
  <context>
    <name>MeterEvidence</name>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>Connecting (HDLC)</source>
      <translation>Connecting (HDLC)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>Opening the DLMS session</source>
      <translation>Opening the DLMS session</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>Data damaged: waiting, then signing on again</source>
      <translation>Data damaged: waiting, then signing on again</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>Closing the session</source>
      <translation>Closing the session</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>No load profile</source>
      <translation>No load profile</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>max %1 %2 per interval</source>
      <translation>max %1 %2 per interval</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>Load profile</source>
      <translation>Load profile</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>%1 intervals of %2 min, %3 kWh</source>
      <translation>%1 intervals of %2 min, %3 kWh</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>Event log</source>
      <translation>Event log</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>%1 events, %2 tamper signs</source>
      <translation>%1 events, %2 tamper signs</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>… and %1 older events</source>
      <translation>… and %1 older events</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/readings/meter_memory.py" line="1" />
      <source>The meter's event log is empty.</source>
      <translation>The meter's event log is empty.</translation>
    </message>
  </context>
</TS>
