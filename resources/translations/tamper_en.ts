<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
  <context>
    <name>services.meter_log</name>
    <message>
      <location filename="../../fieldkit/services/meter_log_text.py" line="1" />
      <source>The meter's load profile jumps ahead around the event “{event}” ({day} at {hour}): a power cut or the meter's clock set forward without a log entry; consumption before and after it cannot be compared.</source>
      <translation>The meter's load profile jumps ahead around the event “{event}” ({day} at {hour}): a power cut or the meter's clock set forward without a log entry; consumption before and after it cannot be compared.</translation>
    </message>
  </context>
</TS>
