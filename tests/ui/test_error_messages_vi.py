"""Every server refusal (each reason code of domain/reasons.py, with the parameters the server really
sends: English internal ids) and the common OS and network errors, through the UI's one error path
(`labels.problem_text`) in Vietnamese: no English word left (the detector of test_all_vietnamese), never
a raw `[Errno 28]` or `database or disk is full`, and each message says what to do."""

from __future__ import annotations

import errno
import socket
import sqlite3
import ssl

import pytest
import requests

from fieldkit.domain import reasons
from fieldkit.domain.problems import ValidationError
from fieldkit.sync.client import Cancelled, NotConfigured
from fieldkit.sync.transport import AuthRefused, NotOurServer, ServerRefused, Unreachable
from fieldkit.ui.i18n import Translations
from fieldkit.ui.labels import problem_text, sync_failure_text
from tests.ui.test_all_vietnamese import english_in, vocabulary

# The parameters the central server sends (central/validate.py, apply.py, people.py, signatures.py).
PARAMS = {"field": "payload.reading.value", "expected": "a whole number", "max": 200, "min": 1,
          "format": "customer code", "allowed": "cash, e_wallet, bank_qr", "entity": "reading", "action": "append",
          "what": "work order", "id": "0190f3a2-7c1e-7e55-a2a4-c5d3b1e0f001", "unit": "PA23",
          "detail": "the work order is 'done' on the server; it cannot go to 'assigned'", "user": "lan",
          "role": "technician", "operation": "work_order/approve"}
ACTION_WORDS = ("Hãy", "hãy", "Kiểm tra", "kiểm tra", "Chạy", "Vào", "Đừng", "không cần làm gì", "người đó cần",
                "được giữ lại", "sẽ gửi lần sau")

OS_ERRORS: list[BaseException] = [
    OSError(errno.ENOSPC, "No space left on device", "/home/lan/.fieldkit/fieldkit.db"),
    OSError(errno.EACCES, "Permission denied", "/home/lan/.fieldkit/bao-cao.csv"),
    OSError(errno.EROFS, "Read-only file system", "/media/usb/bao-cao.pdf"),
    OSError(errno.EIO, "Input/output error"),
    OSError(errno.EDQUOT, "Disk quota exceeded"),
    FileNotFoundError(errno.ENOENT, "No such file or directory", "/tmp/missing/x.csv"),
    PermissionError(errno.EPERM, "Operation not permitted"),
    OSError(errno.EMFILE, "Too many open files"),
    OSError(errno.ENAMETOOLONG, "File name too long", "/tmp/" + "x" * 300),
    OSError(errno.EBUSY, "Device or resource busy"),
    IsADirectoryError(errno.EISDIR, "Is a directory", "/tmp"),
    sqlite3.OperationalError("database or disk is full"),
    sqlite3.OperationalError("attempt to write a readonly database"),
    sqlite3.OperationalError("disk I/O error"),
    sqlite3.DatabaseError("database disk image is malformed"),
    ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"),
    ConnectionResetError(errno.ECONNRESET, "Connection reset by peer"),
    OSError(errno.ENETUNREACH, "Network is unreachable"),
    OSError(errno.EHOSTUNREACH, "No route to host"),
    TimeoutError("timed out"),
    socket.gaierror(-2, "Name or service not known"),
    ssl.SSLCertVerificationError(1, "certificate verify failed: self-signed certificate"),
    requests.ConnectionError("HTTPConnectionPool(host='10.0.0.9', port=8000): Max retries exceeded"),
    requests.ReadTimeout("HTTPConnectionPool(host='10.0.0.9', port=8000): Read timed out. (read timeout=30)"),
    Unreachable("server busy or unavailable (503)"),
    Unreachable("incomplete answer from the server"),
    AuthRefused("device token revoked"),
    NotOurServer("the server could not prove the pinned key"),
    NotConfigured("this device is not enrolled yet: enrol it with a code from `fieldkit central enrol`"),
    Cancelled("cancelled"),
    ServerRefused(409, "conflict", {"detail": "conflict"}),
    ServerRefused(403, "role_forbidden: only a supervisor may do this", {"detail": "role_forbidden"}),
    MemoryError(),
    ValueError("the download limit cannot be negative"),
    KeyError("payload"),
    RuntimeError("Internal C++ object already deleted"),
]


@pytest.fixture
def vi(qapp):
    t = Translations()
    t.switch("vi")
    yield
    t.switch("vi")


def _check(text: str, english: set[str]) -> list[str]:
    problems = english_in([("", text)], english)
    for raw in ("Errno", "database or disk", "Traceback", "refused", "None"):
        if raw in text:
            problems.append(f"raw text {raw!r} in {text!r}")
    if not text.strip():
        problems.append("empty message")
    elif not any(w in text for w in ACTION_WORDS):
        problems.append(f"no advice in {text!r}")
    return problems


def test_every_reason_code_is_vietnamese_with_what_to_do(vi):
    english, _ = vocabulary()
    english |= {"payload", "value", "whole", "number", "work", "order", "technician", "approve", "cash",
                "wallet", "customer", "code", "append", "reading", "assigned", "done"}
    found: list[str] = []
    for code in [*reasons.REASONS, "from_a_newer_server"]:
        answer = {"status": "rejected", "code": code, "params": PARAMS, "reason": "Because the server says so."}
        as_refusal = problem_text(ServerRefused(400, "rejected", answer))
        as_problem = problem_text(ValidationError([reasons.from_answer(answer)]))
        assert as_refusal == as_problem
        found += [f"{code}: {p}" for p in _check(as_problem, english)]
        assert reasons.from_answer(answer).message("en") != as_problem  # the English one is there too
    assert not found, "\n".join(found)


def test_role_and_operation_are_named_in_vietnamese(vi):
    text = problem_text(ValidationError([reasons.problem("role_forbidden", PARAMS)]))
    assert "kỹ thuật viên" in text and "duyệt phiếu công việc" in text
    missing = problem_text(ValidationError([reasons.problem("field_missing", {"field": "payload.serial"})]))
    assert "số công tơ" in missing
    unknown = problem_text(ValidationError([reasons.problem("field_missing", {"field": "payload.zebra_stripes"})]))
    assert "zebra" not in unknown and "dữ liệu" in unknown


@pytest.mark.parametrize("exc", OS_ERRORS, ids=lambda e: f"{type(e).__name__}-{str(e)[:30]}")
def test_os_and_network_errors_are_vietnamese_with_what_to_do(vi, exc):
    english, _ = vocabulary()
    english |= {"space", "left", "device", "permission", "denied", "file", "system", "connection", "timed",
                "refused", "database", "disk", "full", "readonly", "unreachable", "host", "route", "service",
                "known", "certificate", "verify", "failed", "busy", "unavailable", "incomplete", "answer",
                "token", "revoked", "pinned", "enrolled", "download", "limit", "negative", "internal",
                "object", "deleted", "payload", "max", "retries", "exceeded", "many", "too", "long",
                "resource", "directory"}
    text = problem_text(exc)
    assert not _check(text, english), _check(text, english)


def test_network_errors_are_not_called_disk_errors(vi):
    assert "mạng" in problem_text(ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"))
    assert "Ổ đĩa đã đầy" in problem_text(OSError(errno.ENOSPC, "No space left on device"))
    assert "Ổ đĩa đã đầy" in problem_text(sqlite3.OperationalError("database or disk is full"))
    chained = Unreachable("HTTPConnectionPool: Read timed out.")
    chained.__cause__ = requests.ReadTimeout("Read timed out.")
    assert "không trả lời kịp" in problem_text(chained)


def test_the_stored_sync_failure_is_vietnamese(vi):
    english, _ = vocabulary()
    english |= {"server", "reachable", "enrolled", "nothing", "sent", "refused", "busy", "unavailable"}
    for stored in ("server not reachable: Connection refused", "server not reachable: server busy or unavailable (503)",
                   "not the enrolled server: key mismatch (nothing was sent to it)",
                   "refused by the server: device revoked (enrol this device again or check the user)",
                   "this device is not enrolled yet: enrol it with a code", "something nobody expected"):
        text = sync_failure_text(stored)
        assert not _check(text, english), (stored, _check(text, english))
    assert not english_in([("", "Hãy kiểm tra mạng")], english)  # Vietnamese is not taken for English
