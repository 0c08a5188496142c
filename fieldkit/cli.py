"""Command line entry point.

Each sub-command lives in the module that owns it and is imported only when it is
called, so `fieldkit --version` and the GUI start fast. A module named here exposes
`register(parser)` (adds its arguments) and `run(args) -> int`.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from fieldkit import __version__, extras
from fieldkit.cli_args import OneLineParser

# command name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "gui": ("fieldkit.ui.cli", "start the desktop app (the default)"),
    "demo-data": ("fieldkit.store.demo_cli", "build a deterministic demo database"),
    "doctor": ("fieldkit.doctor", "check Qt, serial ports, the database and the server"),
    "user": ("fieldkit.services.user_cli", "create or list local users of a profile"),
    "screenshots": ("fieldkit.ui.screenshots", "render the main screens to PNG files"),
    "read": ("fieldkit.devices.cli_read", "read a meter through an optical probe"),
    "probes": ("fieldkit.devices.cli_probes", "list serial ports that look like optical probes"),
    "simulate-meter": ("fieldkit.devices.cli_simulate", "serve a simulated meter on a pty or TCP port"),
    "parse-telegram": ("fieldkit.devices.cli_parse", "re-parse a raw capture or readout"),
    "central": ("fieldkit.central.cli", "run and administer the reference central server"),
    "sync": ("fieldkit.sync.cli", "sync a device database with the central server"),
    "demo": ("fieldkit.demo", "start the demo: meter simulator, central server and the app"),
    "recover": ("fieldkit.services.recovery_cli", "open a profile with the utility's recovery key and push it"),
    "recovery-key": ("fieldkit.services.recovery_key_cli", "make the utility's recovery key pair"),
}


def _load(name: str):  # type: ignore[no-untyped-def]
    module_name, _ = COMMANDS[name]
    return importlib.import_module(module_name)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = OneLineParser(prog="fieldkit", description="FieldKit field tool")
    parser.add_argument("--version", action="version", version=f"fieldkit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (_module, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text)
        if name == only:
            _load(name).register(p)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in argv if not a.startswith("-")), None)
    if command is not None and command not in COMMANDS:
        command = None
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version")):
        argv = ["gui", *argv]
        command = "gui"
    if command == "central" and extras.central_missing():  # the laptop install has no server
        print(f"fieldkit: {extras.CENTRAL_HINT}", file=sys.stderr)
        return 2
    parser = build_parser(only=command)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    module = _load(args.command)
    os.umask(0o077)  # every file FieldKit writes (profile, exports, logs) is readable by the user only
    try:
        return int(module.run(args) or 0)
    except KeyboardInterrupt:
        print(_said(args.command, "Stopped (Ctrl+C)."), file=sys.stderr)
        return 130
    except Exception as exc:  # the last resort: one line, never a traceback
        return _last_resort(args.command, exc)


def _last_resort(command: str, exc: Exception) -> int:
    """An error no sub-command expected: name it in one line (disk problems in words), exit 70.

    Set FIELDKIT_DEBUG=1 to see the traceback."""
    if os.environ.get("FIELDKIT_DEBUG"):
        raise exc
    from fieldkit.store.disk import describe_os_error

    disk = describe_os_error(exc)
    if disk is not None:
        print(f"fieldkit {command}: {disk.text()}", file=sys.stderr)
        return 74
    text = " ".join(str(exc).split())[:300]
    said = _said(command, "Unexpected error ({error}); run `fieldkit doctor` and report this with the output of "
                          "FIELDKIT_DEBUG=1.", error=f"{type(exc).__name__}: {text}")
    print(f"fieldkit {command}: {said}", file=sys.stderr)
    return 70


def _said(command: str, source: str, **params: str) -> str:
    """A message in the laptop's language (Vietnamese unless chosen otherwise); the central server's
    operators (the utility's IT) read English."""
    from fieldkit.domain.messages import Texts

    return Texts("cli").text(source, "en" if command == "central" else None, **params)


if __name__ == "__main__":
    sys.exit(main())
