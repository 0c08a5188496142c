"""Attachments: which hashes the server still misses (`POST /v1/attachments/missing`), resumable
chunked uploads (`PUT /v1/attachments/{sha256}`), and for supervisors their size and type
(`POST /v1/attachments/info`) and ranged downloads (`GET /v1/attachments/{sha256}`). The bytes
and their checks: central/attachments.py."""

# No `from __future__ import annotations`: FastAPI resolves the local `Auth` aliases at runtime.

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import and_, select
from starlette.concurrency import run_in_threadpool

from fieldkit.central import attachments, storage, stored
from fieldkit.central import schema as t
from fieldkit.central.access import Access
from fieldkit.central.apply import Context
from fieldkit.central.db import Database, utc_now
from fieldkit.central.http_io import MAX_ATTACHMENT, MAX_CHUNK, SHA, GzipRoute
from fieldkit.central.withhold import Bad, Withheld

A = t.team_attachments.c


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


def router(db: Database, access: Access) -> APIRouter:
    router = APIRouter(route_class=GzipRoute)
    # access.Auth / access.Supervisor: the same dependencies, with the type the checker needs (a Context).
    Auth = Annotated[Context, access.Auth.__metadata__[0]]
    Supervisor = Annotated[Context, access.Supervisor.__metadata__[0]]

    @router.post("/v1/attachments/missing", response_model=MissingResponse, tags=["attachments"])
    def attachments_missing(request: Request, body: MissingRequest, ctx: Auth) -> Response:
        """Which of these hashes the server has not confirmed, and from which offset to resume each
        (a damaged row of the team's counts as not received: offset 0). Signed: the laptop takes
        a hash left out as confirmed."""
        wanted = sorted(set(body.hashes))
        withheld = Withheld(request)
        have: dict[str, tuple[int, bool]] = {}
        if wanted:
            with db.read() as conn:
                for r in conn.execute(select(A.sha256, A.received, A.complete)
                                      .where(and_(A.team_id == ctx.team_id, A.sha256.in_(wanted)))):
                    got = withheld.keep("team_attachments", r[0], stored.upload_state, r)
                    if got is not None:
                        have[got[0]] = (got[1], got[2])
        answer = access.signed(request, MissingResponse(missing=[
            MissingItem(sha256=h, offset=have.get(h, (0, False))[0]) for h in wanted if not have.get(h, (0, False))[1]]))
        withheld.apply(answer)
        return answer

    @router.put("/v1/attachments/{sha256}", response_model=UploadResponse, tags=["attachments"],
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
        return access.signed(request, UploadResponse(**got.body))  # the laptop takes `complete` as confirmed

    @router.post("/v1/attachments/info", response_model=AttachmentInfoResponse, tags=["attachments"])
    def attachments_info(request: Request, response: Response, body: MissingRequest,
                         ctx: Supervisor) -> AttachmentInfoResponse:
        """Size, type and kind of attachments this device may download (complete, own team); the
        other hashes are listed as `unavailable` (not received yet, not this team's, or damaged)."""
        wanted = sorted(set(body.hashes))
        withheld = Withheld(request)
        items = []
        if wanted:
            with db.read() as conn:
                for r in conn.execute(select(A.sha256, A.size, A.mime, A.kind).where(and_(
                        A.team_id == ctx.team_id, A.sha256.in_(wanted), A.complete.is_(True)))):
                    got = withheld.keep("team_attachments", r[0], stored.attachment, r)
                    if got is not None:
                        items.append(AttachmentInfo(sha256=got[0], size=got[1], mime=got[2], kind=got[3]))
        found = {i.sha256 for i in items}
        withheld.apply(response)
        return AttachmentInfoResponse(items=items, unavailable=[h for h in wanted if h not in found])

    @router.get("/v1/attachments/{sha256}", tags=["attachments"],
             responses={200: {"content": {"application/octet-stream": {}},
                              "description": "the content, or the part from `offset` (at most `length` bytes); "
                                             "`X-FK-Size` gives the whole size"}})
    def download(request: Request, sha256: Annotated[str, Path(pattern=SHA)], ctx: Supervisor,
                 offset: Annotated[int, Query(ge=0, le=MAX_ATTACHMENT)] = 0,
                 length: Annotated[int | None, Query(ge=1, le=MAX_CHUNK)] = None) -> Response:
        withheld = Withheld(request)
        with db.read() as conn:
            row = conn.execute(select(A.sha256, A.size, A.mime, A.kind).where(and_(
                A.team_id == ctx.team_id, A.sha256 == sha256, A.complete.is_(True)))).first()
            if row is None:  # not delivered, or another team's: the same answer (no existence leak)
                raise HTTPException(404, "no such attachment")
            info = withheld.keep("team_attachments", sha256, stored.attachment, row)
            out = None
            if info is not None:
                total, mime = info[1], info[2]
                end = total if length is None else min(total, offset + length)
                out = withheld.keep("team_attachment_chunks", sha256, _part, conn, ctx.team_id, sha256, offset, end)
        if out is None:
            raise HTTPException(404, "record_withheld: this attachment is damaged on the server and is withheld",
                                headers=withheld.headers())
        headers = {"X-FK-Size": str(total), "X-FK-Offset": str(offset)}
        if not (mime.startswith("text/") or "json" in mime or "xml" in mime):
            headers["Content-Encoding"] = "identity"  # photos are compressed already: no gzip on top
        return Response(out, media_type=mime, headers=headers)

    return router


def _part(conn: Any, team_id: str, sha: str, offset: int, end: int) -> bytes:
    """The stored bytes [offset, end): exactly that many, or the attachment's chunks are damaged."""
    out = storage.chunks().range(conn, team_id, sha, offset, end)
    if not isinstance(out, bytes) or len(out) != max(0, end - offset):
        raise Bad("bytes", "data", "the stored chunks do not add up to the attachment's size")
    return out
