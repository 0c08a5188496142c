"""The sync endpoints: `POST /v1/push` (a batch of operations, each applied at most once) and
`GET /v1/changes` (the team's change feed after a cursor). The protocol: docs/sync.md.

A push may be pipelined (`after`: applied only once the previous batch's last operation has its
answer here, central/turns.py) and may ask for the first page of changes in its answer (`pull`),
so that a sync with little to pull needs no request of its own for it. A client that sends
neither gets the answer it always got, plus `ordered: true` (ignored by older clients)."""

# No `from __future__ import annotations`: FastAPI resolves the local `Auth` aliases at runtime.

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field, WithJsonSchema
from starlette.concurrency import run_in_threadpool

from fieldkit.central import feed, observe, quarantine, sealed, signatures, stored, timing, turns
from fieldkit.central.access import REVOKED, Access
from fieldkit.central.apply import APPLIED, Context, process_batch
from fieldkit.central.db import Database, utc_now
from fieldkit.central.http_io import ID, MAX_OPS, NAME, GzipRoute
from fieldkit.central.withhold import HEADER, Withheld, printable
from fieldkit.domain import signing

log = logging.getLogger("fieldkit.central.quarantine")
APPLIED_ANSWER = {"status": APPLIED}  # the common answer, one object for all (only ever read)


class Op(BaseModel):
    op_id: str = Field(pattern=ID, max_length=36, description="the operation's own id (UUIDv7 made on the device)")
    entity: str = Field(pattern=NAME)
    entity_id: str = Field(pattern=ID)
    action: str = Field(pattern=NAME)
    payload: dict[str, Any]
    base_version: int | None = Field(default=None, ge=0, le=2_000_000_000)
    device_time: str | None = Field(default=None, max_length=40, pattern=r"^[0-9T:.+\-Z ]*$")
    actor: str | None = Field(default=None, max_length=128, pattern=r"^[^\x00-\x1f]*$",
                              description="username of the person who made the change (signed)")
    sig: str | None = Field(default=None, max_length=100, pattern=r"^[A-Za-z0-9+/=]*$",
                            description="the author's own signature of this operation (else the batch's)")


class BatchSig(BaseModel):
    actor: str = Field(max_length=128, pattern=r"^[^\x00-\x1f]*$")
    sig: str = Field(max_length=100, pattern=r"^[A-Za-z0-9+/=]*$",
                     description="Ed25519 over the digests of this author's operations in the batch")


class PullAsk(BaseModel):
    since: int = Field(ge=0, le=2**62)
    limit: int = Field(default=1000, ge=1, le=5000)


class PushRequest(BaseModel):
    # Each operation is checked on its own (fieldkit.central.validate): one bad operation is
    # refused with its reason and never stops the rest of the batch.
    ops: list[Annotated[Any, WithJsonSchema(Op.model_json_schema())]] = Field(max_length=MAX_OPS)
    sigs: list[BatchSig] = Field(default=[], max_length=100)
    after: str | None = Field(default=None, pattern=ID, max_length=36,
                              description="pipelined: apply only once this operation of the device has its answer")
    pull: PullAsk | None = Field(default=None, description="also answer the first page of changes after `since`")


class Change(BaseModel):
    seq: int
    entity: str
    id: str
    data: dict[str, Any]


class ChangesPage(BaseModel):
    changes: list[Change]
    next: int
    more: bool
    withheld: int = Field(default=0, description="damaged changes left out of this page (logged, quarantined; "
                                                   "header X-FK-Withheld)")


class OpResult(BaseModel):
    op_id: str | None = None
    status: str = Field(description="applied | conflict | rejected")
    code: str | None = Field(default=None, description="why it was rejected: a stable reason code "
                             "(fieldkit.domain.reasons) the laptop translates")
    version: int | None = None
    conflict: int | None = None
    reason: str | None = None
    params: dict[str, str | int] | None = Field(default=None, description="the reason's parameters")
    replay: bool | None = Field(default=None, description="true: this id was applied before; the first answer")


class PushResponse(BaseModel):
    time: str
    ids: str = Field(description="SHA-256 (hex) over the batch's operation ids joined by newlines, in order")
    results: list[OpResult]
    ordered: bool | None = Field(default=None, description="true: this server keeps pipelined batches in order")
    pull: ChangesPage | None = Field(default=None, description="the page of changes asked for with `pull`")


class ChangesResponse(ChangesPage):
    time: str


def router(db: Database, access: Access) -> APIRouter:
    router = APIRouter(route_class=GzipRoute)
    # access.Auth: the same dependency, with the type the checker needs (a Context).
    Auth = Annotated[Context, access.Auth.__metadata__[0]]

    @router.post("/v1/push", response_model=PushResponse, response_model_exclude_none=True, tags=["sync"],
                 responses={409: {"description": "out_of_order: the batch named in `after` has no answer here (yet)"}})
    async def push(request: Request, body: PushRequest,
                   authorization: Annotated[str | None, Header(description="Bearer <device token>")] = None,
                   x_fk_user_token: Annotated[str | None, Header(description="user token (role-gated reads)")]
                   = None) -> Response:
        """Apply a batch of operations in order, each at most once; one answer per operation, naming
        its operation id. Each operation counts only with its author's valid signature, and only if
        the author's role on the server allows it now."""
        # One hand-off to the thread pool for the whole push, the token check included (as a sync
        # dependency it was a second one): each hand-off passes the interpreter lock to another
        # thread and back, a fixed cost of every request that grows with the number of connections.
        return await run_in_threadpool(push_now, request, body, authorization, x_fk_user_token)

    def push_now(request: Request, body: PushRequest, authorization: str | None,
                 x_fk_user_token: str | None) -> Response:
        ops = list(body.ops)
        sigs = [s.model_dump() for s in body.sigs]
        # The token is checked inside the write transaction, in the query that reads the authors
        # and their keys (signatures.check_token): a token revoked meanwhile (a pipelined push held
        # for its turn) applies nothing. On PostgreSQL that is the only check of a plain push (one
        # connection, one round trip for both); a pipelined push looks at its turn with the token
        # first (one query). SQLite (one writer: a bad token must not take the write lock) and a
        # push with a user token check it first on their own too.
        token_hash = Access.token_hash(authorization)
        ctx: Context | None = None
        in_turn = body.after is None
        if db.is_sqlite or x_fk_user_token:
            ctx = access.auth(authorization, x_fk_user_token=x_fk_user_token)
        elif body.after is not None:  # (a read: once more on a dead connection inside device_and_turn)
            ctx, in_turn = access.device_and_turn(token_hash, body.after)
        if not in_turn:
            assert ctx is not None and body.after is not None
            with timing.own_turn(request):  # waiting for its own earlier batch: not the server's load
                in_turn = turns.wait_turn(db, ctx.device_id, body.after)
            if not in_turn:
                raise HTTPException(409, turns.OUT_OF_ORDER)

        def apply() -> tuple[Context, list[dict[str, Any]]]:
            with db.write() as (conn, pending):
                found = signatures.check_token(conn, token_hash, ops, sigs)
                if found is None or (ctx is not None and found[0] != ctx.device_id):
                    raise HTTPException(401, REVOKED)  # revoked meanwhile: rolled back, nothing applied
                here = ctx if ctx is not None else Context(found[0], found[1])  # (a user token: its person)
                return here, process_batch(conn, pending, here, ops, sigs, found[2])

        # a connection found dead (a database restart): the whole transaction once more; the op ids
        # keep it exactly-once (a COMMIT that did land is answered from the op log)
        ctx, results = db.once_more_if_dropped(apply)
        turns.pushed(ctx.device_id)  # this device's pipelined batch held for this one goes now
        observe.count_results(results)
        # The answer names exactly the operations it answers: a SHA-256 over their ids in order (one
        # per batch: an id per result would cost ~17 bytes per reading on 2G), signed with the nonce.
        named = [str(o.get("op_id")) if isinstance(o, dict) else "" for o in ops]
        clean = [APPLIED_ANSWER if r.get("status") == APPLIED and len(r) == 2 and "op_id" in r
                 else {k: v for k, v in r.items() if v is not None and k != "op_id"} for r in results]
        answer: dict[str, Any] = {"time": utc_now(), "ids": signing.ids_digest(named), "results": clean,
                                  "ordered": True}
        if body.pull is not None:  # the pull's first page in the same round trip (and signed)
            answer["pull"] = page(ctx, body.pull.since, body.pull.limit, request)
        return access.signed(request, answer, no_floats=body.pull is None)  # results: text and whole numbers

    @router.post("/v1/push/sealed", tags=["sync"], response_class=Response,
                 responses={400: {"description": "sealed_malformed: not a sealed push, cut or changed; nothing applied"},
                            409: {"description": "sealed_replayed: this sealed push was opened before; nothing run"},
                            410: {"description": "sealed_key_unknown / sealed_key_retired: ask /v1/hello"}})
    async def push_sealed(request: Request) -> Response:
        """A push sealed to the server's key (sent before the server proved it): opened, applied as
        `POST /v1/push`, its answer sealed for the sender only (central/sealed.py)."""
        return await sealed.serve(request, db, access.keys, PushRequest, push_now)

    @router.get("/v1/changes", response_model=ChangesResponse, tags=["sync"])
    def changes(request: Request, ctx: Auth, since: Annotated[int, Query(ge=0, le=2**62)] = 0,
                limit: Annotated[int, Query(ge=1, le=5000)] = 1000) -> Response:
        """Changes for this device's team after sequence `since`, oldest first. Field facts this
        device pushed itself are left out (it has them); the cursor still moves past them. Signed
        (the laptop applies them)."""
        got = page(ctx, since, limit, request, lag=True)
        # orjson writes the page when no change holds a float (the standard encoder's text, ~10x
        # faster: a 1000-change page took 13 ms to encode); a float anywhere: the standard encoder
        plain = not any(signatures.has_float(c["data"]) for c in got["changes"])
        answer = access.signed(request, {"time": utc_now()} | got, no_floats=plain)
        if got.get("withheld"):
            answer.headers[HEADER] = str(got["withheld"])
        return answer

    def page(ctx: Context, since: int, limit: int, request: Request | None = None, lag: bool = False) -> dict[str, Any]:
        with db.read() as conn:
            # without the device's own facts (they never fill the page); never passes a transaction still running
            rows, reach = feed.read_for(conn, ctx.team_id, ctx.device_id, since, limit)
            if lag:  # the pull's lag metric on the page's own connection (no second thread hand-off)
                observe.observe_behind(conn, since)
        out, bad, withheld = [], [], Withheld(request)
        for r in rows:
            change = withheld.keep("changes", r[0], stored.change, r)  # one bad record never stops the feed
            if change is None:
                bad.append({"seq": r[0], "team_id": ctx.team_id, "entity": printable(r[1]),
                            "entity_id": printable(r[2]), "error": withheld.items[-1]["error"]})
            else:
                out.append(change)
        if bad:
            try:
                quarantine.record(db, bad)
            except Exception:  # remembering it must never cost the device its page
                log.exception("could not record a damaged change in the quarantine table")
        # the cursor moves past every row read, damaged or not (a seq that is no number is never a cursor),
        # and on a short page past the own facts left out (feed.read_for: never above the horizon)
        return {"changes": out, "next": reach, "more": len(rows) == limit,
                **({"withheld": withheld.count} if withheld.count else {})}

    return router
