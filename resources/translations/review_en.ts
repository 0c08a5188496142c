<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
  <context>
    <name>ReportsPage</name>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="66" />
      <source>Adoption shares (whole selection)</source>
      <translation>Adoption shares (whole selection)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="67" />
      <source>Installs done, by commune</source>
      <translation>Installs done, by commune</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="68" />
      <source>Work orders done on time, by commune</source>
      <translation>Work orders done on time, by commune</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="70" />
      <source>Work orders done late, by commune</source>
      <translation>Work orders done late, by commune</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="71" />
      <source>Abnormal readings, by commune</source>
      <translation>Abnormal readings, by commune</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="72" />
      <source>E-contract share, by commune</source>
      <translation>E-contract share, by commune</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="74" />
      <source>Cashless share, by commune</source>
      <translation>Cashless share, by commune</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="75" />
      <source>App user share, by commune</source>
      <translation>App user share, by commune</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="80" />
      <source>Customers</source>
      <translation>Customers</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="81" />
      <source>Installs</source>
      <translation>Installs</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="82" />
      <source>On time</source>
      <translation>On time</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="83" />
      <source>Late</source>
      <translation>Late</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="84" />
      <source>Open overdue</source>
      <translation>Open overdue</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="85" />
      <source>Readings</source>
      <translation>Readings</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="86" />
      <source>Abnormal</source>
      <translation>Abnormal</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="87" />
      <source>E-contract %</source>
      <translation>E-contract %</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="88" />
      <source>App %</source>
      <translation>App %</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="89" />
      <source>Mobile banking %</source>
      <translation>Mobile banking %</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="90" />
      <source>E-wallet %</source>
      <translation>E-wallet %</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="91" />
      <source>Auto debit %</source>
      <translation>Auto debit %</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="92" />
      <source>Cashless %</source>
      <translation>Cashless %</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="98" />
      <source>Mobile banking</source>
      <translation>Mobile banking</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="99" />
      <source>E-wallet</source>
      <translation>E-wallet</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="100" />
      <source>Automatic debit</source>
      <translation>Automatic debit</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="101" />
      <source>Bank-transfer QR</source>
      <translation>Bank-transfer QR</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="103" />
      <source>E-contract</source>
      <translation>E-contract</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="104" />
      <source>Customer-care app</source>
      <translation>Customer-care app</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="105" />
      <source>Cashless (all methods)</source>
      <translation>Cashless (all methods)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="111" />
      <source>This month</source>
      <translation>This month</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="112" />
      <source>Last month</source>
      <translation>Last month</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="113" />
      <source>Last 7 days</source>
      <translation>Last 7 days</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="114" />
      <source>Today</source>
      <translation>Today</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="115" />
      <source>This year</source>
      <translation>This year</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="244" />
      <source>Loading…</source>
      <translation>Loading…</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="248" />
      <source>%1 to %2 · %3 customers · %4 installs · %5 on time, %6 late · %7 abnormal readings</source>
      <translation>%1 to %2 · %3 customers · %4 installs · %5 on time, %6 late · %7 abnormal readings</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="261" />
      <source>Total</source>
      <translation>Total</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="261" />
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="284" />
      <source>(no commune)</source>
      <translation>(no commune)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="299" />
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="300" />
      <source>PDF files (*.pdf)</source>
      <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="299" />
      <source>CSV files (*.csv)</source>
      <translation>CSV files (*.csv)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="301" />
      <source>Save as</source>
      <translation>Save as</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="333" />
      <source>Saving %1 …</source>
      <translation>Saving %1 …</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="338" />
      <source>Saved: %1</source>
      <translation>Saved: %1</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="342" />
      <source>Could not save the file: %1</source>
      <translation>Could not save the file: %1</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="358" />
      <source>Reports</source>
      <translation>Reports</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="363" />
      <source>Every commune</source>
      <translation>Every commune</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="364" />
      <source>Export &amp;PDF</source>
      <translation>Export &amp;PDF</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="365" />
      <source>Export &amp;CSV</source>
      <translation>Export &amp;CSV</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="366" />
      <source>Nothing to show for this period.</source>
      <translation>Nothing to show for this period.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="368" />
      <source>Commune</source>
      <translation>Commune</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="369" />
      <source>Daily work summary</source>
      <translation>Daily work summary</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="370" />
      <source>Person:</source>
      <translation>Person:</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="371" />
      <source>Day:</source>
      <translation>Day:</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="372" />
      <source>Daily &amp;summary PDF</source>
      <translation>Daily &amp;summary PDF</translation>
    </message>
  </context>
  <context>
    <name>ReviewColumns</name>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="86" />
      <source>Due</source>
      <translation>Due</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="86" />
      <source>Number</source>
      <translation>Number</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="87" />
      <source>Kind</source>
      <translation>Kind</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="87" />
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="88" />
      <source>Technician</source>
      <translation>Technician</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="88" />
      <source>Commune</source>
      <translation>Commune</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="89" />
      <source>Customer</source>
      <translation>Customer</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="128" />
      <source>overdue</source>
      <translation>overdue</translation>
    </message>
  </context>
  <context>
    <name>ReviewLabels</name>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="59" />
      <source>Abnormal: lower than the previous reading</source>
      <translation>Abnormal: lower than the previous reading</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="60" />
      <source>Abnormal: no consumption</source>
      <translation>Abnormal: no consumption</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="61" />
      <source>Abnormal: above 3× the usual consumption</source>
      <translation>Abnormal: above 3× the usual consumption</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="64" />
      <source>Optical probe</source>
      <translation>Optical probe</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="65" />
      <source>By hand</source>
      <translation>By hand</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="68" />
      <source>Photo</source>
      <translation>Photo</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="69" />
      <source>Signature</source>
      <translation>Signature</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="70" />
      <source>Raw capture</source>
      <translation>Raw capture</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="71" />
      <source>Document</source>
      <translation>Document</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="74" />
      <source>Conflict flagged by the server (kept)</source>
      <translation>Conflict flagged by the server (kept)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="75" />
      <source>Refused by the server</source>
      <translation>Refused by the server</translation>
    </message>
  </context>
  <context>
    <name>ReviewPage</name>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="184" />
      <source>Waiting for review</source>
      <translation>Waiting for review</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="185" />
      <source>Returned</source>
      <translation>Returned</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="186" />
      <source>Approved</source>
      <translation>Approved</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="187" />
      <source>Not done yet</source>
      <translation>Not done yet</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="188" />
      <source>All</source>
      <translation>All</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="191" />
      <source>Any due date</source>
      <translation>Any due date</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="192" />
      <source>Overdue only</source>
      <translation>Overdue only</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="193" />
      <source>Due today or earlier</source>
      <translation>Due today or earlier</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="194" />
      <source>Due in the next 7 days</source>
      <translation>Due in the next 7 days</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="435" />
      <source>Loading…</source>
      <translation>Loading…</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="439" />
      <source>%1 shown · %2 overdue</source>
      <translation>%1 shown · %2 overdue</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="442" />
      <source>%1 with a sync problem (⚑)</source>
      <translation>%1 with a sync problem (⚑)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="486" />
      <source>Customer: %1 (%2), %3</source>
      <translation>Customer: %1 (%2), %3</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="489" />
      <source>Meter: %1 %2</source>
      <translation>Meter: %1 %2</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="492" />
      <source>Due: %1</source>
      <translation>Due: %1</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="492" />
      <source>OVERDUE</source>
      <translation>OVERDUE</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="493" />
      <source>Technician: %1</source>
      <translation>Technician: %1</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="495" />
      <source>Note: %1</source>
      <translation>Note: %1</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="497" />
      <source>Returned with: %1</source>
      <translation>Returned with: %1</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="499" />
      <source>%1 change(s) about this work order wait on this laptop for the next sync.</source>
      <translation>%1 change(s) about this work order wait on this laptop for the next sync.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="512" />
      <source>replaced by a correction</source>
      <translation>replaced by a correction</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="528" />
      <source>Install: meter %1 installed, %2 removed</source>
      <translation>Install: meter %1 installed, %2 removed</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="532" />
      <source>Onboarding step %1</source>
      <translation>Onboarding step %1</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="541" />
      <source>%1 capture(s) are not on this laptop.</source>
      <translation>%1 capture(s) are not on this laptop.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="563" />
      <source>not on this laptop yet</source>
      <translation>not on this laptop yet</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="601" />
      <source>Write what needs fixing before returning the work order.</source>
      <translation>Write what needs fixing before returning the work order.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="621" />
      <source>%1 approved.</source>
      <translation>%1 approved.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="621" />
      <source>%1 returned to the technician.</source>
      <translation>%1 returned to the technician.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="622" />
      <source>The decision goes to the server at the next sync.</source>
      <translation>The decision goes to the server at the next sync.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="660" />
      <source>Offline: you are reviewing what the last sync brought. Approvals and returns wait on this laptop and go to the server at the next sync.</source>
      <translation>Offline: you are reviewing what the last sync brought. Approvals and returns wait on this laptop and go to the server at the next sync.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="670" />
      <source>Work orders to review</source>
      <translation>Work orders to review</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="671" />
      <source>Reports</source>
      <translation>Reports</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="672" />
      <source>Review</source>
      <translation>Review</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="673" />
      <source>Only a supervisor reviews work orders. The reports are in the next tab.</source>
      <translation>Only a supervisor reviews work orders. The reports are in the next tab.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="678" />
      <source>Every technician</source>
      <translation>Every technician</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="679" />
      <source>Every commune</source>
      <translation>Every commune</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="680" />
      <source>&amp;Refresh</source>
      <translation>&amp;Refresh</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="681" />
      <source>No work order matches these filters.</source>
      <translation>No work order matches these filters.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="682" />
      <source>Pick a work order above to see its readings, photos and signatures.</source>
      <translation>Pick a work order above to see its readings, photos and signatures.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="683" />
      <source>Readings</source>
      <translation>Readings</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="685" />
      <source>Taken</source>
      <translation>Taken</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="685" />
      <source>Registers</source>
      <translation>Registers</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="685" />
      <source>Used (kWh)</source>
      <translation>Used (kWh)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="685" />
      <source>Check</source>
      <translation>Check</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="686" />
      <source>Install and onboarding records</source>
      <translation>Install and onboarding records</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="687" />
      <source>Raw capture from the optical probe (hex / ASCII)</source>
      <translation>Raw capture from the optical probe (hex / ASCII)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="688" />
      <source>Photos and signatures</source>
      <translation>Photos and signatures</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="689" />
      <source>Sync problems</source>
      <translation>Sync problems</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="690" />
      <source>This laptop sent</source>
      <translation>This laptop sent</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="690" />
      <source>The server answered</source>
      <translation>The server answered</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="691" />
      <source>History on this laptop</source>
      <translation>History on this laptop</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="692" />
      <source>&amp;Approve</source>
      <translation>&amp;Approve</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="693" />
      <source>Re&amp;turn with comment</source>
      <translation>Re&amp;turn with comment</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="694" />
      <source>What must the technician fix? (needed to return)</source>
      <translation>What must the technician fix? (needed to return)</translation>
    </message>
    <message>
      <source>Hide the raw exchange with the meter</source>
      <translation>Hide the raw exchange with the meter</translation>
    </message>
    <message>
      <source>Show the raw exchange with the meter (hex / ASCII)</source>
      <translation>Show the raw exchange with the meter (hex / ASCII)</translation>
    </message>
    <message>
      <source>(on this laptop, not sent yet)</source>
      <translation>(on this laptop, not sent yet)</translation>
    </message>
    <message>
      <source>From the server's record, read %1; times in Vietnam (UTC+7).</source>
      <translation>From the server's record, read %1; times in Vietnam (UTC+7).</translation>
    </message>
    <message>
      <source>This laptop's record only (the server's is read when it can be reached); times in Vietnam (UTC+7).</source>
      <translation>This laptop's record only (the server's is read when it can be reached); times in Vietnam (UTC+7).</translation>
    </message>
    <message>
      <source>The server could not be reached just now.</source>
      <translation>The server could not be reached just now.</translation>
    </message>
    <message>
      <source>Submitted records</source>
      <translation>Submitted records</translation>
    </message>
    <message>
      <source>No record has been submitted for this work order yet.</source>
      <translation>No record has been submitted for this work order yet.</translation>
    </message>
    <message>
      <source>History of the work order</source>
      <translation>History of the work order</translation>
    </message>
    <message>
      <source>Pick a work order on the left to see its records, photos and signatures.</source>
      <translation>Pick a work order on the left to see its records, photos and signatures.</translation>
    </message>
    <message>
      <source>Offline: approvals and returns wait on this laptop for the next sync.</source>
      <translation>Offline: approvals and returns wait on this laptop for the next sync.</translation>
    </message>
    <message>
      <source>the server</source>
      <translation>the server</translation>
    </message>
  </context>
  <context>
    <name>Pages</name>
    <message>
      <location filename="../../fieldkit/ui/main_window.py" line="72" />
      <source>Review &amp; reports</source>
      <translation>Review &amp; reports</translation>
    </message>
  </context>
  <context>
    <name>ReviewRecords</name>
    <message>
      <source>Yes</source>
      <translation>Yes</translation>
    </message>
    <message>
      <source>No</source>
      <translation>No</translation>
    </message>
    <message>
      <source> since %1</source>
      <translation> since %1</translation>
    </message>
    <message>
      <source>Consumption: %1 kWh</source>
      <translation>Consumption: %1 kWh</translation>
    </message>
    <message>
      <source>Consumption: no earlier reading of this meter to compare with.</source>
      <translation>Consumption: no earlier reading of this meter to compare with.</translation>
    </message>
    <message>
      <source>Abnormal consumption</source>
      <translation>Abnormal consumption</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>Check</translation>
    </message>
    <message>
      <source>Consumption looks normal.</source>
      <translation>Consumption looks normal.</translation>
    </message>
    <message>
      <source>Estimated bill: %1 for %2 kWh, %3 – %4 (VAT included)</source>
      <translation>Estimated bill: %1 for %2 kWh, %3 – %4 (VAT included)</translation>
    </message>
    <message>
      <source>Recorded %1 by %2</source>
      <translation>Recorded %1 by %2</translation>
    </message>
    <message>
      <source>Other answer</source>
      <translation>Other answer</translation>
    </message>
    <message>
      <source>not on this laptop yet</source>
      <translation>not on this laptop yet</translation>
    </message>
    <message>
      <source>picture cannot be shown</source>
      <translation>picture cannot be shown</translation>
    </message>
    <message>
      <source>replaced by the newer record above (both are kept)</source>
      <translation>replaced by the newer record above (both are kept)</translation>
    </message>
    <message>
      <source>corrects an earlier record (shown below)</source>
      <translation>corrects an earlier record (shown below)</translation>
    </message>
  </context>
</TS>
