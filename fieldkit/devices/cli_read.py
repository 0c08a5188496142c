"""``fieldkit read --port PORT [--json] [--protocol auto|iec|dlms|hdlc]``: read a meter through the
optical probe (IEC 62056-21 or DLMS/COSEM, detected)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

BAUDS = (300, 600, 1200, 2400, 4800, 9600, 19200)


def _text_arg(what: str, limit: int, forbidden: str) -> Callable[[str], str]:
    """Printable ASCII of at most `limit` characters, none of `forbidden` (they are protocol delimiters)."""

    def parse(text: str) -> str:
        if len(text) > limit or any(not (0x20 < ord(c) < 0x7F) or c in forbidden for c in text):
            raise argparse.ArgumentTypeError(
                f"the {what} must be at most {limit} printable ASCII characters without spaces or {forbidden}")
        return text

    parse.__name__ = what
    return parse


def _baud(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value not in BAUDS:
        raise argparse.ArgumentTypeError(f"{text!r} is not a meter baud rate; use one of {', '.join(map(str, BAUDS))}")
    return value


def _client_address(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 < value < 128:
        raise argparse.ArgumentTypeError(f"{text!r} is not a DLMS client address (1 to 127)")
    return value


def register(parser: argparse.ArgumentParser) -> None:
    from fieldkit.cli_args import float_range

    parser.add_argument("--port", required=True, help="device path (/dev/ttyUSB0, COM4) or socket://host:port")
    parser.add_argument("--json", action="store_true", help="print the reading as JSON")
    parser.add_argument("--address", default="", type=_text_arg("address", 32, "/?!()"),
                        help="meter address for the sign-on (default: any)")
    parser.add_argument("--baud-max", type=_baud, default=19200, help="never switch faster than this")
    parser.add_argument("--timeout", type=float_range(0.05, 120, "seconds"), default=2.0,
                        help="seconds to wait for the meter to answer (0.05 to 120)")
    parser.add_argument("--password", type=_text_arg("password", 32, "()"),
                        help="password, for programming mode or meters that ask for one")
    parser.add_argument("--program", action="store_true", help="read single registers in programming mode")
    parser.add_argument("--register", action="append", default=[], type=_text_arg("register", 32, "()"),
                        help="register to read (with --program)")
    parser.add_argument("--wakeup", action="store_true", help="send the wake-up preamble (battery meters)")
    parser.add_argument("--capture", metavar="FILE", help="save the raw capture (JSON) to FILE")
    parser.add_argument("--protocol", choices=("auto", "iec", "dlms", "hdlc"), default="auto",
                        help="auto (detect), iec (IEC 62056-21 mode A/B/C), dlms (mode E then HDLC), hdlc (HDLC only)")
    parser.add_argument("--client-address", type=_client_address, default=16,
                        help="DLMS client address (16 public, often 17 with a password)")
    parser.add_argument("--dlms-password", type=_text_arg("DLMS password", 32, ""),
                        help="DLMS low-level (LLS) password")
    parser.add_argument("--profile-hours", type=float_range(0, 24 * 62, "hours"), default=24.0,
                        help="DLMS: hours of load profile before the meter's clock (0 to 1488)")


def run(args: argparse.Namespace) -> int:
    from fieldkit.devices.client import ReadOptions
    from fieldkit.devices.errors import ProtocolError
    from fieldkit.devices.transport import read_meter

    options = ReadOptions(
        address=args.address, baud_max=args.baud_max, answer_timeout=args.timeout,
        password=args.password, mode="program" if args.program else "readout",
        registers=tuple(args.register), wakeup=args.wakeup, protocol=args.protocol,
        client_address=args.client_address, dlms_password=args.dlms_password, profile_hours=args.profile_hours,
    )
    from fieldkit.domain.messages import Texts

    _M = Texts("devices.cli_read")  # the technician's language (Vietnamese unless chosen otherwise)
    try:
        result = read_meter(args.port, options)
    except ProtocolError as exc:
        if args.json:
            print(json.dumps({"error": exc.to_dict()}, ensure_ascii=False))
        else:
            detail = " ".join(exc.detail.split())[:200]
            print(f"[{exc.code}] {exc.message.text()} ({detail})", file=sys.stderr)  # the CLI's language
        return 1
    if args.capture and result.capture is not None:
        try:
            with open(args.capture, "wb") as handle:
                handle.write(result.capture.to_bytes())
        except OSError as exc:
            print(_M.text("Cannot save the capture to {path}: {reason}", path=str(args.capture),
                          reason=str(exc.strerror)), file=sys.stderr)
            return 2
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return 0
    print(f"{result.identification}  ({result.manufacturer})")
    print(_M.text("serial: {serial}   clock: {clock}   error register: {errors}", serial=result.serial or "-",
                  clock=str(result.meter_clock or "-"), errors=str(result.error_register or "-")))
    for obis, value in result.values.items():
        unit = f" {value.unit}" if value.unit else ""
        print(f"  {obis:<14} {value.as_text()}{unit}")
    for line in result.bad_lines:
        print("  " + _M.text("(not understood) {line}", line=line))
    if result.protocol == "dlms":
        if result.clock_deviation is not None:
            print(_M.text("clock deviation: {seconds} s (meter minus this computer)",
                          seconds=f"{result.clock_deviation:+.1f}"))
        for event in result.events:
            mark = "!" if event.tamper else " "
            print(f" {mark} {event.time.isoformat() if event.time else '-'}  {event.code:>3}  {event.name.text()}")
        if result.load_profile is not None:
            p = result.load_profile
            print(_M.text("load profile: {count} intervals of {minutes} min, columns {columns}", count=str(len(p.rows)),
                          minutes=str(p.period // 60), columns=", ".join(f"{k} ({u})" for k, u in p.columns)))
    return 0
