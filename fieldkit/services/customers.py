"""Customer use cases: create, update contact details, find."""

from __future__ import annotations

from dataclasses import dataclass, replace

from fieldkit.domain.codes import normalise_customer_code
from fieldkit.domain.ids import new_id
from fieldkit.domain.messages import Texts
from fieldkit.domain.models import Address, Customer
from fieldkit.domain.problems import Problem, ValidationError, check
from fieldkit.domain.text import clean_name, normalise_phone
from fieldkit.domain.validation import customer_problems
from fieldkit.services.session import Session
from fieldkit.store import customers as repo
from fieldkit.store.customers import CustomerQuery

_M = Texts("services.customers")


@dataclass(frozen=True)
class CustomerInput:
    code: str
    name: str
    phone: str = ""
    national_id: str = ""
    address: Address = Address()
    households: int = 1


def _normalised(c: Customer) -> Customer:
    return replace(
        c, code=normalise_customer_code(c.code), name=clean_name(c.name), phone=normalise_phone(c.phone),
        national_id=c.national_id.strip(),
    )


def create_customer(session: Session, data: CustomerInput) -> Customer:
    customer = _normalised(Customer(
        id=new_id(), code=data.code, name=data.name, phone=data.phone, national_id=data.national_id,
        address=data.address, households=data.households,
    ))
    check(customer_problems(customer))
    with session.store.transaction(actor=session.user_id) as tx:
        if repo.by_code(tx.conn, customer.code) is not None:
            raise ValidationError([Problem(
                "code", "taken", _M("This customer code is already on this device."),
            )])
        repo.insert(tx.conn, customer, tx.now)
        tx.change("customer", customer.id, "create", repo.payload(customer), base_version=None)
    return customer


def update_customer(session: Session, customer_id: str, **changes: object) -> Customer:
    """Change contact details. The new version is queued with the version it was based on,
    so the server can flag a conflict when someone else changed the same customer."""
    allowed = {"name", "phone", "national_id", "address", "households"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValueError(f"cannot change {sorted(unknown)} on a customer")
    with session.store.transaction(actor=session.user_id) as tx:
        current = repo.get(tx.conn, customer_id)
        if current is None:
            raise ValidationError([Problem("customer", "missing", _M("Customer not found."))])
        updated = _normalised(replace(current, **changes, version=current.version + 1))  # type: ignore[arg-type]
        check(customer_problems(updated))
        if replace(updated, version=current.version) == current:
            return current
        repo.update(tx.conn, updated, tx.now)
        changed = {k: v for k, v in repo.payload(updated).items() if repo.payload(current).get(k) != v}
        tx.change(
            "customer", customer_id, "update", repo.payload(updated), base_version=current.version,
            detail=",".join(sorted(k for k in changed if k != "version")),
        )
    return updated


def get_customer(session: Session, customer_id: str) -> Customer | None:
    with session.store.lock:
        return repo.get(session.store.conn, customer_id)


def find_by_code(session: Session, code: str) -> Customer | None:
    with session.store.lock:
        return repo.by_code(session.store.conn, normalise_customer_code(code))


def count_customers(session: Session, query: CustomerQuery) -> int:
    with session.store.lock:
        return repo.count(session.store.conn, query)


def customer_page(session: Session, query: CustomerQuery, offset: int, limit: int) -> list[Customer]:
    with session.store.lock:
        return repo.page(session.store.conn, query, offset, limit)
