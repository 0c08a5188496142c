<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DocumentActions</name>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Open to view or print</source>
        <translation>Open to view or print</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Save a copy…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Opened. The unencrypted view is removed when you log out.</source>
        <translation>Opened. The unencrypted view is removed when you log out.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Save an unencrypted copy?</source>
        <translation>Save an unencrypted copy?</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Save a copy</source>
        <translation>Save a copy</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Copy saved: %1</source>
        <translation>Copy saved: %1</translation>
    </message>
</context>
</TS>
