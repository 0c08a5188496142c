"""A DLMS reading's event log and load profile are kept as their own compact fields of the
reading and synced with it through the real central server (SQLite and PostgreSQL), within
the server's strict per-kind schema; hostile values are refused by it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldkit.central.validate import Refusal, envelope, payload
from fieldkit.devices.capture import Capture
from fieldkit.devices.dlms_capture import parse_capture
from fieldkit.services import customers, field_facts, meters, readings, sync
from fieldkit.services.customers import CustomerInput
from fieldkit.store import field_facts as facts_repo

CAPTURE = Path(__file__).resolve().parents[1] / "data" / "dlms" / "dlms-tamper.capture.json"


def _dlms_reading(session):
    c = customers.create_customer(session, CustomerInput(code="PA23LN0000701", name="Vũ Thị Ngân"))
    m = meters.register_meter(session, serial="23110046", customer_id=c.id, manufacturer="FKD", phases=3)
    result = parse_capture(Capture.from_bytes(CAPTURE.read_bytes()))
    target = readings.target_for_meter(session, m.id)
    return m, result, readings.save_optical(session, target, result)


def test_a_dlms_reading_keeps_its_events_and_profile_compactly(session) -> None:
    _m, result, saved = _dlms_reading(session)
    assert len(saved.events) == len(result.events) == 15
    assert [code for _t, code in saved.events] == [e.code for e in result.events]
    assert all(t is not None and t == int(e.time.timestamp()) for (t, _c), e in zip(saved.events, result.events,
                                                                                      strict=True))
    profile = saved.load_profile
    assert profile is not None and profile["period"] == 900 and profile["unit"] == "Wh"
    assert len(profile["values"]) == len(result.load_profile.rows) == 24
    first = result.load_profile.rows[0]
    assert profile["start"] == int(first[0].timestamp()) and profile["values"][0] == int(first[1][0] * 1000)
    with session.store.read() as conn:
        again = facts_repo.get_reading(conn, saved.id)
        payload = json.loads(conn.execute("SELECT payload FROM outbox WHERE entity = 'reading'").fetchone()[0])
    assert again == saved                                   # what is stored reads back the same
    assert payload["events"] == [list(e) for e in saved.events] and payload["load_profile"] == profile
    compact = len(json.dumps({"events": payload["events"], "load_profile": profile}, separators=(",", ":")))
    assert compact < 700, compact                          # 15 events + 24 intervals, for 2G


def test_mode_c_and_manual_payloads_are_unchanged(session) -> None:
    c = customers.create_customer(session, CustomerInput(code="PA23LN0000702", name="Lê Văn Tâm"))
    m = meters.register_meter(session, serial="VSE-1", customer_id=c.id)
    from decimal import Decimal

    from fieldkit.domain.models import ReadingSource, RegisterValue

    r = field_facts.record_reading(session, meter_id=m.id, source=ReadingSource.OPTICAL,
                                   registers={"1.8.0": RegisterValue(Decimal(5), "kWh")})
    assert r.events == () and r.load_profile is None
    payload = facts_repo.reading_payload(r)
    assert "events" not in payload and "load_profile" not in payload


def test_synced_through_the_server_to_the_supervisor(make_device) -> None:
    from fieldkit.domain.models import Role

    tech = make_device("a", "lan")
    sup = make_device("s", "hung", role=Role.SUPERVISOR)
    m, _result, saved = _dlms_reading(tech)
    report = sync.sync_now(tech)
    assert report.ok and report.rejected == 0
    assert sync.sync_now(sup).ok
    [got] = field_facts.readings_of_meter(sup, m.id)
    assert got.events == saved.events and got.load_profile == saved.load_profile


def _op(payload_extra: dict) -> dict:
    payload = {"id": "01HX0000000000000000000001", "meter_id": "01HX0000000000000000000000",
               "taken_at": "2026-12-03T08:00:00+00:00", "source": "optical",
               "registers": {"1.8.0": {"value": "1", "unit": "kWh"}}, **payload_extra}
    return {"op_id": "01HX0000000000000000000002", "entity": "reading", "entity_id": payload["id"],
            "action": "append", "payload": payload, "device_time": "2026-12-03T08:00:00+00:00"}


PROFILE = {"start": 1764748800, "period": 900, "obis": "1.0.1.29.0.255", "unit": "Wh", "values": [1, None, 3]}


def validate_operation(op: dict) -> None:
    payload(envelope(op))


def test_the_server_schema_accepts_compact_memory() -> None:
    validate_operation(_op({"events": [[1764748800, 40], [None, 1]], "load_profile": PROFILE}))
    # the most a reading may carry: a month of 15-minute values and the newest 500 events
    validate_operation(_op({"events": [[1764748800, 40]] * 500,
                            "load_profile": {**PROFILE, "values": list(range(2976))}}))


@pytest.mark.parametrize("extra", [
    {"events": [[1, 40]]},                                   # a time before 2000
    {"events": [[1764748800, -1]]},
    {"events": [[1764748800, 70000]]},
    {"events": [[1764748800]]},
    {"events": [[1764748800, 1, 2]]},
    {"events": [[1764748800, None]]},
    {"events": [[True, 1]]},
    {"events": [["2026-12-03", 1]]},
    {"events": [[1764748800, 1]] * 501},                      # more than kept with a reading
    {"load_profile": {**PROFILE, "period": 0}},
    {"load_profile": {**PROFILE, "period": 10**9}},
    {"load_profile": {**PROFILE, "values": [1.5]}},
    {"load_profile": {**PROFILE, "values": [-1]}},
    {"load_profile": {**PROFILE, "values": [10**13]}},
    {"load_profile": {**PROFILE, "values": [0] * 3001}},
    {"load_profile": {**PROFILE, "unit": "MWh"}},
    {"load_profile": {**PROFILE, "obis": "<script>"}},
    {"load_profile": {**PROFILE, "extra": 1}},
    {"load_profile": [1, 2, 3]},
])
def test_the_server_schema_refuses_hostile_memory(extra: dict) -> None:
    with pytest.raises(Refusal):
        validate_operation(_op(extra))
