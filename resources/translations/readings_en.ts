<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ClockSetter</name>
    <message>
        <location filename="../../fieldkit/ui/readings/clock_setter.py" line="0" />
        <source>Set the meter's clock</source>
        <translation>Set the meter's clock</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/clock_setter.py" line="0" />
        <source>Writes this laptop's time, corrected by the server's check at the last sync, into the meter and reads it back.</source>
        <translation>Writes this laptop's time, corrected by the server's check at the last sync, into the meter and reads it back.</translation>
    </message>
</context>
<context>
    <name>ReadingPanel</name>
    <message>
        <source>This reading has a warning. Save it anyway?</source>
        <translation>This reading has a warning. Save it anyway?</translation>
    </message>
    <message>
        <source>Write why you save it anyway (what you saw on site).</source>
        <translation>Write why you save it anyway (what you saw on site).</translation>
    </message>
    <message>
        <source>Reason (required), e.g. meter replaced, customer away for a month</source>
        <translation>Reason (required), e.g. meter replaced, customer away for a month</translation>
    </message>
    <message>
        <source>Save with this reason</source>
        <translation>Save with this reason</translation>
    </message>
    <message>
        <source>Do not save</source>
        <translation>Do not save</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="377" />
        <source>No optical probe found. Plug the probe in and press “Find probe”, set its port in Settings, or type the reading by hand.</source>
        <translation>No optical probe found. Plug the probe in and press “Find probe”, set its port in Settings, or type the reading by hand.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="540" />
        <source>Reading cancelled. Nothing was saved.</source>
        <translation>Reading cancelled. Nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="543" />
        <source>You can read again, or type the reading by hand with a photo.</source>
        <translation>You can read again, or type the reading by hand with a photo.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="554" />
        <source>Saved with its raw data from the probe. It goes to the office at the next sync.</source>
        <translation>Saved with its raw data from the probe. It goes to the office at the next sync.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="558" />
        <source>Saved as a manual reading with its reason and photo. It goes to the office at the next sync.</source>
        <translation>Saved as a manual reading with its reason and photo. It goes to the office at the next sync.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="565" />
        <source>Read again (F2)</source>
        <translation>Read again (F2)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="566" />
        <source>Read meter (F2)</source>
        <translation>Read meter (F2)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="587" />
        <source>%1 of about %2 bytes</source>
        <translation>%1 of about %2 bytes</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="591" />
        <source>%1 bytes received</source>
        <translation>%1 bytes received</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="595" />
        <source>%1 s · Esc or Cancel stops the reading</source>
        <translation>%1 s · Esc or Cancel stops the reading</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="598" />
        <source>Sign-on</source>
        <translation>Sign-on</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="598" />
        <source>Identification</source>
        <translation>Identification</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="599" />
        <source>Speed switch</source>
        <translation>Speed switch</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="599" />
        <source>Receiving data</source>
        <translation>Receiving data</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="600" />
        <source>Waking the meter</source>
        <translation>Waking the meter</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="600" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="601" />
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="613" />
        <source>Consumption since %1: %2 kWh in %3 days</source>
        <translation>Consumption since %1: %2 kWh in %3 days</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="618" />
        <source>First reading of this meter: nothing to compare with.</source>
        <translation>First reading of this meter: nothing to compare with.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="619" />
        <source>Serial %1</source>
        <translation>Serial %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="621" />
        <source>meter clock %1</source>
        <translation>meter clock %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="623" />
        <source>error register %1</source>
        <translation>error register %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="637" />
        <source>Abnormal consumption</source>
        <translation>Abnormal consumption</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="637" />
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="643" />
        <source>No warnings: serial, clock and error register are fine, and the consumption looks normal.</source>
        <translation>No warnings: serial, clock and error register are fine, and the consumption looks normal.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="650" />
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="650" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="650" />
        <source>This reading</source>
        <translation>This reading</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="651" />
        <source>Previous (%1)</source>
        <translation>Previous (%1)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="651" />
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="652" />
        <source>Consumption</source>
        <translation>Consumption</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="677" />
        <source>tier %1: %2 kWh × %3</source>
        <translation>tier %1: %2 kWh × %3</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="680" />
        <source>Estimated bill: %1</source>
        <translation>Estimated bill: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="681" />
        <source>%1 kWh from %2 to %3 (%4 days, %5 households); before VAT %6, VAT %7% %8</source>
        <translation>%1 kWh from %2 to %3 (%4 days, %5 households); before VAT %6, VAT %7% %8</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="692" />
        <source>Save reading (Ctrl+S)</source>
        <translation>Save reading (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="696" />
        <source>Read meter %1</source>
        <translation>Read meter %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="703" />
        <source>work order %1</source>
        <translation>work order %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="707" />
        <source>previous reading %1 kWh on %2</source>
        <translation>previous reading %1 kWh on %2</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="710" />
        <source>no previous reading</source>
        <translation>no previous reading</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="712" />
        <source>← Back</source>
        <translation>← Back</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="713" />
        <source>Probe &amp;port:</source>
        <translation>Probe &amp;port:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="714" />
        <source>e.g. COM3 or /dev/ttyUSB0</source>
        <translation>e.g. COM3 or /dev/ttyUSB0</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="715" />
        <source>Find probe</source>
        <translation>Find probe</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="716" />
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="717" />
        <source>Type by hand…</source>
        <translation>Type by hand…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="718" />
        <source>Reading through the optical probe — hold the probe on the port</source>
        <translation>Reading through the optical probe — hold the probe on the port</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="719" />
        <source>Manual reading: type the index as the meter display shows it</source>
        <translation>Manual reading: type the index as the meter display shows it</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="723" />
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="727" />
        <source>Note:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="728" />
        <source>What you saw (optional; required for “another reason”)</source>
        <translation>What you saw (optional; required for “another reason”)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="729" />
        <source>Photo of the meter face (required, the index must be readable):</source>
        <translation>Photo of the meter face (required, the index must be readable):</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/panel.py" line="730" />
        <source>Save manual reading (Ctrl+S)</source>
        <translation>Save manual reading (Ctrl+S)</translation>
    </message>
</context>
<context>
    <name>ReadingsPage</name>
    <message>
        <location filename="../../fieldkit/ui/pages/readings_page.py" line="34" />
        <source>Read meter</source>
        <translation>Read meter</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/readings_page.py" line="139" />
        <source>no customer</source>
        <translation>no customer</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/readings_page.py" line="140" />
        <source>meter %1</source>
        <translation>meter %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/readings_page.py" line="140" />
        <source>meter not named</source>
        <translation>meter not named</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/readings_page.py" line="143" />
        <source>Work order %1 · %2 · due %3</source>
        <translation>Work order %1 · %2 · due %3</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/readings_page.py" line="190" />
        <source>Meter readings</source>
        <translation>Meter readings</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/readings_page.py" line="191" />
        <source>Choose a reading work order, or search any meter, then read it through the optical probe. If the probe cannot read, type the index by hand with a photo.</source>
        <translation>Choose a reading work order, or search any meter, then read it through the optical probe. If the probe cannot read, type the index by hand with a photo.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/readings_page.py" line="193" />
        <source>&amp;Search:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/readings_page.py" line="194" />
        <source>Meter serial, customer code, name or phone</source>
        <translation>Meter serial, customer code, name or phone</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/readings_page.py" line="195" />
        <source>Read meter (Enter)</source>
        <translation>Read meter (Enter)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/readings_page.py" line="196" />
        <source>No reading work order is open. Type a meter serial or a customer to read any meter.</source>
        <translation>No reading work order is open. Type a meter serial or a customer to read any meter.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../fieldkit/ui/readings/settings.py" line="0" />
        <source>This file is not a meter model table FieldKit can use (JSON list; see docs/devices.md).</source>
        <translation>This file is not a meter model table FieldKit can use (JSON list; see docs/devices.md).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/settings.py" line="0" />
        <source>Meter model settings file</source>
        <translation>Meter model settings file</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/settings.py" line="0" />
        <source>Given by the utility: DLMS client address and passwords per meter model. With a write password, a meter's clock can be set after reading it.</source>
        <translation>Given by the utility: DLMS client address and passwords per meter model. With a write password, a meter's clock can be set after reading it.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/settings.py" line="22" />
        <source>Type a number of minutes from 0 to 1440 (empty: 5).</source>
        <translation>Type a number of minutes from 0 to 1440 (empty: 5).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/settings.py" line="28" />
        <source>Type a number above 1, for example 3 (empty: 3).</source>
        <translation>Type a number above 1, for example 3 (empty: 3).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/settings.py" line="35" />
        <source>Meter clock: allowed difference (minutes)</source>
        <translation>Meter clock: allowed difference (minutes)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/settings.py" line="36" />
        <source>A reading warns when the meter clock differs from this laptop's clock by more than this. Empty: 5 minutes.</source>
        <translation>A reading warns when the meter clock differs from this laptop's clock by more than this. Empty: 5 minutes.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/settings.py" line="41" />
        <source>Abnormal consumption: times the usual</source>
        <translation>Abnormal consumption: times the usual</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/readings/settings.py" line="42" />
        <source>A reading is flagged when the consumption per day is more than this many times the average of the last three months. Empty: 3.</source>
        <translation>A reading is flagged when the consumption per day is more than this many times the average of the last three months. Empty: 3.</translation>
    </message>
</context>
</TS>