"""``fieldkit probes``: list serial ports that look like optical probes."""

from __future__ import annotations

import argparse
import json


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--all", action="store_true", help="list every serial port, not only known probe chips")
    parser.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from fieldkit.devices.discovery import candidates
    from fieldkit.domain.messages import Texts

    _M = Texts("devices.cli_probes")  # the technician's language (Vietnamese unless chosen otherwise)
    found = candidates(include_all=args.all)
    if args.json:
        print(json.dumps([asdict(c) for c in found], indent=2))
        return 0
    if not found:
        print(_M.text("No optical probe found (use --all to list every serial port)."))
        return 0
    for cand in found:
        ids = f"{cand.vid:04x}:{cand.pid:04x}" if cand.vid is not None and cand.pid is not None else "-"
        chip = cand.chip or _M.text("not a known probe chip")
        print(f"{cand.device:<20} {ids:<10} {chip:<28} {cand.description}")
    return 0
