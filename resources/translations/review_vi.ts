<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
  <context>
    <name>ReportsPage</name>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="66" />
      <source>Adoption shares (whole selection)</source>
      <translation>Tỷ lệ khách hàng (toàn bộ phạm vi chọn)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="67" />
      <source>Installs done, by commune</source>
      <translation>Công tơ đã treo, theo xã/phường</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="68" />
      <source>Work orders done on time, by commune</source>
      <translation>Phiếu xong đúng hạn, theo xã/phường</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="70" />
      <source>Work orders done late, by commune</source>
      <translation>Phiếu xong trễ hạn, theo xã/phường</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="71" />
      <source>Abnormal readings, by commune</source>
      <translation>Chỉ số bất thường, theo xã/phường</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="72" />
      <source>E-contract share, by commune</source>
      <translation>Tỷ lệ hợp đồng điện tử, theo xã/phường</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="74" />
      <source>Cashless share, by commune</source>
      <translation>Tỷ lệ không dùng tiền mặt, theo xã/phường</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="75" />
      <source>App user share, by commune</source>
      <translation>Tỷ lệ dùng ứng dụng, theo xã/phường</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="80" />
      <source>Customers</source>
      <translation>Khách hàng</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="81" />
      <source>Installs</source>
      <translation>Treo công tơ</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="82" />
      <source>On time</source>
      <translation>Đúng hạn</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="83" />
      <source>Late</source>
      <translation>Trễ hạn</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="84" />
      <source>Open overdue</source>
      <translation>Quá hạn chưa xong</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="85" />
      <source>Readings</source>
      <translation>Lần đọc</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="86" />
      <source>Abnormal</source>
      <translation>Bất thường</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="87" />
      <source>E-contract %</source>
      <translation>HĐ điện tử %</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="88" />
      <source>App %</source>
      <translation>Ứng dụng %</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="89" />
      <source>Mobile banking %</source>
      <translation>Mobile banking %</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="90" />
      <source>E-wallet %</source>
      <translation>Ví điện tử %</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="91" />
      <source>Auto debit %</source>
      <translation>Trích nợ %</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="92" />
      <source>Cashless %</source>
      <translation>Không tiền mặt %</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="98" />
      <source>Mobile banking</source>
      <translation>Mobile banking</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="99" />
      <source>E-wallet</source>
      <translation>Ví điện tử</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="100" />
      <source>Automatic debit</source>
      <translation>Trích nợ tự động</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="101" />
      <source>Bank-transfer QR</source>
      <translation>Chuyển khoản QR</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="103" />
      <source>E-contract</source>
      <translation>Hợp đồng điện tử</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="104" />
      <source>Customer-care app</source>
      <translation>Ứng dụng CSKH</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="105" />
      <source>Cashless (all methods)</source>
      <translation>Không dùng tiền mặt (mọi hình thức)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="111" />
      <source>This month</source>
      <translation>Tháng này</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="112" />
      <source>Last month</source>
      <translation>Tháng trước</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="113" />
      <source>Last 7 days</source>
      <translation>7 ngày qua</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="114" />
      <source>Today</source>
      <translation>Hôm nay</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="115" />
      <source>This year</source>
      <translation>Năm nay</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="244" />
      <source>Loading…</source>
      <translation>Đang tải…</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="248" />
      <source>%1 to %2 · %3 customers · %4 installs · %5 on time, %6 late · %7 abnormal readings</source>
      <translation>%1 đến %2 · %3 khách hàng · %4 công tơ đã treo · %5 phiếu đúng hạn, %6 trễ hạn · %7 chỉ số bất thường</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="261" />
      <source>Total</source>
      <translation>Tổng cộng</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="261" />
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="284" />
      <source>(no commune)</source>
      <translation>(chưa rõ xã)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="299" />
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="300" />
      <source>PDF files (*.pdf)</source>
      <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="299" />
      <source>CSV files (*.csv)</source>
      <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="301" />
      <source>Save as</source>
      <translation>Lưu thành</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="333" />
      <source>Saving %1 …</source>
      <translation>Đang lưu %1 …</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="338" />
      <source>Saved: %1</source>
      <translation>Đã lưu: %1</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="342" />
      <source>Could not save the file: %1</source>
      <translation>Không lưu được tệp: %1</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="358" />
      <source>Reports</source>
      <translation>Báo cáo</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="363" />
      <source>Every commune</source>
      <translation>Mọi xã/phường</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="364" />
      <source>Export &amp;PDF</source>
      <translation>Xuất &amp;PDF</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="365" />
      <source>Export &amp;CSV</source>
      <translation>Xuất &amp;CSV</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="366" />
      <source>Nothing to show for this period.</source>
      <translation>Không có số liệu trong kỳ này.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="368" />
      <source>Commune</source>
      <translation>Xã/phường</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="369" />
      <source>Daily work summary</source>
      <translation>Báo cáo công việc trong ngày</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="370" />
      <source>Person:</source>
      <translation>Người thực hiện:</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="371" />
      <source>Day:</source>
      <translation>Ngày:</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/reports_page.py" line="372" />
      <source>Daily &amp;summary PDF</source>
      <translation>PDF &amp;báo cáo ngày</translation>
    </message>
  </context>
  <context>
    <name>ReviewColumns</name>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="86" />
      <source>Due</source>
      <translation>Hạn</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="86" />
      <source>Number</source>
      <translation>Số phiếu</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="87" />
      <source>Kind</source>
      <translation>Loại việc</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="87" />
      <source>Status</source>
      <translation>Trạng thái</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="88" />
      <source>Technician</source>
      <translation>Nhân viên</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="88" />
      <source>Commune</source>
      <translation>Xã/phường</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="89" />
      <source>Customer</source>
      <translation>Khách hàng</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="128" />
      <source>overdue</source>
      <translation>quá hạn</translation>
    </message>
  </context>
  <context>
    <name>ReviewLabels</name>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="59" />
      <source>Abnormal: lower than the previous reading</source>
      <translation>Bất thường: thấp hơn lần đọc trước</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="60" />
      <source>Abnormal: no consumption</source>
      <translation>Bất thường: không tiêu thụ</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="61" />
      <source>Abnormal: above 3× the usual consumption</source>
      <translation>Bất thường: cao hơn 3 lần mức thường</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="64" />
      <source>Optical probe</source>
      <translation>Đầu đọc quang</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="65" />
      <source>By hand</source>
      <translation>Ghi tay</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="68" />
      <source>Photo</source>
      <translation>Ảnh chụp</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="69" />
      <source>Signature</source>
      <translation>Chữ ký</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="70" />
      <source>Raw capture</source>
      <translation>Dữ liệu đọc gốc</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="71" />
      <source>Document</source>
      <translation>Tài liệu</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="74" />
      <source>Conflict flagged by the server (kept)</source>
      <translation>Máy chủ báo xung đột (vẫn giữ thay đổi)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="75" />
      <source>Refused by the server</source>
      <translation>Máy chủ từ chối</translation>
    </message>
  </context>
  <context>
    <name>ReviewPage</name>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="184" />
      <source>Waiting for review</source>
      <translation>Chờ duyệt</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="185" />
      <source>Returned</source>
      <translation>Đã trả lại</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="186" />
      <source>Approved</source>
      <translation>Đã duyệt</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="187" />
      <source>Not done yet</source>
      <translation>Chưa làm xong</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="188" />
      <source>All</source>
      <translation>Tất cả</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="191" />
      <source>Any due date</source>
      <translation>Mọi hạn</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="192" />
      <source>Overdue only</source>
      <translation>Chỉ phiếu quá hạn</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="193" />
      <source>Due today or earlier</source>
      <translation>Hạn đến hôm nay</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="194" />
      <source>Due in the next 7 days</source>
      <translation>Hạn trong 7 ngày tới</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="435" />
      <source>Loading…</source>
      <translation>Đang tải…</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="439" />
      <source>%1 shown · %2 overdue</source>
      <translation>%1 phiếu · %2 quá hạn</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="442" />
      <source>%1 with a sync problem (⚑)</source>
      <translation>%1 phiếu có lỗi đồng bộ (⚑)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="486" />
      <source>Customer: %1 (%2), %3</source>
      <translation>Khách hàng: %1 (%2), %3</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="489" />
      <source>Meter: %1 %2</source>
      <translation>Công tơ: %1 %2</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="492" />
      <source>Due: %1</source>
      <translation>Hạn: %1</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="492" />
      <source>OVERDUE</source>
      <translation>QUÁ HẠN</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="493" />
      <source>Technician: %1</source>
      <translation>Nhân viên: %1</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="495" />
      <source>Note: %1</source>
      <translation>Ghi chú: %1</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="497" />
      <source>Returned with: %1</source>
      <translation>Đã trả lại với ghi chú: %1</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="499" />
      <source>%1 change(s) about this work order wait on this laptop for the next sync.</source>
      <translation>%1 thay đổi của phiếu này đang chờ trên máy để đồng bộ.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="512" />
      <source>replaced by a correction</source>
      <translation>đã được sửa bằng lần đọc sau</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="528" />
      <source>Install: meter %1 installed, %2 removed</source>
      <translation>Treo công tơ: treo %1, tháo %2</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="532" />
      <source>Onboarding step %1</source>
      <translation>Bước hướng dẫn %1</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="541" />
      <source>%1 capture(s) are not on this laptop.</source>
      <translation>%1 dữ liệu đọc gốc chưa có trên máy này.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="563" />
      <source>not on this laptop yet</source>
      <translation>chưa có trên máy này</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="601" />
      <source>Write what needs fixing before returning the work order.</source>
      <translation>Hãy ghi rõ cần sửa gì trước khi trả lại phiếu.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="621" />
      <source>%1 approved.</source>
      <translation>Phiếu %1 đã được duyệt.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="621" />
      <source>%1 returned to the technician.</source>
      <translation>Phiếu %1 đã được trả lại cho nhân viên.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="622" />
      <source>The decision goes to the server at the next sync.</source>
      <translation>Quyết định sẽ gửi lên máy chủ ở lần đồng bộ tới.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="660" />
      <source>Offline: you are reviewing what the last sync brought. Approvals and returns wait on this laptop and go to the server at the next sync.</source>
      <translation>Đang ngoại tuyến: bạn đang duyệt dữ liệu của lần đồng bộ gần nhất. Các phiếu duyệt hoặc trả lại được lưu trên máy và gửi lên máy chủ ở lần đồng bộ tới.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="670" />
      <source>Work orders to review</source>
      <translation>Phiếu chờ duyệt</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="671" />
      <source>Reports</source>
      <translation>Báo cáo</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="672" />
      <source>Review</source>
      <translation>Duyệt phiếu</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="673" />
      <source>Only a supervisor reviews work orders. The reports are in the next tab.</source>
      <translation>Chỉ tổ trưởng được duyệt phiếu. Báo cáo ở thẻ bên cạnh.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="678" />
      <source>Every technician</source>
      <translation>Mọi nhân viên</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="679" />
      <source>Every commune</source>
      <translation>Mọi xã/phường</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="680" />
      <source>&amp;Refresh</source>
      <translation>&amp;Làm mới</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="681" />
      <source>No work order matches these filters.</source>
      <translation>Không có phiếu nào khớp với bộ lọc.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="682" />
      <source>Pick a work order above to see its readings, photos and signatures.</source>
      <translation>Chọn một phiếu ở trên để xem chỉ số, ảnh chụp và chữ ký.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="683" />
      <source>Readings</source>
      <translation>Lần đọc</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="685" />
      <source>Taken</source>
      <translation>Thời điểm đọc</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="685" />
      <source>Registers</source>
      <translation>Chỉ số</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="685" />
      <source>Used (kWh)</source>
      <translation>Sản lượng (kWh)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="685" />
      <source>Check</source>
      <translation>Kiểm tra</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="686" />
      <source>Install and onboarding records</source>
      <translation>Biên bản treo công tơ và hướng dẫn khách hàng</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="687" />
      <source>Raw capture from the optical probe (hex / ASCII)</source>
      <translation>Dữ liệu gốc từ đầu đọc quang (hex / ASCII)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="688" />
      <source>Photos and signatures</source>
      <translation>Ảnh chụp và chữ ký</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="689" />
      <source>Sync problems</source>
      <translation>Lỗi đồng bộ</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="690" />
      <source>This laptop sent</source>
      <translation>Máy này đã gửi</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="690" />
      <source>The server answered</source>
      <translation>Máy chủ trả lời</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="691" />
      <source>History on this laptop</source>
      <translation>Lịch sử trên máy này</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="692" />
      <source>&amp;Approve</source>
      <translation>&amp;Duyệt</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="693" />
      <source>Re&amp;turn with comment</source>
      <translation>&amp;Trả lại kèm ghi chú</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/pages/review_page.py" line="694" />
      <source>What must the technician fix? (needed to return)</source>
      <translation>Nhân viên cần sửa gì? (bắt buộc khi trả lại)</translation>
    </message>
    <message>
      <source>Hide the raw exchange with the meter</source>
      <translation>Ẩn dữ liệu thô trao đổi với công tơ</translation>
    </message>
    <message>
      <source>Show the raw exchange with the meter (hex / ASCII)</source>
      <translation>Xem dữ liệu thô trao đổi với công tơ (hex / ASCII)</translation>
    </message>
    <message>
      <source>(on this laptop, not sent yet)</source>
      <translation>(trên máy này, chưa gửi)</translation>
    </message>
    <message>
      <source>From the server's record, read %1; times in Vietnam (UTC+7).</source>
      <translation>Theo nhật ký trên máy chủ, đọc lúc %1; giờ Việt Nam (UTC+7).</translation>
    </message>
    <message>
      <source>This laptop's record only (the server's is read when it can be reached); times in Vietnam (UTC+7).</source>
      <translation>Chỉ nhật ký của máy này (nhật ký máy chủ sẽ được đọc khi kết nối được); giờ Việt Nam (UTC+7).</translation>
    </message>
    <message>
      <source>The server could not be reached just now.</source>
      <translation>Vừa rồi không kết nối được máy chủ.</translation>
    </message>
    <message>
      <source>Submitted records</source>
      <translation>Hồ sơ đã nộp</translation>
    </message>
    <message>
      <source>No record has been submitted for this work order yet.</source>
      <translation>Phiếu này chưa có hồ sơ nào được nộp.</translation>
    </message>
    <message>
      <source>History of the work order</source>
      <translation>Lịch sử của phiếu</translation>
    </message>
    <message>
      <source>Pick a work order on the left to see its records, photos and signatures.</source>
      <translation>Chọn một phiếu ở bên trái để xem hồ sơ, ảnh chụp và chữ ký.</translation>
    </message>
    <message>
      <source>Offline: approvals and returns wait on this laptop for the next sync.</source>
      <translation>Ngoại tuyến: phiếu duyệt hoặc trả lại được lưu trên máy, gửi ở lần đồng bộ tới.</translation>
    </message>
    <message>
      <source>the server</source>
      <translation>máy chủ</translation>
    </message>
  </context>
  <context>
    <name>Pages</name>
    <message>
      <location filename="../../fieldkit/ui/main_window.py" line="72" />
      <source>Review &amp; reports</source>
      <translation>Duyệt &amp; báo cáo</translation>
    </message>
  </context>
  <context>
    <name>ReviewRecords</name>
    <message>
      <source>Yes</source>
      <translation>Có</translation>
    </message>
    <message>
      <source>No</source>
      <translation>Không</translation>
    </message>
    <message>
      <source> since %1</source>
      <translation> kể từ %1</translation>
    </message>
    <message>
      <source>Consumption: %1 kWh</source>
      <translation>Tiêu thụ: %1 kWh</translation>
    </message>
    <message>
      <source>Consumption: no earlier reading of this meter to compare with.</source>
      <translation>Tiêu thụ: chưa có lần đọc trước của công tơ này để so sánh.</translation>
    </message>
    <message>
      <source>Abnormal consumption</source>
      <translation>Tiêu thụ bất thường</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>Kiểm tra</translation>
    </message>
    <message>
      <source>Consumption looks normal.</source>
      <translation>Mức tiêu thụ bình thường.</translation>
    </message>
    <message>
      <source>Estimated bill: %1 for %2 kWh, %3 – %4 (VAT included)</source>
      <translation>Tiền điện ước tính: %1 cho %2 kWh, %3 – %4 (đã gồm thuế GTGT)</translation>
    </message>
    <message>
      <source>Recorded %1 by %2</source>
      <translation>Ghi lúc %1, người ghi: %2</translation>
    </message>
    <message>
      <source>Other answer</source>
      <translation>Câu trả lời khác</translation>
    </message>
    <message>
      <source>not on this laptop yet</source>
      <translation>chưa có trên máy này</translation>
    </message>
    <message>
      <source>picture cannot be shown</source>
      <translation>không hiển thị được ảnh</translation>
    </message>
    <message>
      <source>replaced by the newer record above (both are kept)</source>
      <translation>đã được thay bằng bản mới hơn ở trên (cả hai đều được giữ)</translation>
    </message>
    <message>
      <source>corrects an earlier record (shown below)</source>
      <translation>sửa lại bản trước (ở dưới)</translation>
    </message>
  </context>
</TS>
