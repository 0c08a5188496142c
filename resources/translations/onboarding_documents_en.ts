<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BillScreen</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/app_payment.py" line="0" />
        <source>The household's electricity bill and a QR code to pay it by bank transfer: open the bank app, choose «Scan QR».</source>
        <translation>The household's electricity bill and a QR code to pay it by bank transfer: open the bank app, choose «Scan QR».</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/app_payment.py" line="0" />
        <source>Bill for %1 – %2</source>
        <translation>Bill for %1 – %2</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/app_payment.py" line="0" />
        <source>To pay: %1</source>
        <translation>To pay: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/app_payment.py" line="0" />
        <source>Due date: %1</source>
        <translation>Due date: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/app_payment.py" line="0" />
        <source>An estimate only, for a period that may be paid already: the QR code has no amount; the household types the amount of its bill.</source>
        <translation>An estimate only, for a period that may be paid already: the QR code has no amount; the household types the amount of its bill.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/app_payment.py" line="0" />
        <source>as on the electricity bill</source>
        <translation>as on the electricity bill</translation>
    </message>
</context>
<context>
    <name>NewSupplyScreen</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/household.py" line="0" />
        <source>The applicant signs the request here (finger, pen or mouse). Without a signature the printed request is signed on paper.</source>
        <translation>The applicant signs the request here (finger, pen or mouse). Without a signature the printed request is signed on paper.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/household.py" line="0" />
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/household.py" line="0" />
        <source>Applicant's full name</source>
        <translation>Applicant's full name</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/household.py" line="0" />
        <source>Signed by %1. Draw again to replace the signature; a changed request must be signed again.</source>
        <translation>Signed by %1. Draw again to replace the signature; a changed request must be signed again.</translation>
    </message>
</context>
</TS>
