<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>StatusBar</name>
    <message>
        <source>To send: %1</source>
        <translation>To send: %1</translation>
    </message>
    <message>
        <source>Today: %1</source>
        <translation>Today: %1</translation>
    </message>
    <message>
        <source>Synced: %1</source>
        <translation>Synced: %1</translation>
    </message>
</context>
</TS>
