<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Pages</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
</context>
<context>
    <name>InstallForm</name>
    <message>
        <source>Opening…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Draft saved</translation>
    </message>
    <message>
        <source>Returned by the supervisor: %1</source>
        <translation>Returned by the supervisor: %1</translation>
    </message>
    <message>
        <source>The submitted record is filled in (photos and signatures kept): change only what the comment asks, then save again.</source>
        <translation>The submitted record is filled in (photos and signatures kept): change only what the comment asks, then save again.</translation>
    </message>
    <message>
        <source>Draft reopened: everything typed before is filled in.</source>
        <translation>Draft reopened: everything typed before is filled in.</translation>
    </message>
    <message>
        <source>%1 photo(s) or signature(s) could not be found; add them again.</source>
        <translation>%1 photo(s) or signature(s) could not be found; add them again.</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature kept from the submitted record — draw to sign again</source>
        <translation>Signature kept from the submitted record — draw to sign again</translation>
    </message>
</context>
<context>
    <name>OnboardingPage</name>
    <message>
        <source>Returned by the supervisor: %1</source>
        <translation>Returned by the supervisor: %1</translation>
    </message>
    <message>
        <source>Every answer is kept: change what the comment asks, then go on to Finish to send it again.</source>
        <translation>Every answer is kept: change what the comment asks, then go on to Finish to send it again.</translation>
    </message>
    <message>
        <source>Unsaved answers of this screen were kept and are filled in again.</source>
        <translation>Unsaved answers of this screen were kept and are filled in again.</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Install / replacement form</source>
        <translation>Install / replacement form</translation>
    </message>
    <message>
        <source>Saved at %1; open it to go on</source>
        <translation>Saved at %1; open it to go on</translation>
    </message>
    <message>
        <source>Refused by the server: %1</source>
        <translation>Refused by the server: %1</translation>
    </message>
    <message>
        <source>Submitted at %1</source>
        <translation>Submitted at %1</translation>
    </message>
    <message>
        <source>Supervisor: %1</source>
        <translation>Supervisor: %1</translation>
    </message>
    <message>
        <source>Drafts are kept on this laptop only (encrypted) until you submit them; submitted work goes to the server at the next sync.</source>
        <translation>Drafts are kept on this laptop only (encrypted) until you submit them; submitted work goes to the server at the next sync.</translation>
    </message>
    <message>
        <source>Drafts (%1)</source>
        <translation>Drafts (%1)</translation>
    </message>
    <message>
        <source>Waiting to send (%1)</source>
        <translation>Waiting to send (%1)</translation>
    </message>
    <message>
        <source>Sent today (%1)</source>
        <translation>Sent today (%1)</translation>
    </message>
    <message>
        <source>Returned (%1)</source>
        <translation>Returned (%1)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>No draft: every form you started was submitted.</source>
        <translation>No draft: every form you started was submitted.</translation>
    </message>
    <message>
        <source>Nothing waiting: everything submitted has reached the server.</source>
        <translation>Nothing waiting: everything submitted has reached the server.</translation>
    </message>
    <message>
        <source>Nothing sent today yet.</source>
        <translation>Nothing sent today yet.</translation>
    </message>
    <message>
        <source>No work order was returned to you.</source>
        <translation>No work order was returned to you.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
</context>
</TS>
