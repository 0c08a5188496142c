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
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Make again</source>
        <translation>Make again</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Save a copy…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Make the document again from the saved records (e.g. after the real customer code arrived).</source>
        <translation>Make the document again from the saved records (e.g. after the real customer code arrived).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Opened in the PDF viewer. The unencrypted view is removed when you log out (or after 10 minutes).</source>
        <translation>Opened in the PDF viewer. The unencrypted view is removed when you log out (or after 10 minutes).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Print the document</source>
        <translation>Print the document</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>This computer has no print service: open the document and print it from the PDF viewer.</source>
        <translation>This computer has no print service: open the document and print it from the PDF viewer.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Sent to the printer %1.</source>
        <translation>Sent to the printer %1.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>(default)</source>
        <translation>(default)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Made again from the saved records. Open or print it.</source>
        <translation>Made again from the saved records. Open or print it.</translation>
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
<context>
    <name>DocumentsPanel</name>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Meter install / removal record</source>
        <translation>Meter install / removal record</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Request for electricity supply</source>
        <translation>Request for electricity supply</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Electricity purchase contract</source>
        <translation>Electricity purchase contract</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Household sheet</source>
        <translation>Household sheet</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/documents_view.py" line="0" />
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
</context>
</TS>
