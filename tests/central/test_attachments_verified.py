"""Attachments are verified bytes, per team: no claim without bytes completes anything, another
team's claim never touches this team's metadata or upload, the approval gate needs verified
bytes, and no answer tells whether another team holds a hash."""

from __future__ import annotations

import hashlib
from typing import Any

from fieldkit.domain.ids import new_id

EMPTY_SHA = hashlib.sha256(b"").hexdigest()
PHOTO = b"\xff\xd8\xff\xe0 a photo of the meter " * 100
PHOTO_SHA = hashlib.sha256(PHOTO).hexdigest()


def op(entity: str, entity_id: str, action: str, payload: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"op_id": new_id(), "entity": entity, "entity_id": entity_id, "action": action, "payload": payload} | extra


def push(world, device: str, user: str, *ops: dict[str, Any]) -> list[dict[str, Any]]:
    r = world.call("POST", "/v1/push", device, user, json={"ops": list(ops)})
    assert r.status_code == 200, r.text
    return r.json()["results"]


def claim(sha: str, size: int, mime: str = "image/jpeg", kind: str = "photo") -> dict[str, Any]:
    return op("attachment", sha, "create", {"sha256": sha, "size": size, "mime": mime, "kind": kind})


def upload(world, device: str, user: str, data: bytes, sha: str | None = None, mime: str = "image/jpeg") -> Any:
    sha = sha or hashlib.sha256(data).hexdigest()
    return world.call("PUT", f"/v1/attachments/{sha}", device, user, data=data,
                      params={"offset": 0, "size": len(data), "mime": mime, "kind": "photo"})


def missing(world, device: str, user: str, *hashes: str) -> list[dict[str, Any]]:
    return world.call("POST", "/v1/attachments/missing", device, user, json={"hashes": list(hashes)}).json()["missing"]


def info(world, device: str, user: str, *hashes: str) -> dict[str, Any]:
    return world.call("POST", "/v1/attachments/info", device, user, json={"hashes": list(hashes)}).json()


def test_a_size_0_claim_completes_nothing_but_the_empty_file(world):
    res = push(world, "d1", "lan", claim(PHOTO_SHA, 0), claim(EMPTY_SHA, 0), claim(EMPTY_SHA, 5))
    assert [(r["status"], r.get("code")) for r in res] == [("rejected", "empty_file"), ("applied", None),
                                                          ("rejected", "attachment_size")]
    assert missing(world, "d1", "lan", PHOTO_SHA, EMPTY_SHA) == [{"sha256": PHOTO_SHA, "offset": 0}]
    # An upload that says size 0 under a non-empty hash never completes either.
    r = world.call("PUT", f"/v1/attachments/{PHOTO_SHA}", "d1", "lan", data=b"", params={"offset": 0, "size": 0})
    assert r.status_code == 422 and missing(world, "d1", "lan", PHOTO_SHA)[0]["offset"] == 0


def test_another_teams_pre_claim_neither_short_circuits_nor_changes_this_teams_upload(world):
    # Team 2 claims team 1's photo hash first (with the right size and a hostile type)...
    assert push(world, "d2", "minh", claim(PHOTO_SHA, len(PHOTO), mime="text/html"))[0]["status"] == "applied"
    # ... team 1 is told nothing about it: the same answer as for a hash nobody has.
    unknown = hashlib.sha256(b"nobody has this").hexdigest()
    assert missing(world, "d1", "lan", PHOTO_SHA, unknown) == [{"sha256": PHOTO_SHA, "offset": 0},
                                                               {"sha256": unknown, "offset": 0}]
    assert push(world, "d1", "lan", claim(PHOTO_SHA, len(PHOTO)))[0]["status"] == "applied"
    # Team 1's upload is stored and verified, not answered "complete" without its bytes.
    up = upload(world, "d1", "lan", PHOTO)
    assert up.status_code == 200 and up.json()["complete"] is True
    got = world.call("GET", f"/v1/attachments/{PHOTO_SHA}", "d1", "hung")
    assert got.status_code == 200 and got.content == PHOTO
    assert info(world, "d1", "hung", PHOTO_SHA)["items"] == [{"sha256": PHOTO_SHA, "size": len(PHOTO),
                                                             "mime": "image/jpeg", "kind": "photo"}]
    # Team 2 never uploaded: it holds nothing, and team 1's bytes are not served to it.
    assert missing(world, "d2", "minh", PHOTO_SHA) == [{"sha256": PHOTO_SHA, "offset": 0}]
    assert world.call("GET", f"/v1/attachments/{PHOTO_SHA}", "d2", "tuan").status_code == 404
    assert info(world, "d2", "tuan", PHOTO_SHA) == {"items": [], "unavailable": [PHOTO_SHA]}


def test_another_teams_claim_never_overwrites_this_teams_type(world):
    push(world, "d1", "lan", claim(PHOTO_SHA, len(PHOTO)))
    assert upload(world, "d1", "lan", PHOTO).json()["complete"] is True
    res = push(world, "d2", "minh", claim(PHOTO_SHA, len(PHOTO), mime="text/html", kind="document"))
    assert res[0]["status"] == "applied"  # team 2's own row; says nothing about team 1's
    assert info(world, "d1", "hung", PHOTO_SHA)["items"][0]["mime"] == "image/jpeg"
    got = world.call("GET", f"/v1/attachments/{PHOTO_SHA}", "d1", "hung")
    assert got.headers["content-type"] == "image/jpeg"
    # A size that differs from team 1's finished upload is team 2's business only.
    assert push(world, "d2", "minh", claim(PHOTO_SHA, 7))[0]["status"] == "applied"
    assert info(world, "d1", "hung", PHOTO_SHA)["items"][0]["size"] == len(PHOTO)


def test_answers_never_reveal_another_teams_hash_or_records(world):
    data = b"team two's signature"
    sha = hashlib.sha256(data).hexdigest()
    push(world, "d2", "minh", claim(sha, len(data)))
    assert upload(world, "d2", "minh", data).json()["complete"] is True
    unknown = hashlib.sha256(b"x").hexdigest()
    assert missing(world, "d1", "lan", sha) == [{"sha256": sha, "offset": 0}]
    assert missing(world, "d1", "lan", unknown) == [{"sha256": unknown, "offset": 0}]
    a = world.call("GET", f"/v1/attachments/{sha}", "d1", "hung")
    b = world.call("GET", f"/v1/attachments/{unknown}", "d1", "hung")
    assert (a.status_code, a.json()) == (b.status_code, b.json()) == (404, {"detail": "no such attachment"})
    # Uploading it as team 1 means sending the bytes: the answer is the offset to start from.
    r = world.call("PUT", f"/v1/attachments/{sha}", "d1", "lan", data=b"", params={"offset": 0, "size": len(data)})
    assert r.json() == {"sha256": sha, "offset": 0, "size": len(data), "complete": False}


def test_the_approval_gate_needs_verified_bytes(world):
    cid, mid, wid, rid = new_id(), new_id(), new_id(), new_id()
    res = push(world, "d1", "lan",
               op("customer", cid, "create", {"id": cid, "code": "PA23LN0000301", "name": "Khách ảnh"}),
               op("meter", mid, "create", {"id": mid, "serial": "LN-301", "customer_id": cid}),
               op("work_order", wid, "create", {"id": wid, "number": "LN-301", "kind": "reading", "customer_id": cid}),
               claim(PHOTO_SHA, len(PHOTO)),
               op("reading", rid, "append", {"id": rid, "meter_id": mid, "taken_at": "2025-09-01T08:00:00+07:00",
                                             "source": "manual", "work_order_id": wid, "photo_sha256": PHOTO_SHA,
                                             "registers": {"1.8.0": {"value": "12.5", "unit": "kWh"}}}),
               op("work_order", wid, "status", {"id": wid, "state": "done"}, base_version=1))
    assert [r["status"] for r in res] == ["applied"] * 6, res
    # Another team holding the same photo (verified, its own bytes) does not deliver it for team 1.
    push(world, "d2", "minh", claim(PHOTO_SHA, len(PHOTO)))
    assert upload(world, "d2", "minh", PHOTO).json()["complete"] is True

    def approve() -> dict[str, Any]:
        return push(world, "d1", "hung", op("work_order", wid, "approve", {"id": wid, "state": "approved"}))[0]

    first = approve()
    assert first["status"] == "rejected" and "not delivered" in first["reason"], first
    wrong = upload(world, "d1", "lan", b"\x00" * len(PHOTO), sha=PHOTO_SHA)
    assert wrong.status_code == 422
    assert approve()["status"] == "rejected"
    wo = world.call("GET", f"/v1/work-orders/{wid}", "d1", "hung").json()
    assert wo["delivered"] is False and wo["missing_attachments"] == [PHOTO_SHA]
    assert upload(world, "d1", "lan", PHOTO).json()["complete"] is True
    assert approve()["status"] == "applied"
    assert world.call("GET", f"/v1/work-orders/{wid}", "d1", "hung").json()["delivered"] is True


def test_rows_of_the_older_shared_tables_are_copied_once_and_size_0_claims_stay_incomplete(world):
    from sqlalchemy import delete, insert, select

    from fieldkit.central import schema as t
    from fieldkit.central.attachments import LEGACY_COPIED

    fake = hashlib.sha256(b"never uploaded").hexdigest()
    with world.db.write() as (conn, _):
        team1 = conn.execute(select(t.teams.c.id).where(t.teams.c.code == "T1")).scalar_one()
        for sha, size in ((PHOTO_SHA, len(PHOTO)), (fake, 0)):  # the second: the old size-0 shortcut
            conn.execute(insert(t.attachments).values(sha256=sha, size=size, mime="image/jpeg", kind="photo",
                                                      team_id=team1, received=size, complete=True, created_at="x"))
        conn.execute(insert(t.attachment_chunks).values(sha256=PHOTO_SHA, offset=0, data=PHOTO))
        conn.execute(delete(t.counters).where(t.counters.c.name == LEGACY_COPIED))  # as before this version
    world.db.create_all()
    world.db.create_all()  # once only
    assert missing(world, "d1", "lan", PHOTO_SHA, fake) == [{"sha256": fake, "offset": 0}]
    assert world.call("GET", f"/v1/attachments/{PHOTO_SHA}", "d1", "hung").content == PHOTO
    with world.db.read() as conn:
        assert len(conn.execute(select(t.team_attachment_chunks)).all()) == 1


def test_a_damaged_upload_row_starts_again_from_0_and_never_answers_500(world):
    """An upload row damaged behind the server's back (a count that is not a whole number, a count past the
    size, a negative size) makes the next chunk restart the upload, not a 500; the bytes that
    end up stored are still the verified ones."""
    from sqlalchemy import update

    from fieldkit.central import schema as t

    A = t.team_attachments.c
    sqlite = world.db.engine.dialect.name == "sqlite"
    kinds: list[dict[str, Any]] = [{"received": 10**6}, {"received": -1}, {"size": -3}]
    if sqlite:  # PostgreSQL's column types cannot hold these
        kinds += [{"received": "x"}, {"size": "big"}, {"received": 2.5}]
    for damage in kinds:
        data = PHOTO + repr(damage).encode()
        sha = hashlib.sha256(data).hexdigest()
        push(world, "d1", "lan", claim(sha, len(data)))
        half = world.call("PUT", f"/v1/attachments/{sha}", "d1", "lan", data=data[:100],
                          params={"offset": 0, "size": len(data), "mime": "image/jpeg", "kind": "photo"})
        assert half.status_code == 200 and half.json()["offset"] == 100
        with world.db.write() as (conn, _):
            done = conn.execute(update(t.team_attachments).where(A.sha256 == sha)
                                .values(**damage))
            assert done.rowcount == 1
        # The laptop goes on from where it was: told to start again from 0, nothing stored.
        r = world.call("PUT", f"/v1/attachments/{sha}", "d1", "lan", data=data[100:],
                       params={"offset": 100, "size": len(data), "mime": "image/jpeg", "kind": "photo"})
        assert r.status_code == 409 and r.json()["offset"] == 0, (damage, r.status_code, r.text)
        assert missing(world, "d1", "lan", sha) == [{"sha256": sha, "offset": 0}]
        up = upload(world, "d1", "lan", data)
        assert up.status_code == 200 and up.json()["complete"] is True, (damage, up.text)
        got = world.call("GET", f"/v1/attachments/{sha}", "d1", "hung")
        assert got.status_code == 200 and got.content == data
    # A claim onto a damaged row (a push) is applied and resets it too, never a refusal of the batch.
    data = PHOTO + b"claim"
    sha = hashlib.sha256(data).hexdigest()
    push(world, "d1", "lan", claim(sha, len(data)))
    with world.db.write() as (conn, _):
        conn.execute(update(t.team_attachments).where(A.sha256 == sha)
                     .values(received=len(data) * 2))
    assert push(world, "d1", "lan", claim(sha, len(data)))[0]["status"] == "applied"
    assert upload(world, "d1", "lan", data).json()["complete"] is True
