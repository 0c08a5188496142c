<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="148" />
        <source>— choose —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="152" />
        <source>Latitude, e.g. 20.5412</source>
        <translation>Latitude, e.g. 20.5412</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="153" />
        <source>Longitude, e.g. 106.0521</source>
        <translation>Longitude, e.g. 106.0521</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="155" />
        <source>Read through probe</source>
        <translation>Read through probe</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="156" />
        <source>From GPS receiver</source>
        <translation>From GPS receiver</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="158" />
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="231" />
        <source>No optical probe port is set (Settings); type the readings from the display.</source>
        <translation>No optical probe port is set (Settings); type the readings from the display.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="233" />
        <source>No GPS receiver port is set (FIELDKIT_GPS_PORT); type the position.</source>
        <translation>No GPS receiver port is set (FIELDKIT_GPS_PORT); type the position.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="242" />
        <source>Reading the meter through the optical probe…</source>
        <translation>Reading the meter through the optical probe…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="259" />
        <source>The meter did not give %1; type it from the display.</source>
        <translation>The meter did not give %1; type it from the display.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="276" />
        <source>No position from the GPS receiver; go outside or type it.</source>
        <translation>No position from the GPS receiver; go outside or type it.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/renderer.py" line="287" />
        <source>Could not read: %1 — type the values instead.</source>
        <translation>Could not read: %1 — type the values instead.</translation>
    </message>
</context>
<context>
    <name>InstallForm</name>
    <message>
        <location filename="../../fieldkit/ui/install/install_form.py" line="0" />
        <source>The meter read through the probe agrees with the form.</source>
        <translation>The meter read through the probe agrees with the form.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/install/install_form.py" line="0" />
        <source>The meter read through the probe does not agree with the form:</source>
        <translation>The meter read through the probe does not agree with the form:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/install/install_form.py" line="0" />
        <source>Check the meter and the form. Press Save again to keep the record as it is.</source>
        <translation>Check the meter and the form. Press Save again to keep the record as it is.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/install/install_form.py" line="0" />
        <source>The meter does not agree with the form (%1). Nothing was saved yet.</source>
        <translation>The meter does not agree with the form (%1). Nothing was saved yet.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/install/install_form.py" line="99" />
        <source>← Back to the list</source>
        <translation>← Back to the list</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/install/install_form.py" line="100" />
        <source>&amp;Save record (Ctrl+S)</source>
        <translation>&amp;Save record (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/install/install_form.py" line="117" />
        <source>Problems to fix before saving: %1. Nothing was lost.</source>
        <translation>Problems to fix before saving: %1. Nothing was lost.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/install/install_form.py" line="132" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/install/install_form.py" line="138" />
        <source>Saved. The work order is waiting for review. Record: %1</source>
        <translation>Saved. The work order is waiting for review. Record: %1</translation>
    </message>
</context>
<context>
    <name>PhotoPicker</name>
    <message>
        <location filename="../../fieldkit/ui/forms/photos.py" line="60" />
        <source>Add photo…</source>
        <translation>Add photo…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/photos.py" line="61" />
        <source>From camera folder…</source>
        <translation>From camera folder…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/photos.py" line="62" />
        <source>Remove selected photo</source>
        <translation>Remove selected photo</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/photos.py" line="74" />
        <source>Not a photo this form can keep (JPEG or PNG up to 15 MB): %1</source>
        <translation>Not a photo this form can keep (JPEG or PNG up to 15 MB): %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/photos.py" line="91" />
        <source>No JPEG or PNG pictures in %1</source>
        <translation>No JPEG or PNG pictures in %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/photos.py" line="108" />
        <source>Choose photos</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/photos.py" line="109" />
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>Pictures (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/forms/photos.py" line="114" />
        <source>Camera folder</source>
        <translation>Camera folder</translation>
    </message>
</context>
<context>
    <name>WorkOrderColumns</name>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="48" />
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="48" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="49" />
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="49" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="50" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="50" />
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
</context>
<context>
    <name>WorkOrdersPage</name>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="249" />
        <source>%1 open · %2 overdue · %3 due today</source>
        <translation>%1 open · %2 overdue · %3 due today</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="292" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="292" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="292" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="293" />
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="293" />
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="295" />
        <source>This work order was already submitted; its record is waiting for review.</source>
        <translation>This work order was already submitted; its record is waiting for review.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="297" />
        <source>The form for this kind of work order comes in a later version.</source>
        <translation>The form for this kind of work order comes in a later version.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="315" />
        <source>Work orders</source>
        <translation>Work orders</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="316" />
        <source>&amp;Refresh (F5)</source>
        <translation>&amp;Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="317" />
        <source>&amp;Open (Enter)</source>
        <translation>&amp;Open (Enter)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="318" />
        <source>&amp;Commune:</source>
        <translation>&amp;Commune:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="319" />
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="320" />
        <source>All communes</source>
        <translation>All communes</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="321" />
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="324" />
        <source>← Back to the list</source>
        <translation>← Back to the list</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="325" />
        <source>No work orders on this laptop. Sync at the office to receive today's work.</source>
        <translation>No work orders on this laptop. Sync at the office to receive today's work.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="331" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
</context>
</TS>
