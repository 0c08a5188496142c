"""Who is asking, for every router: the device token (checked on every request, no cache), the
optional user token of a person on that device, the supervisor gate, and answers signed with the
server's key over the request's `X-FK-Nonce` (`X-FK-Signature`)."""

# No `from __future__ import annotations`: FastAPI resolves the dependency signatures at runtime.

from types import ModuleType
from typing import Annotated, Any

from fastapi import Depends, Header, HTTPException, Request, Response
from pydantic import BaseModel
from sqlalchemy import and_, select

from fieldkit.central import admin, people, server_key
from fieldkit.central import schema as t
from fieldkit.central.apply import Context, actor_of
from fieldkit.central.db import Database, dumps
from fieldkit.domain import signing

orjson: ModuleType | None
try:
    import orjson
except ImportError:  # pragma: no cover - the server extra installs it; the standard encoder does the same job
    orjson = None


REVOKED = "this device is not enrolled or its token was revoked"


def _holds(token_hash: str) -> Any:
    """The device row of an enrolled, not revoked device holding this token."""
    return and_(t.devices.c.token_hash == token_hash, t.devices.c.revoked_at.is_(None))


class Access:
    """The checks and the signing key of one app (one database)."""

    def __init__(self, db: Database):
        self.db = db
        # the server's signing keys, read on first use (start-up needs no database) and again now and
        # then, so a rotation is followed without a restart (central/server_key.py)
        self.keys = server_key.KeyCache(db)
        # Dependencies for the routers' signatures: `ctx: access.Auth` (any enrolled device),
        # `ctx: access.Supervisor` (and a supervisor's user token).
        auth = Annotated[Context, Depends(self.auth)]

        def supervisor(ctx: auth) -> Context:
            return self.must_be_supervisor(ctx)

        self.Auth: Any = auth
        self.Supervisor: Any = Annotated[Context, Depends(supervisor)]

    def server_key(self) -> Any:
        """The key this server signs with now (the newest one whose start has passed)."""
        return self.keys.current().key

    def signed(self, request: Request, model: BaseModel | dict[str, Any], *, no_floats: bool = False,
               **dump: Any) -> Response:
        """JSON answer signed with the server's key over the request's nonce and the body.
        `no_floats`: the answer holds only text, whole numbers, booleans and null (a push's results),
        so orjson writes it, 10x faster and the same text (floats are where the two differ: NaN)."""
        value = model.model_dump(**dump) if isinstance(model, BaseModel) else model
        body = b""
        if no_floats and orjson is not None:
            try:
                body = orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
            except (orjson.JSONEncodeError, TypeError):  # a lone surrogate, a huge integer: the standard way
                body = b""
        body = body or dumps(value).encode("utf-8")
        nonce = request.headers.get("x-fk-nonce", "")[:64]
        sig = signing.sign(self.server_key(), signing.answer_message(nonce, body))
        return Response(body, media_type="application/json", headers={"X-FK-Signature": sig})

    def auth(self, authorization: Annotated[str | None, Header(description="Bearer <device token>")] = None,
             *,
             x_fk_user_token: Annotated[str | None, Header(description="user token (role-gated reads)")] = None
             ) -> Context:
        token_hash = self.token_hash(authorization)
        # reads only: once more on a connection found dead (just after a database restart)
        return self.db.once_more_if_dropped(lambda: self._who(token_hash, x_fk_user_token))

    def _who(self, token_hash: str, x_fk_user_token: str | None) -> Context:
        # Read-only statements outside a transaction: no BEGIN and ROLLBACK round trips for every
        # request (on PostgreSQL each statement sees what was committed, as in a READ COMMITTED one).
        with self.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            dev = conn.execute(select(t.devices.c.id, t.devices.c.team_id).where(_holds(token_hash))).first()
            if dev is None:
                raise HTTPException(401, REVOKED)
            ctx = Context(str(dev[0]), str(dev[1]))
            if x_fk_user_token:
                who = people.token_person(conn, x_fk_user_token[:100], ctx.device_id, ctx.team_id)
                if who is None:
                    raise HTTPException(401, "user_token: the user token is invalid or expired; sign in again")
                ctx.user = actor_of(who)
        return ctx

    @staticmethod
    def token_hash(authorization: str | None) -> str:
        """The hash of the request's device token, as stored (401 when there is none)."""
        token = authorization[7:].strip() if authorization and authorization.lower().startswith("bearer ") else ""
        if not token:
            raise HTTPException(401, "a device token is required")
        return admin.hash_token(token)

    def device_and_turn(self, token_hash: str, after: str) -> tuple[Context, bool]:
        """The device holding this token (401 if none) and whether its operation `after` has its
        answer stored (a pipelined push's turn), in one query outside a transaction."""
        o = t.ops.c
        answered = select(o.op_id).where(and_(o.op_id == after, o.device_id == t.devices.c.id)).exists()

        def look() -> Any:
            with self.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                return conn.execute(select(t.devices.c.id, t.devices.c.team_id, answered)
                                    .where(_holds(token_hash))).first()

        dev = self.db.once_more_if_dropped(look)  # a read: once more on a connection found dead
        if dev is None:
            raise HTTPException(401, REVOKED)
        return Context(str(dev[0]), str(dev[1])), bool(dev[2])

    @staticmethod
    def must_be_supervisor(ctx: Context) -> Context:
        if ctx.user is None:
            raise HTTPException(401, "user_token: this needs a user token (sign the server's challenge)")
        if ctx.user.role != "supervisor":
            raise HTTPException(403, "role_forbidden: only a supervisor may do this")
        return ctx
