<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>services.readings</name>
    <message>
        <source>The supervisor's limits for the checks changed while saving. Save again to check the reading.</source>
        <translation>The supervisor's limits for the checks changed while saving. Save again to check the reading.</translation>
    </message>
</context>
</TS>
