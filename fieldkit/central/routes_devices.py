"""Devices and people: ping, the server's identity, enrolment, registering a person's key,
user tokens, and who this device is (`/v1/ping`, `/v1/hello`, `/v1/enrol`, `/v1/users/register`,
`/v1/auth/*`, `/v1/me`). Answers a laptop acts on are signed (central/access.py)."""

# No `from __future__ import annotations`: FastAPI resolves the local `Auth` aliases at runtime.

import json
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy import select

from fieldkit import __version__
from fieldkit.central import admin, people, sealed, server_key, stored
from fieldkit.central import schema as t
from fieldkit.central.access import Access
from fieldkit.central.apply import Context
from fieldkit.central.db import Database, dumps, utc_now
from fieldkit.central.http_io import GzipRoute
from fieldkit.central.withhold import Withheld
from fieldkit.domain import signing


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


class KeyLink(BaseModel):
    n: int = Field(description="the key's number (1 is the first key; each rotation adds one)")
    public_key: str
    valid_from: str = Field(description="when the server signs with this key from")
    endorsement: str = Field(description="signature by key n-1 over fk-endorse-v1, n, this public key, "
                                         "valid_from and key n-1's public key")


class Hello(BaseModel):
    public_key: str
    signature: str
    time: str
    ordered: bool = Field(default=True, description="pushes may be pipelined (`after`): this server keeps them in order")
    signs_all: bool = Field(default=True, description="every answer a laptop acts on is signed (`X-FK-Signature`), "
                                                      "the change feed and upload offsets too: a laptop that saw "
                                                      "this accepts no unsigned one from this server again")
    keys: list[KeyLink] | None = Field(default=None, description="after a rotation: the endorsed chain from key 2 "
                                       "to `public_key`, so a laptop that pinned an older key can follow it")
    sealing: dict[str, int | str] | None = Field(default=None, description="the X25519 key a laptop seals its "
                                                 "first pushes to before the next proof ({n, key}: key n's, "
                                                 "central/sealed.py)")


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


def router(db: Database, access: Access) -> APIRouter:
    router = APIRouter(route_class=GzipRoute)
    # access.Auth: the same dependency, with the type the checker needs (a Context).
    Auth = Annotated[Context, access.Auth.__metadata__[0]]

    @router.get("/v1/hello", response_model=Hello, tags=["devices"])
    def hello(nonce: Annotated[str, Query(min_length=8, max_length=64,
                                                            pattern=r"^[A-Za-z0-9_-]+$")],
              pinned: Annotated[int | None, Query(ge=1, le=server_key.MAX_NUMBER, description=(
                  "the number of the server key the laptop has pinned: `keys` then holds only the links "
                  "after it (none when it is the key in use); a number this server has no key of yet "
                  "gets the whole chain, as does a laptop that sends none"))] = None) -> Response:
        """The server proves its identity: its public key and a signature over the caller's nonce. The
        whole answer, with what this server can do (`ordered`), is signed over the same nonce
        (`X-FK-Signature`): a laptop acts only on capabilities the server vouched for."""
        keys = access.keys.keys()
        now = server_key.current(keys)
        key, public = now.key, now.public
        links = [KeyLink(**link) for link in server_key.chain(keys, now, after=pinned)] or None
        answer = Hello(public_key=public, time=utc_now(), signature=signing.sign(key, signing.hello_message(nonce, public)),
                       keys=links, sealing=sealed.published(now))
        body = dumps(answer.model_dump(exclude_none=True)).encode("utf-8")
        return Response(body, media_type="application/json",
                        headers={"X-FK-Signature": signing.sign(key, signing.answer_message(nonce, body))})

    @router.post("/v1/users/register", response_model=Registered, tags=["devices"],
              responses={403: {"description": "unknown user, wrong team, or a bad or used user code"}})
    def register_user(request: Request, body: RegisterRequest, ctx: Auth) -> Response:
        """Add a person to this laptop: spend their one-time user code, register their public key for
        this device. The answer gives their role and team: the server's, not the laptop's."""
        try:
            p = people.register_key(db, ctx.device_id, ctx.team_id, body.username, body.code, body.public_key,
                                    body.proof)
        except people.PeopleError as exc:
            raise HTTPException(403, f"{exc.code}: {exc}") from exc
        return access.signed(request, Registered(user=UserOut(id=p.user_id, username=p.username,
                                                       display_name=p.display_name, role=p.role),
                                          team_id=p.team_id, time=utc_now()))

    @router.post("/v1/auth/challenge", response_model=Challenge, tags=["devices"])
    def auth_challenge(ctx: Auth) -> Challenge:
        """A one-time nonce (2 minutes) for a person on this device to sign for a user token."""
        return Challenge(nonce=people.challenge(db, ctx.device_id), time=utc_now())

    @router.post("/v1/auth/token", response_model=UserToken, tags=["devices"])
    def auth_token(request: Request, body: TokenRequest, ctx: Auth) -> Response:
        """A 15-minute user token for role-gated reads; the role is checked again on every use."""
        try:
            token, expires, p = people.issue_token(db, ctx.device_id, ctx.team_id, body.username, body.nonce,
                                                   body.signature)
        except people.PeopleError as exc:
            raise HTTPException(403, f"{exc.code}: {exc}") from exc
        return access.signed(request, UserToken(token=token, expires_at=expires, role=p.role, time=utc_now()))

    version = json.dumps(__version__)

    @router.get("/v1/ping", response_model=Ping, tags=["sync"])
    async def ping() -> Response:
        """Reachability probe; also gives the server's clock."""
        # On the event loop and written out here: no thread hand-off, no model validation (it
        # answers probes at any rate, and the laptop's every sync starts with one).
        return Response(b'{"ok":true,"time":"%s","version":%s}' % (utc_now().encode(), version.encode()),
                        media_type="application/json")

    @router.post("/v1/enrol", response_model=EnrolResponse, tags=["devices"],
              responses={403: {"description": "unknown, used or expired code"}})
    def enrol(body: EnrolRequest) -> EnrolResponse:
        """Exchange a one-time enrolment code for this device's token."""
        got = admin.exchange_code(db, body.code, body.name, body.device_key)
        if got is None:
            raise HTTPException(403, "this enrolment code is unknown, expired or already used")
        return EnrolResponse(device_id=got[0], token=got[1], team_id=got[2], time=utc_now())

    @router.get("/v1/me", response_model=Me, tags=["devices"])
    def me(request: Request, ctx: Auth) -> Response:
        """This device's team and its people with their roles (signed: the laptop takes roles from here).
        A damaged user row is left out (`X-FK-Withheld`)."""
        withheld = Withheld(request)
        with db.read() as conn:
            team_code = conn.execute(select(t.teams.c.code).where(t.teams.c.id == ctx.team_id)).scalar_one()
            rows = conn.execute(select(t.users.c.id, t.users.c.username, t.users.c.display_name, t.users.c.role,
                                       t.users.c.active)
                                .where(t.users.c.team_id == ctx.team_id).order_by(t.users.c.username)).all()
        users = [UserOut(**u) for u in (withheld.keep("users", r[0], stored.user, r) for r in rows) if u is not None]
        mine = next((u for u in users if ctx.user is not None and u.id == ctx.user.user_id), None)
        code: str | None = withheld.keep("teams", ctx.team_id, stored.text, team_code, "code")
        answer = access.signed(request, Me(device_id=ctx.device_id, team_id=ctx.team_id, team_code=code or "",
                                           user=mine, users=users, time=utc_now()))
        withheld.apply(answer)
        return answer

    return router
