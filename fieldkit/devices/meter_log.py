"""What a DLMS meter remembers: its event log (codes with their meaning) and load profile.

Event codes are those of the standard event log (object 0.0.99.98.0.255) as the DLMS
UA Blue Book / IDIS define them; ``EVENT_CODES`` maps each to a stable key, a Vietnamese
and an English text, and whether it is a tamper sign. Codes a meter model numbers
differently can be given per model (``extra`` in :func:`meaning`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

# code -> (key, Vietnamese, English, tamper)
EVENT_CODES: dict[int, tuple[str, str, str, bool]] = {
    1: ("power_down", "Mất điện", "Power down", False),
    2: ("power_up", "Có điện trở lại", "Power up", False),
    3: ("dst", "Đổi giờ mùa hè", "Daylight saving time changed", False),
    4: ("clock_set_old", "Chỉnh đồng hồ (giờ cũ)", "Clock adjusted (old time)", True),
    5: ("clock_set_new", "Chỉnh đồng hồ (giờ mới)", "Clock adjusted (new time)", True),
    6: ("clock_invalid", "Đồng hồ không hợp lệ", "Clock invalid", False),
    7: ("battery_replace", "Cần thay pin", "Replace battery", False),
    8: ("battery_low", "Pin yếu", "Battery voltage low", False),
    9: ("tou_activated", "Kích hoạt biểu giá mới", "Time-of-use table activated", False),
    10: ("error_cleared", "Xoá thanh ghi lỗi", "Error register cleared", True),
    11: ("alarm_cleared", "Xoá thanh ghi cảnh báo", "Alarm register cleared", True),
    12: ("program_memory_error", "Lỗi bộ nhớ chương trình", "Program memory error", False),
    13: ("ram_error", "Lỗi RAM", "RAM error", False),
    14: ("nv_memory_error", "Lỗi bộ nhớ", "Non-volatile memory error", False),
    15: ("watchdog", "Lỗi watchdog", "Watchdog error", False),
    16: ("measurement_error", "Lỗi hệ đo lường", "Measurement system error", False),
    17: ("firmware_ready", "Phần mềm mới sẵn sàng", "Firmware ready for activation", False),
    18: ("firmware_activated", "Đã cập nhật phần mềm", "Firmware activated", True),
    40: ("terminal_cover_open", "Mở nắp hộp đấu dây", "Terminal cover removed", True),
    41: ("terminal_cover_closed", "Đóng nắp hộp đấu dây", "Terminal cover closed", False),
    42: ("magnetic_field", "Phát hiện từ trường mạnh", "Strong magnetic field detected", True),
    43: ("magnetic_field_gone", "Hết từ trường mạnh", "Strong magnetic field gone", False),
    44: ("cover_open", "Mở nắp công tơ", "Meter cover removed", True),
    45: ("cover_closed", "Đóng nắp công tơ", "Meter cover closed", False),
    46: ("auth_failure", "Đăng nhập sai nhiều lần", "Association authentication failure", True),
    47: ("decrypt_failure", "Lỗi giải mã", "Decryption or authentication failure", True),
    48: ("replay_attack", "Tấn công gửi lại", "Replay attack", True),
    # reverse energy flow (IDIS "fraud detection" numbering, as many meters put it in this log)
    91: ("reverse_current", "Dòng điện ngược", "Reverse current", True),
    92: ("reverse_current_gone", "Hết dòng điện ngược", "Reverse current ended", False),
}
TAMPER_KEYS = {key for key, _vi, _en, tamper in EVENT_CODES.values() if tamper}
# tampering with the meter itself (the evidence a reading looks for around them)
PHYSICAL_KEYS = {"terminal_cover_open", "cover_open", "magnetic_field", "reverse_current"}


@dataclass(frozen=True)
class MeterEvent:
    time: datetime | None          # as the meter's clock said (aware when the meter gave its offset)
    code: int
    key: str                       # stable name ("cover_open"), "unknown" for a code not in the table
    text_vi: str
    text_en: str
    tamper: bool

    def to_json(self) -> dict[str, Any]:
        return {"t": self.time.isoformat() if self.time else None, "code": self.code, "key": self.key,
                "tamper": self.tamper}


def meaning(code: int, extra: dict[int, tuple[str, str, str, bool]] | None = None) -> MeterEvent:
    entry = (extra or {}).get(code) or EVENT_CODES.get(code)
    if entry is None:
        return MeterEvent(None, code, "unknown", f"Sự kiện mã {code}", f"Event code {code}", False)
    return MeterEvent(None, code, *entry)


@dataclass
class LoadProfile:
    period: int                                   # seconds per interval (900 = 15 min)
    columns: list[tuple[str, str]]                # (register key, unit) after the clock column
    rows: list[tuple[datetime | None, list[Decimal | None]]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Compact: start time, period and one column of numbers per register (for sync over 2G)."""
        return {
            "period": self.period,
            "start": self.rows[0][0].isoformat() if self.rows and self.rows[0][0] else None,
            "times": [t.isoformat() if t else None for t, _ in self.rows] if not self.regular() else None,
            "columns": [{"obis": key, "unit": unit,
                         "values": [None if r[1][i] is None else str(r[1][i]) for r in self.rows]}
                        for i, (key, unit) in enumerate(self.columns)],
        }

    def regular(self) -> bool:
        """Every row one period after the previous one (then the times need not be stored)."""
        times = [t for t, _ in self.rows]
        if any(t is None for t in times):
            return False
        return all((b - a).total_seconds() == self.period  # type: ignore[operator]
                   for a, b in zip(times, times[1:], strict=False))


def _utc(moment: datetime) -> datetime:
    from datetime import UTC

    return moment.astimezone(UTC) if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class TamperEvidence:
    """A tamper event inside the load profile, and how consumption changed from then on."""

    event: MeterEvent
    before_per_day: Decimal      # kWh per day before the event
    after_per_day: Decimal       # kWh per day from the event on
    change: Decimal              # (after - before) / before: -0.6 = fell by 60 %


def consumption_change(events: list[MeterEvent], profile: LoadProfile | None, window_hours: float = 24,
                       min_hours: float = 12, threshold: Decimal = Decimal("0.3")) -> TamperEvidence | None:
    """The tamper event after which active energy per interval changed most (at least
    ``threshold``), comparing the ``window_hours`` before it with the ``window_hours`` after it;
    each side needs ``min_hours`` of profile. None when no event qualifies."""
    if profile is None or not profile.rows:
        return None
    column = next((i for i, (_key, unit) in enumerate(profile.columns) if unit == "kWh"), None)
    if column is None:
        return None
    rows = [(_utc(t), v[column]) for t, v in profile.rows if t is not None and v[column] is not None]
    need = max(1, int(min_hours * 3600 // max(1, profile.period)))
    per_day = Decimal(86400) / Decimal(max(1, profile.period))
    window = timedelta(hours=window_hours)
    best: TamperEvidence | None = None
    for event in events:
        if not event.tamper or event.time is None:
            continue
        when = _utc(event.time)
        before = [v for t, v in rows if when - window < t <= when and v is not None]
        after = [v for t, v in rows if when < t <= when + window and v is not None]
        if len(before) < need or len(after) < need:
            continue
        mean_before = sum(before, Decimal(0)) / len(before)
        mean_after = sum(after, Decimal(0)) / len(after)
        if mean_before <= 0:
            continue
        change = (mean_after - mean_before) / mean_before
        if abs(change) >= threshold and (best is None or abs(change) > abs(best.change)):
            best = TamperEvidence(event, mean_before * per_day, mean_after * per_day, change)
    return best
