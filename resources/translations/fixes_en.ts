<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
  <context>
    <name>services.readings</name>
    <message>
      <location filename="../../fieldkit/services/readings.py" line="1" />
      <source>The meter's clock was changed around the event “{event}” ({day} at {hour}): consumption before and after it cannot be compared.</source>
      <translation>The meter's clock was changed around the event “{event}” ({day} at {hour}): consumption before and after it cannot be compared.</translation>
    </message>
  </context>
</TS>
