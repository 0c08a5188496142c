"""The life cycle of every kind of work order, as data (no I/O, no Qt).

One table for the laptop and the central server (fieldkit.central.lifecycle reads the same):

- :data:`MOVES`: who may move an order from which state to which, and with which operation
  (``work_order/status`` for the field's start and submit, ``approve`` / ``return`` /
  ``reassign`` for the supervisor's decisions);
- :data:`KINDS`: per kind, the record that completes it (saving it submits the order), who
  does the work, what the laptop opens to do it and what the supervisor must see to decide.

    assigned ──start──▶ in_progress ──submit──▶ done ──approve──▶ approved
        │                                ▲        │
        └────────────submit──────────────┘        └──return (comment)──▶ returned
                                                         returned ──start / submit──▶ …
    reassign (supervisor): assigned / in_progress / returned, the state stays, the assignee changes

A refusal is a stable reason code with its parameters (:data:`REASONS`, merged into
``fieldkit.domain.reasons``), so the laptop says why in Vietnamese or English.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from fieldkit.domain.messages import Message, Texts
from fieldkit.domain.models import Role, WorkOrderKind, WorkOrderState

_M = Texts("domain.lifecycle")

S = WorkOrderState


class Action(StrEnum):
    START = "start"
    SUBMIT = "submit"
    APPROVE = "approve"
    RETURN = "return"
    REASSIGN = "reassign"


@dataclass(frozen=True)
class Move:
    action: Action
    sources: frozenset[WorkOrderState]
    target: WorkOrderState | None  # None: the state stays (reassign)
    operation: str  # the operation's action on the wire (entity work_order)
    by_supervisor: bool  # True: supervisors only; False: the kind's workers (KindLife.workers)
    needs_comment: bool = False
    needs_delivered: bool = False  # every attachment of its records confirmed by the server


OPEN_STATES = frozenset({S.ASSIGNED, S.IN_PROGRESS, S.RETURNED})

MOVES: tuple[Move, ...] = (
    Move(Action.START, frozenset({S.ASSIGNED, S.RETURNED}), S.IN_PROGRESS, "status", False),
    Move(Action.SUBMIT, OPEN_STATES, S.DONE, "status", False),
    Move(Action.APPROVE, frozenset({S.DONE}), S.APPROVED, "approve", True, needs_delivered=True),
    Move(Action.RETURN, frozenset({S.DONE}), S.RETURNED, "return", True, needs_comment=True),
    Move(Action.REASSIGN, OPEN_STATES, None, "reassign", True),
)
BY_ACTION: dict[Action, Move] = {m.action: m for m in MOVES}
OPERATIONS: frozenset[str] = frozenset(m.operation for m in MOVES)  # status, approve, return, reassign


@dataclass(frozen=True)
class KindLife:
    kind: WorkOrderKind
    record: str  # the entity whose saving submits the order: install | reading | onboarding_step
    record_name: Message  # what the saved record is called (core_vi.ts)
    workers: frozenset[Role]  # who starts and submits it
    opens: str  # what the laptop opens to do the work: install_form | reading_panel | onboarding
    review: tuple[str, ...]  # what the supervisor must see to decide (REVIEW_ITEMS)
    when_flow_finished: bool = False  # onboarding: submitted when the household's flow is complete


FIELD = frozenset({Role.TECHNICIAN})
FIELD_OR_TRAINER = frozenset({Role.TECHNICIAN, Role.TRAINER})

# What the supervisor must see before deciding, by key (the review page shows each).
REVIEW_ITEMS: dict[str, Message] = {
    "record": _M("The submitted record, with the form's labels"),
    "photos": _M("Photos of the meter and seals"),
    "signature": _M("The customer's signature"),
    "readings": _M("Readings, consumption since the previous one and the abnormal check"),
    "capture": _M("The raw optical capture, or the meter-face photo of a manual reading"),
    "events": _M("The meter's event log and load profile (DLMS)"),
    "steps": _M("The onboarding steps: app, payment, contract"),
    "document": _M("The PDF document made"),
    "history": _M("The order's history (returns, resubmissions)"),
    "delivered": _M("Every attachment received by the server"),
}

KINDS: dict[WorkOrderKind, KindLife] = {k.kind: k for k in (
    KindLife(WorkOrderKind.METER_INSTALL, "install", _M("meter install record"), FIELD,
             "install_form", ("record", "photos", "signature", "document", "history", "delivered")),
    KindLife(WorkOrderKind.METER_REPLACEMENT, "install", _M("meter install record"), FIELD,
             "install_form", ("record", "photos", "signature", "readings", "document", "history", "delivered")),
    # A new supply is done when its meter hangs on the household's supply (the install record).
    KindLife(WorkOrderKind.NEW_SUPPLY, "install", _M("new-supply install record"),
             FIELD, "install_form", ("record", "photos", "signature", "document", "history", "delivered")),
    KindLife(WorkOrderKind.READING, "reading", _M("meter reading"), FIELD, "reading_panel",
             ("readings", "capture", "history", "delivered")),
    # An inspection reads the meter with its event log and load profile: the evidence of tampering.
    KindLife(WorkOrderKind.INSPECTION, "reading", _M("inspection reading"), FIELD,
             "reading_panel", ("readings", "capture", "events", "history", "delivered")),
    KindLife(WorkOrderKind.ONBOARDING, "onboarding_step", _M("finished onboarding"),
             FIELD_OR_TRAINER, "onboarding", ("steps", "signature", "document", "history", "delivered"),
             when_flow_finished=True),
)}


def life(kind: WorkOrderKind | str) -> KindLife:
    return KINDS[WorkOrderKind(kind)]


def kinds_completed_by(record: str) -> tuple[WorkOrderKind, ...]:
    return tuple(k for k, v in KINDS.items() if v.record == record)


def move_to(target: WorkOrderState) -> Move:
    """The move a `status` / `approve` / `return` operation names by its target state."""
    for m in MOVES:
        if m.target is target:
            return m
    raise KeyError(target)


@dataclass(frozen=True)
class Refusal:
    """Why a move is refused: a reason code (REASONS or domain.reasons) and its parameters."""

    code: str
    params: dict[str, str]


def refusal(kind: WorkOrderKind | str, state: WorkOrderState, move: Move, role: Role | str,
            operation: str | None = None) -> Refusal | None:
    """None when `role` may make `move` on an order of `kind` in `state`; else why not. The role
    is checked first (a trainer may never approve), then the kind, the operation, then the state."""
    r = Role(role)
    if move.by_supervisor and r is not Role.SUPERVISOR:
        return Refusal("role_forbidden", {"role": r.value, "operation": f"work_order/{move.action.value}"})
    if not move.by_supervisor and r not in life(kind).workers:
        return Refusal("role_forbidden", {"role": r.value,
                                          "operation": f"work_order/{move.action.value} ({WorkOrderKind(kind).value})"})
    if operation is not None and operation != move.operation:
        return Refusal("wo_wrong_operation", {"operation": operation, "action": move.action.value,
                                              "expected": move.operation})
    if state not in move.sources:
        return Refusal("wo_transition", {"state": state.value, "action": move.action.value})
    return None


def actions(kind: WorkOrderKind | str, state: WorkOrderState, role: Role | str) -> list[Action]:
    """What `role` may do now with an order of `kind` in `state` (for the screens' buttons)."""
    return [m.action for m in MOVES if refusal(kind, state, m, role) is None]


def is_open(state: WorkOrderState) -> bool:
    return state in OPEN_STATES


# Reason codes of the life cycle (merged into fieldkit.domain.reasons.REASONS), each ending with what
# to do; fieldkit.domain.reasons names the parameters (states, actions, roles) in Vietnamese.
_SYNC = _M("Sync again to see the order's latest state.")
REASONS: dict[str, Message] = {
    "wo_transition": _M("The work order is '{state}'; it cannot be given '{action}'. {advice}", advice=_SYNC),
    "wo_wrong_operation": _M("The operation {operation} does not {action} a work order (it is {expected}). This is a software error, not yours; tell the support team."),
    "wo_comment_required": _M("When returning a work order, say what needs fixing."),
    "wo_not_delivered": _M("The work order is not delivered yet: {count} attachment(s) not received by the server. Wait until its author has synced, then approve again."),
    "wo_assignee": _M("The assignee {user} is not a technician or trainer of the team. Choose someone else."),
    "wo_assignee_kind": _M("The assignee {user} ({role}) cannot do this kind of work order. Choose a technician."),
}
