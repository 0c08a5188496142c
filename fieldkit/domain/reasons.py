"""Why the central server refused an operation: stable reason codes with their parameters,
and the message for each in Vietnamese and English.

The server answers a refused operation with `{"status": "rejected", "code": CODE,
"params": {...}, "reason": English text}`. The laptop keeps the whole answer with the
quarantined operation and shows `problem(code, params).message(lang)`: the same vi/en
`Problem` the services use for their own validation, so there is one mechanism. Codes are
never renamed (old answers stay readable); an unknown code from a newer server says "refused"
in Vietnamese and keeps the English `reason` it came with for the English text. Every message
ends with what to do (ADVICE), and the Vietnamese one names the server's internal ids (roles,
records, operations, field names, types) in Vietnamese or leaves them out: never raw English.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from fieldkit.domain.lifecycle import REASONS as LIFECYCLE_REASONS
from fieldkit.domain.problems import Problem

# code -> (Vietnamese, English). `{name}` placeholders are filled from the answer's params.
REASONS: dict[str, tuple[str, str]] = {
    "field_missing": ("Thiếu trường {field}.", "The field {field} is missing."),
    "field_unknown": ("Trường {field} không được phép ở đây.", "The field {field} is not allowed here."),
    "field_type": ("Trường {field} phải là {expected}.", "The field {field} must be {expected}."),
    "field_too_long": ("Trường {field} dài quá (tối đa {max}).", "The field {field} is too long (at most {max})."),
    "field_too_short": ("Trường {field} ngắn quá (ít nhất {min}).",
                        "The field {field} is too short (at least {min})."),
    "field_range": ("Trường {field} nằm ngoài khoảng cho phép ({min} đến {max}).",
                    "The field {field} is out of range ({min} to {max})."),
    "field_format": ("Trường {field} không đúng dạng {format}.", "The field {field} is not a valid {format}."),
    "field_choice": ("Giá trị của trường {field} không hợp lệ; cho phép: {allowed}.",
                     "The field {field} has a value that is not allowed; allowed: {allowed}."),
    "text_control": ("Trường {field} chứa ký tự điều khiển.", "The field {field} contains control characters."),
    "text_unicode": ("Trường {field} chứa ký tự Unicode hỏng.", "The field {field} contains broken Unicode."),
    "number_not_finite": ("Trường {field} phải là số hữu hạn.", "The field {field} must be a finite number."),
    "too_deep": ("Trường {field} lồng nhau quá sâu (tối đa {max} cấp).",
                 "The field {field} is nested too deeply (at most {max} levels)."),
    "too_many_items": ("Trường {field} có quá nhiều phần tử (tối đa {max}).",
                       "The field {field} has too many items (at most {max})."),
    "too_large": ("Dữ liệu của thao tác quá lớn (tối đa {max} byte).",
                  "The operation's data is too large (at most {max} bytes)."),
    "not_object": ("Thao tác không phải là một đối tượng JSON.", "The operation is not a JSON object."),
    "unknown_operation": ("Máy chủ không biết thao tác {entity}/{action}.",
                          "The server does not know the operation {entity}/{action}."),
    "id_mismatch": ("Mã trong dữ liệu khác mã của thao tác.", "The payload's id differs from the operation's id."),
    "id_unavailable": ("Mã {field} này không dùng được; hãy tạo bản ghi mới.",
                       "This {field} cannot be used; make a new record."),
    "empty_file": ("Tệp rỗng chỉ hợp lệ với mã băm của tệp rỗng.",
                   "An empty file is only valid with the empty file's hash."),
    "attachment_size": ("Kích thước tệp khác với lần tải lên đang dở của cùng tệp.",
                        "The file's size differs from the upload in progress of the same file."),
    "unknown_record": ("Máy chủ không có {what} {id} trong đội này.",
                       "The server has no {what} {id} in this team."),
    "code_taken": ("Đội đã có khách hàng với mã này.",
                   "A customer with this code already exists in this team."),
    "code_other_unit": ("Mã khách hàng không thuộc đơn vị {unit} của đội.",
                        "The customer code is not of the team's unit {unit}."),
    "refused": ("Máy chủ từ chối thao tác này{detail}.", "Refused by the server: {detail}"),
    # Who made it (central/signatures.py, central/people.py): not stored as the operation's answer.
    "unsigned": ("Thao tác chưa có chữ ký của {user}; người đó cần tự đồng bộ.",
                 "The operation is not signed by {user}; that person needs to sync it."),
    "bad_signature": ("Chữ ký của {user} không khớp với thao tác, máy hoặc người làm.",
                      "{user}'s signature does not match the operation, the device or the author."),
    "unknown_user": ("Máy chủ không biết người dùng {user}.", "The server does not know the user {user}."),
    "user_removed": ("Người dùng {user} đã bị xóa khỏi đội; việc làm khi ngoại tuyến được giữ lại trên máy.",
                     "The user {user} was removed from the team; the offline work is kept on this laptop."),
    "wrong_team": ("Người dùng {user} không thuộc đội của máy này.", "The user {user} is not in this device's team."),
    "key_not_registered": ("Khóa ký của {user} chưa được đăng ký cho máy này; hãy thêm lại bằng mã người dùng.",
                           "{user}'s signing key is not registered for this device; add them again with a user "
                           "code."),
    "invalid_author": ("Không xác định được người làm thao tác ({user}).",
                       "The operation's author cannot be established ({user})."),
    "role_forbidden": ("Vai trò {role} không được làm {operation} (theo máy chủ).",
                       "A {role} may not do {operation} (the server's rule)."),
}

REASONS.update(LIFECYCLE_REASONS)  # the work-order life cycle's own (fieldkit/domain/lifecycle.py)


# What to do, appended to the message: a field worker must know whether it is theirs to fix.
_SOFTWARE = ("Đây là lỗi dữ liệu của phần mềm, không phải lỗi của bạn; công việc vẫn được giữ trên máy. "
             "Hãy báo cho bộ phận kỹ thuật.",
             "This is a data error of the software, not yours; the work stays on this laptop. Tell the support team.")
_SYNC_AGAIN = ("Hãy đồng bộ lại để lấy dữ liệu mới nhất; nếu vẫn bị từ chối, báo cho giám sát viên.",
               "Sync again to get the latest data; if it is still refused, tell your supervisor.")
_TEAM = ("Hãy nhờ giám sát viên kiểm tra người dùng này trên máy chủ.",
         "Ask your supervisor to check this user on the server.")
ADVICE: dict[str, tuple[str, str]] = {
    **{code: _SOFTWARE for code in (
        "field_missing", "field_unknown", "field_type", "field_too_long", "field_too_short", "field_range",
        "field_format", "field_choice", "text_control", "text_unicode", "number_not_finite", "too_deep",
        "too_many_items", "too_large", "not_object", "unknown_operation", "id_mismatch", "empty_file",
        "attachment_size", "invalid_author", "bad_signature")},
    "unknown_record": _SYNC_AGAIN,
    "refused": _SYNC_AGAIN,
    "code_taken": ("Hãy tìm khách hàng đã có mã này thay vì tạo mới.",
                   "Look up the customer who has this code instead of making a new one."),
    "code_other_unit": ("Hãy kiểm tra lại mã khách hàng.", "Check the customer code."),
    "unknown_user": _TEAM,
    "wrong_team": _TEAM,
    "role_forbidden": ("Hãy nhờ người có vai trò phù hợp làm việc này.",
                       "Ask someone whose role allows it to do this."),
}

# The server's parameters are internal ids in English; in Vietnamese they are named, or left out.
_WORDS_VI: dict[str, str] = {
    # roles, records, operations
    "technician": "kỹ thuật viên", "trainer": "hướng dẫn viên", "supervisor": "giám sát viên",
    "customer": "khách hàng", "work_order": "phiếu công việc", "work order": "phiếu công việc",
    "meter": "công tơ", "reading": "lần đọc chỉ số", "install": "biên bản treo công tơ",
    "onboarding_step": "bước hướng dẫn khách hàng", "attachment": "tệp đính kèm", "conflict": "xung đột",
    "create": "tạo", "update": "sửa", "append": "ghi", "status": "đổi trạng thái", "approve": "duyệt",
    "return": "trả lại", "resolve": "xử lý", "reassign": "giao lại", "start": "bắt đầu làm", "submit": "nộp",
    "assigned": "đã giao", "in_progress": "đang làm", "done": "chờ duyệt", "approved": "đã duyệt",
    "returned": "bị trả lại",
    # types and formats (central/validate.py)
    "text": "chữ", "a whole number": "số nguyên", "true or false": "đúng/sai", "an object": "một đối tượng",
    "a list": "danh sách", "a number": "số", "null": "trống", "JSON": "JSON", "id": "mã", "name": "tên",
    "sha256": "mã băm SHA-256", "customer code": "mã khách hàng", "decimal number": "số thập phân",
    "register name": "tên thanh ghi", "media type": "kiểu tệp", "field name": "tên trường",
    # field names (the last part of a path)
    "op_id": "mã thao tác", "entity_id": "mã bản ghi", "number": "số phiếu", "code": "mã", "phone": "số điện thoại",
    "address": "địa chỉ", "serial": "số công tơ", "value": "giá trị", "values": "giá trị", "registers": "chỉ số",
    "due_date": "ngày hẹn", "state": "trạng thái", "comment": "ghi chú", "reason": "lý do", "payload": "dữ liệu",
    "kind": "loại", "commune": "xã/phường", "commune_code": "mã xã/phường", "photos": "ảnh", "data": "dữ liệu",
    "taken_at": "thời điểm đọc", "recorded_at": "thời điểm ghi", "step": "bước", "method": "cách thanh toán",
    "events": "nhật ký sự kiện", "load_profile": "biểu đồ phụ tải", "capture": "bản ghi trao đổi",
    "mime": "kiểu tệp", "size": "kích thước", "sha": "mã băm", "signature": "chữ ký", "manufacturer": "hãng",
    "model": "kiểu công tơ", "phases": "số pha", "customer_id": "mã khách hàng", "meter_id": "mã công tơ",
    "work_order_id": "mã phiếu", "assigned_to": "người được giao", "unit": "đơn vị",
}
_ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")


def _vi_word(value: str) -> str:
    """An internal id in Vietnamese, or '' when it has no Vietnamese name and reads as English."""
    v = value.strip()
    if v in _WORDS_VI:
        return _WORDS_VI[v]
    if "/" in v:  # an operation: entity/action (kind)
        entity, _, action = v.partition("/")
        action = action.split(" ", 1)[0]
        named = [_vi_word(action), _vi_word(entity)]
        return " ".join(named) if all(named) else ""
    if "." in v:  # a field path: payload.reading.value -> its last named part
        return _vi_word(v.rsplit(".", 1)[1])
    return "" if _ENGLISH_WORD.search(v) else v


def _vi_params(code: str, params: Mapping[str, str]) -> dict[str, str]:
    out = dict(params)
    for key in ("field", "what", "role", "operation", "expected", "format", "entity", "action", "state"):
        if key in out:
            out[key] = _vi_word(out[key]) or {"field": "dữ liệu", "what": "bản ghi"}.get(key, "")
    if "allowed" in out:
        names = [_vi_word(a) for a in out["allowed"].split(",")]
        out["allowed"] = ", ".join(names) if all(names) else "xem hướng dẫn"
    if "detail" in out:
        out["detail"] = ""  # the server's free English text: only the English message keeps it
    return out


class _Params(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def problem(code: str, params: Mapping[str, Any] | None = None, fallback: str = "") -> Problem:
    """The refusal as a vi/en Problem (field: the offending field when the code names one), with what to do.
    The Vietnamese text names the server's internal ids in Vietnamese (never raw English)."""
    raw = {str(k): str(v) for k, v in (params or {}).items()}
    p, p_vi = _Params(raw), _Params(_vi_params(code, raw))
    pair = REASONS.get(code)
    if pair is None:
        text = fallback or code or "refused"
        vi, en = "Máy chủ từ chối thao tác này.", f"Refused by the server: {text}"
        advice = _SYNC_AGAIN
    else:
        vi, en = pair[0].format_map(p_vi), pair[1].format_map(p)
        advice = ADVICE.get(code, ("", ""))
    vi = f"{vi} {advice[0]}".strip() if advice[0] else vi
    en = f"{en} {advice[1]}".strip() if advice[1] else en
    return Problem(p.get("field", ""), code, vi, en)


def english(code: str, params: Mapping[str, Any] | None = None) -> str:
    return problem(code, params).en


def from_answer(answer: Mapping[str, Any]) -> Problem:
    """The Problem for a server's answer to one operation (as stored with the outbox row)."""
    params = answer.get("params")
    return problem(str(answer.get("code") or ""), params if isinstance(params, Mapping) else None,
                   str(answer.get("reason") or ""))
