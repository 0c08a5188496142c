"""What the household sheet prints that is not layout: its fixed labels in both languages and
the payment facts (method, the bank-transfer QR and the bill it pays)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from fieldkit.documents.vietqr import ascii_purpose, build_vietqr

__all__ = ["LABELS", "BankTransfer", "DueBill", "PaymentKind", "PaymentMethod"]

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "title": "THÔNG TIN KHÁCH HÀNG SỬ DỤNG ĐIỆN",
        "prepared_on": "Ngày lập",
        "prepared_by": "Người hướng dẫn",
        "customer": "Khách hàng",
        "customer_code": "Mã khách hàng",
        "code_hint": "Dùng mã này khi đăng ký ứng dụng, gọi tổng đài hoặc thanh toán.",
        "provisional": "(mã tạm)",
        "code_hint_provisional": "Đây là mã tạm của yêu cầu cấp điện, chưa phải mã khách hàng: chưa dùng để thanh "
                                 "toán hay đăng ký ứng dụng. Khi có mã khách hàng chính thức, Điện lực sẽ in lại "
                                 "phiếu này với mã đó.",
        "address": "Địa chỉ",
        "app": "Cài ứng dụng {app}",
        "android": "Điện thoại Android",
        "ios": "iPhone (App Store)",
        "zalo": "Zalo chính thức",
        "scan": "Quét mã QR bằng camera điện thoại",
        "contact": "Liên hệ",
        "hotline": "Tổng đài chăm sóc khách hàng",
        "payment": "Hình thức thanh toán",
        "mobile_banking": "Ngân hàng trên điện thoại (mobile banking)",
        "e_wallet": "Ví điện tử",
        "auto_debit": "Trích nợ tự động",
        "bill": "Tiền điện ước tính",
        "period": "Kỳ",
        "days": "ngày",
        "households": "Số hộ dùng chung công tơ",
        "consumption": "Điện năng tiêu thụ",
        "tier": "Bậc",
        "prices_from": "Giá từ",
        "subtotal": "Tiền điện (chưa thuế)",
        "vat": "Thuế GTGT",
        "total": "Tổng cộng",
        "estimate_note": "Số tiền là ước tính; hoá đơn chính thức có thể khác.",
        "transfer": "Chuyển khoản bằng mã QR",
        "bank": "Ngân hàng",
        "account": "Số tài khoản",
        "account_name": "Chủ tài khoản",
        "amount": "Số tiền",
        "amount_from_bill": "ghi theo hoá đơn tiền điện",
        "bill_period": "Hoá đơn kỳ",
        "bill_to_pay": "Tiền điện phải trả",
        "due": "Hạn thanh toán",
        "purpose": "Nội dung",
        "next_reading": "Ngày ghi chỉ số tiếp theo",
    },
    "en": {
        "title": "ELECTRICITY CUSTOMER INFORMATION",
        "prepared_on": "Date",
        "prepared_by": "Assisted by",
        "customer": "Customer",
        "customer_code": "Customer code",
        "code_hint": "Use this code to register in the app, call the hotline or pay.",
        "provisional": "(provisional)",
        "code_hint_provisional": "This is the provisional number of the supply request, not a customer code: do "
                                 "not use it to pay or to register in the app. When the real customer code is "
                                 "known, the power company prints this sheet again with it.",
        "address": "Address",
        "app": "Install the {app} app",
        "android": "Android phone",
        "ios": "iPhone (App Store)",
        "zalo": "Official Zalo",
        "scan": "Scan the QR code with the phone camera",
        "contact": "Contact",
        "hotline": "Customer-care hotline",
        "payment": "Payment method",
        "mobile_banking": "Mobile banking",
        "e_wallet": "E-wallet",
        "auto_debit": "Automatic debit",
        "bill": "Estimated bill",
        "period": "Period",
        "days": "days",
        "households": "Households sharing the meter",
        "consumption": "Consumption",
        "tier": "Tier",
        "prices_from": "Prices from",
        "subtotal": "Energy (before VAT)",
        "vat": "VAT",
        "total": "Total",
        "estimate_note": "This is an estimate; the official bill may differ.",
        "transfer": "Pay by bank-transfer QR",
        "bank": "Bank",
        "account": "Account",
        "account_name": "Account holder",
        "amount": "Amount",
        "amount_from_bill": "as on your electricity bill",
        "bill_period": "Bill for",
        "bill_to_pay": "Bill to pay",
        "due": "Pay by",
        "purpose": "Reference",
        "next_reading": "Next meter reading",
    },
}


@dataclass(frozen=True)
class DueBill:
    """A bill the utility issued (not an estimate): what the transfer QR may ask for."""

    period_start: date
    period_end: date
    amount: int  # VND, VAT included
    due_date: date | None = None
    paid: bool = False


class PaymentKind(StrEnum):
    MOBILE_BANKING = "mobile_banking"
    E_WALLET = "e_wallet"
    AUTO_DEBIT = "auto_debit"


@dataclass(frozen=True)
class PaymentMethod:
    """How the household pays; ``provider`` is the e-wallet name or the debiting bank."""

    kind: PaymentKind
    provider: str = ""


@dataclass(frozen=True)
class BankTransfer:
    """A bank-transfer QR, with the facts printed beside it. With an amount it pays one real bill
    (its period and due date are printed); without one the payer types the amount of their bill."""

    payload: str
    bank_name: str
    account_number: str
    account_name: str
    amount: int | None
    purpose: str
    bill: DueBill | None = None

    @classmethod
    def create(
        cls,
        bank_bin: str,
        bank_name: str,
        account_number: str,
        account_name: str,
        amount: int | None,
        purpose: str,
        bill: DueBill | None = None,
    ) -> BankTransfer:
        """Build the VietQR payload (validating the inputs) and keep the printed facts."""
        payload = build_vietqr(bank_bin, account_number, amount, purpose)
        return cls(payload, bank_name, account_number, account_name, amount, ascii_purpose(purpose), bill)

    @classmethod
    def for_bill(cls, bank_bin: str, bank_name: str, account_number: str, account_name: str,
                 bill: DueBill | None, purpose: str) -> BankTransfer:
        """The QR for `bill` (its amount, unless it is paid), or with no amount when no bill is known:
        never an amount for a period the household may already have paid."""
        due = bill if bill is not None and not bill.paid and bill.amount > 0 else None
        return cls.create(bank_bin, bank_name, account_number, account_name, due.amount if due else None,
                          purpose, due)
