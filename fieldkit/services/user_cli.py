"""`fieldkit user list|add`: local users of a profile.

Adding a user needs an existing user's PIN (FIELDKIT_PIN or a prompt) to unwrap the
data key; the new user's PIN is asked twice (or taken from FIELDKIT_NEW_PIN).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from fieldkit.domain.models import Role
from fieldkit.domain.problems import ValidationError


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["list", "add"])
    parser.add_argument("--profile", type=Path, help="profile folder (default: the user's FieldKit profile)")
    parser.add_argument("--as", dest="as_user", help="existing user who unlocks the profile (for add)")
    parser.add_argument("--username")
    parser.add_argument("--name", help="display name, e.g. 'Nguyễn Văn Nam'")
    parser.add_argument("--role", choices=[r.value for r in Role], default=Role.TECHNICIAN.value)


def _secret(env: str, prompt: str, confirm: bool = False) -> str:
    if os.environ.get(env):
        return os.environ[env]
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again: ") != first:
        raise ValidationError([])
    return first


def run(args: argparse.Namespace) -> int:
    from fieldkit.cli_args import fail
    from fieldkit.services import session as sessions
    from fieldkit.services import unlock
    from fieldkit.store.profile import default_profile_dir

    folder: Path = args.profile or default_profile_dir()
    try:
        users = unlock.profile_users(folder)
    except unlock.ProfileProblem as exc:
        return fail(f"error: {exc.text()}")
    if args.action == "list":
        for u in users:
            print(f"{u.username:12} {u.role:11} {u.display_name}")
        return 0
    if not (args.as_user and args.username and args.name):
        print("add needs --as EXISTING_USER --username NAME --name 'Display Name'", file=sys.stderr)
        return 2
    if args.as_user not in {u.username for u in users}:
        return fail(f"error: there is no user '{args.as_user}' in this profile (users: "
                    f"{', '.join(sorted(u.username for u in users))})")
    if not (os.environ.get("FIELDKIT_PIN") and os.environ.get("FIELDKIT_NEW_PIN")) and not sys.stdin.isatty():
        return fail("error: set FIELDKIT_PIN (and FIELDKIT_NEW_PIN) or run in a terminal to type the PINs")
    try:
        session = unlock.login(folder, args.as_user, _secret("FIELDKIT_PIN", f"PIN of {args.as_user}: "))
        try:
            sessions.add_user(session, username=args.username, display_name=args.name, role=Role(args.role),
                              secret=_secret("FIELDKIT_NEW_PIN", f"New PIN for {args.username}: ", confirm=True))
        finally:
            session.close()
    except unlock.ProfileProblem as exc:
        return fail(f"error: {exc.text()}")
    except ValidationError as exc:
        return fail(" ".join(exc.messages("en")) or "The two PINs differ.")
    except EOFError:
        return fail("error: no PIN given; set FIELDKIT_NEW_PIN or type it in a terminal")
    print(f"added {args.username}")
    return 0
