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
  <context>
    <name>doctor</name>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>ok</source>
      <translation>ok</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>warn</source>
      <translation>warn</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>FAIL</source>
      <translation>FAIL</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>serial</source>
      <translation>serial</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>profile</source>
      <translation>profile</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>database</source>
      <translation>database</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>keyring</source>
      <translation>keyring</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>keys</source>
      <translation>keys</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>encryption</source>
      <translation>encryption</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>recovery</source>
      <translation>recovery</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>disk</source>
      <translation>disk</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>server</source>
      <translation>server</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>doctor</source>
      <translation>doctor</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>install Qt's system libraries (Debian: apt-get install libegl1 libxkbcommon-x11-0 libxcb-cursor0 libfontconfig1), or run without a screen with QT_QPA_PLATFORM=offscreen</source>
      <translation>install Qt's system libraries (Debian: apt-get install libegl1 libxkbcommon-x11-0 libxcb-cursor0 libfontconfig1), or run without a screen with QT_QPA_PLATFORM=offscreen</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>Qt {version}, platform '{name}'</source>
      <translation>Qt {version}, platform '{name}'</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>{count} port(s): {names}; probe(s): {probes}</source>
      <translation>{count} port(s): {names}; probe(s): {probes}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>{count} port(s): {names}</source>
      <translation>{count} port(s): {names}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>integrity {sqlite}, schema {schema}, {waiting} item(s) waiting to sync; {checked} pages checked in {seconds} s, {bad} damaged{pages}</source>
      <translation>integrity {sqlite}, schema {schema}, {waiting} item(s) waiting to sync; {checked} pages checked in {seconds} s, {bad} damaged{pages}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>{size} GB free</source>
      <translation>{size} GB free</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>{url} reachable (HTTP {status})</source>
      <translation>{url} reachable (HTTP {status})</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>FieldKit needs Python 3.11 or newer</source>
      <translation>FieldKit needs Python 3.11 or newer</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>no serial ports seen</source>
      <translation>no serial ports seen</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>plug in the optical probe; on Linux add the user to the 'dialout' group</source>
      <translation>plug in the optical probe; on Linux add the user to the 'dialout' group</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>{count} user(s)</source>
      <translation>{count} user(s)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>delete files you do not need or sync soon</source>
      <translation>delete files you do not need or sync soon</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>no central server configured (offline use)</source>
      <translation>no central server configured (offline use)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>{url} answered {status}</source>
      <translation>{url} answered {status}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>the server has a problem; try later</source>
      <translation>the server has a problem; try later</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>Qt did not start within 60 s</source>
      <translation>Qt did not start within 60 s</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>check the display (DISPLAY / WAYLAND_DISPLAY)</source>
      <translation>check the display (DISPLAY / WAYLAND_DISPLAY)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>pyserial is not installed</source>
      <translation>pyserial is not installed</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>reinstall FieldKit</source>
      <translation>reinstall FieldKit</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>{summary} in {seconds} s; damaged file kept as {name}</source>
      <translation>{summary} in {seconds} s; damaged file kept as {name}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>log in and sync now (pending work is pushed), then re-create the profile from the server</source>
      <translation>log in and sync now (pending work is pushed), then re-create the profile from the server</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>the profile folder {folder} does not exist</source>
      <translation>the profile folder {folder} does not exist</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>check --profile</source>
      <translation>check --profile</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>no profile in {folder}</source>
      <translation>no profile in {folder}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>start FieldKit once to create it, or: fieldkit demo-data --db PATH</source>
      <translation>start FieldKit once to create it, or: fieldkit demo-data --db PATH</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>{path} is missing</source>
      <translation>{path} is missing</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>re-create the profile from the server</source>
      <translation>re-create the profile from the server</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>the database is NOT encrypted</source>
      <translation>the database is NOT encrypted</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>re-create the profile</source>
      <translation>re-create the profile</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>{path} is encrypted ({size} MB)</source>
      <translation>{path} is encrypted ({size} MB)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>integrity not checked (locked)</source>
      <translation>integrity not checked (locked)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>run with --user NAME and FIELDKIT_PIN set to check integrity</source>
      <translation>run with --user NAME and FIELDKIT_PIN set to check integrity</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>{url} not reachable: {error}</source>
      <translation>{url} not reachable: {error}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>no signal is normal in the field; work is kept and syncs later</source>
      <translation>no signal is normal in the field; work is kept and syncs later</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>fix: {fix}</source>
      <translation>fix: {fix}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>no display; Qt works without a screen ({qt})</source>
      <translation>no display; Qt works without a screen ({qt})</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>start FieldKit from the desktop (DISPLAY is not set)</source>
      <translation>start FieldKit from the desktop (DISPLAY is not set)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>sync now if you can, then run again with --recover: it copies every readable row into a new encrypted database and keeps the damaged one aside</source>
      <translation>sync now if you can, then run again with --recover: it copies every readable row into a new encrypted database and keeps the damaged one aside</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>restore keyring.json from a backup, or re-create the profile from the server</source>
      <translation>restore keyring.json from a backup, or re-create the profile from the server</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>check --user and FIELDKIT_PIN</source>
      <translation>check --user and FIELDKIT_PIN</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>page 1 (the schema) is unreadable: nothing can be recovered here; re-create the profile from the server (fieldkit sync --enrol CODE on a new profile)</source>
      <translation>page 1 (the schema) is unreadable: nothing can be recovered here; re-create the profile from the server (fieldkit sync --enrol CODE on a new profile)</translation>
    </message>
  </context>
  <context>
    <name>services.unlock</name>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>keyring format 1: the PINs alone protect the data key (no device secret yet)</source>
      <translation>keyring format 1: the PINs alone protect the data key (no device secret yet)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>log in once: the profile gets its device secret</source>
      <translation>log in once: the profile gets its device secret</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>the profile's device secret is not in this computer's credential store (copied from another computer, or the store was reset)</source>
      <translation>the profile's device secret is not in this computer's credential store (copied from another computer, or the store was reset)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>sign in to the desktop session so its credential store answers</source>
      <translation>sign in to the desktop session so its credential store answers</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>keyring.json cannot be read ({error})</source>
      <translation>keyring.json cannot be read ({error})</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>restore it from a backup</source>
      <translation>restore it from a backup</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>device secret in the OS credential store; sealed to recovery key {key}</source>
      <translation>device secret in the OS credential store; sealed to recovery key {key}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>device secret in the OS credential store; NOT sealed to a recovery key</source>
      <translation>device secret in the OS credential store; NOT sealed to a recovery key</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>run FieldKit where the OS credential store answers (docs/security.md)</source>
      <translation>run FieldKit where the OS credential store answers (docs/security.md)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>device secret in a file outside the profile (fallback: a thief with the whole disk has it); sealed to recovery key {key}</source>
      <translation>device secret in a file outside the profile (fallback: a thief with the whole disk has it); sealed to recovery key {key}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>device secret in a file outside the profile (fallback: a thief with the whole disk has it); NOT sealed to a recovery key</source>
      <translation>device secret in a file outside the profile (fallback: a thief with the whole disk has it); NOT sealed to a recovery key</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>set FIELDKIT_RECOVERY_PUBLIC_KEY (recovery.pub) and log in once</source>
      <translation>set FIELDKIT_RECOVERY_PUBLIC_KEY (recovery.pub) and log in once</translation>
    </message>
  </context>
  <context>
    <name>devices.cli_probes</name>
    <message>
      <location filename="../../fieldkit/devices/cli_probes.py" line="1" />
      <source>No optical probe found (use --all to list every serial port).</source>
      <translation>No optical probe found (use --all to list every serial port).</translation>
    </message>
    <message>
      <location filename="../../fieldkit/devices/cli_probes.py" line="1" />
      <source>not a known probe chip</source>
      <translation>not a known probe chip</translation>
    </message>
  </context>
  <context>
    <name>devices.cli_read</name>
    <message>
      <location filename="../../fieldkit/devices/cli_read.py" line="1" />
      <source>Cannot save the capture to {path}: {reason}</source>
      <translation>Cannot save the capture to {path}: {reason}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/devices/cli_read.py" line="1" />
      <source>serial: {serial}   clock: {clock}   error register: {errors}</source>
      <translation>serial: {serial}   clock: {clock}   error register: {errors}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/devices/cli_read.py" line="1" />
      <source>(not understood) {line}</source>
      <translation>(not understood) {line}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/devices/cli_read.py" line="1" />
      <source>clock deviation: {seconds} s (meter minus this computer)</source>
      <translation>clock deviation: {seconds} s (meter minus this computer)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/devices/cli_read.py" line="1" />
      <source>load profile: {count} intervals of {minutes} min, columns {columns}</source>
      <translation>load profile: {count} intervals of {minutes} min, columns {columns}</translation>
    </message>
  </context>
</TS>
