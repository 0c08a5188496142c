"""`fieldkit user list|add|register|unlock`: the people of a profile.

    fieldkit user add --as EXISTING --username NAME --code USER-CODE
    fieldkit user register --as NAME --code USER-CODE

People come from the server: `add` needs the laptop enrolled and online, and the person's
one-time user code from `fieldkit central user` / `user-code`; their name and role are the
server's (there is no --role). It needs an existing user's PIN (FIELDKIT_PIN or a prompt)
to unwrap the data key; the new person's PIN is asked twice (or FIELDKIT_NEW_PIN).
`unlock --as SUPERVISOR --username NAME` clears a person's wrong-PIN lock (a supervisor of the
laptop, by the role the server gave them). `register` registers the key of a user already on the laptop (e.g. the profile's first user,
or after an update) with their user code.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from fieldkit.domain.problems import ValidationError


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["list", "add", "register", "unlock"])
    parser.add_argument("--profile", type=Path, help="profile folder (default: the user's FieldKit profile)")
    parser.add_argument("--as", dest="as_user", help="existing user who unlocks the profile (for add)")
    parser.add_argument("--username")
    parser.add_argument("--code", help="the person's one-time user code from the server's administrator")


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
    from fieldkit.sync.transport import SyncError

    if args.action == "register":
        if not (args.as_user and args.code):
            return fail("register needs --as USER --code USER-CODE")
    elif args.action == "unlock":
        if not (args.as_user and args.username):
            return fail("unlock needs --as SUPERVISOR --username NAME")
    elif not (args.as_user and args.username and args.code):
        return fail("add needs --as EXISTING_USER --username NAME --code USER-CODE (from the server)")
    if args.as_user not in {u.username for u in users}:
        return fail(f"error: there is no user '{args.as_user}' in this profile (users: "
                    f"{', '.join(sorted(u.username for u in users))})")
    needed = ("FIELDKIT_PIN",) if args.action in ("register", "unlock") else ("FIELDKIT_PIN", "FIELDKIT_NEW_PIN")
    if not all(os.environ.get(name) for name in needed) and not sys.stdin.isatty():
        return fail("error: set FIELDKIT_PIN (and FIELDKIT_NEW_PIN) or run in a terminal to type the PINs")
    try:
        session = unlock.login(folder, args.as_user, _secret("FIELDKIT_PIN", f"PIN of {args.as_user}: "))
        try:
            if args.action == "unlock":
                sessions.unlock_person(session, args.username)
                print(f"unlocked {args.username}")
                return 0
            if args.action == "register":
                from fieldkit.services import sync

                got = sync.register_me(session, args.code)
                print(f"registered {args.as_user} ({got['role']})")
                return 0
            sessions.add_person(session, username=args.username, user_code=args.code,
                                secret=_secret("FIELDKIT_NEW_PIN", f"New PIN for {args.username}: ", confirm=True))
        finally:
            session.close()
    except unlock.ProfileProblem as exc:
        return fail(f"error: {exc.text()}")
    except ValidationError as exc:
        return fail(" ".join(exc.messages("en")) or "The two PINs differ.")
    except EOFError:
        return fail("error: no PIN given; set FIELDKIT_NEW_PIN or type it in a terminal")
    except SyncError as exc:
        print(f"error: the server did not confirm this person: {exc}", file=sys.stderr)
        return 1
    print(f"added {args.username}")
    return 0
