"""Validation problems with messages a technician understands: a field, a stable code and a marked text
(`domain/messages.py`) translated from the catalogues when shown, Vietnamese first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fieldkit.domain.messages import Message, Texts, Worded

_M = Texts("domain.problems")


@dataclass(frozen=True)
class Problem(Worded):
    field: str
    code: str
    text: Message

    def message(self, lang: str = "vi") -> str:
        return self.text.text(lang)

    def words(self) -> Message:
        return self.text


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

NETWORK: dict[str, Message] = {
    "unreachable": _M("The server cannot be reached. Check the network (Wi-Fi, 3G/4G) and the server address in Settings; the work stays on this laptop and syncs by itself when the network is back."),
    "timeout": _M("The server did not answer in time (slow network). Try again later or move to a better signal; the work stays on this laptop."),
    "dns": _M("The server's address was not found. Check the server address in Settings and the network."),
    "tls": _M("The secure connection to the server is not valid. Do not send data; tell the support team."),
    "busy": _M("The server is busy or down for a while. The laptop tries again by itself; nothing to do."),
    "not_our_server": _M("This is not the server this laptop was enrolled with; nothing was sent. Check the server address in Settings or tell the support team."),
    "server_too_old": _M("The central server is older than this laptop's software and cannot do what this sync needs. Nothing is lost: the work stays on this laptop. Ask the support team to update the central server."),
    "auth_refused": _M("The server does not accept this laptop or this user. Enrol the laptop again with a new code (Sync page) or ask your supervisor to check the user."),
    "not_enrolled": _M("This laptop is not enrolled with the server yet. On the Sync page enter the server address and the enrolment code."),
    "server_refused": _M("The server refused the request. Sync again later; if it is still refused, tell the support team."),
    "cancelled": _M("Sync cancelled; what was sent stays sent, the rest goes next time."),
    "unexpected": _M("Something unexpected went wrong; saved work is not lost. Try again; if it happens again, tell the support team."),
}

_NET_ERRNOS = {"ECONNREFUSED", "ECONNRESET", "ECONNABORTED", "ENETUNREACH", "EHOSTUNREACH", "ENETDOWN",
               "EHOSTDOWN", "EPIPE", "ENOTCONN", "ETIMEDOUT"}
_SYNC_CODES = {"Unreachable": "unreachable", "AuthRefused": "auth_refused", "ServerTooOld": "server_too_old",
               "NotOurServer": "not_our_server",
               "NotConfigured": "not_enrolled", "Cancelled": "cancelled", "ServerRefused": "server_refused"}


def network(code: str, detail: str = "") -> Problem:
    """The network problem `code`; `detail` (the library's English) is kept in the English text only."""
    if not detail:
        return Problem("", code, NETWORK[code])
    return Problem("", code, with_detail(NETWORK[code], detail))


def with_detail(message: Message, detail: str) -> Message:
    """`message (detail)` in English; the Vietnamese translation of this template leaves the detail out."""
    return _M("{message} ({detail})", message=message, detail=detail)


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
    """The sync client's stored failure text (English, `sync.client.describe`) as a Problem."""
    t = text.lower()
    for marker, code in (("too old for this laptop", "server_too_old"), ("not the enrolled server", "not_our_server"), ("refused by the server", "auth_refused"),
                         ("not enrolled", "not_enrolled"), ("busy or unavailable", "busy"), ("timed out", "timeout"),
                         ("name or service not known", "dns"), ("getaddrinfo", "dns"), ("certificate", "tls"),
                         ("ssl", "tls"), ("not reachable", "unreachable"), ("cancel", "cancelled")):
        if marker in t:
            return network(code, text)
    return network("server_refused", text)
