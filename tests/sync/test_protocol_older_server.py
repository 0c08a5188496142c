"""Today's laptop against the central server as it was at older commits: the server's code is
taken from git history (`git archive` of fieldkit/ into a temporary folder), started as its own
process with its own PYTHONPATH on a fresh SQLite database, and the current sync client talks to
it over loopback.

- the server from just before pipelining landed (no `ordered`, no pull page in the push answer):
  a sync completes, every operation exactly once, pushes one at a time, and the report says what
  that server could not do; a hello with `ordered` added on the way is not acted upon;
- the server from just before its hello's capabilities were signed over the nonce (it signed them
  over the empty nonce): pipelining from the first batch, exactly once;
- the server from before push answers named their operations (`ids`, the same morning as server
  keys): the sync stops with a clear message, the server keeps each operation once, nothing is
  marked sent on the laptop (they go again as replays);
- the server from before servers had keys (no /v1/hello): refused with a clear message before
  anything (enrolment code, token, operations) is sent.

The commits are found by their messages, so the test follows history rather than hashes."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from fieldkit.domain import problems
from fieldkit.domain.models import Role
from fieldkit.services import customers, meters, sync
from fieldkit.services import session as sessions
from fieldkit.services.customers import CustomerInput
from fieldkit.store.keyring import FAST_KDF
from fieldkit.sync.batching import Batcher
from fieldkit.sync.testing.rewriter import AnswerRewriter
from fieldkit.sync.transport import ServerTooOld

ROOT = Path(__file__).resolve().parents[2]
PIN = "246810"
BATCH = {"batch": Batcher(start=100, low=100, high=100)}  # 400 readings + 2 records: 4 pushes

# (the message of the commit whose PARENT is the older server, what that server is)
BEFORE_PIPELINING = "^Central push endpoint: pipelined batches kept in order"
BEFORE_SIGNED_CAPABILITIES = "^Hello capabilities count only under the server's signature"
BEFORE_SERVER_KEYS = "^People on the central server: server-issued users"
BEFORE_NAMED_ANSWERS = "^Authorization matrix on the real server"

SERVER_SCRIPT = r'''
import json, sys
import fieldkit
from fieldkit.central import admin
from fieldkit.central.db import Database
from fieldkit.central.server import ServerThread
try:
    from fieldkit.central import people
except ImportError:  # before servers had keys and people
    people = None
db = Database(sys.argv[1])
db.create_all()
admin.create_team(db, "T1", "Đội Lý Nhân", "PA23LN")
for name in ("lan", "mai"):
    admin.create_user(db, name, name.title(), "technician", "T1")
codes = []
for i in range(int(sys.argv[2])):
    got = {"enrol": admin.enrol(db, "T1", f"laptop {i}").code}
    if people is not None:
        got.update({name: people.issue_code(db, name) for name in ("lan", "mai")})
    codes.append(got)
srv = ServerThread(db).start()
print(json.dumps({"port": srv.port, "codes": codes, "fieldkit": fieldkit.__file__}), flush=True)
sys.stdin.read()  # until the test closes it
srv.stop()
'''


@dataclass
class OldServer:
    commit: str
    db: Path
    port: int
    codes: list[dict[str, str]]
    proc: subprocess.Popen[str]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def code(self) -> dict[str, str]:
        return self.codes.pop()

    def count(self, sql: str) -> Any:
        with sqlite3.connect(self.db) as conn:
            return conn.execute(sql).fetchall()


def _parent_of(grep: str) -> str:
    found = subprocess.run(["git", "log", "--format=%H", "-1", f"--grep={grep}"], cwd=ROOT, capture_output=True,
                           text=True).stdout.strip()
    if not found:
        pytest.skip(f"no commit matching {grep!r} in this checkout's history")
    return found + "~1"


def _start(commit: str, folder: Path, n_codes: int = 4) -> OldServer:
    tree = folder / "code"
    tree.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "--format=tar", commit, "fieldkit"], cwd=ROOT, capture_output=True,
                             check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(tree, filter="data")
    db = folder / "central.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONPATH", "FIELDKIT_DB"))}
    env["PYTHONPATH"] = str(tree)
    proc = subprocess.Popen(["timeout", "900", "prlimit", "--as=4000000000", sys.executable, "-c", SERVER_SCRIPT,
                             str(db), str(n_codes)], cwd=folder, env=env, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        proc.wait(10)
        raise AssertionError(f"the server at {commit} did not start (exit {proc.returncode})")
    info = json.loads(line)
    assert Path(info["fieldkit"]).is_relative_to(tree), info  # really the old code, not this checkout's
    return OldServer(commit, db, int(info["port"]), info["codes"], proc)


def _stop(server: OldServer) -> None:
    assert server.proc.stdin is not None
    server.proc.stdin.close()
    try:
        server.proc.wait(20)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        server.proc.wait(10)


@pytest.fixture(scope="module")
def before_pipelining(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OldServer]:
    srv = _start(_parent_of(BEFORE_PIPELINING), tmp_path_factory.mktemp("before-pipelining"))
    yield srv
    _stop(srv)


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[Any]:
    opened: list[sessions.Session] = []

    def make(name: str, username: str = "lan") -> sessions.Session:
        s = sessions.create(tmp_path / name, username=username, display_name=username.title(), role=Role.TECHNICIAN,
                            secret=PIN, params=FAST_KDF)
        opened.append(s)
        return s

    yield make
    for s in opened:
        s.close()


def _enrol(server: OldServer, s: sessions.Session, username: str, url: str | None = None) -> None:
    code = server.code()
    sync.enrol(s, code["enrol"], url or server.url, user_code=code[username])


def _work(s: sessions.Session, add_readings: Any, n: int, code: str) -> None:
    c = customers.create_customer(s, CustomerInput(code=code, name=f"Khách {code}"))
    m = meters.register_meter(s, serial=f"M-{code}", customer_id=c.id)
    add_readings(s, m.id, n)


def _shown_as_too_old(error: str) -> None:
    """What the laptop's user reads (ui/labels.py: the stored failure text as a Problem)."""
    shown = problems.sync_failure(error)
    assert shown.code == "server_too_old"
    assert shown.message("vi").startswith("Máy chủ trung tâm cũ hơn phần mềm trên máy này")
    assert shown.message("en").startswith("The central server is older than this laptop's software")


def _stored(server: OldServer) -> tuple[set[str], int]:
    """The operation ids and the number of readings the server holds now (before_pipelining serves
    every test of this module: what the test before left there is not this test's)."""
    return ({r[0] for r in server.count("SELECT op_id FROM ops")},
            server.count("SELECT count(*) FROM facts WHERE entity = 'reading'")[0][0])


def _exactly_once(server: OldServer, *laptops: sessions.Session, readings: int,
                  earlier: tuple[set[str], int] = (set(), 0)) -> None:
    outbox: list[str] = []
    for s in laptops:
        assert s.store.query("SELECT DISTINCT state FROM outbox") == [("sent",)]
        outbox += [r[0] for r in s.store.query("SELECT op_id FROM outbox")]
    ids = [r[0] for r in server.count("SELECT op_id FROM ops") if r[0] not in earlier[0]]
    assert sorted(ids) == sorted(outbox) and len(set(ids)) == len(ids)  # every operation once, nothing else
    assert server.count("SELECT count(*) FROM facts WHERE entity = 'reading'") == [(earlier[1] + readings,)]


def test_a_newer_laptop_syncs_exactly_once_with_a_server_from_before_pipelining(
        before_pipelining, laptops, add_readings):
    srv = before_pipelining
    earlier = _stored(srv)  # the module's server: another test of it may have run first
    with AnswerRewriter(("127.0.0.1", srv.port)) as proxy:
        a, b = laptops("a", "lan"), laptops("b", "mai")
        _enrol(srv, a, "lan", proxy.url)
        _enrol(srv, b, "mai", proxy.url)
        _work(b, add_readings, 7, "PA23LN0005002")
        assert sync.sync_now(b).ok
        _work(a, add_readings, 400, "PA23LN0005001")
        proxy.reset()
        rep = sync.sync_now(a, **BATCH)
        assert rep.ok, rep
        assert proxy.requests["/v1/push"] == 4 and proxy.most_in_flight["/v1/push"] == 1  # one at a time
        assert (rep.pushed, rep.applied, rep.rejected, rep.replayed) == (402, 402, 0, 0)
        assert rep.pipelined == 0 and rep.out_of_order == 0 and rep.pulled_with_push == 0
        assert rep.pulled >= 7 + 2 and proxy.requests["/v1/changes"] >= 1  # b's work, by a pull of its own
        # What this server could not do, said plainly.
        assert rep.server_lacks == ["ordered", "pull_with_push"]
        assert any("older than this laptop's sync" in r and "one at a time" in r for r in rep.reasons), rep.reasons
        again = sync.sync_now(a, **BATCH)
        assert again.ok and again.pushed == 0 and again.server_lacks == []
    _exactly_once(srv, a, b, readings=407, earlier=earlier)
    assert len(a.store.query("SELECT id FROM readings")) == earlier[1] + 407  # the team's, pulled


def test_ordered_added_to_an_older_servers_hello_on_the_way_is_not_acted_upon(
        before_pipelining, laptops, add_readings):
    """The attack the signature is for: a man in the middle tells a new laptop that a server from
    before pipelining keeps pipelined pushes in order. The laptop must not pipeline."""
    srv = before_pipelining

    def lie(method: str, path: str, answer: Any) -> Any:
        del method
        return answer | {"ordered": True} if path == "/v1/hello" else None

    a = laptops("c", "lan")
    _enrol(srv, a, "lan")
    _work(a, add_readings, 400, "PA23LN0005003")
    before = srv.count("SELECT count(*) FROM ops")[0][0]
    with AnswerRewriter(("127.0.0.1", srv.port), lie) as proxy:
        sync.configure(a, proxy.url)
        rep = sync.sync_now(a, **BATCH)
    assert rep.ok, rep
    assert proxy.rewritten["/v1/hello"] == 1
    assert proxy.requests["/v1/push"] == 4 and proxy.most_in_flight["/v1/push"] == 1
    assert rep.pipelined == 0 and rep.out_of_order == 0 and rep.applied == 402
    assert any("without its signature" in r for r in rep.reasons), rep.reasons
    assert srv.count("SELECT count(*) FROM ops")[0][0] == before + 402
    ids = {r[0] for r in a.store.query("SELECT op_id FROM outbox")}
    assert len(ids) == 402 and ids <= {r[0] for r in srv.count("SELECT op_id FROM ops")}
    assert a.store.query("SELECT DISTINCT state FROM outbox") == [("sent",)]


def test_a_server_that_signed_its_hello_over_the_empty_nonce_is_still_believed(laptops, add_readings, tmp_path):
    srv = _start(_parent_of(BEFORE_SIGNED_CAPABILITIES), tmp_path / "server", n_codes=1)
    try:
        with AnswerRewriter(("127.0.0.1", srv.port)) as proxy:
            a = laptops("a", "lan")
            _enrol(srv, a, "lan", proxy.url)
            _work(a, add_readings, 400, "PA23LN0005004")
            rep = sync.sync_now(a, **BATCH)
            assert rep.ok, rep
            assert proxy.requests["/v1/push"] == 4 and rep.pipelined == 3  # from the first batch
            assert rep.server_lacks == [] and not any("signature" in r for r in rep.reasons), rep.reasons
        _exactly_once(srv, a, readings=400)
    finally:
        _stop(srv)


@pytest.mark.parametrize("central", ["sqlite"], indirect=True)
def test_a_server_from_before_server_keys_is_refused_clearly_and_nothing_is_sent(
        laptops, make_device, add_readings, tmp_path):
    srv = _start(_parent_of(BEFORE_SERVER_KEYS), tmp_path / "server", n_codes=1)
    try:
        with AnswerRewriter(("127.0.0.1", srv.port)) as proxy:
            # A new laptop cannot enrol: the code is not spent.
            a = laptops("a", "lan")
            with pytest.raises(ServerTooOld, match="no /v1/hello") as refused:
                sync.enrol(a, srv.code()["enrol"], proxy.url)
            assert problems.network_code(refused.value) == "server_too_old"
            # A laptop enrolled with today's server, pointed at the old one: the sync stops before
            # the token or any operation goes.
            b = make_device("b", "lan")
            _work(b, add_readings, 5, "PA23LN0005005")
            sync.configure(b, proxy.url)
            rep = sync.sync_now(b)
            assert not rep.ok and rep.pushed == 0
            assert rep.error is not None and rep.error.startswith("the server is too old for this laptop: it cannot "
                                                                  "prove its identity"), rep.error
            _shown_as_too_old(rep.error)
            assert set(proxy.requests) == {"/v1/hello"}  # nothing but the identity question
        assert srv.count("SELECT count(*) FROM devices WHERE enrolled_at IS NOT NULL") == [(0,)]
        assert srv.count("SELECT count(*) FROM ops") == [(0,)]
    finally:
        _stop(srv)


def test_a_server_whose_push_answers_do_not_name_their_operations_is_refused_clearly(laptops, add_readings, tmp_path):
    srv = _start(_parent_of(BEFORE_NAMED_ANSWERS), tmp_path / "server", n_codes=1)
    try:
        a = laptops("a", "lan")
        _enrol(srv, a, "lan")
        _work(a, add_readings, 30, "PA23LN0005006")
        for _ in range(2):
            rep = sync.sync_now(a)
            assert not rep.ok and rep.error is not None
            assert "too old for this laptop" in rep.error and "no `ids`" in rep.error, rep.error
            _shown_as_too_old(rep.error)
        assert a.store.query("SELECT DISTINCT state FROM outbox") == [("pending",)]  # never marked sent blindly
        ids = {r[0] for r in a.store.query("SELECT op_id FROM outbox")}
        assert len(ids) == 32 and srv.count("SELECT count(*) FROM ops") == [(32,)]  # the second push: replays
        assert ids == {r[0] for r in srv.count("SELECT op_id FROM ops")}
    finally:
        _stop(srv)
