"""The sans-I/O client: bytes in, actions out, no port and no clock."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fieldkit.devices import framing
from fieldkit.devices.client import Action, Client, Done, Pause, Progress, ReadOptions, Send, SetBaud
from fieldkit.devices.errors import ProtocolError

IDENT = b"/FKT5FK3P\r\n"
BLOCK = "F.F(00000000)\r\n0.0.0(19072245)\r\n1-0:1.8.0*255(061561.289*kWh)\r\n1.8.1(34125.118*kWh)\r\n!\r\n"


def sends(actions: list[Action]) -> list[bytes]:
    return [a.data for a in actions if isinstance(a, Send)]


def done(actions: list[Action]) -> Done | None:
    return next((a for a in actions if isinstance(a, Done)), None)


def test_mode_c_readout_with_baud_switch_after_the_ack() -> None:
    client = Client()
    start = client.start()
    assert sends(start) == [b"/?!\r\n"]
    actions = client.receive(IDENT)
    # the option select goes out first, THEN the speed changes
    kinds = [type(a).__name__ for a in actions if isinstance(a, Send | SetBaud)]
    assert kinds == ["Send", "SetBaud"]
    assert sends(actions) == [b"\x06050\r\n"]
    send = next(a for a in actions if isinstance(a, Send))
    assert send.gap == pytest.approx(0.2)  # upper-case third letter: 200 ms
    assert next(a for a in actions if isinstance(a, SetBaud)).baud == 9600
    message = framing.data_message(BLOCK)
    assert done(client.receive(message[:10])) is None
    result = done(client.receive(message[10:]))
    assert result is not None
    regs = {d.address: d.values[0] for d in result.readout.datasets}
    assert regs["1.8.0"].number == Decimal("61561.289") and regs["1.8.0"].unit == "kWh"
    assert client.finished


def test_baud_max_limits_the_switch() -> None:
    client = Client(ReadOptions(baud_max=4800))
    client.start()
    actions = client.receive(IDENT)
    assert sends(actions) == [b"\x06040\r\n"]
    assert [a.baud for a in actions if isinstance(a, SetBaud)] == [4800]


def test_lower_case_third_letter_means_20_ms() -> None:
    client = Client()
    client.start()
    actions = client.receive(b"/ISk5ME162\r\n")
    assert next(a for a in actions if isinstance(a, Send)).gap == pytest.approx(0.02)


def test_bad_bcc_is_naked_then_accepted() -> None:
    client = Client()
    client.start()
    client.receive(IDENT)
    good = framing.data_message(BLOCK)
    bad = good[:-1] + bytes([good[-1] ^ 1])
    assert sends(client.receive(bad)) == [b"\x15"]
    result = done(client.receive(good))
    assert result is not None and result.readout.naks_sent == 1


def test_bcc_failure_after_retries() -> None:
    client = Client(ReadOptions(bcc_retries=2))
    client.start()
    client.receive(IDENT)
    good = framing.data_message(BLOCK)
    bad = good[:-1] + bytes([good[-1] ^ 1])
    client.receive(bad)
    client.receive(bad)
    with pytest.raises(ProtocolError) as info:
        client.receive(bad)
    assert info.value.code == "BCC_FAILED"


def test_partial_blocks_are_acknowledged_and_joined() -> None:
    client = Client()
    client.start()
    client.receive(IDENT)
    first = framing.data_message(BLOCK[:30], framing.EOT)
    second = framing.data_message(BLOCK[30:])
    assert sends(client.receive(first)) == [b"\x06"]
    result = done(client.receive(second))
    assert result is not None
    assert [d.address for d in result.readout.datasets] == ["F.F", "0.0.0", "1.8.0", "1.8.1"]


def test_echo_of_our_own_bytes_is_suppressed() -> None:
    client = Client()
    client.start()
    actions = client.receive(b"/?!\r\n" + IDENT)
    assert sends(actions) == [b"\x06050\r\n"]
    message = framing.data_message(BLOCK)
    result = done(client.receive(b"\x06050\r\n" + message))
    assert result is not None and result.readout.echo_detected


def test_noise_before_identification_is_skipped() -> None:
    client = Client()
    client.start()
    actions = client.receive(b"\x7f\x00garbage\r\n/x" + IDENT)
    assert sends(actions) == [b"\x06050\r\n"]


def test_wake_up_preamble_then_pause_then_sign_on() -> None:
    client = Client(ReadOptions(wakeup=True, wakeup_duration=1.0, wakeup_pause=0.5))
    actions = client.start()
    sent = sends(actions)
    assert sent[0] == b"\x00" * 30  # 1 s of NUL at 300 baud
    assert sent[1] == b"/?!\r\n"
    pauses = [a.seconds for a in actions if isinstance(a, Pause)]
    assert pauses == [0.5]
    assert actions.index(next(a for a in actions if isinstance(a, Pause))) < len(actions) - 1


def test_no_answer_retries_sign_on_then_fails() -> None:
    client = Client(ReadOptions(sign_on_retries=1))
    client.start()
    assert sends(client.timed_out()) == [b"/?!\r\n"]
    with pytest.raises(ProtocolError) as info:
        client.timed_out()
    assert info.value.code == "NO_ANSWER"
    assert "optical port" in info.value.message_en


def test_data_cut_short_is_connection_lost() -> None:
    client = Client()
    client.start()
    client.receive(IDENT)
    client.receive(framing.data_message(BLOCK)[:20])
    with pytest.raises(ProtocolError) as info:
        client.timed_out()
    assert info.value.code == "CONNECTION_LOST"


def test_mode_b_switches_without_option_select_and_mode_a_not_at_all() -> None:
    client = Client()
    client.start()
    actions = client.receive(b"/FKSEmodel\r\n")
    assert sends(actions) == []
    assert [a.baud for a in actions if isinstance(a, SetBaud)] == [9600]
    assert done(client.receive(framing.data_message(BLOCK))) is not None
    client_a = Client()
    client_a.start()
    actions = client_a.receive(b"/FKa:model\r\n")
    assert sends(actions) == [] and not [a for a in actions if isinstance(a, SetBaud)]
    assert done(client_a.receive(framing.data_message(BLOCK))) is not None


def _prompt() -> bytes:
    return framing.command("P0", "(12345678)")


def test_programming_mode_password_r1_and_break() -> None:
    client = Client(ReadOptions(mode="program", password="00001111", registers=("1.8.0", "9.9.9")))
    client.start()
    actions = client.receive(IDENT)
    assert sends(actions) == [b"\x06051\r\n"]
    assert sends(client.receive(_prompt())) == [framing.password("00001111")]
    assert sends(client.receive(b"\x06")) == [framing.read_register("1.8.0")]
    assert sends(client.receive(framing.data_message("1.8.0(000123.4*kWh)"))) == [framing.read_register("9.9.9")]
    actions = client.receive(framing.data_message("(ERROR)"))
    assert sends(actions) == [framing.break_message()]
    result = done(actions)
    assert result is not None
    assert [(d.address, d.values[0].number) for d in result.readout.datasets] == [("1.8.0", Decimal("123.4"))]
    assert result.readout.bad_lines == ["(ERROR)"]


def test_r5_command_and_meter_nak_on_request() -> None:
    client = Client(ReadOptions(mode="program", read_command="R5", registers=("1.8.0",)))
    client.start()
    client.receive(IDENT)
    client.receive(_prompt())
    assert sends(client.receive(b"\x06")) == [framing.read_register("1.8.0", "R5")]
    assert sends(client.receive(b"\x15")) == [framing.read_register("1.8.0", "R5")]


def test_password_prompt_in_readout_needs_a_password() -> None:
    client = Client()
    client.start()
    client.receive(IDENT)
    with pytest.raises(ProtocolError) as info:
        client.receive(_prompt())
    assert info.value.code == "PASSWORD_REQUIRED"


def test_rejected_password() -> None:
    client = Client(ReadOptions(password="1"))
    client.start()
    client.receive(IDENT)
    client.receive(_prompt())
    with pytest.raises(ProtocolError) as info:
        client.receive(b"\x15")
    assert info.value.code == "PASSWORD_REJECTED"


def test_unexpected_command_from_meter() -> None:
    client = Client()
    client.start()
    client.receive(IDENT)
    with pytest.raises(ProtocolError) as info:
        client.receive(framing.break_message())
    assert info.value.code == "UNEXPECTED_REPLY"


def test_endless_garbage_instead_of_identification_ends() -> None:
    client = Client()
    client.start()
    with pytest.raises(ProtocolError) as info:
        for _ in range(100):
            client.receive(b"x" * 10)
    assert info.value.code == "BAD_IDENTIFICATION"


def test_endless_noise_instead_of_data_ends() -> None:
    client = Client(ReadOptions(max_data_bytes=1000))
    client.start()
    client.receive(IDENT)
    with pytest.raises(ProtocolError) as info:
        for _ in range(200):
            client.receive(b"\x7f\x00noise")
    assert info.value.code == "UNEXPECTED_REPLY"


def test_block_not_repeated_on_nak_waits_inactivity_and_signs_on_again() -> None:
    client = Client(ReadOptions(inactivity_time=1.5, recoveries=1))
    client.start()
    client.receive(IDENT)
    bad = bytearray(framing.data_message(BLOCK))
    bad[-1] ^= 1
    assert sends(client.receive(bytes(bad))) == [framing.NAK]
    actions = client.timed_out()  # the meter ignored the NAK
    phases = [a.phase for a in actions if isinstance(a, Progress)]
    assert phases[0] == "recovering" and "sign-on" in phases
    kinds = [type(a).__name__ for a in actions if not isinstance(a, Progress)]
    assert kinds == ["Pause", "SetBaud", "Send"]
    assert next(a for a in actions if isinstance(a, Pause)).seconds == pytest.approx(1.5)
    assert next(a for a in actions if isinstance(a, SetBaud)).baud == 300
    assert sends(actions) == [b"/?!\r\n"]
    client.receive(IDENT)
    result = done(client.receive(framing.data_message(BLOCK)))
    assert result is not None and result.readout.recoveries == 1 and result.readout.naks_sent == 1
    # a second block the meter will not repeat: no recovery left, a clear BCC_FAILED
    again = Client(ReadOptions(recoveries=0))
    again.start()
    again.receive(IDENT)
    again.receive(bytes(bad))
    with pytest.raises(ProtocolError) as info:
        again.timed_out()
    assert info.value.code == "BCC_FAILED"
