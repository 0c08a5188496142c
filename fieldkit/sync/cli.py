"""`fieldkit sync --db PATH --server URL [--enrol CODE --user-code CODE] [--user NAME]`

`--user-code` (the person's one-time code from `fieldkit central user`) registers the
person's signing key for this laptop at enrolment; the server refuses unsigned work.

PATH is a profile's `fieldkit.db`; the profile folder is its parent. The profile is
unlocked as `--user` (default: the profile's only user, or $FIELDKIT_USER) with the PIN or
password from $FIELDKIT_PIN, or asked for on the terminal when that is not set.
Exit codes: 0 synced, 1 sync failed (reason printed), 2 cannot open the profile,
3 some operations are quarantined (synced otherwise).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path


def register(parser: argparse.ArgumentParser) -> None:
    from fieldkit.cli_args import http_url

    parser.add_argument("--db", required=True, type=Path, help="the profile's fieldkit.db")
    parser.add_argument("--server", type=http_url, help="central server URL, e.g. http://10.0.0.5:8765 (remembered)")
    parser.add_argument("--enrol", metavar="CODE", help="one-time enrolment code from `fieldkit central enrol`")
    parser.add_argument("--user-code", default=os.environ.get("FIELDKIT_USER_CODE"),
                        help="the person's one-time user code: registers their key for this laptop")
    parser.add_argument("--user", default=os.environ.get("FIELDKIT_USER"), help="profile user to unlock as")
    parser.add_argument("--status", action="store_true", help="only show the sync status")
    parser.add_argument("--quiet", action="store_true")


def run(args: argparse.Namespace) -> int:
    from fieldkit.cli_args import fail
    from fieldkit.services import sync, unlock

    folder = args.db.resolve().parent
    try:
        users = unlock.profile_users(folder)
    except unlock.ProfileProblem as exc:
        return fail(f"error: {exc.text()}")
    username = args.user
    if not username:
        if len(users) != 1:
            print("error: this profile has several users; say which with --user", file=sys.stderr)
            return 2
        username = users[0].username
    pin = os.environ.get("FIELDKIT_PIN")
    if pin is None:
        if not sys.stdin.isatty():
            print("error: set FIELDKIT_PIN or run in a terminal to type the PIN", file=sys.stderr)
            return 2
        pin = getpass.getpass(f"PIN for {username}: ")
    try:
        session = unlock.login(folder, username, pin)
    except unlock.ProfileProblem as exc:
        return fail(f"error: cannot open the profile: {exc.text()}")
    try:
        if args.server:
            sync.configure(session, args.server)
        if args.enrol:
            device = sync.enrol(session, args.enrol, user_code=args.user_code)
            print(f"enrolled as device {device}")
        elif args.user_code:
            got = sync.register_me(session, args.user_code)
            print(f"registered {got['username']} ({got['role']}) on this laptop")
        if not args.status:
            def progress(p: sync.Progress) -> None:
                if not args.quiet and p.phase != "done":
                    print(f"\r{p.phase:<7} {p.done}/{p.total}  sent {p.bytes_sent} B  received {p.bytes_received} B",
                          end="", flush=True)

            report = sync.sync_now(session, progress)
            if not args.quiet:
                print()
            for reason in report.reasons:
                print(f"  {reason}")
            if not report.ok:
                print(f"sync failed: {report.error}", file=sys.stderr)
                return 1
            print(f"synced: pushed {report.pushed} (applied {report.applied}, conflicts {report.conflicts}, "
                  f"rejected {report.rejected}), pulled {report.pulled}, uploaded {report.uploaded} files, "
                  f"{report.bytes_sent} B sent, {report.bytes_received} B received in {report.seconds} s")
        st = sync.status(session)
        print(f"server {st.server_url}  waiting {st.waiting}  quarantined {st.quarantined}  "
              f"last success {st.last_success or 'never'}")
        warning = sync.describe_skew(st.clock_skew_s)
        if warning:
            print(warning)
        for q in sync.quarantined(session):
            print(f"  quarantined: {q.entity} {q.entity_id} ({q.action}): {q.reason}")
        return 3 if st.quarantined else 0
    except sync.SyncError as exc:
        print(f"error: {sync.describe(exc)}", file=sys.stderr)
        return 1
    finally:
        session.close()
