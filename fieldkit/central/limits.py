"""Request bodies are limited before they are read, and no input makes a 500.

The limit is held by the edge middleware (central/edge.py), outside everything else (so it holds
with or without credentials): a `Content-Length` above the endpoint's limit is answered 413 at once, and the
body stream is counted as it arrives, so a chunked or lying body is cut off at the limit
too. The limit is also left in the scope for the gzip reader, which stops decompressing at
the same size (a gzip bomb never grows past it). Uvicorn reads the socket only as fast as
the application takes the body, so a 1 GB upload never sits in the server's memory.

`install()` also replaces FastAPI's validation answer with one that never echoes the input
(a lone surrogate in it would break the JSON encoder and turn a 422 into a 500).
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.types import Send

log = logging.getLogger(__name__)

KIB = 1024
MIB = 1024 * KIB
SCOPE_KEY = "fieldkit.max_body"

# (method, path prefix) -> largest body accepted, in bytes (after gzip decompression too).
LIMITS: tuple[tuple[str, str, int], ...] = (
    ("POST", "/v1/push", 16 * MIB),
    ("POST", "/v1/enrol", 4 * KIB),
    ("PUT", "/v1/attachments/", 4 * MIB),  # one upload chunk
    ("POST", "/v1/attachments/", 1 * MIB),  # missing / info: up to 10 000 hashes
)
DEFAULT_LIMIT = 64 * KIB


def limit_for(method: str, path: str) -> int:
    for m, prefix, size in LIMITS:
        if method == m and path.startswith(prefix):
            return size
    return DEFAULT_LIMIT


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int):
        super().__init__(413, f"the request body is larger than {limit} bytes")
        self.limit = limit


def too_large(limit: int) -> dict[str, Any]:
    return {"detail": f"the request body is larger than {limit} bytes", "code": "too_large",
            "params": {"max": limit}}


async def answer(send: Send, status: int, body: dict[str, Any]) -> None:
    data = json.dumps(body).encode()
    # Connection: close — the rest of an oversized body is not read.
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": data})


def _clean(value: Any) -> str:
    return str(value).encode("utf-8", "backslashreplace").decode("utf-8")[:200]


async def validation_error(_request: Request, exc: Exception) -> JSONResponse:
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    detail = [{"loc": [_clean(p) for p in e.get("loc", ())], "msg": _clean(e.get("msg", "")),
               "type": _clean(e.get("type", ""))} for e in errors[:20]]
    return JSONResponse(status_code=422, content={"detail": detail})


async def body_too_large(_request: Request, exc: Exception) -> JSONResponse:
    limit = exc.limit if isinstance(exc, BodyTooLarge) else DEFAULT_LIMIT
    return JSONResponse(status_code=413, content=too_large(limit), headers={"Connection": "close"})


ERROR_BODY = {"type": "object", "required": ["detail"], "properties": {
    "detail": {"description": "what was wrong: a sentence, or a list of {loc, msg, type}"},
    "code": {"type": "string"}, "params": {"type": "object"}}}
ERRORS = {
    "400": "the body is not JSON, or its gzip is damaged",
    "401": "no device token / user, or the token is unknown or revoked",
    "403": "the user is not allowed to do this",
    "404": "no such record in this team (another team's records answer the same)",
    "413": "the request body is larger than this endpoint's limit",
    "422": "the request does not match this schema",
}


def document_errors(app: FastAPI) -> None:
    """Every answer the API can give is in the OpenAPI document (schemathesis checks it)."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = original()
            for path, item in schema.get("paths", {}).items():
                for op in item.values():
                    params = {str(p.get("name", "")).lower() for p in op.get("parameters", [])}
                    responses = op.setdefault("responses", {})
                    for code, text in ERRORS.items():
                        if code in ("401", "403") and "authorization" not in params:
                            continue
                        if code == "404" and "{" not in path:
                            continue
                        entry = responses.setdefault(code, {"description": text})
                        entry["content"] = {"application/json": {"schema": ERROR_BODY}}
        return app.openapi_schema or {}

    app.openapi = openapi  # type: ignore[method-assign]


def install(app: FastAPI) -> None:
    document_errors(app)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(BodyTooLarge, body_too_large)  # the limit itself: central/edge.py
