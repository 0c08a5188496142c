"""Plain dataclasses for the field tool's records. No I/O here.

Field facts (readings, installs, onboarding steps, attachments) are append-only: a
correction is a new record whose `supersedes` names the old one. Mutable records
(customers, work orders) carry a `version` that sync uses to detect conflicts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    TECHNICIAN = "technician"
    TRAINER = "trainer"
    SUPERVISOR = "supervisor"


class WorkOrderKind(StrEnum):
    NEW_SUPPLY = "new_supply"
    METER_INSTALL = "meter_install"
    METER_REPLACEMENT = "meter_replacement"
    READING = "reading"
    INSPECTION = "inspection"
    ONBOARDING = "onboarding"


class WorkOrderState(StrEnum):
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    DONE = "done"  # submitted by the technician, waiting for review
    APPROVED = "approved"
    RETURNED = "returned"  # sent back by the supervisor with a comment


# Who may move a work order from which state to which: fieldkit/domain/lifecycle.py (one table,
# for the laptop and the central server).


class ReadingSource(StrEnum):
    OPTICAL = "optical"
    MANUAL = "manual"


class MeterProtocol(StrEnum):
    IEC62056_21 = "iec62056-21"
    DLMS = "dlms"
    NONE = "none"  # mechanical meter, read by eye


@dataclass(frozen=True)
class Team:
    id: str
    code: str
    name: str
    unit_code: str  # managing unit, first 6 characters of its customers' codes


@dataclass(frozen=True)
class User:
    id: str
    username: str
    display_name: str
    role: Role
    team_id: str | None = None


@dataclass(frozen=True)
class Address:
    province_code: int | None = None
    province: str = ""
    commune_code: int | None = None
    commune: str = ""
    street: str = ""  # house number, hamlet / village
    old_district: str = ""  # as written on pre-2025 contracts; free text, never looked up

    def one_line(self) -> str:
        parts = [self.street, self.commune, self.province]
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class Customer:
    id: str
    code: str
    name: str
    phone: str = ""
    national_id: str = ""
    address: Address = field(default_factory=Address)
    households: int = 1
    version: int = 1


@dataclass(frozen=True)
class Meter:
    id: str
    serial: str
    manufacturer: str = ""
    model: str = ""
    phases: int = 1
    protocol: MeterProtocol = MeterProtocol.IEC62056_21
    ct_ratio: str = ""  # e.g. "200/5"; empty for direct-connected meters
    vt_ratio: str = ""
    tariff_registers: int = 1
    customer_id: str | None = None


@dataclass(frozen=True)
class WorkOrder:
    id: str
    number: str
    kind: WorkOrderKind
    state: WorkOrderState
    customer_id: str | None
    team_id: str | None
    due_date: date | None
    assignee_id: str | None = None
    meter_id: str | None = None
    note: str = ""
    review_comment: str = ""
    version: int = 1
    submitted_at: str = ""  # when the completing record submitted it (UTC ISO), kept after a return
    submitted_record: str = ""  # the id of that record (a resubmission supersedes it)


@dataclass(frozen=True)
class RegisterValue:
    value: Decimal
    unit: str = ""


@dataclass(frozen=True)
class Reading:
    id: str
    meter_id: str
    taken_at: datetime
    source: ReadingSource
    registers: dict[str, RegisterValue]
    customer_id: str | None = None
    work_order_id: str | None = None
    manual_reason: str = ""
    capture_sha256: str | None = None  # raw optical exchange, kept as an attachment
    photo_sha256: str | None = None
    supersedes: str | None = None
    recorded_by: str | None = None
    # a DLMS reading: its event log [[unix time | None, code], ...] and load profile
    # {"start": unix, "period": s, "unit": "kWh", "values": [Wh | None, ...]} (domain/meter_memory.py)
    events: tuple[tuple[int | None, int], ...] = ()
    load_profile: dict[str, Any] | None = None


@dataclass(frozen=True)
class Install:
    id: str
    work_order_id: str
    customer_id: str | None
    installed_meter_serial: str
    removed_meter_serial: str = ""
    form_id: str = "meter_install"
    form_version: int = 1
    data: dict[str, Any] = field(default_factory=dict)
    supersedes: str | None = None
    recorded_by: str | None = None


@dataclass(frozen=True)
class OnboardingStep:
    id: str
    customer_id: str
    step: str
    data: dict[str, Any] = field(default_factory=dict)
    work_order_id: str | None = None
    supersedes: str | None = None
    recorded_by: str | None = None


@dataclass(frozen=True)
class Attachment:
    sha256: str
    size: int
    mime: str
    kind: str  # photo, signature, capture, document
