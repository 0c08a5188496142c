"""``fieldkit parse-telegram FILE --json``: re-parse a raw capture or a raw readout."""

from __future__ import annotations

import argparse
import json
import sys


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a capture (JSON from a reading) or a raw readout (bytes)")
    parser.add_argument("--json", action="store_true", help="print JSON (the default output)")


def run(args: argparse.Namespace) -> int:
    from fieldkit.devices.errors import ProtocolError
    from fieldkit.devices.reparse import parse_file_bytes, read_limited

    try:
        data = read_limited(args.file)
    except OSError as exc:
        print(f"cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        result = parse_file_bytes(data)
    except ProtocolError as exc:
        print(json.dumps({"error": exc.to_dict()}, ensure_ascii=False))
        return 1
    out = result.to_json()
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0
