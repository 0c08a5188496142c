<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>WorkOrderColumns</name>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>(%1 days)</source>
        <translation>(%1 days)</translation>
    </message>
</context>
<context>
    <name>WorkOrdersPage</name>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>%1 returned by the supervisor: open one to read why and redo it.</source>
        <translation>%1 returned by the supervisor: open one to read why and redo it.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>The work order was given to another technician.</source>
        <translation>The work order was given to another technician.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>Saved. It will be sent with the next sync.</source>
        <translation>Saved. It will be sent with the next sync.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>Do the onboarding on the Onboarding page; finishing it submits this work order.</source>
        <translation>Do the onboarding on the Onboarding page; finishing it submits this work order.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>Saving the record submits this work order for review.</source>
        <translation>Saving the record submits this work order for review.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>A technician does this kind of work order; ask your supervisor to give it to one.</source>
        <translation>A technician does this kind of work order; ask your supervisor to give it to one.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>Returned by the supervisor: %1</source>
        <translation>Returned by the supervisor: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>%1 days late</source>
        <translation>%1 days late</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>&amp;Start work</source>
        <translation>&amp;Start work</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>Open the &amp;form</source>
        <translation>Open the &amp;form</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>Go to &amp;Onboarding</source>
        <translation>Go to &amp;Onboarding</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>&amp;Give to:</source>
        <translation>&amp;Give to:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="1" />
        <source>Give the work order</source>
        <translation>Give the work order</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../fieldkit/ui/status_bar.py" line="1" />
        <source>Due today: %1</source>
        <translation>Due today: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/status_bar.py" line="1" />
        <source>Overdue: %1</source>
        <translation>Overdue: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/status_bar.py" line="1" />
        <source>Returned: %1</source>
        <translation>Returned: %1</translation>
    </message>
</context>
</TS>
