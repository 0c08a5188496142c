<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>TodayPage</name>
    <message>
        <source>Superseded: the record of this work came from another laptop or person%1. What you typed is kept: open it to read it, then discard it.</source>
        <translation>Superseded: the record of this work came from another laptop or person%1. What you typed is kept: open it to read it, then discard it.</translation>
    </message>
</context>
<context>
    <name>InstallForm</name>
    <message>
        <source>Your earlier draft of this order was overtaken by a record from another laptop or person; it is kept on the Today page, where you can read and discard it.</source>
        <translation>Your earlier draft of this order was overtaken by a record from another laptop or person; it is kept on the Today page, where you can read and discard it.</translation>
    </message>
</context>
<context>
    <name>services.superseded_drafts</name>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Why it is saved anyway</source>
        <translation>Why it is saved anyway</translation>
    </message>
</context>
<context>
    <name>SupersededDraftDialog</name>
    <message>
        <source>Superseded draft — %1</source>
        <translation>Superseded draft — %1</translation>
    </message>
    <message>
        <source>someone on another laptop</source>
        <translation>someone on another laptop</translation>
    </message>
    <message>
        <source>The record of this work was saved by %1%2 and reached this laptop, so this draft can no longer be submitted. It is kept so nothing you typed is lost: read it, note what you need, then discard it.</source>
        <translation>The record of this work was saved by %1%2 and reached this laptop, so this draft can no longer be submitted. It is kept so nothing you typed is lost: read it, note what you need, then discard it.</translation>
    </message>
    <message>
        <source>%1 photo(s) kept with it</source>
        <translation>%1 photo(s) kept with it</translation>
    </message>
    <message>
        <source>(nothing typed)</source>
        <translation>(nothing typed)</translation>
    </message>
    <message>
        <source>&amp;Discard this draft</source>
        <translation>&amp;Discard this draft</translation>
    </message>
    <message>
        <source>&amp;Keep it for now</source>
        <translation>&amp;Keep it for now</translation>
    </message>
</context>
</TS>
