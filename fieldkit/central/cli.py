"""`fieldkit central …`: run and administer the reference central server.

    fieldkit central serve --db URL [--host H] [--port P] [--workers N] [--key-file FILE]
    fieldkit central key secret FILE                      a new 32-byte key-encryption secret
    fieldkit central key rotate --db URL [--key-file FILE] [--in SECONDS]
    fieldkit central key list --db URL [--key-file FILE]
    fieldkit central key reseal --db URL [--key-file FILE] --new-key-file NEW   (change the secret)
    fieldkit central team --db URL CODE NAME [--unit PA23VG]
    fieldkit central user --db URL USERNAME --name "Full Name" --role technician --team CODE
                                            (prints a one-time user code for the person's laptop)
    fieldkit central user-code --db URL USERNAME [--hours 72]   another one-time user code
    fieldkit central user-role --db URL USERNAME ROLE
    fieldkit central user-team --db URL USERNAME TEAM_CODE
    fieldkit central user-remove --db URL USERNAME
    fieldkit central users --db URL
    fieldkit central import-work-orders --db URL FILE.csv [--team CODE] [--assignee USERNAME]
    fieldkit central enrol --db URL --team CODE [--name "laptop 7"] [--hours 72]
    fieldkit central revoke --db URL DEVICE_ID
    fieldkit central devices --db URL
    fieldkit central publish --db URL KIND KEY FILE.json
    fieldkit central quarantine --db URL list | remove SEQ

URL is a SQLite file path (default ./central.db) or a postgresql:// URL. The server's signing keys
are sealed under a secret kept outside the database: FIELDKIT_SERVER_KEY_SECRET (64 hex digits) or
FIELDKIT_SERVER_KEY_FILE / --key-file (docs/central.md, "The server's signing key").
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: `fieldkit central --help` loads no database code
    from sqlalchemy import Connection

    from fieldkit.central.db import Database

DEFAULT_DB = os.environ.get("FIELDKIT_CENTRAL_DB", "central.db")


def _check_db(url: str) -> str | None:
    """None when `url` can be a central database, else one line saying what is wrong."""
    if url.startswith(("postgresql://", "postgres://", "sqlite://")):
        return None
    if "://" in url:
        return f"{url!r} is not a database this server can use: give a SQLite file path or a postgresql:// URL"
    folder = Path(url).resolve().parent
    if not folder.is_dir():
        return f"cannot open the database {url}: the folder {folder} does not exist"
    return None


def _check_listen(host: str, port: int) -> str | None:
    """None when the server can listen on host:port, else why not (unknown host, port in use)."""
    import errno
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return f"unknown host {host!r}: give an address of this machine, e.g. 127.0.0.1 or 0.0.0.0"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return f"port {port} is in use by another program; choose another with --port"
            return f"cannot listen on host {host} port {port} ({exc.strerror}); check --host and --port"
    return None


def _check_loop(loop: str) -> str | None:
    import importlib.util

    if loop == "uvloop" and importlib.util.find_spec("uvloop") is None:
        return "--loop uvloop needs the uvloop package: pip install uvloop (or use --loop auto)"
    return None


def _pool_options(args: argparse.Namespace) -> str | None:
    """Leave --db-pool/--db-overflow in the environment for the workers; None when the pool
    settings (options or FIELDKIT_DB_POOL/_OVERFLOW) are usable, else what is wrong."""
    from fieldkit.central.db import pool_settings

    if args.db_pool is not None:
        os.environ["FIELDKIT_DB_POOL"] = str(args.db_pool)
    if args.db_overflow is not None:
        os.environ["FIELDKIT_DB_POOL_OVERFLOW"] = str(args.db_overflow)
    try:
        size, overflow = pool_settings()
    except ValueError:
        return "FIELDKIT_DB_POOL and FIELDKIT_DB_POOL_OVERFLOW must be whole numbers"
    if not 1 <= size <= 100 or not 0 <= overflow <= 100:
        return "FIELDKIT_DB_POOL must be 1 to 100 and FIELDKIT_DB_POOL_OVERFLOW 0 to 100"
    return None


def _check_connections(args: argparse.Namespace) -> str | None:
    """PostgreSQL: None when the workers' pools fit in the server's max_connections, else what to
    change (a worker that cannot connect answers 500 under load, long after the start)."""
    from fieldkit.central.db import Database, pool_settings

    size, overflow = pool_settings()
    db = Database(args.db)
    try:
        if db.is_sqlite:
            return None
        with db.read() as conn:
            most = int(conn.exec_driver_sql("SHOW max_connections").scalar_one())
            reserved = int(conn.exec_driver_sql("SHOW superuser_reserved_connections").scalar_one())
    finally:
        db.dispose()
    need = args.workers * (size + overflow)
    if need > most - reserved:
        return (f"{args.workers} worker(s) x ({size} pool + {overflow} overflow) = {need} database connections, "
                f"more than this PostgreSQL allows ({most} max_connections, {reserved} kept for superusers): "
                "use fewer --workers, a smaller --db-pool/--db-overflow, or raise max_connections")
    return None


def register(parser: argparse.ArgumentParser) -> None:
    from fieldkit.cli_args import float_range, int_range, tcp_port

    sub = parser.add_subparsers(dest="central_command", metavar="ACTION", required=True)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--db", default=DEFAULT_DB, help="SQLite file or postgresql:// URL (default: %(default)s)")
        return p

    p = add("serve", "run the HTTP API")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=tcp_port(), default=8765)
    p.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    p.add_argument("--workers", type=int_range(1, 64, "a number of worker processes"), default=1,
                   help="worker processes (PostgreSQL: about 1-2 per core)")
    p.add_argument("--threads", type=int_range(1, 256, "a number of threads"), default=None,
                   help="requests one worker works on at once, including pipelined pushes waiting for their "
                        "turn (default 40)")
    p.add_argument("--db-pool", type=int_range(1, 100, "a number of connections"), default=None,
                   help="PostgreSQL connections each worker keeps: how many requests use the database at "
                        "once (default 6; docs/central.md, Deployment)")
    p.add_argument("--db-overflow", type=int_range(0, 100, "a number of connections"), default=None,
                   help="more connections a worker may open at a peak (default 2)")
    p.add_argument("--loop", choices=["auto", "asyncio", "uvloop"], default="auto",
                   help="event loop (default: uvloop when installed, else asyncio)")
    p.add_argument("--switch-ms", type=float_range(0.1, 100, "ms"), default=None,
                   help="how long a thread keeps Python's interpreter lock before another gets it "
                        "(default: Python's 5 ms)")
    key_file_help = "file holding the 32-byte secret that seals the server's signing keys (else $FIELDKIT_SERVER_KEY_SECRET)"
    p.add_argument("--key-file", type=Path, default=None, help=key_file_help)
    p = add("key", "the server's signing keys: make a secret file, rotate the key, list the keys")
    p.add_argument("key_action", choices=["secret", "rotate", "list", "reseal"])
    p.add_argument("file", nargs="?", type=Path, help="(secret) where to write the new secret")
    p.add_argument("--key-file", type=Path, default=None, help=key_file_help)
    p.add_argument("--in", dest="delay", type=float_range(0, 30 * 86400, "seconds"), default=60.0,
                   help="(rotate) seconds until the new key is used (default 60: every worker has read it by then)")
    p.add_argument("--new-key-file", type=Path, default=None,
                   help="(reseal) the new secret's file: every key is sealed again under it")
    add("init", "create the tables (serve does this too)")
    p = add("team", "create a team")
    p.add_argument("code")
    p.add_argument("name")
    p.add_argument("--unit", default="", help="managing unit code, e.g. PA23VG")
    p = add("user", "create a user in a team")
    p.add_argument("username")
    p.add_argument("--name", required=True, help="display name")
    p.add_argument("--role", required=True, choices=["technician", "trainer", "supervisor"])
    p.add_argument("--team", required=True, help="team code")
    p = add("user-code", "a one-time code that adds a person to one laptop of their team")
    p.add_argument("username")
    p.add_argument("--hours", type=int, default=72, help="how long the code is valid")
    p = add("user-role", "change a person's role (their laptops learn it at the next sync)")
    p.add_argument("username")
    p.add_argument("role", choices=["technician", "trainer", "supervisor"])
    p = add("user-team", "move a person to another team (their laptop keys stop counting)")
    p.add_argument("username")
    p.add_argument("team")
    p = add("user-remove", "remove a person: their keys and tokens stop working at once")
    p.add_argument("username")
    add("users", "list people, roles, teams and registered laptop keys")
    p = add("import-work-orders", "import work orders from a CSV file and assign them")
    p.add_argument("file", type=Path)
    p.add_argument("--team", help="team code for every row (else the CSV's 'team' column)")
    p.add_argument("--assignee", help="technician's username for every row (else the 'assignee' column)")
    p = add("enrol", "make a one-time enrolment code for a new device")
    p.add_argument("--team", required=True)
    p.add_argument("--name", default="", help="a label for the device")
    p.add_argument("--hours", type=int_range(1, 24 * 90), default=72,
                   help="how long the code is valid (1 to 2160 hours)")
    p = add("revoke", "revoke a device's token at once")
    p.add_argument("device_id")
    add("devices", "list devices")
    p = add("publish", "publish reference data (tariff table, form) to every device")
    p.add_argument("kind")
    p.add_argument("key")
    p.add_argument("file", type=Path)
    p = add("quarantine", "change-feed records that cannot be served: list them (scans the feed) or remove one")
    p.add_argument("quarantine_action", choices=["list", "remove"])
    p.add_argument("seq", nargs="?", type=int, help="the change's sequence number (for remove)")


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from fieldkit.central import admin, people
    from fieldkit.central.db import Database
    from fieldkit.cli_args import fail

    if args.central_command == "key" and args.key_action == "secret":
        return _new_secret(args)
    wrong = _check_db(args.db)
    if wrong:
        return fail(f"error: {wrong}")
    if getattr(args, "key_file", None) is not None:  # for this process and the server's workers: it wins
        os.environ["FIELDKIT_SERVER_KEY_FILE"] = str(args.key_file.resolve())
        os.environ.pop("FIELDKIT_SERVER_KEY_SECRET", None)
    if args.central_command == "serve":
        from fieldkit.central.server import serve

        wrong = _check_listen(args.host, args.port) or _pool_options(args) or _check_loop(args.loop)
        if wrong:
            return fail(f"error: {wrong}")
        from fieldkit.central import server_key

        try:  # open the database and the signing keys before saying we serve
            probe = Database(args.db)
            try:
                probe.create_all()
                secret = server_key.secret_from_env()
                with probe.write() as (conn, _):
                    _no_other_servers(conn)
                    sealed = server_key.ensure(conn, secret)
            finally:
                probe.dispose()
        except SQLAlchemyError as exc:
            return fail(f"error: cannot open the database {args.db}: {_short(exc)}")
        except server_key.KeySecretError as exc:
            return fail(f"error: {exc}")
        if sealed:
            print(f"sealed {sealed} server signing key(s) kept in clear by an older version", flush=True)
        try:
            wrong = _check_connections(args)
        except SQLAlchemyError as exc:
            wrong = f"cannot open the database {args.db}: {_short(exc)}"
        if wrong:
            return fail(f"error: {wrong}")

        print(f"FieldKit central on http://{args.host}:{args.port}  (OpenAPI: /openapi.json, /docs)", flush=True)
        serve(args.db, args.host, args.port, args.log_level, workers=args.workers, threads=args.threads,
              db_pool=args.db_pool, db_overflow=args.db_overflow, switch_ms=args.switch_ms, loop=args.loop)
        return 0
    try:
        db = Database(args.db)
        db.create_all()
    except SQLAlchemyError as exc:
        return fail(f"error: cannot open the database {args.db}: {_short(exc)}")
    try:
        cmd = args.central_command
        if cmd == "init":
            print("ok")
        elif cmd == "team":
            if not args.code.strip() or not args.name.strip():
                return fail("error: the team code and name must not be empty")
            print(admin.create_team(db, args.code, args.name, args.unit))
        elif cmd == "user":
            print(admin.create_user(db, args.username, args.name, args.role, args.team))
            print(f"user code: {people.issue_code(db, args.username)}")
        elif cmd == "user-code":
            print(f"user code: {people.issue_code(db, args.username, args.hours)}")
        elif cmd == "user-role":
            people.set_role(db, args.username, args.role)
            print(f"{args.username} is now {args.role}")
        elif cmd == "user-team":
            people.set_team(db, args.username, args.team)
            print(f"{args.username} moved to {args.team}")
        elif cmd == "user-remove":
            people.remove(db, args.username)
            print(f"{args.username} removed")
        elif cmd == "users":
            for u in people.list_users(db):
                state = "active" if u["active"] else "removed"
                print(f"{u['username']:<12} {u['role']:<11} {u['team']:<8} {state:<8} keys {u['keys']}  "
                      f"{u['display_name']}")
        elif cmd == "import-work-orders":
            text = _read_text(args.file)
            if text is None:
                return 2
            numbers = admin.import_work_orders(db, text, args.team, args.assignee)
            print(f"imported {len(numbers)} work orders")
        elif cmd == "enrol":
            e = admin.enrol(db, args.team, args.name, args.hours)
            print(f"device:  {e.device_id}")
            print(f"code:    {e.code}")
            print(f"expires: {e.expires_at}")
        elif cmd == "revoke":
            if not admin.revoke(db, args.device_id):
                print("no such device, or already revoked", file=sys.stderr)
                return 1
            print("revoked")
        elif cmd == "devices":
            for d in admin.list_devices(db):
                state = "revoked" if d["revoked_at"] else ("enrolled" if d["enrolled_at"] else "code issued")
                print(f"{d['id']}  {d['team']:<12} {state:<12} {d['name']}")
        elif cmd == "publish":
            text = _read_text(args.file)
            if text is None:
                return 2
            try:
                data = json.loads(text)
            except (ValueError, RecursionError) as exc:
                return fail(f"error: {args.file} is not valid JSON ({_short(exc)})")
            version = admin.publish_reference(db, args.kind, args.key, data)
            print(f"published {args.kind}/{args.key} version {version}")
        elif cmd == "quarantine":
            return _quarantine(db, args)
        elif cmd == "key":
            return _keys(db, args)
        return 0
    except (admin.AdminError, people.PeopleError) as exc:
        return fail(f"error: {exc}")
    except SQLAlchemyError as exc:
        return fail(f"error: the database refused the change: {_short(exc)}")
    finally:
        db.dispose()


def _new_secret(args: argparse.Namespace) -> int:
    from fieldkit.central import server_key
    from fieldkit.cli_args import fail

    if args.file is None:
        return fail("error: say where to write the secret: fieldkit central key secret FILE")
    try:
        server_key.make_secret_file(args.file)
    except FileExistsError:
        return fail(f"error: {args.file} exists already; a secret is never overwritten (it opens the keys)")
    except OSError as exc:
        return fail(f"error: cannot write {args.file}: {exc.strerror or exc}")
    print(f"wrote a new secret to {args.file} (owner-only); keep a copy apart from the database backups")
    return 0


def _no_other_servers(conn: Connection) -> None:
    """The upgrade that seals the server's keys needs every worker of the previous release stopped:
    KeySecretError (nothing written) while one is still connected (server_key.other_servers)."""
    from fieldkit.central import server_key

    others = server_key.other_servers(conn)
    if others:
        raise server_key.KeySecretError(
            "the server's signing key is kept in clear and this release seals it, which the previous release "
            f"cannot read: stop every central server worker on every host first (still connected: "
            f"{'; '.join(others[:5])}{' …' if len(others) > 5 else ''}), then start this one again "
            "(docs/central.md, 'Upgrading from schema 2'); nothing was changed")


def _keys(db: Database, args: argparse.Namespace) -> int:
    from fieldkit.central import server_key
    from fieldkit.cli_args import fail

    try:
        secret = server_key.secret_from_env()
        if args.key_action == "rotate":
            with db.write() as (conn, _):
                _no_other_servers(conn)
                server_key.ensure(conn, secret)
                new = server_key.rotate(conn, secret, args.delay)
            print(f"key {new.number} {new.public} used from {new.valid_from}, endorsed by key {new.number - 1}")
            return 0
        if args.key_action == "reseal":
            if args.new_key_file is None:
                return fail("error: reseal needs --new-key-file FILE (make one with: fieldkit central key secret FILE)")
            fresh = server_key.secret_from_env({server_key.FILE_ENV: str(args.new_key_file)})
            with db.write() as (conn, _):
                _no_other_servers(conn)
                server_key.ensure(conn, secret)
                n = server_key.reseal(conn, secret, fresh)
            print(f"sealed {n} key(s) under {args.new_key_file}: start the workers with it from now on")
            return 0
        with db.read() as conn:
            keys = server_key.load(conn, secret)
    except server_key.KeySecretError as exc:
        return fail(f"error: {exc}")
    now = server_key.current(keys) if keys else None
    for k in keys:
        mark = "in use" if now is not None and k.number == now.number else (
            "next" if now is not None and k.number > now.number else "retired")
        print(f"{k.number:>3}  {k.public}  from {k.valid_from}  {mark}")
    return 0


def _quarantine(db: Database, args: argparse.Namespace) -> int:
    from fieldkit.central import quarantine

    if args.quarantine_action == "list":
        quarantine.scan(db)
        rows = quarantine.listing(db)
        for r in rows:
            print(f"{r['seq']}  {r['entity']:<16} {r['entity_id']:<36} {r['at']}  {r['error']}")
        print(f"{len(rows)} record(s) in quarantine")
        return 0
    if args.seq is None:
        print("error: remove needs the record's SEQ (see: quarantine list)", file=sys.stderr)
        return 2
    if not quarantine.remove(db, args.seq):
        print(f"no quarantined record with seq {args.seq}", file=sys.stderr)
        return 1
    print(f"removed {args.seq} from the change feed")
    return 0


def _short(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return " ".join(text.split())[:200]


MAX_FILE = 64 * 1024 * 1024


def _read_text(path: Path) -> str | None:
    """A UTF-8 text file's content, or None after printing one line that says what is wrong."""
    from fieldkit.cli_args import fail

    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE + 1)
    except OSError as exc:
        fail(f"error: cannot read {path}: {exc.strerror or exc}")
        return None
    if len(data) > MAX_FILE:
        fail(f"error: {path} is larger than {MAX_FILE // (1024 * 1024)} MB")
        return None
    if b"\x00" in data:
        fail(f"error: {path} is not a text file (it holds binary data); give a UTF-8 CSV or JSON file")
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        fail(f"error: {path} is not UTF-8 text; save it as CSV UTF-8 and try again")
        return None
