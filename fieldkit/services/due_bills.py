"""The bill a household has to pay, as the utility issued it (never an estimate).

The utility's billing system publishes each customer's newest bill through the server's
reference feed (`fieldkit central` publish_reference, kind `bill`, key = customer code, data:
period_start, period_end, amount in VND with VAT, due_date, paid); the pull keeps it in the
store. A bank-transfer QR carries an amount only for such a bill, unpaid; when none is known
the QR carries no amount and the payer types the amount on their bill.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fieldkit.documents.sheet_content import DueBill
from fieldkit.services.session import Session
from fieldkit.store import documents as doc_repo

__all__ = ["bill_from", "latest_bill"]


def bill_from(data: dict[str, Any] | None) -> DueBill | None:
    """A published bill, or None when it is missing or malformed (a bad record never prints)."""
    if not data:
        return None
    try:
        start, end = date.fromisoformat(str(data["period_start"])), date.fromisoformat(str(data["period_end"]))
        amount = data["amount"]
        if isinstance(amount, bool) or not isinstance(amount, int | str) or not str(amount).isdigit():
            return None
        due = date.fromisoformat(str(data["due_date"])) if data.get("due_date") else None
    except (KeyError, ValueError, TypeError):
        return None
    if end < start or int(amount) <= 0:
        return None
    return DueBill(start, end, int(amount), due, bool(data.get("paid")))


def latest_bill(session: Session, customer_code: str) -> DueBill | None:
    with session.store.read() as conn:
        return bill_from(doc_repo.bill_of(conn, customer_code))
