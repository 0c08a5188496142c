<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>domain.problems</name>
    <message>
        <location filename="../../fieldkit/domain/problems.py" />
        <source>The central server is older than this laptop's software and cannot do what this sync needs. Nothing is lost: the work stays on this laptop. Ask the support team to update the central server.</source>
        <translation>The central server is older than this laptop's software and cannot do what this sync needs. Nothing is lost: the work stays on this laptop. Ask the support team to update the central server.</translation>
    </message>
</context>
</TS>
