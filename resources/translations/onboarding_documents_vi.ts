<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>BillScreen</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/app_payment.py" line="0" />
        <source>The household's electricity bill and a QR code to pay it by bank transfer: open the bank app, choose «Scan QR».</source>
        <translation>Hoá đơn tiền điện của hộ và mã QR để chuyển khoản: mở ứng dụng ngân hàng, chọn «Quét QR».</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/app_payment.py" line="0" />
        <source>Bill for %1 – %2</source>
        <translation>Hoá đơn kỳ %1 – %2</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/app_payment.py" line="0" />
        <source>To pay: %1</source>
        <translation>Phải trả: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/app_payment.py" line="0" />
        <source>Due date: %1</source>
        <translation>Hạn thanh toán: %1</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/app_payment.py" line="0" />
        <source>An estimate only, for a period that may be paid already: the QR code has no amount; the household types the amount of its bill.</source>
        <translation>Đây chỉ là ước tính, cho kỳ có thể đã thanh toán: mã QR không ghi số tiền; hộ nhập số tiền theo hoá đơn.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/app_payment.py" line="0" />
        <source>as on the electricity bill</source>
        <translation>ghi theo hoá đơn tiền điện</translation>
    </message>
</context>
<context>
    <name>NewSupplyScreen</name>
    <message>
        <location filename="../../fieldkit/ui/onboarding/household.py" line="0" />
        <source>The applicant signs the request here (finger, pen or mouse). Without a signature the printed request is signed on paper.</source>
        <translation>Người đề nghị ký vào giấy đề nghị tại đây (ngón tay, bút hoặc chuột). Nếu không ký ở đây, người đề nghị ký trên bản in.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/household.py" line="0" />
        <source>Clear</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/household.py" line="0" />
        <source>Applicant's full name</source>
        <translation>Họ tên người đề nghị</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/onboarding/household.py" line="0" />
        <source>Signed by %1. Draw again to replace the signature; a changed request must be signed again.</source>
        <translation>Đã ký: %1. Ký lại để thay chữ ký; giấy đề nghị đã sửa phải ký lại.</translation>
    </message>
</context>
</TS>
