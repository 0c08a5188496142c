"""Whatever a broken, buggy or hostile server (or a relay in between) answers about files, the person's
user token or its identity, `sync_now` returns a report, never raises, never loops without end, and
takes nothing as delivered or downloaded that the answer did not prove: the uploads it holds as
confirmed, the files it stores and the outbox are compared whole before and after each case; a clean
sync afterwards delivers every file (the real central server on loopback, tests/sync/hostile.py)."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Any

import pytest

from fieldkit.central import admin, people
from fieldkit.domain.models import Attachment, ReadingSource, RegisterValue, Role
from fieldkit.services import customers, field_facts, meters, sync, work_orders
from fieldkit.services.customers import CustomerInput
from fieldkit.store import field_facts as stored_facts
from fieldkit.store.work_orders import WorkOrderQuery
from fieldkit.sync.report import K_SERVER_SIGNS
from tests.sync.hostile import (
    CUT,
    NOT_OURS,
    SOME,
    UNDERSTOOD,
    VALUES,
    Case,
    Change,
    HostileRelay,
    Real,
    Wire,
    dumps,
    grid,
    json_case,
    laptop_state,
    run_cases,
    server_truth,
    set_key,
)

pytestmark = pytest.mark.parametrize("central", ["sqlite"], indirect=True)
MISSING = ("/v1/attachments/missing",)
UPLOAD = ("/v1/attachments/",)
INFO = ("/v1/attachments/info",)


def _put(change: Change) -> Change:
    """Only the upload's answers (PUT), not the lists under the same prefix."""
    return lambda real: change(real) if real.method == "PUT" else None


def _get(change: Change) -> Change:
    return lambda real: change(real) if real.method == "GET" else None


def _conflict(offset: Any) -> Change:
    """409 `offset`: the server says it is elsewhere (a number, or a function of the request's query)."""
    def change(real: Real) -> Wire:
        query = dict(p.split("=", 1) for p in real.query.split("&"))
        at = offset(query) if callable(offset) else offset
        return Wire(409, dumps({"detail": "offset", "offset": at}), sign=None, reason="Conflict")
    return change


def upload_cases(sign: bool) -> list[Case]:
    tag = "" if sign else "unsigned "
    cases = [
        # the list of missing files: a file left out is taken as delivered, so the list is read whole or not at all
        *grid(MISSING, ("missing",), {"*": UNDERSTOOD, "list": "skip"}, sign),
        # (the item left out is the list in the right shape saying it arrived: the server's word, not a shape error)
        *grid(MISSING, ("missing", 0), {"*": UNDERSTOOD, "drop": "skip"}, sign, name="missing[0]", only=SOME),
        *grid(MISSING, ("missing", 0, "offset"), {"*": UNDERSTOOD}, sign),
        *grid(MISSING, ("missing", 0, "sha256"), {"*": UNDERSTOOD}, sign, only=SOME),
        Case("missing: an offset beyond the file", MISSING,
             json_case(set_key(("missing", 0, "offset"), 10**6), sign), UNDERSTOOD),
        Case("missing: a file not asked about", MISSING,
             json_case(lambda b: {"missing": b["missing"] + [{"sha256": "ab" * 32, "offset": 0}]}, sign), UNDERSTOOD),
        # the upload's answer: only one that covers the chunk just sent (or the whole file) proves it arrived
        *[Case(c.name, c.paths, _put(c.change), c.expect)
          for c in grid(UPLOAD, ("offset",), {"*": UNDERSTOOD}, sign, name="upload offset")],
        *[Case(c.name, c.paths, _put(c.change), c.expect)
          for c in grid(UPLOAD, ("complete",), {"*": UNDERSTOOD, "true": "ok"}, sign, name="upload complete",
                        only=SOME + ("null", "minus"))],
        Case("upload: complete at one byte short", UPLOAD,
             _put(json_case(lambda b: b | {"offset": b["offset"] - 1}, sign)), UNDERSTOOD),
        Case("upload: not complete at the end", UPLOAD, _put(json_case(set_key(("complete",), False), sign)),
             UNDERSTOOD),
        # 409: the server names where it is; one that names the offset just sent, or keeps moving it, ends
        # the sync (on main: the laptop asked again without end)
        Case("409 names the offset just sent", UPLOAD, _put(_conflict(lambda q: int(q["offset"]))), UNDERSTOOD,
             first_only=False),
        Case("409 keeps moving the offset", UPLOAD, _put(_conflict(lambda q: 1 - int(q["offset"]) % 2)),
             UNDERSTOOD, first_only=False),
        *[Case(f"409 offset={n}", UPLOAD, _put(_conflict(v)), UNDERSTOOD)
          for n, v in VALUES if n in SOME + ("minus", "true")],
        Case("409 offset beyond the file", UPLOAD, _put(_conflict(10**6)), UNDERSTOOD),
        Case("upload: extra keys", UPLOAD, _put(json_case(lambda b: b | {"size": "big", "x": []}, sign)), "ok"),
        Case("missing: extra keys", MISSING, json_case(lambda b: b | {"x": 1}, sign), "ok"),
    ]
    return [Case(tag + c.name, c.paths, c.change, c.expect, c.first_only) for c in cases]


def _add_file(session: Any, n: int) -> None:
    data = f"a photo of meter {n} ".encode() * 40
    sha = session.attachments.put(data)
    with session.store.transaction() as tx:
        stored_facts.insert_attachment(tx.conn, Attachment(sha, len(data), "image/png", "photo"), tx.now)


def _state(session: Any) -> dict[str, Any]:
    """As laptop_state, the uploads being the newest file's: files of earlier cases that reached the server
    whole are confirmed by the list of missing files in the next case (proven: server_truth checks them)."""
    got = laptop_state(session)
    newest = session.store.query("SELECT sha256 FROM attachments ORDER BY created_at DESC, rowid DESC LIMIT 1")
    got["uploads"] = [r for r in got["uploads"] if newest and r[0] == newest[0][0]]
    return got


def test_upload_answers_of_every_wrong_shape(central, server, make_device):
    lan = make_device("a", "lan")
    made = [0]

    def prepare() -> None:  # a file the server does not have (the last case's may have arrived whole)
        made[0] += 1
        _add_file(lan, made[0])

    with HostileRelay(server.port, people.server_key(central)) as relay:
        sync.configure(lan, relay.url)
        problems = run_cases(upload_cases(True), relay, lan, central, prepare, _state)
        relay.strip_hello_signature = True  # an older server: no signed hello, no signed list or offsets

        def older() -> None:
            lan.store.set_meta(K_SERVER_SIGNS, "")
            prepare()

        unsigned = [c for c in upload_cases(False) if not c.name.startswith("unsigned 409") and (
            "=" not in c.name or c.name.split("=")[1] in SOME)]  # the same readers: fewer values
        problems += run_cases(unsigned, relay, lan, central, older, _state)
        # a relay changing a signed answer: not the enrolled server
        relay.strip_hello_signature = False
        lan.store.set_meta(K_SERVER_SIGNS, "1")
        problems += run_cases([Case("relay: nothing missing", MISSING, json_case(lambda b: {"missing": []}, False),
                                    NOT_OURS),
                               Case("relay: upload complete", UPLOAD, _put(json_case(set_key(("offset",), 1), False)),
                                    NOT_OURS)], relay, lan, central, prepare, _state)
    assert not problems, f"{len(problems)} cases:\n" + "\n".join(problems)
    sync.configure(lan, server.url)
    rep = sync.sync_now(lan)
    assert rep.ok, rep
    assert server_truth(central, lan) == []
    waiting = lan.store.query("SELECT count(*) FROM attachments a LEFT JOIN sync_uploads u ON u.sha256 = a.sha256 "
                              "WHERE u.confirmed_at IS NULL")[0][0]
    assert waiting == 0 and made[0] >= 3


def _technician_files(make_device, central) -> dict[str, bytes]:
    admin.import_work_orders(central, "number,kind,customer_code,assignee\nWO-91,meter_install,PA23LN0009101,lan\n",
                             team_code="T1")
    tech = make_device("t", "lan")
    assert sync.sync_now(tech).ok
    wo = work_orders.list_work_orders(tech, WorkOrderQuery())[0]
    c = customers.create_customer(tech, CustomerInput(code="PA23LN0009102", name="Khách tải"))
    m = meters.register_meter(tech, serial="CE18-91", customer_id=c.id)
    photo, signature = b"\xff\xd8 photo " * 500, b"\x89PNG signature " * 300
    field_facts.record_reading(tech, meter_id=m.id, customer_id=c.id, work_order_id=wo.id,
                               source=ReadingSource.OPTICAL, photo=photo,
                               registers={"1.8.0": RegisterValue(Decimal("1234.5"), "kWh")})
    field_facts.record_install(tech, work_order_id=wo.id, installed_meter_serial="CE18-92", data={"seal": "N1"},
                               attachments=[(signature, "image/png", "signature")])
    rep = sync.sync_now(tech)
    assert rep.ok and rep.uploaded == 2, rep
    return {hashlib.sha256(v).hexdigest(): v for v in (photo, signature)}


def download_cases() -> list[Case]:
    """The supervisor's side: the user token (challenge in the clear, token signed), the list of files to
    download, the chunks (checked by their offset, length and finally the file's sha256)."""
    challenge, token = ("/v1/auth/challenge",), ("/v1/auth/token",)
    return [
        # a text in the right place is no shape error: the server then refuses the nonce (the downloads wait, said in
        # the report) or the token (refused by the server), or the role is not a supervisor's (the downloads wait)
        *grid(challenge, ("nonce",), {"*": UNDERSTOOD, "text": "ok"}, only=("text", "minus", "object")),
        *grid(token, ("token",), {"*": UNDERSTOOD, "text": "refused by the server"}, only=("text", "null")),
        *grid(token, ("role",), {"*": UNDERSTOOD, "text": "ok"}, only=("text", "list")),
        Case("relay: another role", token, json_case(set_key(("role",), "admin"), False), NOT_OURS),
        Case("challenge: an HTML page with 200", challenge,
             lambda r: Wire(200, b"<html>login</html>", [("Content-Type", "text/html")]), UNDERSTOOD),
        *grid(INFO, ("items",), {"*": UNDERSTOOD, "list": "skip"}, False, only=SOME),
        *grid(INFO, ("items", 0), {"*": UNDERSTOOD, "drop": "skip"}, False, name="items[0]", only=SOME),
        *grid(INFO, ("items", 0, "size"), {"*": UNDERSTOOD}, False),
        *grid(INFO, ("items", 0, "sha256"), {"*": UNDERSTOOD}, False, only=("text", "null")),
        Case("info: a file not asked about", INFO,
             json_case(lambda b: b | {"items": b["items"] + [{"sha256": "cd" * 32, "size": 9}]}, False), UNDERSTOOD),
        Case("info: mime a number", INFO, json_case(set_key(("items", 0, "mime"), 7), False), UNDERSTOOD),
        # a chunk of another length, at another offset, or not the file's: never stored
        Case("chunk: short", ("/v1/attachments/",), _get(lambda r: Wire(200, r.body[:-1], r.headers, sign=False)),
             CUT, first_only=False),
        Case("chunk: another offset", ("/v1/attachments/",),
             _get(lambda r: Wire(200, r.body, [(k, "7" if k.lower() == "x-fk-offset" else v) for k, v in r.headers],
                                 sign=False)), CUT, first_only=False),
        Case("chunk: two offsets", ("/v1/attachments/",),
             _get(lambda r: Wire(200, r.body, r.headers + [(k, v) for k, v in r.headers if k.lower() == "x-fk-offset"],
                                 sign=False)), CUT, first_only=False),
        Case("info: extra keys", INFO, json_case(lambda b: b | {"x": {}, "unavailable": 5}, False), "ok"),
    ]


def test_download_answers_of_every_wrong_shape(central, server, make_device):
    files = _technician_files(make_device, central)
    sup = make_device("s", "hung", role=Role.SUPERVISOR)
    with HostileRelay(server.port, people.server_key(central)) as relay:
        sync.configure(sup, relay.url)
        cases = [Case(c.name, c.paths, c.change, c.expect, c.first_only,
                      ("cursor", "customers", "users")) for c in download_cases()]  # the pull before is proven
        problems = run_cases(cases, relay, sup, central, lambda: None)
    assert not problems, f"{len(problems)} of {len(cases)} cases:\n" + "\n".join(problems)
    stored = {r[0] for r in sup.store.query("SELECT sha256 FROM attachments")}
    assert stored <= set(files)
    for sha in stored:  # whatever was stored is the file itself
        assert hashlib.sha256(sup.attachments.get(sha)).hexdigest() == sha
    sync.configure(sup, server.url)
    rep = sync.sync_now(sup)
    assert rep.ok and rep.download_waiting == 0, rep
    assert {sha: sup.attachments.get(sha) for sha in files} == files


def test_hello_answers_that_are_not_a_proof(central, server, make_device):
    """The hello through a relay: a body of another shape is no proof (not the enrolled server); what only
    its whole-answer signature vouches for (capabilities, the sealing key, its time) is ignored when changed."""
    lan = make_device("a", "lan")
    hello = ("/v1/hello",)
    cases = [
        Case("hello: a list", hello, json_case(lambda b: [b], False), NOT_OURS),
        Case("hello: public_key a number", hello, json_case(set_key(("public_key",), 7), False), NOT_OURS),
        Case("hello: signature null", hello, json_case(set_key(("signature",), None), False), NOT_OURS),
        Case("hello: an HTML page with 200", hello,
             lambda r: Wire(200, b"<html>portal</html>", [("Content-Type", "text/html")], sign=False), NOT_OURS),
        *[Case(f"hello: {k}={n}", hello, json_case(set_key((k,), v), False), "ok")
          for k in ("keys", "sealing", "ordered", "signs_all", "time") for n, v in VALUES[:6]],
        Case("hello: a naive time", hello, json_case(set_key(("time",), "2026-12-04T08:00:00"), False), "ok"),
    ]
    with HostileRelay(server.port, people.server_key(central)) as relay:
        sync.configure(lan, relay.url)
        problems = run_cases(cases, relay, lan, central, lambda: None)
    assert not problems, f"{len(problems)} of {len(cases)} cases:\n" + "\n".join(problems)
    sync.configure(lan, server.url)
    assert sync.sync_now(lan).ok


def test_enrolment_answers_of_another_shape_enrol_nothing(central, server, make_device):
    """Enrolment (not a sync, but the same reading): an enrolment answer, a registration or the team's people
    of another shape raise a SyncError (the page shows it) and store nothing of that answer; the same laptop
    then enrols through the clean path."""
    from fieldkit.sync.transport import SyncError

    enrol, register, me = ("/v1/enrol",), ("/v1/users/register",), ("/v1/me",)
    cases = [
        *grid(enrol, ("token",), {"*": UNDERSTOOD}, only=("null", "huge", "list")),
        *grid(enrol, ("device_id",), {"*": UNDERSTOOD}, only=("drop", "minus")),
        *grid(enrol, ("team_id",), {"*": UNDERSTOOD}, only=("object",)),
        Case("enrol: an HTML page with 200", enrol,
             lambda r: Wire(200, b"<html>captive portal</html>", [("Content-Type", "text/html")]), UNDERSTOOD),
        *grid(register, ("user",), {"*": UNDERSTOOD}, only=("text", "list")),
        *grid(register, ("user", "id"), {"*": UNDERSTOOD}, only=("huge",)),
        *grid(me, ("users",), {"*": UNDERSTOOD}, only=("object", "text")),
        *grid(me, ("users", 0), {"*": UNDERSTOOD, "drop": "skip"}, name="users[0]", only=("text", "object")),
        *grid(me, ("users", 0, "active"), {"*": UNDERSTOOD, "drop": "skip"}, only=("text",)),
        *grid(me, ("team_id",), {"*": UNDERSTOOD}, only=("minus",)),
    ]
    lan = make_device("a", "lan", enrolled=False)
    problems = []
    with HostileRelay(server.port, people.server_key(central)) as relay:
        for n, case in enumerate(cases):
            relay.aim(case.paths, case.change)
            before = laptop_state(lan) | {"token": lan.store.get_meta("sync.token")}
            try:
                sync.enrol(lan, admin.enrol(central, "T1", f"a{n}").code, relay.url,
                           user_code=people.issue_code(central, "lan"))
                problems.append(f"{case.name}: enrolled")
            except SyncError as exc:
                if case.expect not in str(exc) and "protocol error" not in str(exc):
                    problems.append(f"{case.name}: {exc}")
            except Exception as exc:  # noqa: BLE001 - what the test is about
                problems.append(f"{case.name}: raised {type(exc).__name__}: {str(exc)[:120]}")
            if not relay.changed:
                problems.append(f"{case.name}: the relay never changed an answer")
            after = laptop_state(lan) | {"token": lan.store.get_meta("sync.token")}
            # what the enrolment answer said is stored only when all of it reads; people only from a whole list
            if case.paths == enrol and after["token"] != before["token"]:
                problems.append(f"{case.name}: a token stored")
            others = [[u for u in s["users"] if u[1] != "lan"] for s in (before, after)]  # lan: the registration's
            if others[0] != others[1] and case.paths == me:
                problems.append(f"{case.name}: people stored from a list that did not read")
    assert not problems, f"{len(problems)} of {len(cases)} cases:\n" + "\n".join(problems)
    sync.enrol(lan, admin.enrol(central, "T1", "clean").code, server.url, user_code=people.issue_code(central, "lan"))
    assert sync.sync_now(lan).ok
