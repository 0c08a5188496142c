"""The one exception type of the optical-probe code.

Everything in :mod:`fieldkit.devices` that reads bytes from a meter (parsers, the
protocol state machine, the serial driver) reports a failure as :class:`ProtocolError`
and nothing else. Each error carries a stable ``code`` (for logs, tests and the UI) and a
message a technician can act on, in Vietnamese first and English second.
"""

from __future__ import annotations

# code -> (Vietnamese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "NO_ANSWER": (
        "Công tơ không trả lời. Kiểm tra đầu đọc quang đã áp đúng vào cổng quang của công tơ.",
        "The meter does not answer. Check the probe is seated on the optical port.",
    ),
    "BCC_FAILED": (
        "Dữ liệu nhận được bị lỗi (sai mã kiểm tra) sau nhiều lần thử. Giữ chặt đầu đọc và đọc lại.",
        "The data arrived damaged (checksum failed) after several retries. Hold the probe steady and read again.",
    ),
    "UNEXPECTED_REPLY": (
        "Công tơ trả lời không đúng giao thức. Kiểm tra loại công tơ và cấu hình đọc.",
        "The meter sent an unexpected reply. Check the meter type and the reading profile.",
    ),
    "BAD_IDENTIFICATION": (
        "Không hiểu được bản tin nhận dạng của công tơ.",
        "The meter's identification message could not be understood.",
    ),
    "BAD_DATA": (
        "Không phân tích được dữ liệu của công tơ.",
        "The meter's data could not be parsed.",
    ),
    "CONNECTION_LOST": (
        "Mất kết nối giữa chừng. Giữ chặt đầu đọc và đọc lại.",
        "The connection dropped in the middle of the reading. Hold the probe steady and read again.",
    ),
    "PASSWORD_REQUIRED": (
        "Công tơ yêu cầu mật khẩu. Nhập mật khẩu trong cấu hình công tơ.",
        "The meter asks for a password. Enter it in the meter profile.",
    ),
    "PASSWORD_REJECTED": (
        "Công tơ từ chối mật khẩu. Kiểm tra lại mật khẩu.",
        "The meter rejected the password. Check the password.",
    ),
    "PORT_ERROR": (
        "Không mở được cổng đầu đọc. Kiểm tra đầu đọc đã cắm vào máy tính.",
        "The probe's port could not be opened. Check the probe is plugged into the computer.",
    ),
    "ASSOCIATION_REJECTED": (
        "Công tơ DLMS từ chối kết nối. Kiểm tra địa chỉ client và cấu hình đọc của loại công tơ này.",
        "The DLMS meter refused the connection. Check the client address and the reading settings "
        "for this meter model.",
    ),
    "ACCESS_DENIED": (
        "Công tơ không cho phép thao tác này (quyền ghi). Kiểm tra mật khẩu ghi của loại công tơ này.",
        "The meter refused this operation (write access). Check the write password for this meter model.",
    ),
    "CANCELLED": ("Đã huỷ việc đọc.", "The reading was cancelled."),
    "BAD_CAPTURE": (
        "Tệp dữ liệu thô không hợp lệ.",
        "The raw capture file is not valid.",
    ),
}


class ProtocolError(Exception):
    """A reading failed; ``code`` says why, ``message_vi``/``message_en`` tell the user what to do.

    ``detail`` is technical context for logs (never shown as the main message).
    """

    def __init__(self, code: str, detail: str = "") -> None:
        if code not in MESSAGES:
            raise ValueError(f"unknown protocol error code {code!r}")
        self.code = code
        self.message_vi, self.message_en = MESSAGES[code]
        self.detail = detail
        super().__init__(f"{code}: {self.message_en}" + (f" ({detail})" if detail else ""))

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message_vi": self.message_vi, "message_en": self.message_en,
                "detail": self.detail}
