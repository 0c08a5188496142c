<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AppInstallScreen</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="535" />
        <source>Ask the household to open the phone camera and scan the code for their phone, then install the app “%1”.</source>
        <translation>Ask the household to open the phone camera and scan the code for their phone, then install the app “%1”.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="537" />
        <source>Android phone</source>
        <translation>Android phone</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="537" />
        <source>iPhone</source>
        <translation>iPhone</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="537" />
        <source>Official Zalo</source>
        <translation>Official Zalo</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="541" />
        <source>Official Zalo channel: %1</source>
        <translation>Official Zalo channel: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="540" />
        <source>Hotline: %1</source>
        <translation>Hotline: %1</translation>
    </message>
</context>
<context>
    <name>AppScreen</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="586" />
        <source>Has the household registered an account in the app with the phone number of the contract?</source>
        <translation>Has the household registered an account in the app with the phone number of the contract?</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="588" />
        <source>Yes, the account is registered</source>
        <translation>Yes, the account is registered</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="589" />
        <source>Not yet</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="590" />
        <source>Phone number used for the account</source>
        <translation>Phone number used for the account</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="591" />
        <source>The account must use the contract's phone number: the power company sends its codes (OTP) there.</source>
        <translation>The account must use the contract's phone number: the power company sends its codes (OTP) there.</translation>
    </message>
</context>
<context>
    <name>BillScreen</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="728" />
        <source>The estimated bill from the last two readings, and a QR code to pay it by bank transfer: open the bank app, choose «Scan QR».</source>
        <translation>The estimated bill from the last two readings, and a QR code to pay it by bank transfer: open the bank app, choose «Scan QR».</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="736" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="754" />
        <source>No bill estimate yet: this meter does not have two readings on this laptop. The QR code below has no amount; the household types it.</source>
        <translation>No bill estimate yet: this meter does not have two readings on this laptop. The QR code below has no amount; the household types it.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="757" />
        <source>Period: %1 – %2 (%3 days)</source>
        <translation>Period: %1 – %2 (%3 days)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="759" />
        <source>Consumption: %1 kWh</source>
        <translation>Consumption: %1 kWh</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="761" />
        <source>Tier %1: %2 kWh × %3 = %4</source>
        <translation>Tier %1: %2 kWh × %3 = %4</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="765" />
        <source>VAT %1%: %2</source>
        <translation>VAT %1%: %2</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="766" />
        <source>Total: %1</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="771" />
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="771" />
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="772" />
        <source>Account holder</source>
        <translation>Account holder</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="772" />
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="774" />
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
</context>
<context>
    <name>ContractScreen</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="834" />
        <source>The household has read the summary and agrees</source>
        <translation>The household has read the summary and agrees</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="835" />
        <source>Signature (finger, pen or mouse). Without a pen, type the name below.</source>
        <translation>Signature (finger, pen or mouse). Without a pen, type the name below.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="836" />
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="837" />
        <source>Signer's full name</source>
        <translation>Signer's full name</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="838" />
        <source>The household will sign later</source>
        <translation>The household will sign later</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="839" />
        <source>After signing, the power company sends a code (OTP) to the contract phone. The confirmation shows here after the next sync.</source>
        <translation>After signing, the power company sends a code (OTP) to the contract phone. The confirmation shows here after the next sync.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="853" />
        <source>Seller</source>
        <translation>Seller</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="854" />
        <source>Buyer</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="855" />
        <source>Supply address</source>
        <translation>Supply address</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="856" />
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="856" />
        <source>Electricity for a household (residential tariff, in tiers)</source>
        <translation>Electricity for a household (residential tariff, in tiers)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="857" />
        <source>Households on the meter</source>
        <translation>Households on the meter</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="858" />
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="858" />
        <source>Retail price set by the State; the bill is issued every month</source>
        <translation>Retail price set by the State; the bill is issued every month</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="859" />
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="860" />
        <source>Contract phone (OTP)</source>
        <translation>Contract phone (OTP)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="862" />
        <source>Summary of the electricity purchase contract</source>
        <translation>Summary of the electricity purchase contract</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="1025" />
        <source>Thank you! This household is done.</source>
        <translation>Thank you! This household is done.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="1035" />
        <source>Start &amp;another household</source>
        <translation>Start &amp;another household</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="1027" />
        <source>%1 (%2): every step is saved and will be sent at the next sync.</source>
        <translation>%1 (%2): every step is saved and will be sent at the next sync.</translation>
    </message>
</context>
<context>
    <name>HouseholdScreen</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="244" />
        <source>Find the household: type the customer code, the name or the phone number.</source>
        <translation>Find the household: type the customer code, the name or the phone number.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="246" />
        <source>e.g. PA23VG0053140, Nguyen Van A or 0912…</source>
        <translation>e.g. PA23VG0053140, Nguyen Van A or 0912…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="247" />
        <source>&amp;Add a new household (not found)</source>
        <translation>&amp;Add a new household (not found)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="248" />
        <source>Is this household already a customer of the power company?</source>
        <translation>Is this household already a customer of the power company?</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="249" />
        <source>Yes, it has a customer code</source>
        <translation>Yes, it has a customer code</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="250" />
        <source>No, not yet: take a new supply request</source>
        <translation>No, not yet: take a new supply request</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="251" />
        <source>Customer code</source>
        <translation>Customer code</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="251" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="252" />
        <source>Phone (contract)</source>
        <translation>Phone (contract)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="252" />
        <source>Citizen ID</source>
        <translation>Citizen ID</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="253" />
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="253" />
        <source>Commune / ward</source>
        <translation>Commune / ward</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="254" />
        <source>House, hamlet</source>
        <translation>House, hamlet</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="256" />
        <source>Choose another household</source>
        <translation>Choose another household</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="337" />
        <source>stopped at: %1</source>
        <translation>stopped at: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="375" />
        <source>Started earlier and not finished — pick one to continue:</source>
        <translation>Started earlier and not finished — pick one to continue:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="378" />
        <source>Pick the household (arrow keys, then Enter):</source>
        <translation>Pick the household (arrow keys, then Enter):</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="380" />
        <source>No household found on this laptop.</source>
        <translation>No household found on this laptop.</translation>
    </message>
</context>
<context>
    <name>NewSupplyScreen</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="452" />
        <source>The household is not yet a customer. Take the new supply request (online service): tick each document the household has shown you.</source>
        <translation>The household is not yet a customer. Take the new supply request (online service): tick each document the household has shown you.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="454" />
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="457" />
        <source>Households sharing the meter</source>
        <translation>Households sharing the meter</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="458" />
        <source>Supply address (house, hamlet)</source>
        <translation>Supply address (house, hamlet)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="459" />
        <source>A pole, a cable or a current transformer is needed</source>
        <translation>A pole, a cable or a current transformer is needed</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="466" />
        <source>The power company connects within %1 working days.</source>
        <translation>The power company connects within %1 working days.</translation>
    </message>
</context>
<context>
    <name>OnboardingLabels</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="55" />
        <source>The household</source>
        <translation>The household</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="56" />
        <source>New supply request</source>
        <translation>New supply request</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="57" />
        <source>Install the customer-care app</source>
        <translation>Install the customer-care app</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="58" />
        <source>App account</source>
        <translation>App account</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="59" />
        <source>Cashless payment</source>
        <translation>Cashless payment</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="60" />
        <source>Current bill and transfer QR</source>
        <translation>Current bill and transfer QR</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="61" />
        <source>Electronic purchase contract</source>
        <translation>Electronic purchase contract</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="62" />
        <source>Household sheet</source>
        <translation>Household sheet</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="63" />
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="67" />
        <source>Mobile banking (bank app on the phone)</source>
        <translation>Mobile banking (bank app on the phone)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="68" />
        <source>E-wallet</source>
        <translation>E-wallet</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="69" />
        <source>Automatic debit from a bank account</source>
        <translation>Automatic debit from a bank account</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="70" />
        <source>Bank transfer by QR code each month</source>
        <translation>Bank transfer by QR code each month</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="71" />
        <source>Cash (not yet cashless)</source>
        <translation>Cash (not yet cashless)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="75" />
        <source>Citizen ID card of the requester</source>
        <translation>Citizen ID card of the requester</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="76" />
        <source>Proof of the right to use the supply address</source>
        <translation>Proof of the right to use the supply address</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="77" />
        <source>Authorisation from the other households sharing the meter</source>
        <translation>Authorisation from the other households sharing the meter</translation>
    </message>
</context>
<context>
    <name>OnboardingPage</name>
    <message>
        <location filename="../../fieldkit/ui/pages/onboarding_page.py" line="138" />
        <source>Customer onboarding</source>
        <translation>Customer onboarding</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/onboarding_page.py" line="139" />
        <source>Another household</source>
        <translation>Another household</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/onboarding_page.py" line="140" />
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/onboarding_page.py" line="149" />
        <source>Step 1</source>
        <translation>Step 1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/onboarding_page.py" line="151" />
        <source>Step %1 of %2</source>
        <translation>Step %1 of %2</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/onboarding_page.py" line="156" />
        <source>(provisional code)</source>
        <translation>(provisional code)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/onboarding_page.py" line="166" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/onboarding_page.py" line="166" />
        <source>&amp;Next</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/onboarding_page.py" line="186" />
        <source>Continuing where you stopped with %1 (%2). Earlier answers are kept.</source>
        <translation>Continuing where you stopped with %1 (%2). Earlier answers are kept.</translation>
    </message>
</context>
<context>
    <name>PaymentScreen</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="651" />
        <source>How will the household pay its electricity bill?</source>
        <translation>How will the household pay its electricity bill?</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="660" />
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="660" />
        <source>E-wallet</source>
        <translation>E-wallet</translation>
    </message>
</context>
<context>
    <name>SheetScreen</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="928" />
        <source>Make the one-page sheet for the household: customer code, app and payment QR codes, hotline, payment method and the next reading date.</source>
        <translation>Make the one-page sheet for the household: customer code, app and payment QR codes, hotline, payment method and the next reading date.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="930" />
        <source>&amp;Make the household sheet (PDF)</source>
        <translation>&amp;Make the household sheet (PDF)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="931" />
        <source>The sheet was printed and given to the household</source>
        <translation>The sheet was printed and given to the household</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="939" />
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="939" />
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="944" />
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="945" />
        <source>App account</source>
        <translation>App account</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="946" />
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="947" />
        <source>E-contract</source>
        <translation>E-contract</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="947" />
        <source>signed, OTP confirmed</source>
        <translation>signed, OTP confirmed</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="948" />
        <source>signed, OTP pending</source>
        <translation>signed, OTP pending</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="953" />
        <source>A sheet was made earlier (%1).</source>
        <translation>A sheet was made earlier (%1).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="969" />
        <source>Making the sheet…</source>
        <translation>Making the sheet…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="981" />
        <source>Saved: %1 — open it and print it.</source>
        <translation>Saved: %1 — open it and print it.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="991" />
        <source>&amp;Finish</source>
        <translation>&amp;Finish</translation>
    </message>
</context>
</TS>