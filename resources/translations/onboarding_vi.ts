<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AppInstallScreen</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="535" />
        <source>Ask the household to open the phone camera and scan the code for their phone, then install the app “%1”.</source>
        <translation>Mời hộ mở camera điện thoại, quét mã dành cho loại điện thoại của mình, rồi cài ứng dụng “%1”.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="537" />
        <source>Android phone</source>
        <translation>Điện thoại Android</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="537" />
        <source>iPhone</source>
        <translation>iPhone</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="537" />
        <source>Official Zalo</source>
        <translation>Zalo chính thức</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="541" />
        <source>Official Zalo channel: %1</source>
        <translation>Kênh Zalo chính thức: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="540" />
        <source>Hotline: %1</source>
        <translation>Tổng đài: %1</translation>
    </message>
</context>
<context>
    <name>AppScreen</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="586" />
        <source>Has the household registered an account in the app with the phone number of the contract?</source>
        <translation>Hộ đã đăng ký tài khoản trên ứng dụng bằng số điện thoại trong hợp đồng chưa?</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="588" />
        <source>Yes, the account is registered</source>
        <translation>Đã đăng ký tài khoản</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="589" />
        <source>Not yet</source>
        <translation>Chưa</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="590" />
        <source>Phone number used for the account</source>
        <translation>Số điện thoại dùng cho tài khoản</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="591" />
        <source>The account must use the contract's phone number: the power company sends its codes (OTP) there.</source>
        <translation>Tài khoản phải dùng số điện thoại trong hợp đồng: điện lực gửi mã xác nhận (OTP) đến số này.</translation>
    </message>
</context>
<context>
    <name>BillScreen</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="728" />
        <source>The estimated bill from the last two readings, and a QR code to pay it by bank transfer: open the bank app, choose «Scan QR».</source>
        <translation>Tiền điện ước tính theo hai lần ghi chỉ số gần nhất, và mã QR để chuyển khoản: mở ứng dụng ngân hàng, chọn «Quét QR».</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="736" />
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="754" />
        <source>No bill estimate yet: this meter does not have two readings on this laptop. The QR code below has no amount; the household types it.</source>
        <translation>Chưa ước tính được tiền điện: công tơ này chưa có hai lần ghi chỉ số trên máy. Mã QR dưới đây không có số tiền; hộ tự nhập số tiền.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="757" />
        <source>Period: %1 – %2 (%3 days)</source>
        <translation>Kỳ: %1 – %2 (%3 ngày)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="759" />
        <source>Consumption: %1 kWh</source>
        <translation>Điện năng tiêu thụ: %1 kWh</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="761" />
        <source>Tier %1: %2 kWh × %3 = %4</source>
        <translation>Bậc %1: %2 kWh × %3 = %4</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="765" />
        <source>VAT %1%: %2</source>
        <translation>Thuế GTGT %1%: %2</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="766" />
        <source>Total: %1</source>
        <translation>Tổng cộng: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="771" />
        <source>Bank</source>
        <translation>Ngân hàng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="771" />
        <source>Account</source>
        <translation>Số tài khoản</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="772" />
        <source>Account holder</source>
        <translation>Chủ tài khoản</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="772" />
        <source>Reference</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="774" />
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
</context>
<context>
    <name>ContractScreen</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="834" />
        <source>The household has read the summary and agrees</source>
        <translation>Hộ đã đọc tóm tắt và đồng ý</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="835" />
        <source>Signature (finger, pen or mouse). Without a pen, type the name below.</source>
        <translation>Chữ ký (bằng ngón tay, bút hoặc chuột). Nếu không ký được, gõ họ tên bên dưới.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="836" />
        <source>Clear</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="837" />
        <source>Signer's full name</source>
        <translation>Họ tên người ký</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="838" />
        <source>The household will sign later</source>
        <translation>Hộ sẽ ký sau</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="839" />
        <source>After signing, the power company sends a code (OTP) to the contract phone. The confirmation shows here after the next sync.</source>
        <translation>Sau khi ký, điện lực gửi mã OTP đến số điện thoại trong hợp đồng. Xác nhận sẽ hiện ở đây sau lần đồng bộ tiếp theo.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="853" />
        <source>Seller</source>
        <translation>Bên bán điện</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="854" />
        <source>Buyer</source>
        <translation>Bên mua điện</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="855" />
        <source>Supply address</source>
        <translation>Địa chỉ sử dụng điện</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="856" />
        <source>Purpose</source>
        <translation>Mục đích sử dụng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="856" />
        <source>Electricity for a household (residential tariff, in tiers)</source>
        <translation>Điện sinh hoạt hộ gia đình (giá bậc thang)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="857" />
        <source>Households on the meter</source>
        <translation>Số hộ dùng chung công tơ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="858" />
        <source>Price</source>
        <translation>Giá điện</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="858" />
        <source>Retail price set by the State; the bill is issued every month</source>
        <translation>Theo giá bán lẻ do Nhà nước quy định; hoá đơn hằng tháng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="859" />
        <source>Payment</source>
        <translation>Thanh toán</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="860" />
        <source>Contract phone (OTP)</source>
        <translation>Số điện thoại nhận OTP</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="862" />
        <source>Summary of the electricity purchase contract</source>
        <translation>Tóm tắt hợp đồng mua bán điện</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="1025" />
        <source>Thank you! This household is done.</source>
        <translation>Cảm ơn! Đã hướng dẫn xong hộ này.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="1035" />
        <source>Start &amp;another household</source>
        <translation>Bắt đầu &amp;hộ khác</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="1027" />
        <source>%1 (%2): every step is saved and will be sent at the next sync.</source>
        <translation>%1 (%2): mọi bước đã được lưu và sẽ gửi đi ở lần đồng bộ tiếp theo.</translation>
    </message>
</context>
<context>
    <name>HouseholdScreen</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="244" />
        <source>Find the household: type the customer code, the name or the phone number.</source>
        <translation>Tìm hộ: gõ mã khách hàng, họ tên hoặc số điện thoại.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="246" />
        <source>e.g. PA23VG0053140, Nguyen Van A or 0912…</source>
        <translation>ví dụ PA23VG0053140, Nguyen Van A hoặc 0912…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="247" />
        <source>&amp;Add a new household (not found)</source>
        <translation>Thêm hộ &amp;mới (không tìm thấy)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="248" />
        <source>Is this household already a customer of the power company?</source>
        <translation>Hộ này đã là khách hàng của điện lực chưa?</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="249" />
        <source>Yes, it has a customer code</source>
        <translation>Rồi, hộ đã có mã khách hàng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="250" />
        <source>No, not yet: take a new supply request</source>
        <translation>Chưa: nhận yêu cầu cấp điện mới</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="251" />
        <source>Customer code</source>
        <translation>Mã khách hàng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="251" />
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="252" />
        <source>Phone (contract)</source>
        <translation>Số điện thoại (hợp đồng)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="252" />
        <source>Citizen ID</source>
        <translation>Số CCCD</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="253" />
        <source>Province</source>
        <translation>Tỉnh/thành phố</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="253" />
        <source>Commune / ward</source>
        <translation>Xã/phường</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="254" />
        <source>House, hamlet</source>
        <translation>Số nhà, thôn/xóm</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="256" />
        <source>Choose another household</source>
        <translation>Chọn hộ khác</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="337" />
        <source>stopped at: %1</source>
        <translation>dừng ở: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="375" />
        <source>Started earlier and not finished — pick one to continue:</source>
        <translation>Đã bắt đầu nhưng chưa xong — chọn để làm tiếp:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="378" />
        <source>Pick the household (arrow keys, then Enter):</source>
        <translation>Chọn hộ (phím mũi tên, rồi Enter):</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="380" />
        <source>No household found on this laptop.</source>
        <translation>Không tìm thấy hộ nào trên máy này.</translation>
    </message>
</context>
<context>
    <name>NewSupplyScreen</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="452" />
        <source>The household is not yet a customer. Take the new supply request (online service): tick each document the household has shown you.</source>
        <translation>Hộ chưa là khách hàng. Nhận yêu cầu cấp điện mới (dịch vụ trực tuyến): đánh dấu từng giấy tờ hộ đã đưa bạn xem.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="454" />
        <source>Documents</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="457" />
        <source>Households sharing the meter</source>
        <translation>Số hộ dùng chung công tơ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="458" />
        <source>Supply address (house, hamlet)</source>
        <translation>Địa chỉ cấp điện (số nhà, thôn/xóm)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="459" />
        <source>A pole, a cable or a current transformer is needed</source>
        <translation>Cần trồng cột, kéo dây hoặc lắp biến dòng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="466" />
        <source>The power company connects within %1 working days.</source>
        <translation>Điện lực sẽ cấp điện trong vòng %1 ngày làm việc.</translation>
    </message>
</context>
<context>
    <name>OnboardingLabels</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="55" />
        <source>The household</source>
        <translation>Thông tin hộ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="56" />
        <source>New supply request</source>
        <translation>Yêu cầu cấp điện mới</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="57" />
        <source>Install the customer-care app</source>
        <translation>Cài ứng dụng chăm sóc khách hàng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="58" />
        <source>App account</source>
        <translation>Tài khoản ứng dụng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="59" />
        <source>Cashless payment</source>
        <translation>Thanh toán không dùng tiền mặt</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="60" />
        <source>Current bill and transfer QR</source>
        <translation>Tiền điện kỳ này và mã QR chuyển khoản</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="61" />
        <source>Electronic purchase contract</source>
        <translation>Hợp đồng mua bán điện điện tử</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="62" />
        <source>Household sheet</source>
        <translation>Phiếu thông tin cho hộ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="63" />
        <source>Finished</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="67" />
        <source>Mobile banking (bank app on the phone)</source>
        <translation>Ngân hàng trên điện thoại (mobile banking)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="68" />
        <source>E-wallet</source>
        <translation>Ví điện tử</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="69" />
        <source>Automatic debit from a bank account</source>
        <translation>Trích nợ tự động từ tài khoản ngân hàng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="70" />
        <source>Bank transfer by QR code each month</source>
        <translation>Chuyển khoản bằng mã QR mỗi tháng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="71" />
        <source>Cash (not yet cashless)</source>
        <translation>Tiền mặt (chưa dùng thanh toán điện tử)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="75" />
        <source>Citizen ID card of the requester</source>
        <translation>Căn cước công dân của người đề nghị</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="76" />
        <source>Proof of the right to use the supply address</source>
        <translation>Giấy tờ chứng minh quyền sử dụng địa điểm cấp điện</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="77" />
        <source>Authorisation from the other households sharing the meter</source>
        <translation>Giấy ủy quyền của các hộ dùng chung công tơ</translation>
    </message>
</context>
<context>
    <name>OnboardingPage</name>
    <message>
        <location filename="../../fieldkit/ui/pages/onboarding_page.py" line="138" />
        <source>Customer onboarding</source>
        <translation>Hướng dẫn khách hàng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/onboarding_page.py" line="139" />
        <source>Another household</source>
        <translation>Hộ khác</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/onboarding_page.py" line="140" />
        <source>&amp;Back</source>
        <translation>&amp;Quay lại</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/onboarding_page.py" line="149" />
        <source>Step 1</source>
        <translation>Bước 1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/onboarding_page.py" line="151" />
        <source>Step %1 of %2</source>
        <translation>Bước %1 / %2</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/onboarding_page.py" line="156" />
        <source>(provisional code)</source>
        <translation>(mã tạm)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/onboarding_page.py" line="166" />
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/onboarding_page.py" line="166" />
        <source>&amp;Next</source>
        <translation>&amp;Tiếp tục</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/onboarding_page.py" line="186" />
        <source>Continuing where you stopped with %1 (%2). Earlier answers are kept.</source>
        <translation>Làm tiếp với hộ %1 (%2) từ bước đã dừng. Các câu trả lời trước vẫn được giữ.</translation>
    </message>
</context>
<context>
    <name>PaymentScreen</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="651" />
        <source>How will the household pay its electricity bill?</source>
        <translation>Hộ sẽ thanh toán tiền điện bằng cách nào?</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="660" />
        <source>Bank</source>
        <translation>Ngân hàng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="660" />
        <source>E-wallet</source>
        <translation>Ví điện tử</translation>
    </message>
</context>
<context>
    <name>SheetScreen</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="928" />
        <source>Make the one-page sheet for the household: customer code, app and payment QR codes, hotline, payment method and the next reading date.</source>
        <translation>Tạo phiếu một trang cho hộ: mã khách hàng, mã QR cài ứng dụng và thanh toán, tổng đài, hình thức thanh toán và ngày ghi chỉ số tiếp theo.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="930" />
        <source>&amp;Make the household sheet (PDF)</source>
        <translation>&amp;Tạo phiếu thông tin (PDF)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="931" />
        <source>The sheet was printed and given to the household</source>
        <translation>Đã in phiếu và trao cho hộ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="939" />
        <source>yes</source>
        <translation>đã có</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="939" />
        <source>not yet</source>
        <translation>chưa</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="944" />
        <source>Customer</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="945" />
        <source>App account</source>
        <translation>Tài khoản ứng dụng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="946" />
        <source>Payment</source>
        <translation>Thanh toán</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="947" />
        <source>E-contract</source>
        <translation>Hợp đồng điện tử</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="947" />
        <source>signed, OTP confirmed</source>
        <translation>đã ký, đã xác nhận OTP</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="948" />
        <source>signed, OTP pending</source>
        <translation>đã ký, chờ OTP</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="953" />
        <source>A sheet was made earlier (%1).</source>
        <translation>Phiếu đã được tạo trước đó (%1).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="969" />
        <source>Making the sheet…</source>
        <translation>Đang tạo phiếu…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="981" />
        <source>Saved: %1 — open it and print it.</source>
        <translation>Đã lưu: %1 — hãy mở và in.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/screens.py" line="991" />
        <source>&amp;Finish</source>
        <translation>&amp;Kết thúc</translation>
    </message>
</context>
</TS>