<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>CustomerColumns</name>
    <message>
        <location filename="../../fieldkit/ui/customer_model.py" line="41"/>
        <source>Customer code</source>
        <translation>Customer code</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/customer_model.py" line="42"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/customer_model.py" line="43"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/customer_model.py" line="44"/>
        <source>Commune / ward</source>
        <translation>Commune / ward</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/customer_model.py" line="45"/>
        <source>Households</source>
        <translation>Households</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../fieldkit/ui/pages/customers_page.py" line="81"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/customers_page.py" line="83"/>
        <source>%1 found</source>
        <translation>%1 found</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/customers_page.py" line="85"/>
        <source>%1 customers</source>
        <translation>%1 customers</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/customers_page.py" line="88"/>
        <source>Search failed: %1</source>
        <translation>Search failed: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/customers_page.py" line="98"/>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/customers_page.py" line="99"/>
        <source>&amp;Search by name, customer code or phone (Ctrl+F)</source>
        <translation>&amp;Search by name, customer code or phone (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/customers_page.py" line="100"/>
        <source>e.g. nguyen van a, PA23LN, 0912…</source>
        <translation>e.g. nguyen van a, PA23LN, 0912…</translation>
    </message>
</context>
<context>
    <name>FirstRunForm</name>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="277"/>
        <source>FieldKit — First start</source>
        <translation>FieldKit — First start</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="279"/>
        <source>No one uses this laptop yet. Create the first user: the PIN protects the customer data.</source>
        <translation>No one uses this laptop yet. Create the first user: the PIN protects the customer data.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="280"/>
        <source>Full &amp;name</source>
        <translation>Full &amp;name</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="281"/>
        <source>&amp;Role</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="282"/>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="283"/>
        <source>PIN &amp;again</source>
        <translation>PIN &amp;again</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="284"/>
        <source>e.g. Trần Thị Lan</source>
        <translation>e.g. Trần Thị Lan</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="285"/>
        <source>At least 6 digits</source>
        <translation>At least 6 digits</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="288"/>
        <source>Create user</source>
        <translation>Create user</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="289"/>
        <source>Change the language</source>
        <translation>Change the language</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="10"/>
        <source>Technician</source>
        <translation>Technician</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="11"/>
        <source>Trainer</source>
        <translation>Trainer</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="12"/>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="16"/>
        <source>New supply</source>
        <translation>New supply</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="17"/>
        <source>Meter install</source>
        <translation>Meter install</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="18"/>
        <source>Meter replacement</source>
        <translation>Meter replacement</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="19"/>
        <source>Meter reading</source>
        <translation>Meter reading</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="20"/>
        <source>Inspection</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="21"/>
        <source>Customer onboarding</source>
        <translation>Customer onboarding</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="25"/>
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="26"/>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="27"/>
        <source>Waiting for review</source>
        <translation>Waiting for review</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="28"/>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="29"/>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="33"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="34"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="35"/>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="36"/>
        <source>No due date</source>
        <translation>No due date</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="37"/>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="54"/>
        <source>Something went wrong: %1</source>
        <translation>Something went wrong: %1</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="134"/>
        <source>Choose your name in the list first.</source>
        <translation>Choose your name in the list first.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="137"/>
        <source>Enter your PIN.</source>
        <translation>Enter your PIN.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="148"/>
        <location filename="../../fieldkit/ui/login.py" line="178"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="148"/>
        <location filename="../../fieldkit/ui/login.py" line="178"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="173"/>
        <source>FieldKit — Sign in</source>
        <translation>FieldKit — Sign in</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="174"/>
        <source>Choose your name, then enter your PIN.</source>
        <translation>Choose your name, then enter your PIN.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="175"/>
        <source>&amp;User</source>
        <translation>&amp;User</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="176"/>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="177"/>
        <source>At least 6 digits</source>
        <translation>At least 6 digits</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="179"/>
        <source>Change the language</source>
        <translation>Change the language</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="339"/>
        <source>FieldKit — Sign in</source>
        <translation>FieldKit — Sign in</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="207"/>
        <source>FieldKit</source>
        <translation>FieldKit</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="214"/>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="215"/>
        <source>Change the language</source>
        <translation>Change the language</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="62"/>
        <source>Work orders</source>
        <translation>Work orders</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="63"/>
        <source>Customers</source>
        <translation>Customers</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="64"/>
        <source>Readings</source>
        <translation>Readings</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="65"/>
        <source>Meter readings</source>
        <translation>Meter readings</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="66"/>
        <source>Coming in a later release: read a meter through the optical probe, or type the reading with a photo.</source>
        <translation>Coming in a later release: read a meter through the optical probe, or type the reading with a photo.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="68"/>
        <source>Onboarding</source>
        <translation>Onboarding</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="69"/>
        <source>Customer onboarding</source>
        <translation>Customer onboarding</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="70"/>
        <source>Coming in a later release: install the customer-care app, cashless payment, the electronic contract and the printed sheet.</source>
        <translation>Coming in a later release: install the customer-care app, cashless payment, the electronic contract and the printed sheet.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="72"/>
        <location filename="../../fieldkit/ui/main_window.py" line="73"/>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="74"/>
        <source>Coming in a later release: supervisors approve work orders or return them with a comment.</source>
        <translation>Coming in a later release: supervisors approve work orders or return them with a comment.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="76"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="77"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="17"/>
        <source>The address starts with https:// (or http://).</source>
        <translation>The address starts with https:// (or http://).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="35"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="36"/>
        <source>Changes at once, no restart needed.</source>
        <translation>Changes at once, no restart needed.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="40"/>
        <source>Text and button size</source>
        <translation>Text and button size</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="41"/>
        <source>Large is easier to read in sunlight and to press with gloves.</source>
        <translation>Large is easier to read in sunlight and to press with gloves.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="42"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="43"/>
        <source>Large</source>
        <translation>Large</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="46"/>
        <source>Central server address</source>
        <translation>Central server address</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="47"/>
        <source>Given by your team leader. Used by sync.</source>
        <translation>Given by your team leader. Used by sync.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="51"/>
        <source>Optical probe port</source>
        <translation>Optical probe port</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="52"/>
        <source>Leave empty to find the probe automatically.</source>
        <translation>Leave empty to find the probe automatically.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="56"/>
        <source>GPS receiver port</source>
        <translation>GPS receiver port</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="57"/>
        <source>A GPS receiver that speaks NMEA; leave empty to type the position.</source>
        <translation>A GPS receiver that speaks NMEA; leave empty to type the position.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../fieldkit/ui/pages/settings_page.py" line="86"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/settings_page.py" line="98"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../fieldkit/ui/status_bar.py" line="67"/>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/status_bar.py" line="69"/>
        <source>○ Offline — no server configured</source>
        <translation>○ Offline — no server configured</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/status_bar.py" line="71"/>
        <source>○ Offline</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/status_bar.py" line="82"/>
        <source>Waiting to sync: %1</source>
        <translation>Waiting to sync: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/status_bar.py" line="84"/>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/status_bar.py" line="86"/>
        <source>Last sync: %1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/status_bar.py" line="87"/>
        <source>never</source>
        <translation>never</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Enter the server address first.</source>
        <translation>Enter the server address first.</translation>
    </message>
    <message>
        <source>Sending photos and files</source>
        <translation>Sending photos and files</translation>
    </message>
    <message>
        <source>Sending records</source>
        <translation>Sending records</translation>
    </message>
    <message>
        <source>Receiving updates</source>
        <translation>Receiving updates</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Finishing</translation>
    </message>
    <message>
        <source>%1: %2 of %3 — %4 kB sent, %5 kB received</source>
        <translation>%1: %2 of %3 — %4 kB sent, %5 kB received</translation>
    </message>
    <message>
        <source>Synced: %1 sent, %2 received, %3 refused.</source>
        <translation>Synced: %1 sent, %2 received, %3 refused.</translation>
    </message>
    <message>
        <source>Sync cancelled; the rest goes next time.</source>
        <translation>Sync cancelled; the rest goes next time.</translation>
    </message>
    <message>
        <source>Sync failed.</source>
        <translation>Sync failed.</translation>
    </message>
    <message>
        <source>This computer is enrolled.</source>
        <translation>This computer is enrolled.</translation>
    </message>
    <message>
        <source>Server address saved.</source>
        <translation>Server address saved.</translation>
    </message>
    <message>
        <source>Enrolment failed: %1</source>
        <translation>Enrolment failed: %1</translation>
    </message>
    <message>
        <source>Last failure: %1</source>
        <translation>Last failure: %1</translation>
    </message>
    <message>
        <source>Not enrolled: enter the server address and the code from your supervisor.</source>
        <translation>Not enrolled: enter the server address and the code from your supervisor.</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>Ca&amp;ncel</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <source>&amp;Enrol this computer</source>
        <translation>&amp;Enrol this computer</translation>
    </message>
    <message>
        <source>Refused by the server, with the reason</source>
        <translation>Refused by the server, with the reason</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/sync_page.py" line="258"/>
        <source>Your user code</source>
        <translation>Your user code</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/sync_page.py" line="260"/>
        <source>The one-time code the administrator gave you: the server then knows your signature on this computer.</source>
        <translation>The one-time code the administrator gave you: the server then knows your signature on this computer.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/sync_page.py" line="69"/>
        <source>Online: the central server can be reached.</source>
        <translation>Online: the central server can be reached.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/sync_page.py" line="71"/>
        <source>Offline: no server address is set (Settings).</source>
        <translation>Offline: no server address is set (Settings).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/sync_page.py" line="73"/>
        <source>Offline: the central server cannot be reached now.</source>
        <translation>Offline: the central server cannot be reached now.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/sync_page.py" line="78"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/sync_page.py" line="81"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/sync_page.py" line="82"/>
        <source>Waiting to sync</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/sync_page.py" line="83"/>
        <source>Refused by the server (needs a fix)</source>
        <translation>Refused by the server (needs a fix)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/sync_page.py" line="84"/>
        <source>Last successful sync</source>
        <translation>Last successful sync</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/sync_page.py" line="85"/>
        <source>&amp;Check again</source>
        <translation>&amp;Check again</translation>
    </message>
</context>
<context>
    <name>WorkOrdersPage</name>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="174"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
</context>
</TS>
