"""Recorded transcripts replay through the parser; captures round-trip."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from fieldkit.devices.capture import Capture
from fieldkit.devices.client import Client, Done, ReadOptions
from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.reparse import parse_file_bytes

DATA = Path(__file__).resolve().parents[1] / "data" / "transcripts"
ROOT = Path(__file__).resolve().parents[2]
INPUTS = sorted(p for p in DATA.iterdir() if not p.name.endswith(".expected.json"))


def expected_for(path: Path) -> dict[str, object]:
    return dict(json.loads((DATA / (path.name.split(".")[0] + ".expected.json")).read_text()))


def test_there_are_transcripts_of_every_kind() -> None:
    names = {p.name for p in INPUTS}
    assert len([n for n in names if n.endswith(".capture.json")]) >= 6
    assert len([n for n in names if n.endswith(".raw")]) >= 4


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_transcript_reparses_to_the_recorded_result(path: Path) -> None:
    assert parse_file_bytes(path.read_bytes()).to_json() == expected_for(path)


@pytest.mark.parametrize("path", [p for p in INPUTS if p.name.endswith(".capture.json")
                                  and "program" not in p.name], ids=lambda p: p.name)
def test_capture_replays_through_the_state_machine(path: Path) -> None:
    """Feeding the received chunks, in order, to a fresh client gives the same registers."""
    capture = Capture.from_bytes(path.read_bytes())
    client = Client(ReadOptions(protocol="iec"))
    client.start()
    done = None
    for event in capture.events:
        if event.direction == "rx":
            for action in client.receive(event.data):
                if isinstance(action, Done):
                    done = action
    assert done is not None
    got = {d.address: d.values[0].as_text() for d in done.readout.datasets}
    expected = expected_for(path)["registers"]
    assert isinstance(expected, dict)
    assert got == {k: v["value"] for k, v in expected.items()}


def test_known_values() -> None:
    full = parse_file_bytes((DATA / "full-obis-style.raw").read_bytes())
    assert full.registers["1.8.0"] == (Decimal("61561.289"), "kWh")
    assert full.registers["1.8.0*1"] == (Decimal("60215.004"), "kWh")
    assert full.serial == "30012345"
    assert full.meter_clock is not None and full.meter_clock.isoformat() == "2025-11-20T14:05:33"
    blocks = parse_file_bytes((DATA / "partial-blocks.raw").read_bytes())
    assert set(blocks.registers) == {"F.F", "0.0.0", "1.8.0", "1.8.1"}
    damaged = parse_file_bytes((DATA / "damaged-then-repeated.raw").read_bytes())
    assert damaged.registers["1.8.0"] == (Decimal("42.0"), "kWh")


def test_capture_round_trip_json_and_bytes() -> None:
    capture = Capture(port="/dev/ttyUSB0")
    capture.tx(b"/?!\r\n", 300)
    capture.rx(b"/ABC5\r\n", 300)
    capture.baud(9600)
    capture.rx(b"\x02\x03\x03", 9600)
    again = Capture.from_bytes(capture.to_bytes())
    assert again.events == capture.events and again.port == capture.port
    assert Capture.from_json(json.loads(json.dumps(capture.to_json()))).events == capture.events
    assert again.received() == b"/ABC5\r\n\x02\x03\x03"
    assert again.sent() == b"/?!\r\n"
    assert again.wire_time() == pytest.approx(12 * 10 / 300 + 3 * 10 / 9600)


@pytest.mark.parametrize("bad", [b"", b"{", b"[]", b'{"format": "x"}', b'{"format": "fieldkit-capture/1"}',
                                 b'{"format": "fieldkit-capture/1", "events": [{"t": 0, "dir": "up", '
                                 b'"baud": 1, "hex": ""}]}', b"\xff\xfe"])
def test_bad_capture_is_a_protocol_error(bad: bytes) -> None:
    with pytest.raises(ProtocolError) as info:
        Capture.from_bytes(bad)
    assert info.value.code == "BAD_CAPTURE"


def test_parse_telegram_cli_prints_json() -> None:
    path = DATA / "three-phase-tou.capture.json"
    out = subprocess.run([sys.executable, "-m", "fieldkit", "parse-telegram", str(path), "--json"],
                         capture_output=True, text=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)),
                         timeout=60)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["manufacturer"] == "FKT"
    assert data["registers"]["1.8.0"]["unit"] == "kWh"
    assert Decimal(data["registers"]["1.8.0"]["value"]) > 0
    bad = subprocess.run([sys.executable, "-m", "fieldkit", "parse-telegram", str(DATA / "nope.raw")],
                         capture_output=True, text=True, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)),
                         timeout=60)
    assert bad.returncode == 2
