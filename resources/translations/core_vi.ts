<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
    <context>
        <name>devices.errors</name>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The DLMS meter refused the connection. Check the client address and the reading settings for this meter model.</source>
            <translation>Công tơ DLMS từ chối kết nối. Kiểm tra địa chỉ client và cấu hình đọc của loại công tơ này.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The connection dropped in the middle of the reading. Hold the probe steady and read again.</source>
            <translation>Mất kết nối giữa chừng. Giữ chặt đầu đọc và đọc lại.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The data arrived damaged (checksum failed) after several retries. Hold the probe steady and read again.</source>
            <translation>Dữ liệu nhận được bị lỗi (sai mã kiểm tra) sau nhiều lần thử. Giữ chặt đầu đọc và đọc lại.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The meter asks for a password. Enter it in the meter profile.</source>
            <translation>Công tơ yêu cầu mật khẩu. Nhập mật khẩu trong cấu hình công tơ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The meter does not answer. Check the probe is seated on the optical port.</source>
            <translation>Công tơ không trả lời. Kiểm tra đầu đọc quang đã áp đúng vào cổng quang của công tơ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The meter refused this operation (write access). Check the write password for this meter model.</source>
            <translation>Công tơ không cho phép thao tác này (quyền ghi). Kiểm tra mật khẩu ghi của loại công tơ này.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The meter rejected the password. Check the password.</source>
            <translation>Công tơ từ chối mật khẩu. Kiểm tra lại mật khẩu.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The meter sent an unexpected reply. Check the meter type and the reading profile.</source>
            <translation>Công tơ trả lời không đúng giao thức. Kiểm tra loại công tơ và cấu hình đọc.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The meter's data could not be parsed.</source>
            <translation>Không phân tích được dữ liệu của công tơ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The meter's identification message could not be understood.</source>
            <translation>Không hiểu được bản tin nhận dạng của công tơ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The probe's port could not be opened. Check the probe is plugged into the computer.</source>
            <translation>Không mở được cổng đầu đọc. Kiểm tra đầu đọc đã cắm vào máy tính.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The raw capture file is not valid.</source>
            <translation>Tệp dữ liệu thô không hợp lệ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/errors.py" />
            <source>The reading was cancelled.</source>
            <translation>Đã huỷ việc đọc.</translation>
        </message>
    </context>
    <context>
        <name>devices.meter_log</name>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Alarm register cleared</source>
            <translation>Xoá thanh ghi cảnh báo</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Association authentication failure</source>
            <translation>Đăng nhập sai nhiều lần</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Battery voltage low</source>
            <translation>Pin yếu</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Clock adjusted (new time)</source>
            <translation>Chỉnh đồng hồ (giờ mới)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Clock adjusted (old time)</source>
            <translation>Chỉnh đồng hồ (giờ cũ)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Clock invalid</source>
            <translation>Đồng hồ không hợp lệ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Daylight saving time changed</source>
            <translation>Đổi giờ mùa hè</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Decryption or authentication failure</source>
            <translation>Lỗi giải mã</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Error register cleared</source>
            <translation>Xoá thanh ghi lỗi</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Event code {code}</source>
            <translation>Sự kiện mã {code}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Firmware activated</source>
            <translation>Đã cập nhật phần mềm</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Firmware ready for activation</source>
            <translation>Phần mềm mới sẵn sàng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Measurement system error</source>
            <translation>Lỗi hệ đo lường</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Meter cover closed</source>
            <translation>Đóng nắp công tơ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Meter cover removed</source>
            <translation>Mở nắp công tơ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Non-volatile memory error</source>
            <translation>Lỗi bộ nhớ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Power down</source>
            <translation>Mất điện</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Power up</source>
            <translation>Có điện trở lại</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Program memory error</source>
            <translation>Lỗi bộ nhớ chương trình</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>RAM error</source>
            <translation>Lỗi RAM</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Replace battery</source>
            <translation>Cần thay pin</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Replay attack</source>
            <translation>Tấn công gửi lại</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Reverse current</source>
            <translation>Dòng điện ngược</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Reverse current ended</source>
            <translation>Hết dòng điện ngược</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Strong magnetic field detected</source>
            <translation>Phát hiện từ trường mạnh</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Strong magnetic field gone</source>
            <translation>Hết từ trường mạnh</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Terminal cover closed</source>
            <translation>Đóng nắp hộp đấu dây</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Terminal cover removed</source>
            <translation>Mở nắp hộp đấu dây</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Time-of-use table activated</source>
            <translation>Kích hoạt biểu giá mới</translation>
        </message>
        <message>
            <location filename="../../fieldkit/devices/meter_log.py" />
            <source>Watchdog error</source>
            <translation>Lỗi watchdog</translation>
        </message>
    </context>
    <context>
        <name>documents.contract</name>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source> (provisional, to be replaced by the real code)</source>
            <translation> (mã tạm, sẽ thay bằng mã chính thức)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>(signature, full name)</source>
            <translation>(ký, ghi rõ họ tên)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Awaiting confirmation by the code sent to {phone}</source>
            <translation>Chờ xác nhận bằng mã OTP gửi tới {phone}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Citizen ID number</source>
            <translation>Số căn cước công dân</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Company</source>
            <translation>Tên đơn vị</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Confirmed by one-time code (OTP)</source>
            <translation>Đã xác nhận bằng mã OTP</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Customer code</source>
            <translation>Mã khách hàng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Customer-care hotline</source>
            <translation>Tổng đài chăm sóc khách hàng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>FOR THE BUYER</source>
            <translation>ĐẠI DIỆN BÊN MUA ĐIỆN</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>FOR THE SELLER</source>
            <translation>ĐẠI DIỆN BÊN BÁN ĐIỆN</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Household</source>
            <translation>Sinh hoạt</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Households sharing the meter</source>
            <translation>Số hộ dùng chung công tơ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Managing unit</source>
            <translation>Đơn vị quản lý</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>No.</source>
            <translation>Số</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>On {day}, at {place}, the parties:</source>
            <translation>Hôm nay, {day}, tại {place}, chúng tôi gồm:</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>On {day}, the parties:</source>
            <translation>Hôm nay, {day}, chúng tôi gồm:</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Party A confirms electronically on approval</source>
            <translation>Xác nhận điện tử của Bên A khi hợp đồng được duyệt</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Phone (for the OTP)</source>
            <translation>Số điện thoại nhận OTP</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Signature: the typed name</source>
            <translation>Chữ ký bằng họ tên đã gõ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Signed on screen</source>
            <translation>Ký trên màn hình</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Staff member</source>
            <translation>Nhân viên thực hiện</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Supply address</source>
            <translation>Địa chỉ sử dụng điện</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>THE BUYER (party B)</source>
            <translation>BÊN MUA ĐIỆN (Bên B)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>THE SELLER (party A)</source>
            <translation>BÊN BÁN ĐIỆN (Bên A)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Terms</source>
            <translation>Điều khoản</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>The parties agree to this contract on the following terms:</source>
            <translation>Hai bên thoả thuận ký hợp đồng mua bán điện với các điều khoản sau:</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/contract.py" />
            <source>Use</source>
            <translation>Mục đích sử dụng điện</translation>
        </message>
    </context>
    <context>
        <name>documents.household_sheet</name>
        <message>
            <location filename="../../fieldkit/documents/household_sheet.py" />
            <source>{amount:,} VND</source>
            <translation>{amount:,} đ</translation>
        </message>
    </context>
    <context>
        <name>documents.install_record</name>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>(signature, full name)</source>
            <translation>(ký, ghi rõ họ tên)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Address</source>
            <translation>Địa chỉ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Customer</source>
            <translation>Khách hàng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Customer code</source>
            <translation>Mã khách hàng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Customer representative</source>
            <translation>Đại diện khách hàng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Date</source>
            <translation>Ngày lập</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Form</source>
            <translation>Mẫu biểu</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>GPS receiver</source>
            <translation>máy thu GPS</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Installer</source>
            <translation>Nhân viên treo tháo</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>METER INSTALL / REMOVAL RECORD</source>
            <translation>BIÊN BẢN TREO THÁO CÔNG TƠ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Metering point</source>
            <translation>Mã điểm đo</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Optical probe</source>
            <translation>Đầu đọc quang</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Page</source>
            <translation>Trang</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Phone</source>
            <translation>Điện thoại</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Reading</source>
            <translation>Chỉ số</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Record number</source>
            <translation>Số biên bản</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Register</source>
            <translation>Biểu giá</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Source</source>
            <translation>Nguồn</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Typed</source>
            <translation>Nhập tay</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Work order</source>
            <translation>Phiếu công việc</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>Work-order code</source>
            <translation>Mã phiếu</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>on {dd}/{mm}/{yyyy}</source>
            <translation>ngày {dd} tháng {mm} năm {yyyy}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>photo(s)</source>
            <translation>ảnh</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/install_record.py" />
            <source>typed</source>
            <translation>nhập tay</translation>
        </message>
    </context>
    <context>
        <name>documents.layout</name>
        <message>
            <location filename="../../fieldkit/documents/layout.py" />
            <source>Independence – Freedom – Happiness</source>
            <translation>Độc lập – Tự do – Hạnh phúc</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/layout.py" />
            <source>Page</source>
            <translation>Trang</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/layout.py" />
            <source>SOCIALIST REPUBLIC OF VIETNAM</source>
            <translation>CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/layout.py" />
            <source>{dd}/{mm}/{yyyy}</source>
            <translation>ngày {dd} tháng {mm} năm {yyyy}</translation>
        </message>
    </context>
    <context>
        <name>documents.supply_request</name>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>(household use)</source>
            <translation>(Phục vụ mục đích sinh hoạt)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>(signature, full name)</source>
            <translation>(ký, ghi rõ họ tên)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>APPLICANT</source>
            <translation>NGƯỜI ĐỀ NGHỊ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Applicant</source>
            <translation>Người đề nghị</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Authorisation of the households sharing the meter</source>
            <translation>Giấy uỷ quyền của các hộ dùng chung công tơ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Citizen ID number</source>
            <translation>Số căn cước công dân</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Contact address</source>
            <translation>Địa chỉ liên hệ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Customer code</source>
            <translation>Mã khách hàng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Household</source>
            <translation>Sinh hoạt</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Households sharing the meter</source>
            <translation>Số hộ dùng chung công tơ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>I confirm the above is true and will follow the rules on the use of electricity.</source>
            <translation>Tôi cam kết các thông tin trên là đúng và thực hiện đúng các quy định về sử dụng điện.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>No</source>
            <translation>Không</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Papers handed in</source>
            <translation>Giấy tờ kèm theo</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Phone</source>
            <translation>Số điện thoại</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Pole, cable or CT needed</source>
            <translation>Cần trồng cột, kéo cáp hoặc lắp TI</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Proof of the right to use the address</source>
            <translation>Giấy tờ chứng minh quyền sử dụng địa điểm mua điện</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Provisional request code</source>
            <translation>Mã tạm của yêu cầu</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>RECEIVED BY</source>
            <translation>NHÂN VIÊN TIẾP NHẬN</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>REQUEST FOR ELECTRICITY SUPPLY</source>
            <translation>GIẤY ĐỀ NGHỊ MUA ĐIỆN</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Request no.</source>
            <translation>Số yêu cầu</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Signed on screen</source>
            <translation>Ký trên màn hình</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Supply address</source>
            <translation>Địa chỉ sử dụng điện</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>The applicant's citizen ID</source>
            <translation>Căn cước công dân của người đề nghị</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Time to connect</source>
            <translation>Thời hạn giải quyết</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>To</source>
            <translation>Kính gửi</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Use</source>
            <translation>Mục đích sử dụng điện</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Work order</source>
            <translation>Phiếu công việc</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>Yes</source>
            <translation>Có</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>asks to buy electricity as follows:</source>
            <translation>Đề nghị được mua điện với các thông tin sau:</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>not needed (one household)</source>
            <translation>không cần (một hộ)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>{n} working days</source>
            <translation>{n} ngày làm việc</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/supply_request.py" />
            <source>{n} working days (by {day})</source>
            <translation>{n} ngày làm việc (đến {day})</translation>
        </message>
    </context>
    <context>
        <name>documents.vietqr</name>
        <message>
            <location filename="../../fieldkit/documents/vietqr.py" />
            <source>account number</source>
            <translation>Số tài khoản</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/vietqr.py" />
            <source>amount must be a positive whole number of VND: {amount}</source>
            <translation>Số tiền phải là số nguyên dương (đồng): {amount}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/vietqr.py" />
            <source>amount must be a whole number of VND, got {name}</source>
            <translation>Số tiền phải là số nguyên đồng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/vietqr.py" />
            <source>amount too large (at most {MAX_AMOUNT_DIGITS} digits): {text}</source>
            <translation>Số tiền quá lớn (tối đa {MAX_AMOUNT_DIGITS} chữ số): {text}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/vietqr.py" />
            <source>bank BIN must be exactly 6 digits: {bank_bin}</source>
            <translation>Mã BIN ngân hàng phải gồm đúng 6 chữ số: {bank_bin}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/vietqr.py" />
            <source>card number</source>
            <translation>Số thẻ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/vietqr.py" />
            <source>transfer purpose has unsupported characters: {join}</source>
            <translation>Nội dung chuyển khoản có ký tự không hỗ trợ: {join}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/vietqr.py" />
            <source>transfer purpose is at most {MAX_PURPOSE} characters (got {n_folded}): {folded}</source>
            <translation>Nội dung chuyển khoản tối đa {MAX_PURPOSE} ký tự (hiện có {n_folded}): {folded}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/documents/vietqr.py" />
            <source>{what} must be 1-19 letters or digits, no spaces: {account}</source>
            <translation>{what} phải gồm 1–19 chữ cái hoặc chữ số, không dấu cách: {account}</translation>
        </message>
    </context>
    <context>
        <name>domain.anomalies</name>
        <message>
            <location filename="../../fieldkit/domain/anomalies.py" />
            <source>No consumption since the previous reading ({now} kWh) although the household lives there. Ask the customer and check the meter runs (its LED blinks under load).</source>
            <translation>Không tiêu thụ điện từ lần đọc trước ({now} kWh) dù nhà có người ở. Hỏi chủ nhà và xem công tơ có chạy không (đèn nháy khi có tải).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/anomalies.py" />
            <source>The meter clock is {amount} ahead of the laptop clock (limit {limit} minutes). Report it so the meter clock is set; a wrong clock puts energy into the wrong time-of-use register.</source>
            <translation>Đồng hồ công tơ nhanh {amount} so với máy tính (giới hạn {limit} phút). Báo đội để chỉnh giờ công tơ; giờ sai làm lệch chỉ số theo khung giờ (bình thường, cao điểm, thấp điểm).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/anomalies.py" />
            <source>The meter clock is {amount} behind the laptop clock (limit {limit} minutes). Report it so the meter clock is set; a wrong clock puts energy into the wrong time-of-use register.</source>
            <translation>Đồng hồ công tơ chậm {amount} so với máy tính (giới hạn {limit} phút). Báo đội để chỉnh giờ công tơ; giờ sai làm lệch chỉ số theo khung giờ (bình thường, cao điểm, thấp điểm).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/anomalies.py" />
            <source>The meter reports an error (error register F.F = {code}). Note the code and report the meter for a check.</source>
            <translation>Công tơ báo lỗi (mã lỗi F.F = {code}). Ghi lại mã lỗi và báo đội kiểm tra công tơ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/anomalies.py" />
            <source>The meter says its serial is {read}, but the work order names meter {expected}. Check this is the customer's meter before saving.</source>
            <translation>Số công tơ đọc được ({read}) khác số công tơ trên phiếu ({expected}). Kiểm tra đúng công tơ của khách hàng trước khi lưu.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/anomalies.py" />
            <source>The new index ({now} kWh) is lower than the previous reading ({last} kWh): consumption is negative ({used} kWh). Read again to be sure; if it is right, the meter may have been replaced, rolled over or tampered with.</source>
            <translation>Chỉ số mới ({now} kWh) thấp hơn lần đọc trước ({last} kWh): điện năng tiêu thụ âm ({used} kWh). Đọc lại cho chắc; nếu đúng thì công tơ có thể đã bị thay, quay vòng hoặc can thiệp.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/anomalies.py" />
            <source>Unusually high consumption: {used} kWh in {days} days ({per_day} kWh a day), {ratio} times the average of the last three months ({average} kWh a day; the limit is {multiple} times). Read again and ask the customer about new appliances.</source>
            <translation>Tiêu thụ cao bất thường: {used} kWh trong {days} ngày ({per_day} kWh/ngày), gấp {ratio} lần trung bình ba tháng trước ({average} kWh/ngày; ngưỡng {multiple} lần). Đọc lại và hỏi chủ nhà có thêm thiết bị điện không.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/anomalies.py" />
            <source>{n} hours</source>
            <translation>{n} giờ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/anomalies.py" />
            <source>{n} minutes</source>
            <translation>{n} phút</translation>
        </message>
    </context>
    <context>
        <name>domain.codes</name>
        <message>
            <location filename="../../fieldkit/domain/codes.py" />
            <source>A citizen ID number has 12 digits (old ID cards: 9 digits).</source>
            <translation>Số CCCD có 12 chữ số (CMND cũ: 9 chữ số).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/codes.py" />
            <source>A customer code has exactly 13 characters (this one has {n_c}), e.g. PA23VG0053140.</source>
            <translation>Mã khách hàng phải có đúng 13 ký tự (đang có {n_c}), ví dụ PA23VG0053140.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/codes.py" />
            <source>A phone number has 10 digits and starts with 0, e.g. 0912345678.</source>
            <translation>Số điện thoại phải có 10 chữ số và bắt đầu bằng 0, ví dụ 0912345678.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/codes.py" />
            <source>The customer code is missing.</source>
            <translation>Chưa nhập mã khách hàng.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/codes.py" />
            <source>The customer code is not in the right form: P, a 6-character unit, then 7 digits (PA23VG0053140).</source>
            <translation>Mã khách hàng không đúng dạng: bắt đầu bằng P, 6 ký tự đơn vị rồi 7 chữ số (PA23VG0053140).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/codes.py" />
            <source>The phone number is missing.</source>
            <translation>Chưa nhập số điện thoại.</translation>
        </message>
    </context>
    <context>
        <name>domain.lifecycle</name>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>Every attachment received by the server</source>
            <translation>Máy chủ đã nhận đủ tệp đính kèm</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>Photos of the meter and seals</source>
            <translation>Ảnh công tơ và niêm phong</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>Readings, consumption since the previous one and the abnormal check</source>
            <translation>Chỉ số, sản lượng so với lần trước và kiểm tra bất thường</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>Sync again to see the order's latest state.</source>
            <translation>Hãy đồng bộ lại để xem trạng thái mới nhất của phiếu.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The PDF document made</source>
            <translation>Tài liệu PDF đã lập</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The assignee {user} ({role}) cannot do this kind of work order. Choose a technician.</source>
            <translation>Người được chọn ({user}, {role}) không làm được loại phiếu này. Hãy chọn một kỹ thuật viên.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The assignee {user} is not a technician or trainer of the team. Choose someone else.</source>
            <translation>Người được chọn ({user}) không phải kỹ thuật viên hoặc hướng dẫn viên của đội. Hãy chọn người khác.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The customer's signature</source>
            <translation>Chữ ký của khách hàng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The meter's event log and load profile (DLMS)</source>
            <translation>Nhật ký sự kiện và biểu đồ phụ tải của công tơ (DLMS)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The onboarding steps: app, payment, contract</source>
            <translation>Các bước hướng dẫn: ứng dụng, thanh toán, hợp đồng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The operation {operation} does not {action} a work order (it is {expected}). This is a software error, not yours; tell the support team.</source>
            <translation>Thao tác “{operation}” không dùng để {action} phiếu (cần “{expected}”). Đây là lỗi của phần mềm, không phải của bạn; hãy báo cho bộ phận kỹ thuật.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The order's history (returns, resubmissions)</source>
            <translation>Lịch sử của phiếu (trả lại, nộp lại)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The raw optical capture, or the meter-face photo of a manual reading</source>
            <translation>Dữ liệu thô đọc qua cổng quang, hoặc ảnh mặt công tơ khi ghi tay</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The submitted record, with the form's labels</source>
            <translation>Biên bản / bản ghi đã nộp, với nhãn của biểu mẫu</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The work order is '{state}'; it cannot be given '{action}'. {advice}</source>
            <translation>Phiếu đang ở trạng thái “{state}”; không thể {action}. {advice}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>The work order is not delivered yet: {count} attachment(s) not received by the server. Wait until its author has synced, then approve again.</source>
            <translation>Máy chủ chưa nhận đủ tệp đính kèm của phiếu ({count} tệp còn thiếu). Hãy chờ người làm phiếu đồng bộ xong rồi duyệt lại.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>When returning a work order, say what needs fixing.</source>
            <translation>Khi trả lại phiếu, hãy ghi rõ cần sửa gì.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>finished onboarding</source>
            <translation>hướng dẫn khách hàng hoàn tất</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>inspection reading</source>
            <translation>lần đọc kiểm tra công tơ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>meter install record</source>
            <translation>biên bản treo tháo công tơ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>meter reading</source>
            <translation>lần ghi chỉ số</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/lifecycle.py" />
            <source>new-supply install record</source>
            <translation>biên bản treo công tơ cấp điện mới</translation>
        </message>
    </context>
    <context>
        <name>domain.onboarding</name>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>Choose a payment method.</source>
            <translation>Hãy chọn một hình thức thanh toán.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>Choose the e-wallet.</source>
            <translation>Hãy chọn ví điện tử.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>Choose the household's bank.</source>
            <translation>Hãy chọn ngân hàng của hộ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>Documents missing: {documents}.</source>
            <translation>Còn thiếu giấy tờ: {documents}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>Read the contract summary with the household and tick that it was read.</source>
            <translation>Hãy đọc tóm tắt hợp đồng cùng hộ và đánh dấu đã đọc.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>The app account must be registered with the contract's phone number ({contract_phone}). If the household changed its number, change the customer's phone first.</source>
            <translation>Tài khoản ứng dụng phải đăng ký bằng số điện thoại trên hợp đồng ({contract_phone}). Nếu hộ đã đổi số, hãy sửa số điện thoại của khách hàng trước.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>The number of households sharing the meter must be between 1 and 50.</source>
            <translation>Số hộ dùng chung công tơ phải từ 1 đến 50.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>The signer's name is missing.</source>
            <translation>Chưa nhập họ tên người ký.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>The supply address (house number, hamlet) is missing.</source>
            <translation>Chưa nhập địa chỉ cấp điện (số nhà, thôn/xóm).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>There is no signature.</source>
            <translation>Chưa có chữ ký.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>authorisation of the sharing households</source>
            <translation>giấy ủy quyền của các hộ dùng chung</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>citizen ID</source>
            <translation>căn cước công dân</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/onboarding.py" />
            <source>proof of the right to the address</source>
            <translation>giấy tờ chứng minh quyền sử dụng địa điểm</translation>
        </message>
    </context>
    <context>
        <name>domain.progress</name>
        <message>
            <location filename="../../fieldkit/domain/progress.py" />
            <source>Cancelled; nothing was changed.</source>
            <translation>Đã huỷ; không có gì thay đổi.</translation>
        </message>
    </context>
    <context>
        <name>domain.problems</name>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>Something unexpected went wrong; saved work is not lost. Try again; if it happens again, tell the support team.</source>
            <translation>Đã xảy ra lỗi không mong đợi; công việc đã lưu không bị mất. Hãy thử lại; nếu vẫn lỗi, báo cho bộ phận kỹ thuật.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>Sync cancelled; what was sent stays sent, the rest goes next time.</source>
            <translation>Đã huỷ đồng bộ; những gì đã gửi được giữ nguyên, phần còn lại sẽ gửi lần sau.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>The secure connection to the server is not valid. Do not send data; tell the support team.</source>
            <translation>Kết nối bảo mật với máy chủ không hợp lệ. Đừng gửi dữ liệu; hãy báo cho bộ phận kỹ thuật.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>The server cannot be reached. Check the network (Wi-Fi, 3G/4G) and the server address in Settings; the work stays on this laptop and syncs by itself when the network is back.</source>
            <translation>Không kết nối được máy chủ. Kiểm tra mạng (Wi-Fi, 3G/4G) và địa chỉ máy chủ trong Cài đặt; công việc vẫn được giữ trên máy và sẽ tự đồng bộ khi có mạng.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>The server did not answer in time (slow network). Try again later or move to a better signal; the work stays on this laptop.</source>
            <translation>Máy chủ không trả lời kịp (mạng chậm). Hãy thử lại sau hoặc ra chỗ sóng tốt hơn; công việc vẫn được giữ trên máy.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>The server does not accept this laptop or this user. Enrol the laptop again with a new code (Sync page) or ask your supervisor to check the user.</source>
            <translation>Máy chủ không chấp nhận máy này hoặc người dùng này. Hãy đăng ký lại máy bằng mã mới (trang Đồng bộ) hoặc nhờ giám sát viên kiểm tra người dùng.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>The server is busy or down for a while. The laptop tries again by itself; nothing to do.</source>
            <translation>Máy chủ đang bận hoặc tạm ngừng. Máy sẽ tự thử lại; không cần làm gì thêm.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>The server refused the request. Sync again later; if it is still refused, tell the support team.</source>
            <translation>Máy chủ từ chối yêu cầu. Hãy đồng bộ lại sau; nếu vẫn bị từ chối, báo cho bộ phận kỹ thuật.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>The server's address was not found. Check the server address in Settings and the network.</source>
            <translation>Không tìm thấy máy chủ theo địa chỉ đã nhập. Kiểm tra địa chỉ máy chủ trong Cài đặt và kết nối mạng.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>This is not the server this laptop was enrolled with; nothing was sent. Check the server address in Settings or tell the support team.</source>
            <translation>Máy chủ này không phải máy chủ đã đăng ký cho máy; không có gì được gửi đi. Kiểm tra địa chỉ máy chủ trong Cài đặt hoặc báo cho bộ phận kỹ thuật.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>This laptop is not enrolled with the server yet. On the Sync page enter the server address and the enrolment code.</source>
            <translation>Máy này chưa được đăng ký với máy chủ. Vào trang Đồng bộ, nhập địa chỉ máy chủ và mã đăng ký.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/problems.py" />
            <source>{message} ({detail})</source>
            <translation>{message}</translation>
        </message>
    </context>
    <context>
        <name>domain.reasons</name>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>A customer with this code already exists in this team.</source>
            <translation>Đội đã có khách hàng với mã này.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>A {role} may not do {operation} (the server's rule).</source>
            <translation>Vai trò {role} không được làm {operation} (theo máy chủ).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>An empty file is only valid with the empty file's hash.</source>
            <translation>Tệp rỗng chỉ hợp lệ với mã băm của tệp rỗng.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>Ask someone whose role allows it to do this.</source>
            <translation>Hãy nhờ người có vai trò phù hợp làm việc này.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>Ask your supervisor to check this user on the server.</source>
            <translation>Hãy nhờ giám sát viên kiểm tra người dùng này trên máy chủ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>Check the customer code.</source>
            <translation>Hãy kiểm tra lại mã khách hàng.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>Look up the customer who has this code instead of making a new one.</source>
            <translation>Hãy tìm khách hàng đã có mã này thay vì tạo mới.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>Refused by the server: {detail}</source>
            <translation>Máy chủ từ chối thao tác này{detail}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>Refused by the server: {text}</source>
            <translation>Máy chủ từ chối thao tác này.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>Sync again to get the latest data; if it is still refused, tell your supervisor.</source>
            <translation>Hãy đồng bộ lại để lấy dữ liệu mới nhất; nếu vẫn bị từ chối, báo cho giám sát viên.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The customer code is not of the team's unit {unit}.</source>
            <translation>Mã khách hàng không thuộc đơn vị {unit} của đội.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} contains broken Unicode.</source>
            <translation>Trường {field} chứa ký tự Unicode hỏng.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} contains control characters.</source>
            <translation>Trường {field} chứa ký tự điều khiển.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} has a value that is not allowed; allowed: {allowed}.</source>
            <translation>Giá trị của trường {field} không hợp lệ; cho phép: {allowed}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} has too many items (at most {max}).</source>
            <translation>Trường {field} có quá nhiều phần tử (tối đa {max}).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} is missing.</source>
            <translation>Thiếu trường {field}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} is nested too deeply (at most {max} levels).</source>
            <translation>Trường {field} lồng nhau quá sâu (tối đa {max} cấp).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} is not a valid {format}.</source>
            <translation>Trường {field} không đúng dạng {format}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} is not allowed here.</source>
            <translation>Trường {field} không được phép ở đây.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} is out of range ({min} to {max}).</source>
            <translation>Trường {field} nằm ngoài khoảng cho phép ({min} đến {max}).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} is too long (at most {max}).</source>
            <translation>Trường {field} dài quá (tối đa {max}).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} is too short (at least {min}).</source>
            <translation>Trường {field} ngắn quá (ít nhất {min}).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} must be a finite number.</source>
            <translation>Trường {field} phải là số hữu hạn.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The field {field} must be {expected}.</source>
            <translation>Trường {field} phải là {expected}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The file's size differs from the upload in progress of the same file.</source>
            <translation>Kích thước tệp khác với lần tải lên đang dở của cùng tệp.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The operation is not a JSON object.</source>
            <translation>Thao tác không phải là một đối tượng JSON.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The operation is not signed by {user}; that person needs to sync it.</source>
            <translation>Thao tác chưa có chữ ký của {user}; người đó cần tự đồng bộ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The operation's author cannot be established ({user}).</source>
            <translation>Không xác định được người làm thao tác ({user}).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The operation's data is too large (at most {max} bytes).</source>
            <translation>Dữ liệu của thao tác quá lớn (tối đa {max} byte).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The payload's id differs from the operation's id.</source>
            <translation>Mã trong dữ liệu khác mã của thao tác.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The server does not know the operation {entity}/{action}.</source>
            <translation>Máy chủ không biết thao tác {entity}/{action}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The server does not know the user {user}.</source>
            <translation>Máy chủ không biết người dùng {user}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The server has no {what} {id} in this team.</source>
            <translation>Máy chủ không có {what} {id} trong đội này.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The user {user} is not in this device's team.</source>
            <translation>Người dùng {user} không thuộc đội của máy này.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>The user {user} was removed from the team; the offline work is kept on this laptop.</source>
            <translation>Người dùng {user} đã bị xóa khỏi đội; việc làm khi ngoại tuyến được giữ lại trên máy.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>This is a data error of the software, not yours; the work stays on this laptop. Tell the support team.</source>
            <translation>Đây là lỗi dữ liệu của phần mềm, không phải lỗi của bạn; công việc vẫn được giữ trên máy. Hãy báo cho bộ phận kỹ thuật.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>This {field} cannot be used; make a new record.</source>
            <translation>Mã {field} này không dùng được; hãy tạo bản ghi mới.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>data</source>
            <translation>dữ liệu</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>record</source>
            <translation>bản ghi</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>see the guide</source>
            <translation>xem hướng dẫn</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>{user}'s signature does not match the operation, the device or the author.</source>
            <translation>Chữ ký của {user} không khớp với thao tác, máy hoặc người làm.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>{user}'s signing key is not registered for this device; add them again with a user code.</source>
            <translation>Khóa ký của {user} chưa được đăng ký cho máy này; hãy thêm lại bằng mã người dùng.</translation>
        </message>
    </context>
    <context>
        <name>domain.reasons.words</name>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>a list</source>
            <translation>danh sách</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>a number</source>
            <translation>số</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>a whole number</source>
            <translation>số nguyên</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>address</source>
            <translation>địa chỉ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>an object</source>
            <translation>một đối tượng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>append</source>
            <translation>ghi</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>approve</source>
            <translation>duyệt</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>approved</source>
            <translation>đã duyệt</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>assigned</source>
            <translation>đã giao</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>assigned_to</source>
            <translation>người được giao</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>attachment</source>
            <translation>tệp đính kèm</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>capture</source>
            <translation>bản ghi trao đổi</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>code</source>
            <translation>mã</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>comment</source>
            <translation>ghi chú</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>commune</source>
            <translation>xã/phường</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>commune_code</source>
            <translation>mã xã/phường</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>conflict</source>
            <translation>xung đột</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>create</source>
            <translation>tạo</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>customer</source>
            <translation>khách hàng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>customer code</source>
            <translation>mã khách hàng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>customer_id</source>
            <translation>mã khách hàng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>data</source>
            <translation>dữ liệu</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>decimal number</source>
            <translation>số thập phân</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>done</source>
            <translation>chờ duyệt</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>due_date</source>
            <translation>ngày hẹn</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>entity_id</source>
            <translation>mã bản ghi</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>events</source>
            <translation>nhật ký sự kiện</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>field name</source>
            <translation>tên trường</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>id</source>
            <translation>mã</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>in_progress</source>
            <translation>đang làm</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>install</source>
            <translation>biên bản treo công tơ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>kind</source>
            <translation>loại</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>load_profile</source>
            <translation>biểu đồ phụ tải</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>manufacturer</source>
            <translation>hãng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>media type</source>
            <translation>kiểu tệp</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>meter</source>
            <translation>công tơ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>meter_id</source>
            <translation>mã công tơ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>method</source>
            <translation>cách thanh toán</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>mime</source>
            <translation>kiểu tệp</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>model</source>
            <translation>kiểu công tơ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>name</source>
            <translation>tên</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>null</source>
            <translation>trống</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>number</source>
            <translation>số phiếu</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>onboarding_step</source>
            <translation>bước hướng dẫn khách hàng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>op_id</source>
            <translation>mã thao tác</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>payload</source>
            <translation>dữ liệu</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>phases</source>
            <translation>số pha</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>phone</source>
            <translation>số điện thoại</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>photos</source>
            <translation>ảnh</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>reading</source>
            <translation>lần đọc chỉ số</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>reason</source>
            <translation>lý do</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>reassign</source>
            <translation>giao lại</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>recorded_at</source>
            <translation>thời điểm ghi</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>register name</source>
            <translation>tên thanh ghi</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>registers</source>
            <translation>chỉ số</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>resolve</source>
            <translation>xử lý</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>return</source>
            <translation>trả lại</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>returned</source>
            <translation>bị trả lại</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>serial</source>
            <translation>số công tơ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>sha</source>
            <translation>mã băm</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>sha256</source>
            <translation>mã băm SHA-256</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>signature</source>
            <translation>chữ ký</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>size</source>
            <translation>kích thước</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>start</source>
            <translation>bắt đầu làm</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>state</source>
            <translation>trạng thái</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>status</source>
            <translation>đổi trạng thái</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>step</source>
            <translation>bước</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>submit</source>
            <translation>nộp</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>supervisor</source>
            <translation>giám sát viên</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>taken_at</source>
            <translation>thời điểm đọc</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>technician</source>
            <translation>kỹ thuật viên</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>text</source>
            <translation>chữ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>trainer</source>
            <translation>hướng dẫn viên</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>true or false</source>
            <translation>đúng/sai</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>unit</source>
            <translation>đơn vị</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>update</source>
            <translation>sửa</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>value</source>
            <translation>giá trị</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>values</source>
            <translation>giá trị</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>work order</source>
            <translation>phiếu công việc</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>work_order</source>
            <translation>phiếu công việc</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/reasons.py" />
            <source>work_order_id</source>
            <translation>mã phiếu</translation>
        </message>
    </context>
    <context>
        <name>domain.validation</name>
        <message>
            <location filename="../../fieldkit/domain/validation.py" />
            <source>A work order needs a customer.</source>
            <translation>Phiếu công việc cần có khách hàng.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/validation.py" />
            <source>Manual reading: say why the meter could not be read through the optical port.</source>
            <translation>Ghi chỉ số bằng tay: hãy ghi lý do không đọc được qua cổng quang.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/validation.py" />
            <source>No register value was entered.</source>
            <translation>Chưa có chỉ số nào.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/validation.py" />
            <source>Register {obis} is not valid: it must be a number, not negative.</source>
            <translation>Chỉ số {obis} không hợp lệ: phải là số không âm.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/validation.py" />
            <source>The customer's name is missing.</source>
            <translation>Chưa nhập họ tên khách hàng.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/validation.py" />
            <source>The name is too long (120 characters at most).</source>
            <translation>Họ tên quá dài (tối đa 120 ký tự).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/validation.py" />
            <source>The number of households sharing the meter must be between 1 and 50.</source>
            <translation>Số hộ dùng chung công tơ phải từ 1 đến 50.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/validation.py" />
            <source>This commune/ward is not in the 2025 list of administrative units.</source>
            <translation>Không có xã/phường này trong danh mục hành chính 2025.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/domain/validation.py" />
            <source>This commune/ward is not in the chosen province.</source>
            <translation>Xã/phường này không thuộc tỉnh/thành phố đã chọn.</translation>
        </message>
    </context>
    <context>
        <name>forms.engine</name>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>Required: {label}.</source>
            <translation>Chưa nhập: {label}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>The form has a rule that could not be evaluated ({reason}); tell whoever maintains the form.</source>
            <translation>Biểu mẫu có điều kiện không tính được ({reason}); báo cho người quản lý biểu mẫu.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: a meter serial has 4–20 letters, digits or dashes.</source>
            <translation>{label}: số công tơ gồm 4–20 chữ cái, chữ số hoặc dấu gạch ngang.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: at most {maximum} photo(s).</source>
            <translation>{label}: nhiều nhất {maximum} ảnh.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: enter a number (for example 12 or 12.5).</source>
            <translation>{label}: hãy nhập một số (ví dụ 12 hoặc 12,5).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: enter a whole number.</source>
            <translation>{label}: hãy nhập số nguyên.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: latitude from -90 to 90, longitude from -180 to 180 (for example 20.5412, 106.0521).</source>
            <translation>{label}: vĩ độ từ -90 đến 90, kinh độ từ -180 đến 180 (ví dụ 20.5412, 106.0521).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: must be at least {minimum}.</source>
            <translation>{label}: không được nhỏ hơn {minimum}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: must be at most {maximum}.</source>
            <translation>{label}: không được lớn hơn {maximum}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: needs at least {minimum} photo(s).</source>
            <translation>{label}: cần ít nhất {minimum} ảnh.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: not a valid date.</source>
            <translation>{label}: ngày không hợp lệ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: pick one of the listed options.</source>
            <translation>{label}: hãy chọn một mục trong danh sách.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: the photos were not saved.</source>
            <translation>{label}: ảnh chưa được lưu.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: the position is not valid.</source>
            <translation>{label}: vị trí không hợp lệ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: the reading is not valid.</source>
            <translation>{label}: chỉ số không hợp lệ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: the signature was not saved.</source>
            <translation>{label}: chữ ký chưa được lưu.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: the value is not valid.</source>
            <translation>{label}: giá trị không hợp lệ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: the {reg} reading is missing.</source>
            <translation>{label}: chưa nhập chỉ số {reg}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/forms/engine.py" />
            <source>{label}: the {reg} reading must be a number of 0 or more.</source>
            <translation>{label}: chỉ số {reg} phải là số không âm.</translation>
        </message>
    </context>
    <context>
        <name>services.customer_view</name>
        <message>
            <location filename="../../fieldkit/services/customer_view.py" />
            <source>Customer not found.</source>
            <translation>Không tìm thấy khách hàng.</translation>
        </message>
    </context>
    <context>
        <name>services.customers</name>
        <message>
            <location filename="../../fieldkit/services/customers.py" />
            <source>Customer not found.</source>
            <translation>Không tìm thấy khách hàng.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/customers.py" />
            <source>This customer code is already on this device.</source>
            <translation>Mã khách hàng này đã có trong máy.</translation>
        </message>
    </context>
    <context>
        <name>services.documents</name>
        <message>
            <location filename="../../fieldkit/services/documents.py" />
            <source>Sign, or type the applicant's name.</source>
            <translation>Hãy ký hoặc gõ họ tên người đề nghị.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/documents.py" />
            <source>The applicant's name: at most {SIGNER_MAX} characters, no control characters.</source>
            <translation>Họ tên người đề nghị tối đa {SIGNER_MAX} ký tự, không có ký tự điều khiển.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/documents.py" />
            <source>The household sheet has not been made yet.</source>
            <translation>Chưa tạo phiếu thông tin khách hàng.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/documents.py" />
            <source>This household has no new-supply request.</source>
            <translation>Hộ này chưa có yêu cầu cấp điện mới.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/documents.py" />
            <source>This household has not signed the e-contract.</source>
            <translation>Hộ này chưa ký hợp đồng điện tử.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/documents.py" />
            <source>This record has no PDF document.</source>
            <translation>Bản ghi này không có tài liệu PDF.</translation>
        </message>
    </context>
    <context>
        <name>services.field_facts</name>
        <message>
            <location filename="../../fieldkit/services/field_facts.py" />
            <source>A manual reading needs a photo of the meter face.</source>
            <translation>Ghi chỉ số bằng tay cần có ảnh mặt công tơ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/field_facts.py" />
            <source>Meter not found.</source>
            <translation>Không tìm thấy công tơ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/field_facts.py" />
            <source>The reading to correct was not found.</source>
            <translation>Không tìm thấy lần đọc cần sửa.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/field_facts.py" />
            <source>The serial of the installed meter is missing.</source>
            <translation>Chưa nhập số công tơ treo mới.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/field_facts.py" />
            <source>Work order not found.</source>
            <translation>Không tìm thấy phiếu công việc.</translation>
        </message>
    </context>
    <context>
        <name>services.health</name>
        <message>
            <location filename="../../fieldkit/services/health.py" />
            <source>The database on this laptop is damaged. Work saved on the pages that are still good can be read. Sync now, then run `fieldkit doctor --user NAME --recover` to recover the data and re-create the profile from the server.</source>
            <translation>Cơ sở dữ liệu trên máy bị hỏng. Công việc đã lưu ở các trang còn tốt vẫn đọc được. Hãy đồng bộ ngay, rồi chạy `fieldkit doctor --user TÊN --recover` để cứu dữ liệu và tạo lại hồ sơ từ máy chủ.</translation>
        </message>
    </context>
    <context>
        <name>services.install_check</name>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>Phase L{index} has only {volts} V: check the wiring.</source>
            <translation>Pha {index} chỉ có {volts} V: kiểm tra đấu dây.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>The CT ratio set in the meter is {configured}, the form says {form}.</source>
            <translation>Tỷ số TI cài trong công tơ là {configured}, biên bản ghi {form}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>The VT ratio set in the meter is {configured}, the form says {form}.</source>
            <translation>Tỷ số TU cài trong công tơ là {configured}, biên bản ghi {form}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>The current on L{index} flows backwards: check the CT and the wiring.</source>
            <translation>Dòng điện pha {index} ngược chiều: kiểm tra TI và đấu dây.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>The installed meter read through the probe has serial {probe}, the form says {typed}.</source>
            <translation>Công tơ treo đọc qua đầu đọc có số {probe}, biên bản ghi {typed}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>The meter measures three phases but the form says single phase.</source>
            <translation>Công tơ đo ba pha nhưng biên bản ghi một pha.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>The meter reads serial {read}, the form says {serial}.</source>
            <translation>Số công tơ đọc được {read} khác số trên biên bản {serial}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>The meter's clock is {amount} fast.</source>
            <translation>Đồng hồ công tơ nhanh {amount}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>The meter's clock is {amount} slow.</source>
            <translation>Đồng hồ công tơ chậm {amount}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>The removed meter read through the probe has serial {probe}, the form says {typed}.</source>
            <translation>Công tơ tháo đọc qua đầu đọc có số {probe}, biên bản ghi {typed}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>The work order names the installed meter {expected}, the form says {shown}.</source>
            <translation>Phiếu công việc ghi công tơ treo số {expected}, biên bản ghi {shown}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>The work order names the removed meter {expected}, the form says {shown}.</source>
            <translation>Phiếu công việc ghi công tơ tháo số {expected}, biên bản ghi {shown}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>{n} min</source>
            <translation>{n} phút</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/install_check.py" />
            <source>{n} s</source>
            <translation>{n} s</translation>
        </message>
    </context>
    <context>
        <name>services.installs</name>
        <message>
            <location filename="../../fieldkit/services/installs.py" />
            <source>The photo / signature file is missing; please add it again.</source>
            <translation>Không tìm thấy tệp ảnh / chữ ký; hãy chọn lại.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/installs.py" />
            <source>This work order has no install record yet.</source>
            <translation>Phiếu này chưa có biên bản treo tháo.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/installs.py" />
            <source>This work order is not a meter install or replacement.</source>
            <translation>Phiếu này không phải phiếu treo / thay công tơ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/installs.py" />
            <source>This work order was already submitted or approved; a record cannot be added now.</source>
            <translation>Phiếu này đã nộp hoặc đã duyệt, không thể lập biên bản nữa.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/installs.py" />
            <source>Work order not found.</source>
            <translation>Không tìm thấy phiếu công việc.</translation>
        </message>
    </context>
    <context>
        <name>services.kept_documents</name>
        <message>
            <location filename="../../fieldkit/services/kept_documents.py" />
            <source>This copy is NOT encrypted: anyone who has the file can read the customer's name, code, phone, address and signature. Save it only somewhere safe (not a USB stick or a shared folder) and delete it when done.</source>
            <translation>Bản sao này KHÔNG được mã hoá: ai có tệp này đều đọc được tên, mã khách hàng, số điện thoại, địa chỉ và chữ ký. Chỉ lưu vào nơi an toàn (không lưu vào USB hay thư mục dùng chung) và xoá khi không cần nữa.</translation>
        </message>
    </context>
    <context>
        <name>services.manual_readings</name>
        <message>
            <location filename="../../fieldkit/services/manual_readings.py" />
            <source>Add a photo of the meter face (the index readable).</source>
            <translation>Chụp ảnh mặt công tơ (thấy rõ chỉ số).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/manual_readings.py" />
            <source>Say why the meter could not be read through the optical port.</source>
            <translation>Ghi lý do không đọc được qua cổng quang.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/manual_readings.py" />
            <source>Type the total index (KT) as the meter display shows it.</source>
            <translation>Nhập chỉ số tổng (KT) như trên mặt công tơ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/manual_readings.py" />
            <source>{finding} Write why you save it anyway (what you saw on site).</source>
            <translation>{finding} Ghi lý do vẫn lưu chỉ số này (điều thấy tại chỗ).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/manual_readings.py" />
            <source>{name}: “{raw}” is not a number (for example 12345.6).</source>
            <translation>{name}: “{raw}” không phải là một số (ví dụ 12345,6).</translation>
        </message>
    </context>
    <context>
        <name>services.meter_clock</name>
        <message>
            <location filename="../../fieldkit/services/meter_clock.py" />
            <source>No write password for this meter model: the clock cannot be set.</source>
            <translation>Chưa có mật khẩu ghi cho loại công tơ này: không chỉnh được đồng hồ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/meter_clock.py" />
            <source>The clock setting was not confirmed (read back: {after}). Try again or tell your team leader.</source>
            <translation>Chỉnh đồng hồ công tơ không được xác nhận (đọc lại: {after}). Thử lại hoặc báo đội trưởng.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/meter_clock.py" />
            <source>The meter's clock was set; read back: {after} (the laptop's time was not checked by the server yet).</source>
            <translation>Đã chỉnh đồng hồ công tơ; đọc lại: {after} (giờ máy tính chưa được máy chủ kiểm tra).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/meter_clock.py" />
            <source>The meter's clock was set; read back: {after}.</source>
            <translation>Đã chỉnh đồng hồ công tơ; đọc lại: {after}.</translation>
        </message>
    </context>
    <context>
        <name>services.meter_model_settings</name>
        <message>
            <location filename="../../fieldkit/services/meter_model_settings.py" />
            <source>Only a supervisor can change the meter model settings (they hold the meters' passwords).</source>
            <translation>Chỉ tổ trưởng (giám sát) mới được đổi bảng cài đặt loại công tơ (chứa mật khẩu công tơ).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/meter_model_settings.py" />
            <source>This meter model settings file cannot be used: {exc}</source>
            <translation>Không dùng được tệp cài đặt loại công tơ này: {exc}</translation>
        </message>
    </context>
    <context>
        <name>services.meters</name>
        <message>
            <location filename="../../fieldkit/services/meters.py" />
            <source>A meter has 1 or 3 phases.</source>
            <translation>Công tơ 1 pha hoặc 3 pha.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/meters.py" />
            <source>The meter serial is missing.</source>
            <translation>Chưa nhập số công tơ.</translation>
        </message>
    </context>
    <context>
        <name>services.onboarding</name>
        <message>
            <location filename="../../fieldkit/services/onboarding.py" />
            <source>Choose the commune/ward.</source>
            <translation>Hãy chọn xã/phường.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/onboarding.py" />
            <source>Customer not found.</source>
            <translation>Không tìm thấy khách hàng.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/onboarding.py" />
            <source>Make the household sheet first.</source>
            <translation>Hãy tạo phiếu thông tin khách hàng trước.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/onboarding.py" />
            <source>This commune/ward is not in the 2025 list of administrative units.</source>
            <translation>Không có xã/phường này trong danh mục hành chính 2025.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/onboarding.py" />
            <source>This customer code is already on this device: find the customer by the code.</source>
            <translation>Mã khách hàng này đã có trong máy: hãy tìm khách hàng theo mã.</translation>
        </message>
    </context>
    <context>
        <name>services.order_history</name>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Approved</source>
            <translation>Được duyệt</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Assigned to the technician</source>
            <translation>Giao cho kỹ thuật viên</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Install record made</source>
            <translation>Lập biên bản treo tháo công tơ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Meter reading recorded</source>
            <translation>Ghi chỉ số công tơ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Onboarding step recorded</source>
            <translation>Ghi một bước hướng dẫn khách hàng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Other change</source>
            <translation>Thay đổi khác</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Reassigned to another technician</source>
            <translation>Giao lại cho kỹ thuật viên khác</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Returned for correction</source>
            <translation>Trả lại để sửa</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Submitted for review</source>
            <translation>Nộp để duyệt</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Work order created</source>
            <translation>Tạo phiếu</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Work order imported on the server</source>
            <translation>Phiếu được nhập trên máy chủ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>Work started</source>
            <translation>Bắt đầu làm</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>{event} (refused by the server)</source>
            <translation>{event} (máy chủ từ chối)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/order_history.py" />
            <source>{event} (the server flagged a conflict)</source>
            <translation>{event} (máy chủ ghi nhận xung đột)</translation>
        </message>
    </context>
    <context>
        <name>services.printing</name>
        <message>
            <location filename="../../fieldkit/services/printing.py" />
            <source>Could not send the document to the printer: {exc}</source>
            <translation>Không gửi được tài liệu tới máy in.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/printing.py" />
            <source>No print service (CUPS) on this computer. Open the document and print it from the viewer.</source>
            <translation>Máy này chưa cài dịch vụ in (CUPS). Hãy mở tài liệu và in từ trình xem PDF.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/printing.py" />
            <source>The file to print is missing.</source>
            <translation>Không tìm thấy tệp để in.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/printing.py" />
            <source>The printer refused the document: {reason}</source>
            <translation>Máy in từ chối tài liệu: {reason}</translation>
        </message>
    </context>
    <context>
        <name>services.quality_settings</name>
        <message>
            <location filename="../../fieldkit/services/quality_settings.py" />
            <source>Only a supervisor can change the reading checks' limits.</source>
            <translation>Chỉ tổ trưởng (giám sát) mới được đổi ngưỡng kiểm tra chỉ số.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/quality_settings.py" />
            <source>The utility's server sets this limit; it cannot be changed on this laptop.</source>
            <translation>Ngưỡng này do máy chủ của điện lực đặt; không đổi được trên máy này.</translation>
        </message>
    </context>
    <context>
        <name>services.readings</name>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Active energy export</source>
            <translation>Điện năng tác dụng nhận</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Active energy import, total (KT)</source>
            <translation>Tổng điện năng tác dụng giao (KT)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Another reason</source>
            <translation>Lý do khác</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Consumption is negative: no bill estimate.</source>
            <translation>Điện năng tiêu thụ âm: không ước tính tiền điện.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Maximum demand</source>
            <translation>Công suất cực đại</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Maximum demand, normal hours</source>
            <translation>Công suất cực đại BT</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Maximum demand, off-peak hours</source>
            <translation>Công suất cực đại TD</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Maximum demand, peak hours</source>
            <translation>Công suất cực đại CD</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Meter not found.</source>
            <translation>Không tìm thấy công tơ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>No bill estimate for this period (no prices are known for those days).</source>
            <translation>Không ước tính được tiền điện cho kỳ này (chưa có giá điện cho các ngày đó).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>No previous reading yet, so there is no bill estimate.</source>
            <translation>Chưa có lần đọc trước nên chưa ước tính được tiền điện.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>No probe with me, or the probe is broken</source>
            <translation>Không mang theo đầu đọc hoặc đầu đọc hỏng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Normal hours (BT)</source>
            <translation>Giờ bình thường (BT)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Off-peak hours (TD)</source>
            <translation>Giờ thấp điểm (TD)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Peak hours (CD)</source>
            <translation>Giờ cao điểm (CD)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Reactive energy export</source>
            <translation>Điện năng phản kháng nhận</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Reactive energy import (VC)</source>
            <translation>Điện năng phản kháng giao (VC)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>The meter has no optical port (mechanical)</source>
            <translation>Công tơ không có cổng quang (công tơ cơ)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>The meter logged {count} tamper events: {names}. Check the seals.</source>
            <translation>Công tơ ghi nhận {count} sự kiện can thiệp: {names}. Kiểm tra niêm phong.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>The meter sent no energy register. Read again or type the reading.</source>
            <translation>Công tơ không gửi chỉ số điện năng nào. Đọc lại hoặc ghi bằng tay.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>The optical port is covered, dirty or damaged</source>
            <translation>Cổng quang bị che, bẩn hoặc hỏng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>The probe could not read the meter</source>
            <translation>Đầu đọc không đọc được công tơ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>The raw capture of the reading is missing.</source>
            <translation>Thiếu dữ liệu thô của lần đọc.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>This work order names no meter. Choose the meter from the meter list.</source>
            <translation>Phiếu này chưa ghi công tơ nào. Chọn công tơ trong danh sách công tơ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Type a number above 1 (for example 3).</source>
            <translation>Nhập một số lớn hơn 1 (ví dụ 3).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Type a number of minutes from 0 to 1440.</source>
            <translation>Nhập số phút từ 0 đến 1440.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>Work order not found.</source>
            <translation>Không tìm thấy phiếu công việc.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>{event} on {day} at {hour}; consumption fell by {pct} % from that day.</source>
            <translation>{event} lúc {hour} ngày {day}; điện năng tiêu thụ giảm {pct} % từ ngày đó.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>{event} on {day} at {hour}; consumption rose by {pct} % from that day.</source>
            <translation>{event} lúc {hour} ngày {day}; điện năng tiêu thụ tăng {pct} % từ ngày đó.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/readings.py" />
            <source>{finding} Write why you save it anyway (what you saw on site).</source>
            <translation>{finding} Ghi lý do vẫn lưu chỉ số này (điều thấy tại chỗ).</translation>
        </message>
    </context>
    <context>
        <name>services.reports</name>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>(no commune)</source>
            <translation>(chưa rõ xã)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Abnormal readings</source>
            <translation>Chỉ số bất thường</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>App user share (%)</source>
            <translation>Tỷ lệ dùng ứng dụng (%)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>App users</source>
            <translation>Dùng ứng dụng CSKH</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Automatic debit</source>
            <translation>Trích nợ tự động</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Automatic debit (%)</source>
            <translation>Trích nợ tự động (%)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Bank-transfer QR</source>
            <translation>Chuyển khoản QR</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Bank-transfer QR (%)</source>
            <translation>Chuyển khoản QR (%)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Cash</source>
            <translation>Tiền mặt</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Cashless payers</source>
            <translation>Không dùng tiền mặt</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Cashless share (%)</source>
            <translation>Tỷ lệ không dùng tiền mặt (%)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Commune</source>
            <translation>Xã/phường</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Customers</source>
            <translation>Số khách hàng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>E-contract share (%)</source>
            <translation>Tỷ lệ hợp đồng điện tử (%)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>E-contracts</source>
            <translation>Hợp đồng điện tử</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>E-wallet</source>
            <translation>Ví điện tử</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>E-wallet (%)</source>
            <translation>Ví điện tử (%)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Installs done</source>
            <translation>Số công tơ đã treo</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Mobile banking</source>
            <translation>Mobile banking</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Mobile banking (%)</source>
            <translation>Mobile banking (%)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Open overdue work orders</source>
            <translation>Phiếu quá hạn chưa xong</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Readings</source>
            <translation>Lần đọc chỉ số</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Total</source>
            <translation>Tổng cộng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Work orders done late</source>
            <translation>Phiếu xong trễ hạn</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/reports.py" />
            <source>Work orders done on time</source>
            <translation>Phiếu xong đúng hạn</translation>
        </message>
    </context>
    <context>
        <name>services.review</name>
        <message>
            <location filename="../../fieldkit/services/review.py" />
            <source>Work order not found.</source>
            <translation>Không tìm thấy phiếu công việc.</translation>
        </message>
    </context>
    <context>
        <name>services.review_conflicts</name>
        <message>
            <location filename="../../fieldkit/services/review_conflicts.py" />
            <source>This conflict is not on this laptop.</source>
            <translation>Không tìm thấy xung đột này trên máy.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_conflicts.py" />
            <source>This conflict is resolved already.</source>
            <translation>Xung đột này đã được xử lý.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_conflicts.py" />
            <source>Work order not found.</source>
            <translation>Không tìm thấy phiếu công việc.</translation>
        </message>
    </context>
    <context>
        <name>services.review_evidence</name>
        <message>
            <location filename="../../fieldkit/services/review_evidence.py" />
            <source>DLMS: not re-parsable ({code})</source>
            <translation>DLMS: không đọc lại được ({code})</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_evidence.py" />
            <source>DLMS reading · serial {serial} · meter clock {clock}</source>
            <translation>Lần đọc DLMS · số công tơ {serial} · đồng hồ công tơ {clock}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_evidence.py" />
            <source>event log: {events} events, {tamper} tamper (!)</source>
            <translation>nhật ký sự kiện: {events} sự kiện, {tamper} dấu hiệu can thiệp (!)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_evidence.py" />
            <source>load profile: {intervals} intervals of {minutes} min, {first} .. {last}, {total} {unit} in total</source>
            <translation>biểu đồ phụ tải: {intervals} khoảng {minutes} phút, {first} .. {last}, tổng {total} {unit}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_evidence.py" />
            <source>This attachment is not on this laptop (not downloaded yet, or damaged).</source>
            <translation>Tệp đính kèm này chưa có trên máy (chưa tải về hoặc bị hỏng).</translation>
        </message>
    </context>
    <context>
        <name>services.review_records</name>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>A pole is needed</source>
            <translation>Cần trồng cột</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Amount in the QR code</source>
            <translation>Số tiền trên mã QR</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Applicant's signature</source>
            <translation>Chữ ký của người đề nghị</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Authorisation of the households sharing the meter</source>
            <translation>Giấy uỷ quyền của các hộ dùng chung</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Automatic debit</source>
            <translation>Trích nợ tự động</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Bank / wallet</source>
            <translation>Ngân hàng / ví</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Bank code (BIN)</source>
            <translation>Mã ngân hàng (BIN)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Bank-transfer QR</source>
            <translation>Chuyển khoản qua mã QR</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Bill shown</source>
            <translation>Đã cho xem hoá đơn</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Billing period</source>
            <translation>Kỳ hoá đơn</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Cash</source>
            <translation>Tiền mặt</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Confirmed</source>
            <translation>Đã xác nhận</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Current bill</source>
            <translation>Hoá đơn hiện tại</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Customer code</source>
            <translation>Mã khách hàng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Customer created on this laptop</source>
            <translation>Khách hàng tạo mới trên máy</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Customer's signature</source>
            <translation>Chữ ký của khách hàng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Customer-care app installed</source>
            <translation>Cài ứng dụng chăm sóc khách hàng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Documents handed in</source>
            <translation>Giấy tờ đã nộp</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>E-wallet</source>
            <translation>Ví điện tử</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Electronic purchase contract</source>
            <translation>Hợp đồng mua bán điện điện tử</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Energy (kWh)</source>
            <translation>Điện năng (kWh)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>English</source>
            <translation>Tiếng Anh</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Estimated bill</source>
            <translation>Tiền điện ước tính</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>GPS receiver</source>
            <translation>Máy thu GPS</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Household</source>
            <translation>Hộ khách hàng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Household sheet</source>
            <translation>Phiếu thông tin khách hàng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Households sharing the meter</source>
            <translation>Số hộ dùng chung công tơ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>How it was read</source>
            <translation>Cách đọc</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>How the bill is paid</source>
            <translation>Cách thanh toán tiền điện</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Installed meter serial</source>
            <translation>Số công tơ treo</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Language</source>
            <translation>Ngôn ngữ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Meter install / removal record</source>
            <translation>Biên bản treo tháo công tơ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Meter reading</source>
            <translation>Chỉ số công tơ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Mobile banking</source>
            <translation>Ứng dụng ngân hàng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>New supply request</source>
            <translation>Đề nghị cấp điện mới</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>No</source>
            <translation>Không</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Not yet supplied (new supply)</source>
            <translation>Chưa có điện (cấp mới)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>OTP confirmation</source>
            <translation>Xác nhận OTP</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Other details</source>
            <translation>Thông tin khác</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Payment method</source>
            <translation>Cách thanh toán</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Pending</source>
            <translation>Đang chờ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Period of the utility's bill</source>
            <translation>Kỳ hoá đơn Điện lực phát hành</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Phone</source>
            <translation>Số điện thoại</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Phone registered</source>
            <translation>Số điện thoại đăng ký</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Photo</source>
            <translation>Ảnh</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Photo of the meter</source>
            <translation>Ảnh mặt công tơ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Printed and handed over</source>
            <translation>Đã in và giao cho hộ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Proof of the right to use the address</source>
            <translation>Giấy tờ quyền sử dụng địa chỉ</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Read through the optical probe</source>
            <translation>Đọc qua đầu đọc quang</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Registered</source>
            <translation>Đã đăng ký</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Registered in the app</source>
            <translation>Đăng ký trên ứng dụng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Registers</source>
            <translation>Chỉ số</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Removed meter serial</source>
            <translation>Số công tơ tháo</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Request signed by</source>
            <translation>Người ký giấy đề nghị</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Requester's citizen ID</source>
            <translation>Căn cước công dân của người đề nghị</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Showed how to install the app</source>
            <translation>Đã hướng dẫn cài ứng dụng</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Signature</source>
            <translation>Chữ ký</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Signed</source>
            <translation>Đã ký</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Signed by</source>
            <translation>Người ký</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Signed by hand on screen</source>
            <translation>Ký tay trên màn hình</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Supply address</source>
            <translation>Địa chỉ cấp điện</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Time limit (working days)</source>
            <translation>Thời hạn giải quyết (ngày làm việc)</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Typed by hand</source>
            <translation>Nhập tay</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Vietnamese</source>
            <translation>Tiếng Việt</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Why it was typed</source>
            <translation>Lý do nhập tay</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/review_records.py" />
            <source>Yes</source>
            <translation>Có</translation>
        </message>
    </context>
    <context>
        <name>services.session</name>
        <message>
            <location filename="../../fieldkit/services/session.py" />
            <source>That user name is already taken.</source>
            <translation>Tên đăng nhập này đã có.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/session.py" />
            <source>The user name is missing.</source>
            <translation>Chưa nhập tên đăng nhập.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/session.py" />
            <source>There is no user '{username}'.</source>
            <translation>Không có người dùng '{username}'.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/session.py" />
            <source>Your role is not allowed to do this.</source>
            <translation>Vai trò của bạn không được làm việc này.</translation>
        </message>
    </context>
    <context>
        <name>services.supply_request</name>
        <message>
            <location filename="../../fieldkit/services/supply_request.py" />
            <source>The applicant's name: at most {SIGNER_MAX} characters, no control characters.</source>
            <translation>Họ tên người đề nghị tối đa {SIGNER_MAX} ký tự, không có ký tự điều khiển.</translation>
        </message>
    </context>
    <context>
        <name>services.ui_queries</name>
        <message>
            <location filename="../../fieldkit/services/ui_queries.py" />
            <source>Choose a role.</source>
            <translation>Hãy chọn vai trò.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/ui_queries.py" />
            <source>Enter the full name (at least 2 characters).</source>
            <translation>Hãy nhập họ và tên (ít nhất 2 ký tự).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/ui_queries.py" />
            <source>The two PINs do not match.</source>
            <translation>Hai lần nhập mã PIN không giống nhau.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/ui_queries.py" />
            <source>This profile already has users; sign in instead.</source>
            <translation>Hồ sơ này đã có người dùng; hãy đăng nhập.</translation>
        </message>
    </context>
    <context>
        <name>services.unlock</name>
        <message>
            <location filename="../../fieldkit/services/unlock.py" />
            <source>Run `fieldkit doctor --user NAME` to check it and recover what can be read, push it, then re-create the profile from the server.</source>
            <translation>Chạy `fieldkit doctor --user TÊN` để kiểm tra và cứu dữ liệu, gửi lên máy chủ những gì còn đọc được, rồi tạo lại hồ sơ từ máy chủ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/unlock.py" />
            <source>The database file {value} is missing. Restore it from a backup or re-create the profile from the server.</source>
            <translation>Thiếu tệp cơ sở dữ liệu {value}. Tạo lại hồ sơ từ máy chủ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/unlock.py" />
            <source>The database {value} is damaged. {way_out}</source>
            <translation>Cơ sở dữ liệu {value} bị hỏng. {way_out}</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/unlock.py" />
            <source>The keyring {value} has no users: restore it from a backup or re-create the profile from the server.</source>
            <translation>Tệp keyring.json không có người dùng nào.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/unlock.py" />
            <source>The keyring {value} is damaged ({name}: {detail}). Restore it from a backup or re-create the profile from the server.</source>
            <translation>Tệp khoá {value} bị hỏng. Khôi phục từ bản sao lưu hoặc tạo lại hồ sơ từ máy chủ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/unlock.py" />
            <source>The profile folder {folder} does not exist. Check the path.</source>
            <translation>Thư mục hồ sơ {folder} không tồn tại. Kiểm tra lại đường dẫn.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/unlock.py" />
            <source>There is no profile in {folder} (no {KEYRING_FILE}). Check the path, or create one by starting FieldKit.</source>
            <translation>Chưa có hồ sơ nào trong {folder}.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/unlock.py" />
            <source>There is no user '{username}' in this profile (users: {names}).</source>
            <translation>Hồ sơ này không có người dùng '{username}' (có: {names}).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/services/unlock.py" />
            <source>{folder} is not a folder; give the profile folder.</source>
            <translation>{folder} không phải là thư mục hồ sơ.</translation>
        </message>
    </context>
    <context>
        <name>services.work_orders</name>
        <message>
            <location filename="../../fieldkit/services/work_orders.py" />
            <source>Work order not found.</source>
            <translation>Không tìm thấy phiếu công việc.</translation>
        </message>
    </context>
    <context>
        <name>store.database</name>
        <message>
            <location filename="../../fieldkit/store/database.py" />
            <source>The database cannot be opened: wrong key or a damaged file.</source>
            <translation>Không mở được cơ sở dữ liệu: sai khóa hoặc tệp hỏng.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/database.py" />
            <source>This database comes from a newer FieldKit (schema {current} &gt; {latest}); update FieldKit.</source>
            <translation>Cơ sở dữ liệu thuộc phiên bản mới hơn ({current} &gt; {latest}); hãy cập nhật FieldKit.</translation>
        </message>
    </context>
    <context>
        <name>store.disk</name>
        <message>
            <location filename="../../fieldkit/store/disk.py" />
            <source>A file could not be read or written. Try again; if it happens again, restart the computer and tell the support team.</source>
            <translation>Không đọc/ghi được tệp. Hãy thử lại; nếu vẫn lỗi, khởi động lại máy rồi báo cho bộ phận kỹ thuật.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/disk.py" />
            <source>A file or folder is missing. Check the path.</source>
            <translation>Không tìm thấy tệp hoặc thư mục. Kiểm tra lại đường dẫn.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/disk.py" />
            <source>No permission to read or write the profile folder. Sign in to the computer as the account that uses FieldKit, or ask the administrator to grant access.</source>
            <translation>Không có quyền đọc/ghi thư mục hồ sơ. Hãy đăng nhập Windows bằng đúng tài khoản đã dùng FieldKit, hoặc nhờ quản trị cấp quyền.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/disk.py" />
            <source>The data file is damaged. Run `fieldkit doctor` to check it, push what can still be read, then re-create the profile from the server.</source>
            <translation>Tệp dữ liệu bị hỏng. Chạy `fieldkit doctor` để kiểm tra, gửi lên máy chủ những gì còn đọc được, rồi tạo lại hồ sơ từ máy chủ.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/disk.py" />
            <source>The disk is almost full: only {mb} MB free, less than a day's photos need. Delete files you do not need or sync soon.</source>
            <translation>Ổ đĩa sắp đầy: chỉ còn {mb} MB, không đủ cho ảnh của một ngày làm việc. Hãy xoá bớt tệp không cần hoặc đồng bộ sớm.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/disk.py" />
            <source>The disk is full. Delete files you do not need (photos, videos, downloads) or sync, then try again; nothing already saved is lost.</source>
            <translation>Ổ đĩa đã đầy. Hãy xoá bớt tệp không cần (ảnh, video, tệp tải về) hoặc đồng bộ rồi thử lại; dữ liệu đã lưu không bị mất.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/disk.py" />
            <source>The disk or the profile folder is read-only: nothing can be written. Copy the profile to a writable disk or turn off the device's write protection.</source>
            <translation>Ổ đĩa hoặc thư mục hồ sơ chỉ cho phép đọc, không ghi được. Hãy chép hồ sơ sang ổ đĩa ghi được hoặc mở khoá ghi của thiết bị.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/disk.py" />
            <source>The disk reported a read/write error (it may be failing). Do not switch off; sync now and tell the support team.</source>
            <translation>Ổ đĩa báo lỗi đọc/ghi (có thể hỏng). Đừng tắt máy; hãy đồng bộ ngay và báo cho bộ phận kỹ thuật.</translation>
        </message>
    </context>
    <context>
        <name>store.keyring</name>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>The account is now locked: ask a supervisor or the centre to unlock it.</source>
            <translation>Tài khoản đã bị khoá: nhờ tổ trưởng hoặc trung tâm mở khoá.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>The last user cannot be removed: nobody could open the data any more.</source>
            <translation>Không thể xóa người dùng cuối cùng: dữ liệu sẽ không mở được nữa.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>The operating system's credential store does not answer ({detail}); this profile needs it. Sign in to the computer again and retry.</source>
            <translation>Kho khoá của hệ điều hành không trả lời ({detail}); hồ sơ này cần nó để mở. Đăng nhập lại vào máy tính rồi thử lại.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>The wrong-PIN counter was changed outside FieldKit</source>
            <translation>Bộ đếm lần nhập sai đã bị sửa ngoài FieldKit</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>This profile's device secret is not in {where}: the profile was copied from another computer or the store was reset. A PIN alone cannot open it; the centre can, with the recovery key (`fieldkit recover`).</source>
            <translation>Không tìm thấy khoá thiết bị của hồ sơ này trong {where}: hồ sơ được chép từ máy khác, hoặc kho khoá đã bị xoá. Mã PIN không đủ để mở; trung tâm mở được bằng khoá khôi phục (`fieldkit recover`).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>Too many wrong PINs</source>
            <translation>Đã nhập sai mã PIN quá nhiều lần</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>Try again.</source>
            <translation>Hãy thử lại.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>Wait {wait} before the next try.</source>
            <translation>Hãy chờ {wait} rồi thử lại.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>Wrong PIN or password.</source>
            <translation>Sai mã PIN hoặc mật khẩu.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>the operating system's credential store</source>
            <translation>kho khoá của hệ điều hành</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>this computer's device-secret folder</source>
            <translation>thư mục khoá của máy</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>{failures} wrong PINs in a row. Wait {wait} more before the next try.</source>
            <translation>Đã nhập sai mã PIN {failures} lần. Hãy chờ {wait} nữa rồi thử lại.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>{left} tries left before the account is locked.</source>
            <translation>Còn {left} lần thử trước khi tài khoản bị khoá.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>{value} was changed outside FieldKit and is not trusted. Put the original back, or ask the centre to open the profile with the recovery key (`fieldkit recover`).</source>
            <translation>Tệp {value} đã bị sửa ngoài FieldKit nên không được dùng. Khôi phục bản gốc, hoặc nhờ trung tâm mở hồ sơ bằng khoá khôi phục (`fieldkit recover`).</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/keyring.py" />
            <source>{why}: the account is locked. Ask a supervisor to unlock it (`fieldkit user unlock`) or the centre to use the recovery key (`fieldkit recover`).</source>
            <translation>{why}: tài khoản bị khoá. Nhờ tổ trưởng mở khoá (`fieldkit user unlock`) hoặc trung tâm dùng khoá khôi phục (`fieldkit recover`).</translation>
        </message>
    </context>
    <context>
        <name>store.pin_policy</name>
        <message>
            <location filename="../../fieldkit/store/pin_policy.py" />
            <source>That PIN is too easy to guess (a run, a repeat or one of the commonest). Choose another.</source>
            <translation>Mã PIN này quá dễ đoán (dãy số liên tiếp, lặp lại hoặc rất phổ biến). Hãy chọn mã khác.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/pin_policy.py" />
            <source>That PIN is too easy to guess.</source>
            <translation>Mã PIN quá dễ đoán.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/pin_policy.py" />
            <source>The PIN or password needs at least {MIN_LENGTH} characters.</source>
            <translation>Mã PIN hoặc mật khẩu phải có ít nhất {MIN_LENGTH} ký tự.</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/pin_policy.py" />
            <source>{m} min</source>
            <translation>{m} phút</translation>
        </message>
        <message>
            <location filename="../../fieldkit/store/pin_policy.py" />
            <source>{s} s</source>
            <translation>{s} giây</translation>
        </message>
    </context>
    <context>
        <name>ui.onboarding.app_payment</name>
        <message>
            <location filename="../../fieldkit/ui/onboarding/app_payment.py" />
            <source>Choose «Registered» or «Not yet».</source>
            <translation>Hãy chọn «Đã đăng ký» hoặc «Chưa».</translation>
        </message>
        <message>
            <location filename="../../fieldkit/ui/onboarding/app_payment.py" />
            <source>The bill is still being worked out; wait a moment.</source>
            <translation>Đang tính hoá đơn, hãy chờ một chút.</translation>
        </message>
    </context>
    <context>
        <name>ui.onboarding.contract_sheet</name>
        <message>
            <location filename="../../fieldkit/ui/onboarding/contract_sheet.py" />
            <source>Press «Make the household sheet» before finishing.</source>
            <translation>Hãy bấm «Tạo phiếu» trước khi kết thúc.</translation>
        </message>
    </context>
    <context>
        <name>ui.onboarding.household</name>
        <message>
            <location filename="../../fieldkit/ui/onboarding/household.py" />
            <source>Pick a household in the list, or press «New household».</source>
            <translation>Hãy chọn một hộ trong danh sách, hoặc bấm «Hộ mới».</translation>
        </message>
    </context>
</TS>
