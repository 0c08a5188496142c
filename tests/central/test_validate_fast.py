"""The one-pass typed check of fact appends (central/validate_fast.py) takes the common operations
and never takes one that validate.py refuses: it may only refuse more (then validate.py runs and
names the refusal), so every refusal keeps its reason code."""

from __future__ import annotations

import copy
import hashlib
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldkit.central import validate, validate_fast
from fieldkit.domain.ids import new_id

pytestmark = pytest.mark.skipif(validate_fast.ACCEPTS_NOTHING, reason="msgspec is not installed")

MID, CID, WID = new_id(), new_id(), new_id()


def reading() -> dict[str, Any]:
    """A reading as the laptop pushes it (signed by its author, with the device's time)."""
    rid = new_id()
    regs = {code: {"value": f"{12000 * share:.2f}", "unit": "kWh"}
            for code, share in (("1.8.0", 1.0), ("1.8.1", 0.6), ("1.8.2", 0.3), ("1.8.3", 0.1))}
    return {"op_id": new_id(), "entity": "reading", "entity_id": rid, "action": "append",
            "payload": {"id": rid, "meter_id": MID, "taken_at": "2026-12-01T08:00:00+07:00", "source": "optical",
                        "registers": regs, "customer_id": CID, "work_order_id": None, "manual_reason": "",
                        "recorded_by": new_id()},
            "device_time": "2026-12-01T08:00:01.123+07:00", "actor": "lan", "base_version": None}


def install() -> dict[str, Any]:
    iid = new_id()
    return {"op_id": new_id(), "entity": "install", "entity_id": iid, "action": "append", "actor": "Nguyễn Lan",
            "sig": "A" * 86 + "==",
            "payload": {"id": iid, "work_order_id": WID, "customer_id": CID, "installed_meter_serial": "VSE11-ĐL 7",
                        "form_id": "meter_install", "form_version": 2,
                        "data": {"seal": "S-1", "photos": ["a", "b"], "checks": {"earth": True, "ohm": 3}}}}


def onboarding() -> dict[str, Any]:
    oid = new_id()
    return {"op_id": new_id(), "entity": "onboarding_step", "entity_id": oid, "action": "append", "actor": "lan",
            "payload": {"id": oid, "customer_id": CID, "step": "household", "data": {"note": "dòng 1\ndòng 2"}}}


def dlms() -> dict[str, Any]:
    """A DLMS reading with its event log and a month of 15-minute load profile."""
    op = reading()
    t0 = 1_764_000_000
    op["payload"] |= {"events": [[t0 + 60 * i, i % 300] for i in range(100)] + [[None, 7]],
                      "load_profile": {"start": t0, "period": 900, "obis": "1.0.1.29.0.255", "unit": "Wh",
                                       "values": [1234 + i for i in range(2976)] + [None]}}
    return op


BASES = {"reading": reading, "install": install, "onboarding": onboarding, "dlms": dlms}


def full_check_passes(op: Any) -> bool:
    try:
        validate.payload(validate.envelope(op))
    except validate.Refusal:
        return False
    return True


def test_the_common_operations_are_taken_in_one_pass():
    for make in BASES.values():
        op = make()
        assert full_check_passes(op)
        assert validate_fast.accepts(op), op["entity"]
    many = reading()
    many["payload"]["registers"] = {f"1.8.{i}": {"value": f"-{i}.{i:09d}"} for i in range(64)}
    many["payload"] |= {"capture_sha256": "ab" * 32, "photo_sha256": None, "supersedes": new_id(), "source": "manual",
                        "manual_reason": "đồng hồ mờ, đọc bằng mắt"}
    many["base_version"] = 2_000_000_000
    assert full_check_passes(many) and validate_fast.accepts(many)


def test_the_largest_dlms_reading_is_judged_as_validate_judges_it():
    """The event log and load profile at their bounds, near the payload limit: taken exactly when
    validate.py takes it (the size is measured, the values counted as shape counts them)."""
    for value, events in ((10**12, 500), (10**9, 500), (10**12, 0), (5, 500)):
        op = dlms()
        op["payload"]["registers"] = {f"R{i:031d}": {"value": "-" + "9" * 15 + "." + "9" * 9, "unit": "𝔘" * 16}
                                      for i in range(64)}
        op["payload"]["manual_reason"] = "𝔘" * 200
        op["payload"]["events"] = [[4_102_444_800, 65_535]] * events
        op["payload"]["load_profile"]["values"] = [value] * 3000
        assert validate_fast.accepts(op) == full_check_passes(op), (value, events)


def test_the_largest_reading_it_takes_is_far_under_the_payload_limit():
    """validate_fast measures no reading's size: the struct bounds it (64 registers, short texts)."""
    op = reading()
    big = "𝔘" * 16  # 4 bytes each in UTF-8
    op["payload"]["registers"] = {f"R{i:031d}": {"value": "-" + "9" * 15 + "." + "9" * 9, "unit": big}
                                  for i in range(64)}
    op["payload"] |= {"manual_reason": "𝔘" * 200, "capture_sha256": "f" * 64, "photo_sha256": "e" * 64}
    for key in ("id", "customer_id", "work_order_id", "supersedes", "recorded_by", "meter_id"):
        op["payload"][key] = "X" * 36
    op["entity_id"] = "X" * 36
    assert validate_fast.accepts(op) and full_check_passes(op)
    size = len(json.dumps(op["payload"], ensure_ascii=False, separators=(",", ":")).encode())
    assert size < validate.MAX_PAYLOAD / 4, size


def _set(op: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    out = copy.deepcopy(op)
    *parents, last = path.split("/")
    node = out
    for p in parents:
        node = node[p]
    if value is _DELETE:
        node.pop(last, None)
    else:
        node[last] = value
    return out


_DELETE = object()

# (base, path, value): each refused by validate.py (the test checks that too), so each must be refused here.
REFUSED: list[tuple[str, str, Any]] = [
    ("reading", "op_id", new_id() + "\n"), ("reading", "op_id", "x" * 37), ("reading", "op_id", "_abc"),
    ("reading", "op_id", "１２３"), ("reading", "op_id", "٣٤"), ("reading", "op_id", ""), ("reading", "op_id", 5),
    ("reading", "entity_id", "a/b"), ("reading", "entity_id", "a\n"), ("reading", "entity", "Reading"),
    ("reading", "action", "Append"), ("reading", "action", "create"), ("reading", "payload", [1]),
    ("reading", "base_version", True), ("reading", "base_version", 1.0), ("reading", "base_version", -1),
    ("reading", "base_version", 2_000_000_001), ("reading", "base_version", 10**30), ("reading", "base_version", "1"),
    ("reading", "device_time", "not a time"), ("reading", "device_time", "1999-12-31T23:00:00"),
    ("reading", "device_time", "2026-12-01T08:00:00\n"), ("reading", "device_time", "2" * 41),
    ("reading", "actor", ""), ("reading", "actor", "lan\ud800"), ("reading", "actor", "lan\x85"),
    ("reading", "actor", "lan\x00"), ("reading", "actor", "a" * 129), ("reading", "actor", 7),
    ("reading", "sig", "\udfff"), ("reading", "extra", float("nan")), ("reading", "extra", 10**40),
    ("reading", "payload/taken_at", _DELETE), ("reading", "payload/taken_at", "2101-01-01T00:00:00"),
    ("reading", "payload/taken_at", ""), ("reading", "payload/taken_at", "2026-02-30T00:00:00"),
    ("reading", "payload/source", "OPTICAL"), ("reading", "payload/source", None),
    ("reading", "payload/registers", {}), ("reading", "payload/registers", []),
    ("reading", "payload/registers", {f"r{i}": {"value": "1"} for i in range(65)}),
    ("reading", "payload/registers", {"1.8.0\n": {"value": "1"}}), ("reading", "payload/registers", {"1 8": {"value": "1"}}),
    ("reading", "payload/registers", {"r" * 33: {"value": "1"}}), ("reading", "payload/registers", {"_r": {"value": "1"}}),
    ("reading", "payload/registers", {"1.8.0": {"value": "1e3"}}),
    ("reading", "payload/registers", {"1.8.0": {"value": "1.0000000000"}}),
    ("reading", "payload/registers", {"1.8.0": {"value": " 1"}}), ("reading", "payload/registers", {"1.8.0": {"value": "1\n"}}),
    ("reading", "payload/registers", {"1.8.0": {"value": "-"}}), ("reading", "payload/registers", {"1.8.0": {"value": 1}}),
    ("reading", "payload/registers", {"1.8.0": {"value": "1", "unit": "k" * 17}}),
    ("reading", "payload/registers", {"1.8.0": {"value": "1", "unit": "k\x7f"}}),
    ("reading", "payload/registers", {"1.8.0": {"value": "1", "unit": "\ud83d"}}),
    ("reading", "payload/registers", {"1.8.0": {"value": "1", "obis": "x"}}),
    ("reading", "payload/registers", {"1.8.0": {"value": "1", "unit": None}}),
    ("reading", "payload/registers", {"1.8.0": {"value": "١"}}),
    ("reading", "payload/evil", 1), ("reading", "payload/manual_reason", None),
    ("reading", "payload/manual_reason", "a\tb"), ("reading", "payload/customer_id", 5),
    ("reading", "payload/customer_id", "c" * 37), ("reading", "payload/capture_sha256", "AB" * 32),
    ("reading", "payload/capture_sha256", "a" * 63), ("reading", "payload/photo_sha256", "g" * 64),
    ("reading", "payload/meter_id", None), ("reading", "payload/events", [[1, 2**40]]),
    ("dlms", "payload/events", [[1, 2]]), ("dlms", "payload/events", [[1_764_000_000, None]]),
    ("dlms", "payload/events", [[1_764_000_000, 2**16]]), ("dlms", "payload/events", [[1_764_000_000, 1, 2]]),
    ("dlms", "payload/events", [[True, 1]]), ("dlms", "payload/events", [[1_764_000_000.0, 1]]),
    ("dlms", "payload/events", [[None, 1]] * 501), ("dlms", "payload/events", {"a": 1}),
    ("dlms", "payload/load_profile/period", 59), ("dlms", "payload/load_profile/obis", "1.0 1"),
    ("dlms", "payload/load_profile/obis", "1.0.1\n"), ("dlms", "payload/load_profile/obis", ""),
    ("dlms", "payload/load_profile/unit", "kWh"), ("dlms", "payload/load_profile/values", [-1]),
    ("dlms", "payload/load_profile/values", [10**12 + 1]), ("dlms", "payload/load_profile/values", [1.5]),
    ("dlms", "payload/load_profile/values", [0] * 3001), ("dlms", "payload/load_profile/start", None),
    ("dlms", "payload/load_profile/extra", 1),
    ("install", "payload/data", {"a": {"b": {"c": {"d": 1}}}}), ("install", "payload/data", {"a b": 1}),
    ("install", "payload/data", {"x": float("inf")}), ("install", "payload/data", {"x": 2**60}),
    ("install", "payload/data", {f"k{i}": 1 for i in range(201)}), ("install", "payload/data", {"x": "y" * 4001}),
    ("install", "payload/data", {"x": "a\x1bb"}), ("install", "payload/data", {"x": "\ud800"}),
    ("install", "payload/data", [1]), ("install", "payload/data", {f"k{i}": "é" * 4000 for i in range(20)}),
    ("install", "payload/form_version", 0), ("install", "payload/form_version", True),
    ("install", "payload/form_id", "a b"), ("install", "payload/form_id", ""), ("install", "payload/work_order_id", None),
    ("install", "payload/installed_meter_serial", "s" * 65), ("install", "sig", "x" * 20_001),
    ("onboarding", "payload/step", "nonsense"), ("onboarding", "payload/customer_id", _DELETE),
    ("onboarding", "payload/data", {"x": [[[1]]]}), ("onboarding", "payload", {"customer_id": CID, "step": "household",
                                                                               "data": {}, "x": 1}),
]


@pytest.mark.parametrize(("base", "path", "value"), REFUSED, ids=[f"{b}:{p}:{str(v)[:20]!r}" for b, p, v in REFUSED])
def test_what_validate_refuses_is_never_taken(base, path, value):
    op = _set(BASES[base](), path, value)
    assert not full_check_passes(op), "the case must be a refusal of validate.py"
    assert not validate_fast.accepts(op)


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70) | st.floats()
    | st.text(max_size=50) | st.sampled_from(["", "\n", "1.8.0", "2026-12-01T08:00:00", "kWh", "optical", "x" * 36,
                                             "a" * 64, "household", "append", "reading", new_id() + "\n"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)
PATHS = ["op_id", "entity", "entity_id", "action", "payload", "base_version", "device_time", "actor", "sig", "junk",
         "payload/id", "payload/meter_id", "payload/taken_at", "payload/source", "payload/registers",
         "payload/registers/1.8.0", "payload/registers/1.8.0/value", "payload/registers/1.8.0/unit",
         "payload/customer_id", "payload/manual_reason", "payload/capture_sha256", "payload/work_order_id",
         "payload/data", "payload/form_version", "payload/form_id", "payload/step", "payload/junk",
         "payload/installed_meter_serial", "payload/events", "payload/load_profile", "payload/load_profile/values",
         "payload/load_profile/obis", "payload/load_profile/start"]


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(base=st.sampled_from(sorted(BASES)), path=st.sampled_from(PATHS), value=JSONISH)
def test_random_values_anywhere_never_make_it_take_a_refused_operation(base, path, value):
    op = BASES[base]()
    try:
        op = _set(op, path, value)
    except (KeyError, TypeError):
        return
    if validate_fast.accepts(op):
        assert full_check_passes(op), op


# The schemas validate_fast mirrors, as validate.py states them. A change there changes this print:
# make validate_fast.py's structs follow (same or stricter), then update the print.
MIRRORED = (validate.Envelope, validate.ReadingAppend, validate.Register, validate.InstallAppend,
            validate.OnboardingAppend)
SCHEMA_PRINT = "0582ec68b3511f1d"


def test_the_mirrored_schemas_are_as_validate_fast_knows_them():
    text = json.dumps([m.model_json_schema() for m in MIRRORED], sort_keys=True)
    assert hashlib.sha256(text.encode()).hexdigest()[:16] == SCHEMA_PRINT
