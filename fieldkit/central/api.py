"""The HTTP API (FastAPI). OpenAPI at /openapi.json, browsable at /docs.

Every call except /v1/ping, /v1/hello and /v1/enrol needs `Authorization: Bearer <device
token>`: the device must be enrolled and not revoked (checked on every request, so a revoked
token is refused at once). The device token says nothing about the person: pushed operations
carry their authors' signatures (see central/signatures.py), and role-gated reads (audit,
conflicts, downloads of the team's files) need `X-FK-User-Token`, a short-lived user token
obtained by signing a server challenge (/v1/auth/challenge, /v1/auth/token). `X-FK-User` is
not trusted for anything. Answers that a laptop acts on (push, me, user registration, hello)
are signed with the server's key over the request's `X-FK-Nonce` (`X-FK-Signature`). Request bodies may be gzip-compressed (`Content-Encoding: gzip`);
answers are gzip-compressed when the client accepts it.
"""

# No `from __future__ import annotations`: FastAPI resolves the local `Auth` aliases at runtime.

import json
import re
import zlib
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Path, Query, Request, Response
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field, WithJsonSchema
from sqlalchemy import and_, or_, select
from starlette.concurrency import run_in_threadpool

from fieldkit import __version__
from fieldkit.central import admin, attachments, limits, observe, people, quarantine
from fieldkit.central import schema as t
from fieldkit.central.apply import Context, actor_of, missing_attachments, process_batch, resolve_conflict
from fieldkit.central.db import Database, audit, dumps, utc_now
from fieldkit.domain import signing

try:
    import orjson
except ImportError:  # pragma: no cover - the extra installs it; the standard parser does the same job
    orjson = None


_LONG_NUMBER = re.compile(rb"[0-9]{19}")


def fast_loads(body: bytes) -> Any:
    """The same value the standard parser gives (operation digests are computed from it), faster.
    orjson reads integers beyond 64 bits as floats: a body with a run of 19 digits or more goes to
    the standard parser, as does anything orjson refuses."""
    if orjson is not None and not _LONG_NUMBER.search(body):
        try:
            return orjson.loads(body)
        except orjson.JSONDecodeError:
            pass
    return json.loads(body)


MAX_BODY = 32 * 1024 * 1024
MAX_CHUNK = 4 * 1024 * 1024
MAX_ATTACHMENT = 256 * 1024 * 1024
MAX_OPS = 5000
ID = r"^[0-9A-Za-z][0-9A-Za-z_.:/-]{0,63}$"
NAME = r"^[a-z_]{1,32}$"
SHA = r"^[0-9a-f]{64}$"


class GzipRequest(Request):
    async def body(self) -> bytes:
        if not hasattr(self, "_body"):
            raw = await super().body()
            if "gzip" in self.headers.get("content-encoding", "").lower():
                try:
                    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
                    limit = int(self.scope.get(limits.SCOPE_KEY, MAX_BODY))
                    raw = d.decompress(raw, limit)
                    if d.unconsumed_tail:
                        raise limits.BodyTooLarge(limit)
                except zlib.error as exc:
                    raise HTTPException(400, "the gzip request body is damaged") from exc
            self._body = raw
        return self._body

    async def json(self) -> Any:
        """The body parsed with orjson when it takes it (3-5x faster: this runs on the event loop),
        else with the standard parser, which also reads what orjson refuses (NaN, huge integers, lone
        surrogates) so that such a value is refused per operation by validate.shape, as before."""
        if not hasattr(self, "_json"):
            body = await self.body()
            self._json = fast_loads(body)
        return self._json


class GzipRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        original = super().get_route_handler()

        async def handler(request: Request) -> Response:
            return await original(GzipRequest(request.scope, request.receive))

        return handler


# --- models -------------------------------------------------------------------------------------

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


class PushRequest(BaseModel):
    # Each operation is checked on its own (fieldkit.central.validate): one bad operation is
    # refused with its reason and never stops the rest of the batch.
    ops: list[Annotated[Any, WithJsonSchema(Op.model_json_schema())]] = Field(max_length=MAX_OPS)
    sigs: list[BatchSig] = Field(default=[], max_length=100)


class OpResult(BaseModel):
    op_id: str | None = None
    status: str = Field(description="applied | conflict | rejected")
    code: str | None = Field(default=None, description="why it was rejected, as a code the laptop translates")
    version: int | None = None
    conflict: int | None = None
    reason: str | None = None
    code: str | None = Field(default=None, description="stable reason code (fieldkit.domain.reasons)")
    params: dict[str, str | int] | None = Field(default=None, description="the reason's parameters")
    replay: bool | None = Field(default=None, description="true: this id was applied before; the first answer")


class PushResponse(BaseModel):
    time: str
    ids: str = Field(description="SHA-256 (hex) over the batch's operation ids joined by newlines, in order")
    results: list[OpResult]


class Change(BaseModel):
    seq: int
    entity: str
    id: str
    data: dict[str, Any]


class ChangesResponse(BaseModel):
    time: str
    changes: list[Change]
    next: int
    more: bool


class Ping(BaseModel):
    ok: bool
    time: str
    version: str


class EnrolRequest(BaseModel):
    code: str = Field(min_length=4, max_length=40, pattern=r"^[A-Za-z0-9 -]+$")
    name: str = Field(default="", max_length=100, pattern=r"^[^\x00-\x1f\x7f]*$")
    device_key: str = Field(default="", max_length=64, pattern=r"^[0-9A-Za-z-]*$",
                            description="the device's own id; repeating it retries an enrolment whose answer was lost")


class EnrolResponse(BaseModel):
    device_id: str
    token: str
    team_id: str
    time: str


class UserOut(BaseModel):
    id: str
    username: str
    display_name: str
    role: str
    active: bool = True


class Me(BaseModel):
    device_id: str
    team_id: str
    team_code: str
    user: UserOut | None = None
    users: list[UserOut]
    time: str


class Hello(BaseModel):
    public_key: str
    signature: str
    time: str


class RegisterRequest(BaseModel):
    username: str = Field(min_length=1, max_length=128, pattern=r"^[^\x00-\x1f]*$")
    code: str = Field(min_length=4, max_length=40, pattern=r"^[A-Za-z0-9 -]+$")
    public_key: str = Field(min_length=40, max_length=64, pattern=r"^[A-Za-z0-9+/=]+$")
    proof: str = Field(min_length=80, max_length=100, pattern=r"^[A-Za-z0-9+/=]+$")


class Registered(BaseModel):
    user: UserOut
    team_id: str
    time: str


class Challenge(BaseModel):
    nonce: str
    time: str


class TokenRequest(BaseModel):
    username: str = Field(min_length=1, max_length=128, pattern=r"^[^\x00-\x1f]*$")
    nonce: str = Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")
    signature: str = Field(min_length=80, max_length=100, pattern=r"^[A-Za-z0-9+/=]+$")


class UserToken(BaseModel):
    token: str
    expires_at: str
    role: str
    time: str


class MissingRequest(BaseModel):
    hashes: list[Annotated[str, Field(pattern=SHA)]] = Field(max_length=10000)


class MissingItem(BaseModel):
    sha256: str
    offset: int


class MissingResponse(BaseModel):
    missing: list[MissingItem]


class UploadResponse(BaseModel):
    sha256: str
    offset: int
    size: int
    complete: bool


class AttachmentInfo(BaseModel):
    sha256: str
    size: int
    mime: str
    kind: str


class AttachmentInfoResponse(BaseModel):
    items: list[AttachmentInfo]
    unavailable: list[str]


class WorkOrderOut(BaseModel):
    id: str
    data: dict[str, Any]
    version: int
    conflict: bool
    delivered: bool
    missing_attachments: list[str]
    versions: list[dict[str, Any]] = []


class CustomerOut(BaseModel):
    id: str
    data: dict[str, Any]
    version: int
    conflict: bool
    versions: list[dict[str, Any]] = []


class ConflictOut(BaseModel):
    id: int
    entity: str
    entity_id: str
    op_id: str
    base_version: int | None
    server_version: int
    new_version: int
    device_id: str
    user_id: str | None
    detail: str
    at: str
    resolved_at: str | None


# --- application --------------------------------------------------------------------------------

def create_app(db: Database) -> FastAPI:
    app = FastAPI(title="FieldKit central", version=__version__,
                  description="Reference central server for FieldKit devices: enrolment, sync, attachments, review.")
    app.router.route_class = GzipRoute
    app.add_middleware(GZipMiddleware, minimum_size=300, compresslevel=6)
    limits.install(app)
    observe.install(app, db)

    keys: list[Any] = []  # the server's signing key, loaded on first use (start-up needs no database)

    def server_key() -> Any:
        if not keys:
            keys.append(people.server_key(db))
        return keys[0]

    def signed(request: Request, model: BaseModel | dict[str, Any], **dump: Any) -> Response:
        """JSON answer signed with the server's key over the request's nonce and the body."""
        value = model.model_dump(**dump) if isinstance(model, BaseModel) else model
        body = dumps(value).encode("utf-8")
        nonce = request.headers.get("x-fk-nonce", "")[:64]
        sig = signing.sign(server_key(), signing.answer_message(nonce, body))
        return Response(body, media_type="application/json", headers={"X-FK-Signature": sig})

    def auth(authorization: Annotated[str | None, Header(description="Bearer <device token>")] = None,
             *,
             x_fk_user_token: Annotated[str | None, Header(description="user token (role-gated reads)")] = None
             ) -> Context:
        token = authorization[7:].strip() if authorization and authorization.lower().startswith("bearer ") else ""
        if not token:
            raise HTTPException(401, "a device token is required")
        with db.read() as conn:
            dev = conn.execute(select(t.devices.c.id, t.devices.c.team_id).where(and_(
                t.devices.c.token_hash == admin.hash_token(token), t.devices.c.revoked_at.is_(None)))).first()
            if dev is None:
                raise HTTPException(401, "this device is not enrolled or its token was revoked")
            ctx = Context(str(dev[0]), str(dev[1]))
            if x_fk_user_token:
                who = people.token_person(conn, x_fk_user_token[:100], ctx.device_id, ctx.team_id)
                if who is None:
                    raise HTTPException(401, "user_token: the user token is invalid or expired; sign in again")
                ctx.user = actor_of(who)
        return ctx

    Auth = Annotated[Context, Depends(auth)]

    def supervisor(ctx: Auth) -> Context:
        if ctx.user is None:
            raise HTTPException(401, "user_token: this needs a user token (sign the server's challenge)")
        if ctx.user.role != "supervisor":
            raise HTTPException(403, "role_forbidden: only a supervisor may do this")
        return ctx

    Supervisor = Annotated[Context, Depends(supervisor)]

    @app.get("/v1/hello", response_model=Hello, tags=["devices"])
    def hello(request: Request, nonce: Annotated[str, Query(min_length=8, max_length=64,
                                                            pattern=r"^[A-Za-z0-9_-]+$")]) -> Response:
        """The server proves its identity: its public key and a signature over the caller's nonce."""
        public = signing.public_text(server_key())
        return signed(request, Hello(public_key=public, time=utc_now(),
                                     signature=signing.sign(server_key(), signing.hello_message(nonce, public))))

    @app.post("/v1/users/register", response_model=Registered, tags=["devices"],
              responses={403: {"description": "unknown user, wrong team, or a bad or used user code"}})
    def register_user(request: Request, body: RegisterRequest, ctx: Auth) -> Response:
        """Add a person to this laptop: spend their one-time user code, register their public key for
        this device. The answer gives their role and team: the server's, not the laptop's."""
        try:
            p = people.register_key(db, ctx.device_id, ctx.team_id, body.username, body.code, body.public_key,
                                    body.proof)
        except people.PeopleError as exc:
            raise HTTPException(403, f"{exc.code}: {exc}") from exc
        return signed(request, Registered(user=UserOut(id=p.user_id, username=p.username,
                                                       display_name=p.display_name, role=p.role),
                                          team_id=p.team_id, time=utc_now()))

    @app.post("/v1/auth/challenge", response_model=Challenge, tags=["devices"])
    def auth_challenge(ctx: Auth) -> Challenge:
        """A one-time nonce (2 minutes) for a person on this device to sign for a user token."""
        return Challenge(nonce=people.challenge(db, ctx.device_id), time=utc_now())

    @app.post("/v1/auth/token", response_model=UserToken, tags=["devices"])
    def auth_token(request: Request, body: TokenRequest, ctx: Auth) -> Response:
        """A 15-minute user token for role-gated reads; the role is checked again on every use."""
        try:
            token, expires, p = people.issue_token(db, ctx.device_id, ctx.team_id, body.username, body.nonce,
                                                   body.signature)
        except people.PeopleError as exc:
            raise HTTPException(403, f"{exc.code}: {exc}") from exc
        return signed(request, UserToken(token=token, expires_at=expires, role=p.role, time=utc_now()))

    @app.get("/v1/ping", response_model=Ping, tags=["sync"])
    def ping() -> Ping:
        """Reachability probe; also gives the server's clock."""
        return Ping(ok=True, time=utc_now(), version=__version__)

    @app.post("/v1/enrol", response_model=EnrolResponse, tags=["devices"],
              responses={403: {"description": "unknown, used or expired code"}})
    def enrol(body: EnrolRequest) -> EnrolResponse:
        """Exchange a one-time enrolment code for this device's token."""
        got = admin.exchange_code(db, body.code, body.name, body.device_key)
        if got is None:
            raise HTTPException(403, "this enrolment code is unknown, expired or already used")
        return EnrolResponse(device_id=got[0], token=got[1], team_id=got[2], time=utc_now())

    @app.get("/v1/me", response_model=Me, tags=["devices"])
    def me(request: Request, ctx: Auth) -> Response:
        """This device's team and its people with their roles (signed: the laptop takes roles from here)."""
        with db.read() as conn:
            team_code = conn.execute(select(t.teams.c.code).where(t.teams.c.id == ctx.team_id)).scalar_one()
            rows = conn.execute(select(t.users.c.id, t.users.c.username, t.users.c.display_name, t.users.c.role,
                                       t.users.c.active)
                                .where(t.users.c.team_id == ctx.team_id).order_by(t.users.c.username)).all()
        users = [UserOut(id=r[0], username=r[1], display_name=r[2], role=r[3], active=bool(r[4])) for r in rows]
        mine = next((u for u in users if ctx.user is not None and u.id == ctx.user.user_id), None)
        return signed(request, Me(device_id=ctx.device_id, team_id=ctx.team_id, team_code=team_code, user=mine,
                                  users=users, time=utc_now()))

    @app.post("/v1/push", response_model=PushResponse, response_model_exclude_none=True, tags=["sync"])
    def push(request: Request, body: PushRequest, ctx: Auth) -> Response:
        """Apply a batch of operations in order, each at most once; one answer per operation, naming
        its operation id. Each operation counts only with its author's valid signature, and only if
        the author's role on the server allows it now."""
        ops = list(body.ops)
        sigs = [s.model_dump() for s in body.sigs]
        with db.write() as (conn, pending):
            results = process_batch(conn, pending, ctx, ops, sigs)
        observe.count_results(results)
        # The answer names exactly the operations it answers: a SHA-256 over their ids in order (one
        # per batch: an id per result would cost ~17 bytes per reading on 2G), signed with the nonce.
        named = [str(o.get("op_id")) if isinstance(o, dict) else "" for o in ops]
        clean = [{k: v for k, v in r.items() if v is not None and k != "op_id"} for r in results]
        return signed(request, {"time": utc_now(), "ids": signing.ids_digest(named), "results": clean})

    @app.get("/v1/changes", response_model=ChangesResponse, tags=["sync"])
    def changes(ctx: Auth, since: Annotated[int, Query(ge=0, le=2**62)] = 0,
                limit: Annotated[int, Query(ge=1, le=5000)] = 1000) -> dict[str, Any]:
        """Changes for this device's team after sequence `since`, oldest first. Field facts this
        device pushed itself are left out (it has them); the cursor still moves past them."""
        with db.read() as conn:
            rows = conn.execute(
                select(t.changes.c.seq, t.changes.c.entity, t.changes.c.entity_id, t.changes.c.data,
                       t.changes.c.origin_device)
                .where(and_(t.changes.c.seq > since,
                            or_(t.changes.c.team_id == ctx.team_id, t.changes.c.team_id.is_(None))))
                .order_by(t.changes.c.seq).limit(limit)).all()
        own_facts = {"reading", "install", "onboarding_step", "meter"}
        out, bad = [], []
        for r in rows:
            if r[4] == ctx.device_id and r[1] in own_facts:
                continue
            data, error = quarantine.load(r[3])  # one bad record is skipped, never stops the feed
            if data is None:
                bad.append({"seq": r[0], "team_id": ctx.team_id, "entity": r[1], "entity_id": r[2], "error": error})
            else:
                out.append({"seq": r[0], "entity": r[1], "id": r[2], "data": data})
        if bad:
            quarantine.record(db, bad)
        return {"time": utc_now(), "changes": out, "next": rows[-1][0] if rows else since,
                "more": len(rows) == limit}

    @app.post("/v1/attachments/missing", response_model=MissingResponse, tags=["attachments"])
    def attachments_missing(body: MissingRequest, ctx: Auth) -> MissingResponse:
        """Which of these hashes the server has not confirmed, and from which offset to resume each."""
        wanted = sorted(set(body.hashes))
        with db.read() as conn:
            todo = attachments.missing(conn, ctx.team_id, wanted)
        return MissingResponse(missing=[MissingItem(sha256=h, offset=o) for h, o in todo])

    @app.put("/v1/attachments/{sha256}", response_model=UploadResponse, tags=["attachments"],
             responses={409: {"description": "offset is not where the server is; body has the right one"},
                        422: {"description": "the content does not match its hash; start again"}},
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}})
    async def upload(request: Request, ctx: Auth, sha256: Annotated[str, Path(pattern=SHA)],
                     offset: Annotated[int, Query(ge=0, le=MAX_ATTACHMENT)] = 0,
                     size: Annotated[int, Query(ge=0, le=MAX_ATTACHMENT)] = 0,
                     mime: Annotated[str, Query(max_length=128, pattern=r"^[A-Za-z0-9!#$&^_.+/-]*$")] = "",
                     kind: Annotated[str, Query(max_length=32, pattern=r"^[a-z_]*$")] = "") -> Any:
        """Upload one chunk at `offset`. The chunk is accepted only at the confirmed offset; when
        the last byte arrives the server checks the sha256 and confirms the attachment."""
        chunk = await request.body()
        if len(chunk) > MAX_CHUNK:
            raise HTTPException(413, "chunk too large")
        got = await run_in_threadpool(attachments.store_chunk, db, ctx.team_id, ctx.device_id,
                                      ctx.user.user_id if ctx.user else None,
                                      sha256, offset, size, mime, kind, chunk, utc_now())
        if got.status != 200:
            return JSONResponse(status_code=got.status, content=got.body)
        return UploadResponse(**got.body)

    @app.post("/v1/attachments/info", response_model=AttachmentInfoResponse, tags=["attachments"])
    def attachments_info(body: MissingRequest, ctx: Supervisor) -> AttachmentInfoResponse:
        """Size, type and kind of attachments this device may download (complete, own team); the
        other hashes are listed as `unavailable` (not received yet, or not this team's)."""
        wanted = sorted(set(body.hashes))
        with db.read() as conn:
            rows = attachments.info(conn, ctx.team_id, wanted)
        items = [AttachmentInfo(sha256=r[0], size=int(r[1]), mime=r[2], kind=r[3]) for r in rows]
        found = {i.sha256 for i in items}
        return AttachmentInfoResponse(items=items, unavailable=[h for h in wanted if h not in found])

    @app.get("/v1/attachments/{sha256}", tags=["attachments"],
             responses={200: {"content": {"application/octet-stream": {}},
                              "description": "the content, or the part from `offset` (at most `length` bytes); "
                                             "`X-FK-Size` gives the whole size"}})
    def download(sha256: Annotated[str, Path(pattern=SHA)], ctx: Supervisor,
                 offset: Annotated[int, Query(ge=0, le=MAX_ATTACHMENT)] = 0,
                 length: Annotated[int | None, Query(ge=1, le=MAX_CHUNK)] = None) -> Response:
        with db.read() as conn:
            got = attachments.read(conn, ctx.team_id, sha256, offset, length)
        if got is None:  # not delivered, or another team's: the same answer (no existence leak)
            raise HTTPException(404, "no such attachment")
        total, mime, out = got
        headers = {"X-FK-Size": str(total), "X-FK-Offset": str(offset)}
        if not (mime.startswith("text/") or "json" in mime or "xml" in mime):
            headers["Content-Encoding"] = "identity"  # photos are compressed already: no gzip on top
        return Response(out, media_type=mime, headers=headers)

    @app.get("/v1/work-orders", response_model=list[WorkOrderOut], tags=["review"])
    def work_orders(ctx: Auth, state: Annotated[str | None, Query(max_length=16, pattern=NAME)] = None) -> list[WorkOrderOut]:
        with db.read() as conn:
            q = select(t.work_orders.c.id, t.work_orders.c.data, t.work_orders.c.version, t.work_orders.c.conflict)\
                .where(t.work_orders.c.team_id == ctx.team_id).order_by(t.work_orders.c.number)
            if state:
                q = q.where(t.work_orders.c.state == state)
            out = []
            for r in conn.execute(q).all():
                missing = missing_attachments(conn, r[0])
                out.append(WorkOrderOut(id=r[0], data=json.loads(r[1]), version=r[2], conflict=bool(r[3]),
                                        delivered=not missing, missing_attachments=missing))
        return out

    @app.get("/v1/work-orders/{work_order_id}", response_model=WorkOrderOut, tags=["review"])
    def work_order(work_order_id: Annotated[str, Path(pattern=ID, max_length=36)], ctx: Auth) -> WorkOrderOut:
        with db.read() as conn:
            r = conn.execute(select(t.work_orders.c.id, t.work_orders.c.data, t.work_orders.c.version,
                                    t.work_orders.c.conflict, t.work_orders.c.team_id)
                             .where(t.work_orders.c.id == work_order_id)).first()
            if r is None or r[4] != ctx.team_id:  # another team's answers as unknown: no existence leak
                raise HTTPException(404, "no such work order")
            missing = missing_attachments(conn, r[0])
            versions = [{"version": v[0], "data": json.loads(v[1]), "op_id": v[2], "device_id": v[3], "at": v[4]}
                        for v in conn.execute(select(t.work_order_versions.c.version, t.work_order_versions.c.data,
                                                     t.work_order_versions.c.op_id, t.work_order_versions.c.device_id,
                                                     t.work_order_versions.c.at)
                                              .where(t.work_order_versions.c.work_order_id == work_order_id)
                                              .order_by(t.work_order_versions.c.version))]
        return WorkOrderOut(id=r[0], data=json.loads(r[1]), version=r[2], conflict=bool(r[3]), delivered=not missing,
                            missing_attachments=missing, versions=versions)

    @app.get("/v1/customers/{customer_id}", response_model=CustomerOut, tags=["review"])
    def customer(customer_id: Annotated[str, Path(pattern=ID, max_length=36)], ctx: Auth) -> CustomerOut:
        with db.read() as conn:
            r = conn.execute(select(t.customers.c.id, t.customers.c.data, t.customers.c.version,
                                    t.customers.c.conflict, t.customers.c.team_id)
                             .where(t.customers.c.id == customer_id)).first()
            if r is None or r[4] != ctx.team_id:  # another team's answers as unknown: no existence leak
                raise HTTPException(404, "no such customer")
            versions = [{"version": v[0], "data": json.loads(v[1]), "base_version": v[2], "op_id": v[3],
                         "device_id": v[4], "user_id": v[5], "at": v[6]}
                        for v in conn.execute(select(t.customer_versions.c.version, t.customer_versions.c.data,
                                                     t.customer_versions.c.base_version, t.customer_versions.c.op_id,
                                                     t.customer_versions.c.device_id, t.customer_versions.c.user_id,
                                                     t.customer_versions.c.at)
                                              .where(t.customer_versions.c.customer_id == customer_id)
                                              .order_by(t.customer_versions.c.version))]
        return CustomerOut(id=r[0], data=json.loads(r[1]), version=r[2], conflict=bool(r[3]), versions=versions)

    @app.get("/v1/conflicts", response_model=list[ConflictOut], tags=["review"])
    def conflicts(ctx: Supervisor, open_only: bool = True) -> list[ConflictOut]:
        """Edits made on an out-of-date version, for the supervisor to look at. Nothing was dropped."""
        with db.read() as conn:
            q = select(t.conflicts).where(t.conflicts.c.team_id == ctx.team_id).order_by(t.conflicts.c.id)
            if open_only:
                q = q.where(t.conflicts.c.resolved_at.is_(None))
            rows = conn.execute(q).mappings().all()
        return [ConflictOut(**{k: r[k] for k in ConflictOut.model_fields}) for r in rows]

    @app.post("/v1/conflicts/{conflict_id}/resolve", response_model=ConflictOut, tags=["review"])
    def resolve(conflict_id: Annotated[int, Path(ge=1, le=2**31 - 1)], ctx: Supervisor) -> ConflictOut:
        """Mark a conflict resolved at once (devices do the same offline with a `conflict/resolve`
        operation). The team's devices learn it through the change feed."""
        with db.write() as (conn, pending):
            r = conn.execute(select(t.conflicts).where(t.conflicts.c.id == conflict_id)).mappings().first()
            if r is None or r["team_id"] != ctx.team_id:  # no existence leak
                raise HTTPException(404, "no such conflict")
            assert ctx.user is not None
            if resolve_conflict(conn, pending, ctx.device_id, ctx.user, conflict_id, "", utc_now()) is not None:
                audit(conn, device_id=ctx.device_id, user_id=ctx.user.user_id, action="resolve", entity="conflict",
                      entity_id=str(conflict_id))
            r = conn.execute(select(t.conflicts).where(t.conflicts.c.id == conflict_id)).mappings().one()
        return ConflictOut(**{k: r[k] for k in ConflictOut.model_fields})

    @app.get("/v1/audit", tags=["review"])
    def audit_log(ctx: Supervisor, limit: Annotated[int, Query(ge=1, le=1000)] = 200,
                  entity_id: Annotated[list[str] | None, Query()] = None) -> list[dict[str, Any]]:
        """Who did what from which device, for this team's devices (newest first). `entity_id` (repeated,
        at most 100): only those records (a work order's history: the order and its records); then a
        work order's own lines carry the `state` it moved to and the server's import of it is included."""
        wanted = [str(e) for e in entity_id or []]
        if len(wanted) > 100:
            raise HTTPException(422, "at most 100 entity_id values")
        if not all(re.fullmatch(ID, e) for e in wanted):  # NUL and the like: PostgreSQL refuses them (a 500)
            raise HTTPException(422, "entity_id: an id of letters, digits and _ . : / - (at most 64)")
        with db.read() as conn:
            devs = select(t.devices.c.id).where(t.devices.c.team_id == ctx.team_id)
            q = select(t.audit).where(t.audit.c.device_id.in_(devs))
            if wanted:
                ours = select(t.work_orders.c.id).where(t.work_orders.c.team_id == ctx.team_id)
                q = select(t.audit).where(t.audit.c.entity_id.in_(wanted), or_(
                    t.audit.c.device_id.in_(devs), and_(t.audit.c.device_id.is_(None), t.audit.c.entity == "work_order",
                                                        t.audit.c.entity_id.in_(ours))))
            rows = [dict(r) for r in conn.execute(q.order_by(t.audit.c.seq.desc()).limit(limit)).mappings()]
            ops = [str(r["op_id"]) for r in rows if r["entity"] == "work_order" and r["op_id"]]
            states = {str(v[0]): json.loads(v[1]).get("state") for v in conn.execute(
                select(t.work_order_versions.c.op_id, t.work_order_versions.c.data)
                .where(t.work_order_versions.c.op_id.in_(ops)))} if ops else {}
        return [r | ({"state": states[str(r["op_id"])]} if str(r["op_id"]) in states else {}) for r in rows]

    return app
