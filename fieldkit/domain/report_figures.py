"""The figures of the team report and a technician's day, as plain data (Qt-free, no I/O).

`fieldkit.services.reports` computes them; `fieldkit.documents` prints them; the UI shows
them. Kept here so documents never import a service.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

# Onboarding step names and data keys, as agreed with the onboarding work.
STEP_APP = "app"  # data.registered: bool
STEP_PAYMENT = "payment"  # data.method: one of METHODS
STEP_CONTRACT = "contract"  # data.signed: bool
METHODS = ("mobile_banking", "e_wallet", "auto_debit", "bank_qr", "cash")
CASHLESS = tuple(m for m in METHODS if m != "cash")


@dataclass
class Figures:
    commune_code: int | None
    commune: str
    customers: int = 0
    installs: int = 0
    done_on_time: int = 0
    done_late: int = 0
    open_overdue: int = 0
    readings: int = 0
    abnormal: int = 0
    e_contracts: int = 0
    app_users: int = 0
    payment: dict[str, int] = field(default_factory=lambda: dict.fromkeys(METHODS, 0))

    @property
    def cashless(self) -> int:
        return sum(self.payment[m] for m in CASHLESS)

    def share(self, count: int) -> float:
        """Percent of the commune's customers, 0 when there are none."""
        return 100.0 * count / self.customers if self.customers else 0.0

    def add(self, other: Figures) -> None:
        for name in ("customers", "installs", "done_on_time", "done_late", "open_overdue", "readings", "abnormal",
                     "e_contracts", "app_users"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for m in METHODS:
            self.payment[m] += other.payment[m]


@dataclass(frozen=True)
class TeamReport:
    start: date
    end: date  # inclusive
    commune_code: int | None
    rows: list[Figures]
    total: Figures
    team: str
    made_at: datetime


@dataclass(frozen=True)
class SummaryItem:
    at: datetime  # local time (Vietnam)
    kind: str  # "reading", "install", "onboarding", "work_order"
    work_order: str  # number, or ""
    customer_code: str
    customer_name: str
    subject: str  # meter serial, installed meter serial, step name, or the work order's kind
    value: str  # e.g. "1.8.0 = 1234.5 kWh", payment method, "on_time" / "late"
    flag: str = ""  # abnormal reading flag, "manual" reading, "" otherwise


@dataclass(frozen=True)
class DailySummary:
    user_id: str
    user_name: str
    role: str
    day: date
    items: list[SummaryItem]
    team: str
    supervisor_name: str = ""  # the team's supervisor, who confirms the day ("Tổ trưởng xác nhận")

    def count(self, kind: str) -> int:
        return sum(1 for i in self.items if i.kind == kind)
