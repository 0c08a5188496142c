"""Garbage in: the only exception the parsers and the state machine ever raise is ProtocolError."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldkit.devices import framing, identification, obis
from fieldkit.devices.capture import Capture
from fieldkit.devices.client import Client, Done, ReadOptions
from fieldkit.devices.datasets import parse_block, parse_line, parse_value
from fieldkit.devices.errors import ProtocolError
from fieldkit.devices.reparse import parse_file_bytes, parse_stream

DATA = Path(__file__).resolve().parents[1] / "data" / "transcripts"
PROTOCOL_BYTES = st.sampled_from([b"\x01", b"\x02", b"\x03", b"\x04", b"\x06", b"\x15", b"\r\n", b"/", b"!",
                                  b"(", b")", b"*", b"&", b"/ABC5\r\n", b"P0", b"B0", b"1.8.0"])
CHUNKS = st.lists(st.one_of(st.binary(max_size=40), PROTOCOL_BYTES), max_size=30)
OPTIONS = st.sampled_from([ReadOptions(), ReadOptions(mode="program"), ReadOptions(password="1"),
                           ReadOptions(wakeup=True), ReadOptions(echo_suppression=False),
                           ReadOptions(mode="program", read_command="R5", registers=("1.8.0",))])
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def only_protocol_errors(fn, *args) -> object:  # type: ignore[no-untyped-def]
    try:
        return fn(*args)
    except ProtocolError as exc:
        assert exc.code and exc.message_en and exc.message_vi
        return exc


@FAST
@given(st.text(max_size=200))
def test_text_parsers(text: str) -> None:
    only_protocol_errors(parse_line, text)
    only_protocol_errors(parse_block, text)
    only_protocol_errors(obis.normalise, text)
    only_protocol_errors(identification.parse, text)
    value = parse_value(text)  # never raises at all
    assert value.number is None or value.number.is_finite()


@FAST
@given(st.binary(max_size=300))
def test_byte_parsers(data: bytes) -> None:
    only_protocol_errors(identification.parse, data)
    only_protocol_errors(parse_stream, data)
    only_protocol_errors(parse_file_bytes, data)
    only_protocol_errors(Capture.from_bytes, data)


@FAST
@given(OPTIONS, CHUNKS, st.lists(st.booleans(), max_size=30))
def test_client_state_machine(options: ReadOptions, chunks: list[bytes], timeouts: list[bool]) -> None:
    client = Client(options)
    client.start()
    try:
        for i, chunk in enumerate(chunks):
            client.receive(chunk)
            if i < len(timeouts) and timeouts[i]:
                client.timed_out()
        client.timed_out()
        client.abort()
    except ProtocolError as exc:
        assert exc.code


def _streams() -> list[bytes]:
    out = []
    for path in sorted(DATA.iterdir()):
        if path.name.endswith(".capture.json"):
            out.append(Capture.from_bytes(path.read_bytes()).received())
        elif path.name.endswith(".raw"):
            out.append(path.read_bytes())
    return out


def mutate(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        if not buf:
            break
        op = rng.randrange(7)
        i = rng.randrange(len(buf))
        if op == 0:
            buf[i] ^= 1 << rng.randrange(8)
        elif op == 1:
            del buf[i:i + rng.randint(1, 20)]
        elif op == 2:
            buf[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 20)))
        elif op == 3:
            j = rng.randrange(len(buf))
            buf[i:i] = buf[j:j + rng.randint(1, 60)]
        elif op == 4:
            buf[i] = rng.choice(b"\x01\x02\x03\x04\x06\x15()*&!/\r\n")
        elif op == 5:
            del buf[i:]
        else:
            buf[i:i] = rng.choice([b"\x02", b"\x03", b"\x01P0\x02(1)\x03", b"/XYZ5\r\n", b"(", b")"])
    return bytes(buf)


def test_mutation_fuzzer_on_recorded_transcripts() -> None:
    rng = random.Random(62056)
    streams = _streams()
    assert streams
    outcomes = {"done": 0, "error": 0, "waiting": 0}
    for _ in range(1500):
        data = mutate(rng.choice(streams), rng)
        only_protocol_errors(parse_stream, data)
        client = Client(rng.choice([ReadOptions(protocol="iec"), ReadOptions(password="00000000", protocol="iec"),
                                    ReadOptions(mode="program")]))
        client.start()
        try:
            pos = 0
            finished = False
            while pos < len(data) and not finished:
                step = rng.randint(1, 64)
                actions = client.receive(data[pos:pos + step])
                finished = any(isinstance(a, Done) for a in actions)
                pos += step
            if not finished:
                client.timed_out()
                outcomes["waiting"] += 1
            else:
                outcomes["done"] += 1
        except ProtocolError:
            outcomes["error"] += 1
    # the fuzzer really exercised both the happy path and the failures
    assert outcomes["done"] > 50 and outcomes["error"] > 50, outcomes


def test_valid_frames_still_parse_after_the_fuzzer_helpers() -> None:
    assert parse_stream(b"/ABC5\r\n" + framing.data_message("1.8.0(1*kWh)\r\n!\r\n")).registers["1.8.0"][1] == "kWh"
