"""`fieldkit recover` and `fieldkit recovery-key`: the utility's way into a profile nobody can open.

    fieldkit recovery-key new --out DIR            (at the utility: recovery-private.pem + recovery.pub)
    fieldkit recover --key recovery-private.pem --profile DIR [--no-push] [--unlock-all]
                     [--new-pin-for NAME]          (new PIN: FIELDKIT_NEW_PIN or typed twice)

Laptops get the public key through FIELDKIT_RECOVERY_PUBLIC_KEY (the key text, or the path of
recovery.pub); a profile seals its data key to it when it is made or next opened.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--key", type=Path, required=True, help="the utility's recovery private key (PEM)")
    parser.add_argument("--profile", type=Path, required=True, help="the profile folder to open")
    parser.add_argument("--no-push", action="store_true", help="do not push the pending operations")
    parser.add_argument("--unlock-all", action="store_true", help="clear every person's wrong-PIN lock")
    parser.add_argument("--new-pin-for", metavar="NAME", help="give this person a new PIN (and signing key)")


def register_key(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["new", "show"])
    parser.add_argument("--out", type=Path, help="folder for recovery-private.pem and recovery.pub (new)")
    parser.add_argument("--key", type=Path, help="a private key file whose public key to print (show)")


def run_key(args: argparse.Namespace) -> int:
    from fieldkit.cli_args import fail
    from fieldkit.store import recovery as sealing

    if args.action == "new":
        if args.out is None:
            return fail("recovery-key new needs --out DIR")
        try:
            private, public = sealing.new_pair(args.out)
        except (FileExistsError, OSError) as exc:
            return fail(f"error: {exc}")
        print(f"private key: {private} (keep it in the utility's safe; never on a laptop)")
        print(f"public key:  {public} -> set FIELDKIT_RECOVERY_PUBLIC_KEY on every laptop")
        print(public.read_text(encoding="utf-8").strip())
        return 0
    if args.key is None:
        return fail("recovery-key show needs --key FILE")
    try:
        print(sealing.public_text(sealing.load_private(args.key).public_key()))
    except sealing.RecoveryKeyError as exc:
        return fail(f"error: {exc}")
    return 0


def _new_pin(name: str) -> str | None:
    if os.environ.get("FIELDKIT_NEW_PIN"):
        return os.environ["FIELDKIT_NEW_PIN"]
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass(f"New PIN for {name}: ")
    return first if getpass.getpass("Again: ") == first else ""


def run(args: argparse.Namespace) -> int:
    from fieldkit.cli_args import existing_folder, fail
    from fieldkit.domain.problems import ValidationError
    from fieldkit.services import recovery
    from fieldkit.store.database import StoreError

    problem = existing_folder(args.profile)
    if problem:
        return fail(f"error: {problem}")
    pin = None
    if args.new_pin_for:
        pin = _new_pin(args.new_pin_for)
        if pin is None:
            return fail("error: set FIELDKIT_NEW_PIN or run in a terminal to type the new PIN")
        if not pin:
            return fail("error: the two PINs differ")
    try:
        report = recovery.recover(args.profile, args.key, push=not args.no_push, unlock_all=args.unlock_all,
                                  new_pin_for=args.new_pin_for, new_pin=pin)
    except recovery.RecoveryProblem as exc:
        return fail(f"error: {exc}")
    except ValidationError as exc:
        return fail("error: " + " ".join(exc.messages("en")))
    except StoreError as exc:
        return fail(f"error: {exc}")
    print(f"opened with the recovery key; pending operations: {report.pending_before} before, "
          f"{report.pending_after} after")
    if not args.no_push:
        print(f"pushed {report.pushed} (applied {report.applied}, refused {report.rejected})"
              + (f"; sync: {report.sync_error}" if report.sync_error else ""))
    for reason in report.reasons:
        print(f"  {reason}")
    if report.unlocked:
        print("every person's wrong-PIN lock is cleared")
    if report.new_pin_for:
        print(f"{report.new_pin_for} has a new PIN" + (" (profile re-homed on this computer)" if report.rehomed
                                                        else ""))
    for note in report.notes:
        print(f"note: {note}")
    return 1 if report.sync_error and not args.no_push else 0
