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
  <context>
    <name>ui.cli</name>
    <message>
      <location filename="../../fieldkit/ui/cli.py" line="1" />
      <source>Error: the profile folder {path} does not exist; check the path (to start a new profile there, create the empty folder first).</source>
      <translation>Error: the profile folder {path} does not exist; check the path (to start a new profile there, create the empty folder first).</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/cli.py" line="1" />
      <source>Error: {path} is not a folder; give the profile folder.</source>
      <translation>Error: {path} is not a folder; give the profile folder.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/cli.py" line="1" />
      <source>Error: {problem}</source>
      <translation>Error: {problem}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/cli.py" line="1" />
      <source>FieldKit needs a screen: DISPLAY or WAYLAND_DISPLAY is not set. Start it from the desktop, or without a screen with QT_QPA_PLATFORM=offscreen (`fieldkit doctor` checks this).</source>
      <translation>FieldKit needs a screen: DISPLAY or WAYLAND_DISPLAY is not set. Start it from the desktop, or without a screen with QT_QPA_PLATFORM=offscreen (`fieldkit doctor` checks this).</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/cli.py" line="1" />
      <source>Cannot open the profile: {problem}</source>
      <translation>Cannot open the profile: {problem}</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <location filename="../../fieldkit/cli.py" line="1" />
      <source>Stopped (Ctrl+C).</source>
      <translation>Stopped (Ctrl+C).</translation>
    </message>
    <message>
      <location filename="../../fieldkit/cli.py" line="1" />
      <source>Unexpected error ({error}); run `fieldkit doctor` and report this with the output of FIELDKIT_DEBUG=1.</source>
      <translation>Unexpected error ({error}); run `fieldkit doctor` and report this with the output of FIELDKIT_DEBUG=1.</translation>
    </message>
  </context>
  <context>
    <name>services.review_evidence</name>
    <message>
      <location filename="../../fieldkit/services/review_evidence.py" line="1" />
      <source>(not a FieldKit capture; raw bytes)</source>
      <translation>(not a FieldKit capture; raw bytes)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/review_evidence.py" line="1" />
      <source>port {port} · started {started}</source>
      <translation>port {port} · started {started}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/review_evidence.py" line="1" />
      <source>speed -&gt; {baud} baud</source>
      <translation>speed -&gt; {baud} baud</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/review_evidence.py" line="1" />
      <source>laptop -&gt; meter (tx)</source>
      <translation>laptop -&gt; meter (tx)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/review_evidence.py" line="1" />
      <source>meter -&gt; laptop (rx)</source>
      <translation>meter -&gt; laptop (rx)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/review_evidence.py" line="1" />
      <source>{count} bytes at {baud} baud</source>
      <translation>{count} bytes at {baud} baud</translation>
    </message>
  </context>
</TS>
