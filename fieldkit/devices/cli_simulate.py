"""``fieldkit simulate-meter``: serve a simulated meter on a pseudo-terminal or a TCP port.

The first line printed is the port to read from (a pty path or a ``socket://`` URL).
"""

from __future__ import annotations

import argparse
import errno
import os
import sys

from fieldkit.devices.simulator.dlms_meter import DLMS_FAULTS
from fieldkit.devices.simulator.dlms_profiles import DLMS_BUILTIN
from fieldkit.devices.simulator.meter import FAULTS
from fieldkit.devices.simulator.profiles import BUILTIN

TIME_SCALE_ENV = "FIELDKIT_SIMULATOR_TIME_SCALE"


def register(parser: argparse.ArgumentParser) -> None:
    from fieldkit.cli_args import float_range, tcp_port

    parser.add_argument("--profile", default="three-phase-tou",
                        help=f"built-in profile ({', '.join([*BUILTIN, *DLMS_BUILTIN])}) or a JSON profile file")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--pty", action="store_true", help="serve on a pseudo-terminal (the default)")
    where.add_argument("--tcp", type=tcp_port(allow_zero=True), metavar="PORT",
                       help="serve on TCP (0 = any free port)")
    parser.add_argument("--fault", choices=sorted(set(FAULTS) | set(DLMS_FAULTS)),
                        help="misbehave in this way (DLMS meters: " + ", ".join(DLMS_FAULTS) + ")")
    parser.add_argument("--fault-arg", type=float_range(0, 1e6), metavar="N",
                        help="fault parameter: noise bytes, slow reaction seconds, bytes before a drop, "
                             "wake-up seconds, password digits")
    parser.add_argument("--time-scale", type=float_range(1, 1000), metavar="N",
                        help="for tests where the speed is not what is tested: characters on the wire (and a DLMS "
                             "meter's usual reaction times) take 1/N of their real time; the speeds, a fault's "
                             "delays, the meter's timeouts and a mode C meter's reactions stay real; default "
                             f"${TIME_SCALE_ENV} or 1, real time (the variable reaches a simulator started by "
                             "another command, e.g. the demo)")


def run(args: argparse.Namespace) -> int:
    from fieldkit.cli_args import float_range
    from fieldkit.devices.simulator.dlms_meter import DlmsMeter
    from fieldkit.devices.simulator.dlms_profiles import load_dlms
    from fieldkit.devices.simulator.meter import Meter
    from fieldkit.devices.simulator.profiles import load
    from fieldkit.devices.simulator.server import Link, PtyLink, Server, TcpLink, die_with_parent

    die_with_parent()
    scale = args.time_scale
    if scale is None:
        try:
            scale = float_range(1, 1000)(os.environ.get(TIME_SCALE_ENV) or "1")
        except argparse.ArgumentTypeError as exc:
            print(f"{TIME_SCALE_ENV}: {exc}", file=sys.stderr)
            return 2
    meter: Meter | DlmsMeter
    try:
        if args.profile in DLMS_BUILTIN:
            dlms = load_dlms(args.profile)
            dlms.reaction, dlms.hdlc_reaction = dlms.reaction / scale, dlms.hdlc_reaction / scale
            meter = DlmsMeter(dlms, args.fault, args.fault_arg)
            name = dlms.name
        else:
            profile = load(args.profile)   # its reactions stay real: the reader's speed switch waits on them
            meter = Meter(profile, args.fault, args.fault_arg)
            name = profile.name
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        detail = " ".join(str(exc).split())[:120]
        print(f"cannot load the meter profile {args.profile!r} ({type(exc).__name__}: {detail}); use a built-in "
              f"one ({', '.join([*BUILTIN, *DLMS_BUILTIN])}) or a valid JSON profile file", file=sys.stderr)
        return 2
    link: Link
    if args.tcp is not None:
        try:
            tcp = TcpLink(args.tcp)
        except OSError as exc:
            why = "is in use by another program" if exc.errno == errno.EADDRINUSE else f"cannot be used ({exc.strerror})"
            print(f"TCP port {args.tcp} {why}; choose another with --tcp PORT (0 = any free port)", file=sys.stderr)
            return 2
        link, where = tcp, tcp.url
    else:
        pty = PtyLink()
        link, where = pty, pty.path
    server = Server(link, meter, time_scale=scale)  # handles SIGTERM from here on
    print(where, flush=True)
    print(f"meter {name} fault={args.fault or 'none'}", file=sys.stderr, flush=True)
    server.serve()
    return 0
