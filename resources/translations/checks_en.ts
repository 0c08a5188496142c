<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ReadingPanel</name>
    <message>
        <source>The checks flag this reading. Check the display again; to save it anyway, write why:</source>
        <translation>The checks flag this reading. Check the display again; to save it anyway, write why:</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Set by the utility's server.</source>
        <translation>Set by the utility's server.</translation>
    </message>
    <message>
        <source>Only a supervisor can change it.</source>
        <translation>Only a supervisor can change it.</translation>
    </message>
</context>
</TS>
