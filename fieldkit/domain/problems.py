"""Validation problems with messages a technician understands, in Vietnamese and English."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    field: str
    code: str
    vi: str
    en: str

    def message(self, lang: str = "vi") -> str:
        return self.vi if lang == "vi" else self.en


class ValidationError(ValueError):
    """Raised by domain constructors and services when input cannot be accepted.

    Carries every problem found (not just the first) so a form can mark all fields.
    """

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("; ".join(p.en for p in self.problems))

    def messages(self, lang: str = "vi") -> list[str]:
        return [p.message(lang) for p in self.problems]

    def for_field(self, field: str) -> list[Problem]:
        return [p for p in self.problems if p.field == field]


def check(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)


# --- the network, as a field worker meets it (OS errors, the HTTP library's, the sync client's) -------------

NETWORK: dict[str, tuple[str, str]] = {
    "unreachable": ("Không kết nối được máy chủ. Kiểm tra mạng (Wi-Fi, 3G/4G) và địa chỉ máy chủ trong Cài đặt; "
                    "công việc vẫn được giữ trên máy và sẽ tự đồng bộ khi có mạng.",
                    "The server cannot be reached. Check the network (Wi-Fi, 3G/4G) and the server address in "
                    "Settings; the work stays on this laptop and syncs by itself when the network is back."),
    "timeout": ("Máy chủ không trả lời kịp (mạng chậm). Hãy thử lại sau hoặc ra chỗ sóng tốt hơn; "
                "công việc vẫn được giữ trên máy.",
                "The server did not answer in time (slow network). Try again later or move to a better signal; "
                "the work stays on this laptop."),
    "dns": ("Không tìm thấy máy chủ theo địa chỉ đã nhập. Kiểm tra địa chỉ máy chủ trong Cài đặt và kết nối mạng.",
            "The server's address was not found. Check the server address in Settings and the network."),
    "tls": ("Kết nối bảo mật với máy chủ không hợp lệ. Đừng gửi dữ liệu; hãy báo cho bộ phận kỹ thuật.",
            "The secure connection to the server is not valid. Do not send data; tell the support team."),
    "busy": ("Máy chủ đang bận hoặc tạm ngừng. Máy sẽ tự thử lại; không cần làm gì thêm.",
             "The server is busy or down for a while. The laptop tries again by itself; nothing to do."),
    "not_our_server": ("Máy chủ này không phải máy chủ đã đăng ký cho máy; không có gì được gửi đi. "
                       "Kiểm tra địa chỉ máy chủ trong Cài đặt hoặc báo cho bộ phận kỹ thuật.",
                       "This is not the server this laptop was enrolled with; nothing was sent. Check the server "
                       "address in Settings or tell the support team."),
    "auth_refused": ("Máy chủ không chấp nhận máy này hoặc người dùng này. Hãy đăng ký lại máy bằng mã mới "
                     "(trang Đồng bộ) hoặc nhờ giám sát viên kiểm tra người dùng.",
                     "The server does not accept this laptop or this user. Enrol the laptop again with a new code "
                     "(Sync page) or ask your supervisor to check the user."),
    "not_enrolled": ("Máy này chưa được đăng ký với máy chủ. Vào trang Đồng bộ, nhập địa chỉ máy chủ và mã đăng ký.",
                     "This laptop is not enrolled with the server yet. On the Sync page enter the server address "
                     "and the enrolment code."),
    "server_refused": ("Máy chủ từ chối yêu cầu. Hãy đồng bộ lại sau; nếu vẫn bị từ chối, báo cho bộ phận kỹ thuật.",
                       "The server refused the request. Sync again later; if it is still refused, tell the support "
                       "team."),
    "cancelled": ("Đã huỷ đồng bộ; những gì đã gửi được giữ nguyên, phần còn lại sẽ gửi lần sau.",
                  "Sync cancelled; what was sent stays sent, the rest goes next time."),
    "unexpected": ("Đã xảy ra lỗi không mong đợi; công việc đã lưu không bị mất. Hãy thử lại; nếu vẫn lỗi, "
                   "báo cho bộ phận kỹ thuật.",
                   "Something unexpected went wrong; saved work is not lost. Try again; if it happens again, "
                   "tell the support team."),
}

_NET_ERRNOS = {"ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "ENETUNREACH", "EHOSTUNREACH", "ENETDOWN",
               "EHOSTDOWN", "EPIPE", "ENOTCONN", "ETIMEDOUT"}
_SYNC_CODES = {"Unreachable": "unreachable", "AuthRefused": "auth_refused", "NotOurServer": "not_our_server",
               "NotConfigured": "not_enrolled", "Cancelled": "cancelled", "ServerRefused": "server_refused"}


def network(code: str, detail: str = "") -> Problem:
    vi, en = NETWORK[code]
    return Problem("", code, vi, f"{en} ({detail})" if detail else en)


def network_code(exc: BaseException) -> str | None:
    """The network problem behind an exception (its cause chain too), or None. Looks at class names so the
    HTTP library is not imported for it."""
    import errno

    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        names = {c.__name__ for c in type(e).__mro__}
        modules = {c.__module__.split(".")[0] for c in type(e).__mro__}
        if "fieldkit" in modules and names & set(_SYNC_CODES):
            name = next(n for n in (c.__name__ for c in type(e).__mro__) if n in _SYNC_CODES)
            code = _SYNC_CODES[name]
            if code == "unreachable":
                deeper = network_code(e.__cause__) if e.__cause__ is not None else None
                text = str(e)
                return deeper or ("busy" if "busy or unavailable" in text else
                                  "timeout" if "timed out" in text.lower() else "unreachable")
            return code
        if names & {"SSLError", "SSLCertVerificationError", "CertificateError"}:
            return "tls"
        if names & {"gaierror", "herror", "NameResolutionError"}:
            return "dns"
        if names & {"TimeoutError", "timeout", "Timeout", "ReadTimeout", "ConnectTimeout", "ReadTimeoutError",
                    "ConnectTimeoutError"}:
            return "timeout"
        if names & {"ConnectionError", "NewConnectionError", "MaxRetryError", "ProtocolError",
                    "RemoteDisconnected", "ChunkedEncodingError", "URLError"}:
            if "Name or service not known" in str(e) or "getaddrinfo" in str(e):
                return "dns"
            return "unreachable"
        if isinstance(e, OSError) and e.errno is not None and errno.errorcode.get(e.errno) in _NET_ERRNOS:
            return "unreachable"
        e = e.__cause__ or e.__context__
    return None


def sync_failure(text: str) -> Problem:
    """The sync client's stored failure text (English, `sync.client.describe`) as a vi/en Problem."""
    t = text.lower()
    for marker, code in (("not the enrolled server", "not_our_server"), ("refused by the server", "auth_refused"),
                         ("not enrolled", "not_enrolled"), ("busy or unavailable", "busy"), ("timed out", "timeout"),
                         ("name or service not known", "dns"), ("getaddrinfo", "dns"), ("certificate", "tls"),
                         ("ssl", "tls"), ("not reachable", "unreachable"), ("cancel", "cancelled")):
        if marker in t:
            return network(code, text)
    return network("server_refused", text)
