<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>CustomerColumns</name>
    <message>
        <location filename="../../fieldkit/ui/customer_model.py" line="41"/>
        <source>Customer code</source>
        <translation>Mã khách hàng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/customer_model.py" line="42"/>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/customer_model.py" line="43"/>
        <source>Phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/customer_model.py" line="44"/>
        <source>Commune / ward</source>
        <translation>Xã / phường</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/customer_model.py" line="45"/>
        <source>Households</source>
        <translation>Số hộ</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../fieldkit/ui/pages/customers_page.py" line="81"/>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/customers_page.py" line="83"/>
        <source>%1 found</source>
        <translation>Tìm thấy %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/customers_page.py" line="85"/>
        <source>%1 customers</source>
        <translation>%1 khách hàng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/customers_page.py" line="88"/>
        <source>Search failed: %1</source>
        <translation>Tìm kiếm bị lỗi: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/customers_page.py" line="98"/>
        <source>Customers</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/customers_page.py" line="99"/>
        <source>&amp;Search by name, customer code or phone (Ctrl+F)</source>
        <translation>&amp;Tìm theo tên, mã khách hàng hoặc số điện thoại (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/customers_page.py" line="100"/>
        <source>e.g. nguyen van a, PA23LN, 0912…</source>
        <translation>ví dụ: nguyen van a, PA23LN, 0912…</translation>
    </message>
</context>
<context>
    <name>FirstRunForm</name>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="277"/>
        <source>FieldKit — First start</source>
        <translation>FieldKit — Lần đầu sử dụng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="279"/>
        <source>No one uses this laptop yet. Create the first user: the PIN protects the customer data.</source>
        <translation>Máy này chưa có người dùng. Hãy tạo người dùng đầu tiên: mã PIN bảo vệ dữ liệu khách hàng.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="280"/>
        <source>Full &amp;name</source>
        <translation>&amp;Họ và tên</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="281"/>
        <source>&amp;Role</source>
        <translation>&amp;Vai trò</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="282"/>
        <source>&amp;PIN</source>
        <translation>&amp;Mã PIN</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="283"/>
        <source>PIN &amp;again</source>
        <translation>&amp;Nhập lại mã PIN</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="284"/>
        <source>e.g. Trần Thị Lan</source>
        <translation>ví dụ: Trần Thị Lan</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="285"/>
        <source>At least 6 digits</source>
        <translation>Ít nhất 6 chữ số</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="288"/>
        <source>Create user</source>
        <translation>Tạo người dùng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="289"/>
        <source>Change the language</source>
        <translation>Đổi ngôn ngữ</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="10"/>
        <source>Technician</source>
        <translation>Kỹ thuật viên</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="11"/>
        <source>Trainer</source>
        <translation>Hướng dẫn viên</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="12"/>
        <source>Supervisor</source>
        <translation>Giám sát viên</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="16"/>
        <source>New supply</source>
        <translation>Cấp điện mới</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="17"/>
        <source>Meter install</source>
        <translation>Lắp công tơ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="18"/>
        <source>Meter replacement</source>
        <translation>Thay công tơ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="19"/>
        <source>Meter reading</source>
        <translation>Ghi chỉ số công tơ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="20"/>
        <source>Inspection</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="21"/>
        <source>Customer onboarding</source>
        <translation>Đăng ký sử dụng dịch vụ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="25"/>
        <source>Assigned</source>
        <translation>Đã giao</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="26"/>
        <source>In progress</source>
        <translation>Đang làm</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="27"/>
        <source>Waiting for review</source>
        <translation>Chờ duyệt</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="28"/>
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="29"/>
        <source>Returned</source>
        <translation>Bị trả lại</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="33"/>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="34"/>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="35"/>
        <source>Later</source>
        <translation>Sắp tới</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="36"/>
        <source>No due date</source>
        <translation>Không có hạn</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="37"/>
        <source>Finished</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/labels.py" line="54"/>
        <source>Something went wrong: %1</source>
        <translation>Có lỗi xảy ra: %1</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="134"/>
        <source>Choose your name in the list first.</source>
        <translation>Hãy chọn tên của bạn trong danh sách trước.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="137"/>
        <source>Enter your PIN.</source>
        <translation>Hãy nhập mã PIN.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="148"/>
        <location filename="../../fieldkit/ui/login.py" line="178"/>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="148"/>
        <location filename="../../fieldkit/ui/login.py" line="178"/>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="173"/>
        <source>FieldKit — Sign in</source>
        <translation>FieldKit — Đăng nhập</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="174"/>
        <source>Choose your name, then enter your PIN.</source>
        <translation>Chọn tên của bạn, rồi nhập mã PIN.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="175"/>
        <source>&amp;User</source>
        <translation>&amp;Người dùng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="176"/>
        <source>&amp;PIN</source>
        <translation>&amp;Mã PIN</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="177"/>
        <source>At least 6 digits</source>
        <translation>Ít nhất 6 chữ số</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="179"/>
        <source>Change the language</source>
        <translation>Đổi ngôn ngữ</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../../fieldkit/ui/login.py" line="339"/>
        <source>FieldKit — Sign in</source>
        <translation>FieldKit — Đăng nhập</translation>
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
        <translation>Đăng &amp;xuất</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="215"/>
        <source>Change the language</source>
        <translation>Đổi ngôn ngữ</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="62"/>
        <source>Work orders</source>
        <translation>Phiếu công việc</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="63"/>
        <source>Customers</source>
        <translation>Khách hàng</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="64"/>
        <source>Readings</source>
        <translation>Chỉ số công tơ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="65"/>
        <source>Meter readings</source>
        <translation>Chỉ số công tơ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="66"/>
        <source>Coming in a later release: read a meter through the optical probe, or type the reading with a photo.</source>
        <translation>Sẽ có trong phiên bản sau: đọc công tơ qua đầu đọc quang, hoặc nhập chỉ số kèm ảnh chụp.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="68"/>
        <source>Onboarding</source>
        <translation>Đăng ký dịch vụ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="69"/>
        <source>Customer onboarding</source>
        <translation>Đăng ký sử dụng dịch vụ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="70"/>
        <source>Coming in a later release: install the customer-care app, cashless payment, the electronic contract and the printed sheet.</source>
        <translation>Sẽ có trong phiên bản sau: cài ứng dụng chăm sóc khách hàng, thanh toán không dùng tiền mặt, hợp đồng điện tử và phiếu in.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="72"/>
        <location filename="../../fieldkit/ui/main_window.py" line="73"/>
        <source>Review</source>
        <translation>Duyệt</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="74"/>
        <source>Coming in a later release: supervisors approve work orders or return them with a comment.</source>
        <translation>Sẽ có trong phiên bản sau: giám sát viên duyệt phiếu công việc hoặc trả lại kèm nhận xét.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="76"/>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/main_window.py" line="77"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="17"/>
        <source>The address starts with https:// (or http://).</source>
        <translation>Địa chỉ phải bắt đầu bằng https:// (hoặc http://).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="35"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="36"/>
        <source>Changes at once, no restart needed.</source>
        <translation>Đổi ngay, không cần khởi động lại.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="40"/>
        <source>Text and button size</source>
        <translation>Cỡ chữ và nút bấm</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="41"/>
        <source>Large is easier to read in sunlight and to press with gloves.</source>
        <translation>Cỡ lớn dễ đọc dưới nắng và dễ bấm khi đeo găng tay.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="42"/>
        <source>Normal</source>
        <translation>Bình thường</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="43"/>
        <source>Large</source>
        <translation>Lớn</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="46"/>
        <source>Central server address</source>
        <translation>Địa chỉ máy chủ trung tâm</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="47"/>
        <source>Given by your team leader. Used by sync.</source>
        <translation>Do tổ trưởng cung cấp. Dùng khi đồng bộ.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="51"/>
        <source>Optical probe port</source>
        <translation>Cổng đầu đọc quang</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="52"/>
        <source>Leave empty to find the probe automatically.</source>
        <translation>Để trống để tự tìm đầu đọc.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="56"/>
        <source>GPS receiver port</source>
        <translation>Cổng máy thu GPS</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/settings_specs.py" line="57"/>
        <source>A GPS receiver that speaks NMEA; leave empty to type the position.</source>
        <translation>Máy thu GPS nói chuẩn NMEA; để trống để nhập vị trí bằng tay.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../fieldkit/ui/pages/settings_page.py" line="86"/>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/settings_page.py" line="98"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../fieldkit/ui/status_bar.py" line="67"/>
        <source>● Online</source>
        <translation>● Trực tuyến</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/status_bar.py" line="69"/>
        <source>○ Offline — no server configured</source>
        <translation>○ Ngoại tuyến — chưa cấu hình máy chủ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/status_bar.py" line="71"/>
        <source>○ Offline</source>
        <translation>○ Ngoại tuyến</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/status_bar.py" line="82"/>
        <source>Waiting to sync: %1</source>
        <translation>Đang chờ đồng bộ: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/status_bar.py" line="84"/>
        <source>Refused: %1</source>
        <translation>Bị từ chối: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/status_bar.py" line="86"/>
        <source>Last sync: %1</source>
        <translation>Đồng bộ lần cuối: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/status_bar.py" line="87"/>
        <source>never</source>
        <translation>chưa lần nào</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Starting…</source>
        <translation>Đang bắt đầu…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang huỷ…</translation>
    </message>
    <message>
        <source>Enter the server address first.</source>
        <translation>Hãy nhập địa chỉ máy chủ trước.</translation>
    </message>
    <message>
        <source>Sending photos and files</source>
        <translation>Đang gửi ảnh và tệp</translation>
    </message>
    <message>
        <source>Sending records</source>
        <translation>Đang gửi dữ liệu</translation>
    </message>
    <message>
        <source>Receiving updates</source>
        <translation>Đang nhận cập nhật</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Đang hoàn tất</translation>
    </message>
    <message>
        <source>%1: %2 of %3 — %4 kB sent, %5 kB received</source>
        <translation>%1: %2 trên %3 — đã gửi %4 kB, đã nhận %5 kB</translation>
    </message>
    <message>
        <source>Synced: %1 sent, %2 received, %3 refused.</source>
        <translation>Đã đồng bộ: gửi %1, nhận %2, bị từ chối %3.</translation>
    </message>
    <message>
        <source>Sync cancelled; the rest goes next time.</source>
        <translation>Đã huỷ đồng bộ; phần còn lại sẽ gửi lần sau.</translation>
    </message>
    <message>
        <source>Sync failed.</source>
        <translation>Đồng bộ không thành công.</translation>
    </message>
    <message>
        <source>This computer is enrolled.</source>
        <translation>Máy tính này đã được đăng ký.</translation>
    </message>
    <message>
        <source>Server address saved.</source>
        <translation>Đã lưu địa chỉ máy chủ.</translation>
    </message>
    <message>
        <source>Enrolment failed: %1</source>
        <translation>Đăng ký máy không thành công: %1</translation>
    </message>
    <message>
        <source>Last failure: %1</source>
        <translation>Lỗi lần trước: %1</translation>
    </message>
    <message>
        <source>Not enrolled: enter the server address and the code from your supervisor.</source>
        <translation>Chưa đăng ký máy: nhập địa chỉ máy chủ và mã do tổ trưởng cung cấp.</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>&amp;Huỷ</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Mã đăng ký máy</translation>
    </message>
    <message>
        <source>&amp;Enrol this computer</source>
        <translation>Đăng &amp;ký máy này</translation>
    </message>
    <message>
        <source>Refused by the server, with the reason</source>
        <translation>Bị máy chủ từ chối, kèm lý do</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/sync_page.py" line="258"/>
        <source>Your user code</source>
        <translation>Mã người dùng của bạn</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/sync_page.py" line="260"/>
        <source>The one-time code the administrator gave you: the server then knows your signature on this computer.</source>
        <translation>Mã dùng một lần quản trị viên đưa cho bạn: nhờ đó máy chủ nhận ra chữ ký của bạn trên máy tính này.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/sync_page.py" line="69"/>
        <source>Online: the central server can be reached.</source>
        <translation>Trực tuyến: kết nối được với máy chủ trung tâm.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/sync_page.py" line="71"/>
        <source>Offline: no server address is set (Settings).</source>
        <translation>Ngoại tuyến: chưa đặt địa chỉ máy chủ (Cài đặt).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/sync_page.py" line="73"/>
        <source>Offline: the central server cannot be reached now.</source>
        <translation>Ngoại tuyến: hiện không kết nối được máy chủ trung tâm.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/sync_page.py" line="78"/>
        <source>never</source>
        <translation>chưa lần nào</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/sync_page.py" line="81"/>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/sync_page.py" line="82"/>
        <source>Waiting to sync</source>
        <translation>Đang chờ đồng bộ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/sync_page.py" line="83"/>
        <source>Refused by the server (needs a fix)</source>
        <translation>Bị máy chủ từ chối (cần sửa)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/sync_page.py" line="84"/>
        <source>Last successful sync</source>
        <translation>Lần đồng bộ thành công gần nhất</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/pages/sync_page.py" line="85"/>
        <source>&amp;Check again</source>
        <translation>&amp;Kiểm tra lại</translation>
    </message>
</context>
<context>
    <name>WorkOrdersPage</name>
    <message>
        <location filename="../../fieldkit/ui/pages/work_orders_page.py" line="174"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
</context>
</TS>
