<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CustomerDetail</name>
    <message>
        <source>Household</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>New supply request</source>
        <translation>New supply request</translation>
    </message>
    <message>
        <source>App shown</source>
        <translation>App shown</translation>
    </message>
    <message>
        <source>App account</source>
        <translation>App account</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Bill and QR</source>
        <translation>Bill and QR</translation>
    </message>
    <message>
        <source>E-contract</source>
        <translation>E-contract</translation>
    </message>
    <message>
        <source>Household sheet</source>
        <translation>Household sheet</translation>
    </message>
    <message>
        <source>Meter install record</source>
        <translation>Meter install record</translation>
    </message>
    <message>
        <source>Signed e-contract</source>
        <translation>Signed e-contract</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>No documents yet.</source>
        <translation>No documents yet.</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>%1 of %2 steps</source>
        <translation>%1 of %2 steps</translation>
    </message>
    <message>
        <source>No reading yet.</source>
        <translation>No reading yet.</translation>
    </message>
    <message>
        <source>Last reading: %1 kWh on %2</source>
        <translation>Last reading: %1 kWh on %2</translation>
    </message>
    <message>
        <source>One reading only: no consumption yet.</source>
        <translation>One reading only: no consumption yet.</translation>
    </message>
    <message>
        <source>kWh used between readings</source>
        <translation>kWh used between readings</translation>
    </message>
    <message>
        <source>← Back to the list (Esc)</source>
        <translation>← Back to the list (Esc)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>Customer code</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>Onboarding</source>
        <translation>Onboarding</translation>
    </message>
    <message>
        <source>Meters and readings</source>
        <translation>Meters and readings</translation>
    </message>
    <message>
        <source>No meter on this laptop for this customer.</source>
        <translation>No meter on this laptop for this customer.</translation>
    </message>
    <message>
        <source>Work orders (open ones first, in bold)</source>
        <translation>Work orders (open ones first, in bold)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>%1 phase(s)</source>
        <translation>%1 phase(s)</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Enter opens the selected customer; Esc clears the search.</source>
        <translation>Enter opens the selected customer; Esc clears the search.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Save a copy</source>
        <translation>Save a copy</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Nothing to search on this page.</source>
        <translation>Nothing to search on this page.</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Making the report…</source>
        <translation>Making the report…</translation>
    </message>
    <message>
        <source>Report cancelled.</source>
        <translation>Report cancelled.</translation>
    </message>
    <message>
        <source>Saving the file…</source>
        <translation>Saving the file…</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>Export cancelled: nothing was written.</translation>
    </message>
    <message>
        <source>Reading the figures of each meter</source>
        <translation>Reading the figures of each meter</translation>
    </message>
</context>
</TS>
