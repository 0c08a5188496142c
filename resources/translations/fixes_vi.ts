<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
  <context>
    <name>services.readings</name>
    <message>
      <location filename="../../fieldkit/services/readings.py" line="1" />
      <source>The meter's clock was changed around the event “{event}” ({day} at {hour}): consumption before and after it cannot be compared.</source>
      <translation>Đồng hồ công tơ đã bị chỉnh quanh sự kiện “{event}” ({hour} ngày {day}): không so sánh được điện năng tiêu thụ trước và sau sự kiện.</translation>
    </message>
  </context>
  <context>
    <name>ui.cli</name>
    <message>
      <location filename="../../fieldkit/ui/cli.py" line="1" />
      <source>Error: the profile folder {path} does not exist; check the path (to start a new profile there, create the empty folder first).</source>
      <translation>Lỗi: thư mục hồ sơ {path} không tồn tại; hãy kiểm tra lại đường dẫn (muốn tạo hồ sơ mới ở đó thì tạo thư mục trống trước).</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/cli.py" line="1" />
      <source>Error: {path} is not a folder; give the profile folder.</source>
      <translation>Lỗi: {path} không phải là thư mục; hãy chỉ ra thư mục hồ sơ.</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/cli.py" line="1" />
      <source>Error: {problem}</source>
      <translation>Lỗi: {problem}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/cli.py" line="1" />
      <source>FieldKit needs a screen: DISPLAY or WAYLAND_DISPLAY is not set. Start it from the desktop, or without a screen with QT_QPA_PLATFORM=offscreen (`fieldkit doctor` checks this).</source>
      <translation>FieldKit cần màn hình: chưa đặt DISPLAY hoặc WAYLAND_DISPLAY. Hãy mở từ màn hình nền (desktop), hoặc chạy không màn hình với QT_QPA_PLATFORM=offscreen (lệnh `fieldkit doctor` kiểm tra việc này).</translation>
    </message>
    <message>
      <location filename="../../fieldkit/ui/cli.py" line="1" />
      <source>Cannot open the profile: {problem}</source>
      <translation>Không mở được hồ sơ: {problem}</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <location filename="../../fieldkit/cli.py" line="1" />
      <source>Stopped (Ctrl+C).</source>
      <translation>Đã dừng (Ctrl+C).</translation>
    </message>
    <message>
      <location filename="../../fieldkit/cli.py" line="1" />
      <source>Unexpected error ({error}); run `fieldkit doctor` and report this with the output of FIELDKIT_DEBUG=1.</source>
      <translation>Lỗi ngoài dự kiến ({error}); hãy chạy `fieldkit doctor` rồi báo lỗi này kèm kết quả khi chạy với FIELDKIT_DEBUG=1.</translation>
    </message>
  </context>
  <context>
    <name>services.review_evidence</name>
    <message>
      <location filename="../../fieldkit/services/review_evidence.py" line="1" />
      <source>(not a FieldKit capture; raw bytes)</source>
      <translation>(không phải bản ghi của FieldKit; dữ liệu thô)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/review_evidence.py" line="1" />
      <source>port {port} · started {started}</source>
      <translation>cổng {port} · bắt đầu lúc {started}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/review_evidence.py" line="1" />
      <source>speed -&gt; {baud} baud</source>
      <translation>tốc độ -&gt; {baud} baud</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/review_evidence.py" line="1" />
      <source>laptop -&gt; meter (tx)</source>
      <translation>máy tính -&gt; công tơ (tx)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/review_evidence.py" line="1" />
      <source>meter -&gt; laptop (rx)</source>
      <translation>công tơ -&gt; máy tính (rx)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/review_evidence.py" line="1" />
      <source>{count} bytes at {baud} baud</source>
      <translation>{count} byte, tốc độ {baud} baud</translation>
    </message>
  </context>
  <context>
    <name>doctor</name>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>ok</source>
      <translation>ổn</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>warn</source>
      <translation>lưu ý</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>FAIL</source>
      <translation>LỖI</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>serial</source>
      <translation>cổng nối tiếp</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>profile</source>
      <translation>hồ sơ</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>database</source>
      <translation>cơ sở dữ liệu</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>keyring</source>
      <translation>tệp khoá</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>keys</source>
      <translation>khoá</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>encryption</source>
      <translation>mã hoá</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>recovery</source>
      <translation>khôi phục</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>disk</source>
      <translation>ổ đĩa</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>server</source>
      <translation>máy chủ</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>doctor</source>
      <translation>kiểm tra</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>install Qt's system libraries (Debian: apt-get install libegl1 libxkbcommon-x11-0 libxcb-cursor0 libfontconfig1), or run without a screen with QT_QPA_PLATFORM=offscreen</source>
      <translation>cài các thư viện hệ thống của Qt (Debian: apt-get install libegl1 libxkbcommon-x11-0 libxcb-cursor0 libfontconfig1), hoặc chạy không màn hình với QT_QPA_PLATFORM=offscreen</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>Qt {version}, platform '{name}'</source>
      <translation>Qt {version}, nền tảng '{name}'</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>{count} port(s): {names}; probe(s): {probes}</source>
      <translation>{count} cổng: {names}; đầu đọc quang: {probes}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>{count} port(s): {names}</source>
      <translation>{count} cổng: {names}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>integrity {sqlite}, schema {schema}, {waiting} item(s) waiting to sync; {checked} pages checked in {seconds} s, {bad} damaged{pages}</source>
      <translation>toàn vẹn {sqlite}, lược đồ {schema}, {waiting} mục chờ đồng bộ; đã kiểm tra {checked} trang trong {seconds} s, {bad} trang hỏng{pages}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>{size} GB free</source>
      <translation>còn trống {size} GB</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>{url} reachable (HTTP {status})</source>
      <translation>kết nối được {url} (HTTP {status})</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>FieldKit needs Python 3.11 or newer</source>
      <translation>FieldKit cần Python 3.11 trở lên</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>no serial ports seen</source>
      <translation>không thấy cổng nối tiếp nào</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>plug in the optical probe; on Linux add the user to the 'dialout' group</source>
      <translation>cắm đầu đọc quang vào máy; trên Linux thêm người dùng vào nhóm 'dialout'</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>{count} user(s)</source>
      <translation>{count} người dùng</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>delete files you do not need or sync soon</source>
      <translation>xoá các tệp không cần hoặc đồng bộ sớm</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>no central server configured (offline use)</source>
      <translation>chưa cài đặt máy chủ trung tâm (dùng ngoại tuyến)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>{url} answered {status}</source>
      <translation>{url} trả lời {status}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>the server has a problem; try later</source>
      <translation>máy chủ đang có sự cố; hãy thử lại sau</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>Qt did not start within 60 s</source>
      <translation>Qt không khởi động được trong 60 s</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>check the display (DISPLAY / WAYLAND_DISPLAY)</source>
      <translation>kiểm tra màn hình (DISPLAY / WAYLAND_DISPLAY)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>pyserial is not installed</source>
      <translation>chưa cài pyserial</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>reinstall FieldKit</source>
      <translation>cài lại FieldKit</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>{summary} in {seconds} s; damaged file kept as {name}</source>
      <translation>{summary} trong {seconds} s; tệp hỏng được giữ lại với tên {name}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>log in and sync now (pending work is pushed), then re-create the profile from the server</source>
      <translation>đăng nhập và đồng bộ ngay (công việc đang chờ được gửi đi), rồi tạo lại hồ sơ từ máy chủ</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>the profile folder {folder} does not exist</source>
      <translation>thư mục hồ sơ {folder} không tồn tại</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>check --profile</source>
      <translation>kiểm tra lại --profile</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>no profile in {folder}</source>
      <translation>không có hồ sơ trong {folder}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>start FieldKit once to create it, or: fieldkit demo-data --db PATH</source>
      <translation>mở FieldKit một lần để tạo hồ sơ, hoặc: fieldkit demo-data --db PATH</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>{path} is missing</source>
      <translation>thiếu {path}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>re-create the profile from the server</source>
      <translation>tạo lại hồ sơ từ máy chủ</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>the database is NOT encrypted</source>
      <translation>cơ sở dữ liệu KHÔNG được mã hoá</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>re-create the profile</source>
      <translation>tạo lại hồ sơ</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>{path} is encrypted ({size} MB)</source>
      <translation>{path} được mã hoá ({size} MB)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>integrity not checked (locked)</source>
      <translation>chưa kiểm tra toàn vẹn (đang khoá)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>run with --user NAME and FIELDKIT_PIN set to check integrity</source>
      <translation>chạy với --user TÊN và đặt FIELDKIT_PIN để kiểm tra toàn vẹn</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>{url} not reachable: {error}</source>
      <translation>không kết nối được {url}: {error}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>no signal is normal in the field; work is kept and syncs later</source>
      <translation>ngoài hiện trường mất sóng là bình thường; công việc được giữ lại và đồng bộ sau</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>fix: {fix}</source>
      <translation>cách xử lý: {fix}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>no display; Qt works without a screen ({qt})</source>
      <translation>không có màn hình; Qt chạy được khi không có màn hình ({qt})</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>start FieldKit from the desktop (DISPLAY is not set)</source>
      <translation>hãy mở FieldKit từ màn hình nền (chưa đặt DISPLAY)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>sync now if you can, then run again with --recover: it copies every readable row into a new encrypted database and keeps the damaged one aside</source>
      <translation>hãy đồng bộ ngay nếu được, rồi chạy lại với --recover: lệnh này chép mọi dòng còn đọc được sang một cơ sở dữ liệu mã hoá mới và giữ riêng tệp hỏng</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>restore keyring.json from a backup, or re-create the profile from the server</source>
      <translation>khôi phục keyring.json từ bản sao lưu, hoặc tạo lại hồ sơ từ máy chủ</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>check --user and FIELDKIT_PIN</source>
      <translation>kiểm tra lại --user và FIELDKIT_PIN</translation>
    </message>
    <message>
      <location filename="../../fieldkit/doctor.py" line="1" />
      <source>page 1 (the schema) is unreadable: nothing can be recovered here; re-create the profile from the server (fieldkit sync --enrol CODE on a new profile)</source>
      <translation>không đọc được trang 1 (lược đồ): không khôi phục được gì ở đây; hãy tạo lại hồ sơ từ máy chủ (fieldkit sync --enrol MÃ trên một hồ sơ mới)</translation>
    </message>
  </context>
  <context>
    <name>services.unlock</name>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>keyring format 1: the PINs alone protect the data key (no device secret yet)</source>
      <translation>tệp khoá dạng 1: chỉ mã PIN bảo vệ khoá dữ liệu (chưa có bí mật thiết bị)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>log in once: the profile gets its device secret</source>
      <translation>đăng nhập một lần: hồ sơ sẽ có bí mật thiết bị</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>the profile's device secret is not in this computer's credential store (copied from another computer, or the store was reset)</source>
      <translation>bí mật thiết bị của hồ sơ không có trong kho thông tin đăng nhập của máy này (hồ sơ chép từ máy khác, hoặc kho đã bị đặt lại)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>sign in to the desktop session so its credential store answers</source>
      <translation>đăng nhập vào phiên làm việc trên màn hình để kho thông tin đăng nhập hoạt động</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>keyring.json cannot be read ({error})</source>
      <translation>không đọc được keyring.json ({error})</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>restore it from a backup</source>
      <translation>khôi phục từ bản sao lưu</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>device secret in the OS credential store; sealed to recovery key {key}</source>
      <translation>bí mật thiết bị nằm trong kho thông tin đăng nhập của hệ điều hành; đã niêm phong bằng khoá khôi phục {key}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>device secret in the OS credential store; NOT sealed to a recovery key</source>
      <translation>bí mật thiết bị nằm trong kho thông tin đăng nhập của hệ điều hành; CHƯA niêm phong bằng khoá khôi phục</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>run FieldKit where the OS credential store answers (docs/security.md)</source>
      <translation>hãy chạy FieldKit ở nơi kho thông tin đăng nhập của hệ điều hành hoạt động (docs/security.md)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>device secret in a file outside the profile (fallback: a thief with the whole disk has it); sealed to recovery key {key}</source>
      <translation>bí mật thiết bị nằm trong một tệp ngoài hồ sơ (phương án dự phòng: kẻ lấy được cả ổ đĩa sẽ có nó); đã niêm phong bằng khoá khôi phục {key}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>device secret in a file outside the profile (fallback: a thief with the whole disk has it); NOT sealed to a recovery key</source>
      <translation>bí mật thiết bị nằm trong một tệp ngoài hồ sơ (phương án dự phòng: kẻ lấy được cả ổ đĩa sẽ có nó); CHƯA niêm phong bằng khoá khôi phục</translation>
    </message>
    <message>
      <location filename="../../fieldkit/services/unlock.py" line="1" />
      <source>set FIELDKIT_RECOVERY_PUBLIC_KEY (recovery.pub) and log in once</source>
      <translation>đặt FIELDKIT_RECOVERY_PUBLIC_KEY (recovery.pub) rồi đăng nhập một lần</translation>
    </message>
  </context>
  <context>
    <name>devices.cli_probes</name>
    <message>
      <location filename="../../fieldkit/devices/cli_probes.py" line="1" />
      <source>No optical probe found (use --all to list every serial port).</source>
      <translation>Không tìm thấy đầu đọc quang (dùng --all để liệt kê mọi cổng nối tiếp).</translation>
    </message>
    <message>
      <location filename="../../fieldkit/devices/cli_probes.py" line="1" />
      <source>not a known probe chip</source>
      <translation>không phải chip đầu đọc đã biết</translation>
    </message>
  </context>
  <context>
    <name>devices.cli_read</name>
    <message>
      <location filename="../../fieldkit/devices/cli_read.py" line="1" />
      <source>Cannot save the capture to {path}: {reason}</source>
      <translation>Không lưu được bản ghi vào {path}: {reason}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/devices/cli_read.py" line="1" />
      <source>serial: {serial}   clock: {clock}   error register: {errors}</source>
      <translation>số công tơ: {serial}   đồng hồ: {clock}   thanh ghi lỗi: {errors}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/devices/cli_read.py" line="1" />
      <source>(not understood) {line}</source>
      <translation>(không hiểu) {line}</translation>
    </message>
    <message>
      <location filename="../../fieldkit/devices/cli_read.py" line="1" />
      <source>clock deviation: {seconds} s (meter minus this computer)</source>
      <translation>lệch đồng hồ: {seconds} s (công tơ trừ máy tính này)</translation>
    </message>
    <message>
      <location filename="../../fieldkit/devices/cli_read.py" line="1" />
      <source>load profile: {count} intervals of {minutes} min, columns {columns}</source>
      <translation>biểu đồ phụ tải: {count} khoảng {minutes} phút, các cột {columns}</translation>
    </message>
  </context>
</TS>
