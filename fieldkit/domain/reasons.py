"""Why the central server refused an operation: stable reason codes with their parameters,
and the message for each in Vietnamese and English.

The server answers a refused operation with `{"status": "rejected", "code": CODE,
"params": {...}, "reason": English text}`. The laptop keeps the whole answer with the
quarantined operation and shows `problem(code, params).message(lang)`: the same vi/en
`Problem` the services use for their own validation, so there is one mechanism. Codes are
never renamed (old answers stay readable); an unknown code from a newer server falls back
to the English `reason` it came with.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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
    "refused": ("Máy chủ từ chối: {detail}", "Refused by the server: {detail}"),
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


class _Params(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def problem(code: str, params: Mapping[str, Any] | None = None, fallback: str = "") -> Problem:
    """The refusal as a vi/en Problem (field: the offending field when the code names one)."""
    p = _Params({str(k): str(v) for k, v in (params or {}).items()})
    pair = REASONS.get(code)
    if pair is None:
        text = fallback or code or "refused"
        return Problem(p.get("field", ""), code, f"Máy chủ từ chối: {text}", f"Refused by the server: {text}")
    vi, en = pair
    return Problem(p.get("field", ""), code, vi.format_map(p), en.format_map(p))


def english(code: str, params: Mapping[str, Any] | None = None) -> str:
    return problem(code, params).en


def from_answer(answer: Mapping[str, Any]) -> Problem:
    """The Problem for a server's answer to one operation (as stored with the outbox row)."""
    params = answer.get("params")
    return problem(str(answer.get("code") or ""), params if isinstance(params, Mapping) else None,
                   str(answer.get("reason") or ""))
