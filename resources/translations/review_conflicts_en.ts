<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ReviewConflicts</name>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="40" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="41" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="42" />
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="43" />
        <source>Street / hamlet</source>
        <translation>Street / hamlet</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="44" />
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="45" />
        <source>Commune code</source>
        <translation>Commune code</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="46" />
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="47" />
        <source>Province code</source>
        <translation>Province code</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="48" />
        <source>Old district</source>
        <translation>Old district</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="49" />
        <source>Households</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="50" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="51" />
        <source>Review comment</source>
        <translation>Review comment</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="52" />
        <source>Assignee</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="53" />
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="54" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="55" />
        <source>Meter</source>
        <translation>Meter</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="56" />
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="59" />
        <source>Customer details</source>
        <translation>Customer details</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="60" />
        <source>Work-order status</source>
        <translation>Work-order status</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="65" />
        <source>%1 (version %2)</source>
        <translation>%1 (version %2)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="66" />
        <source>received %1</source>
        <translation>received %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="67" />
        <source>laptop clock %1</source>
        <translation>laptop clock %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="68" />
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="69" />
        <source>Before (%1)</source>
        <translation>Before (%1)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="70" />
        <source>On the server first</source>
        <translation>On the server first</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="71" />
        <source>Arrived later</source>
        <translation>Arrived later</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="72" />
        <source>Version %1 by %2 (%3), %4: %5</source>
        <translation>Version %1 by %2 (%3), %4: %5</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="73" />
        <source>Both changed: %1. The later value is the one kept now.</source>
        <translation>Both changed: %1. The later value is the one kept now.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="75" />
        <source>What did you decide? (optional)</source>
        <translation>What did you decide? (optional)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="76" />
        <source>Mark as resolved</source>
        <translation>Mark as resolved</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="77" />
        <source>Resolved by %1 on %2.</source>
        <translation>Resolved by %1 on %2.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="78" />
        <source>Note: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="79" />
        <source>Marked as resolved on this laptop; it goes to the server at the next sync.</source>
        <translation>Marked as resolved on this laptop; it goes to the server at the next sync.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="81" />
        <source>The server refused the resolution: %1</source>
        <translation>The server refused the resolution: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="82" />
        <source>Open: both edits were kept; the later one is the current value. Check with the technicians, correct the record if needed, then mark it as resolved.</source>
        <translation>Open: both edits were kept; the later one is the current value. Check with the technicians, correct the record if needed, then mark it as resolved.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="85" />
        <source>Conflicts between devices (%1 open)</source>
        <translation>Conflicts between devices (%1 open)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="87" />
        <source>Two laptops changed the same record without seeing each other's change. Nothing was lost: both versions are shown side by side.</source>
        <translation>Two laptops changed the same record without seeing each other's change. Nothing was lost: both versions are shown side by side.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/review_conflicts.py" line="90" />
        <source>Conflict marked as resolved. It goes to the server at the next sync.</source>
        <translation>Conflict marked as resolved. It goes to the server at the next sync.</translation>
    </message>
</context>
</TS>