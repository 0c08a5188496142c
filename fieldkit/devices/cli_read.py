"""``fieldkit read --port PORT [--json]``: read a meter through the optical probe."""

from __future__ import annotations

import argparse
import json
import sys


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", required=True, help="device path (/dev/ttyUSB0, COM4) or socket://host:port")
    parser.add_argument("--json", action="store_true", help="print the reading as JSON")
    parser.add_argument("--address", default="", help="meter address for the sign-on (default: any)")
    parser.add_argument("--baud-max", type=int, default=19200, help="never switch faster than this")
    parser.add_argument("--timeout", type=float, default=2.0, help="seconds to wait for the meter to answer")
    parser.add_argument("--password", help="password, for programming mode or meters that ask for one")
    parser.add_argument("--program", action="store_true", help="read single registers in programming mode")
    parser.add_argument("--register", action="append", default=[], help="register to read (with --program)")
    parser.add_argument("--wakeup", action="store_true", help="send the wake-up preamble (battery meters)")
    parser.add_argument("--capture", metavar="FILE", help="save the raw capture (JSON) to FILE")


def run(args: argparse.Namespace) -> int:
    from fieldkit.devices.client import ReadOptions
    from fieldkit.devices.errors import ProtocolError
    from fieldkit.devices.transport import read_meter

    options = ReadOptions(
        address=args.address, baud_max=args.baud_max, answer_timeout=args.timeout,
        password=args.password, mode="program" if args.program else "readout",
        registers=tuple(args.register), wakeup=args.wakeup,
    )
    try:
        result = read_meter(args.port, options)
    except ProtocolError as exc:
        if args.json:
            print(json.dumps({"error": exc.to_dict()}, ensure_ascii=False))
        else:
            print(f"{exc.message_vi}\n{exc.message_en}\n[{exc.code}] {exc.detail}", file=sys.stderr)
        return 1
    if args.capture and result.capture is not None:
        with open(args.capture, "wb") as handle:
            handle.write(result.capture.to_bytes())
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return 0
    print(f"{result.identification}  ({result.manufacturer})")
    print(f"serial: {result.serial or '-'}   clock: {result.meter_clock or '-'}   "
          f"error register: {result.error_register or '-'}")
    for obis, value in result.values.items():
        unit = f" {value.unit}" if value.unit else ""
        print(f"  {obis:<14} {value.as_text()}{unit}")
    for line in result.bad_lines:
        print(f"  (not understood) {line}")
    return 0
