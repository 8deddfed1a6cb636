"""The FastAPI application: settings, authentication, request size limits and
JSON errors. Routes live in `api.py` (JSON) and, later, `pages.py` (HTML).

Every error is a JSON object `{"error": message, "status": code}` (plus
`"detail"` for invalid parameters): bad parameters are 4xx, never 500.
"""

from __future__ import annotations

import hmac
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import StoreError
from ..query import NotFound, QueryError
from ..store import Store

DEFAULT_MAX_BODY = 5 * 1024 * 1024
STATIC = Path(__file__).parent / "static"


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def _env_token() -> str | None:
    token = os.environ.get("BRIEFGRAPH_API_TOKEN")
    path = os.environ.get("BRIEFGRAPH_API_TOKEN_FILE")
    if not token and path:
        try:
            token = Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise StoreError(f"{path}: cannot read the API token file ({exc.strerror or exc})") from None
    return token or None


@dataclass
class Settings:
    """What the server is configured with; `from_env` reads the BRIEFGRAPH_* variables.

    `token` is the bearer token that `POST /documents` requires (ingest is refused
    when none is set); with `protect_reads` the queries require it too."""

    db: str | None = None
    token: str | None = None
    protect_reads: bool = False
    max_body_bytes: int = DEFAULT_MAX_BODY
    store: Store | None = field(default=None, repr=False)

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        values: dict[str, Any] = {
            "db": os.environ.get("BRIEFGRAPH_DB"),
            "token": _env_token(),
            "protect_reads": _env_flag("BRIEFGRAPH_API_PROTECT_READS"),
        }
        if os.environ.get("BRIEFGRAPH_API_MAX_BODY", "").isdigit():
            values["max_body_bytes"] = int(os.environ["BRIEFGRAPH_API_MAX_BODY"])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def error_response(status: int, message: str, detail: Any = None, headers: dict[str, str] | None = None
                   ) -> JSONResponse:
    body: dict[str, Any] = {"error": message, "status": status}
    if detail is not None:
        body["detail"] = detail
    return JSONResponse(body, status_code=status, headers=headers)


class BodyLimit:
    """Refuses request bodies over `max_bytes` with 413, by Content-Length or as they stream in."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None:
            if not length.isdigit():
                await error_response(400, "Content-Length is not a number")(scope, receive, send)
                return
            if int(length) > self.max_bytes:
                await error_response(413, f"request body over {self.max_bytes} bytes")(scope, receive, send)
                return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise HTTPException(413, f"request body over {self.max_bytes} bytes")
            return message

        await self.app(scope, limited, send)


def check_token(request: Request, required: bool) -> None:
    """Raise 401/403 unless the request carries the configured bearer token."""
    settings: Settings = request.app.state.settings
    if not required:
        return
    if not settings.token:
        raise HTTPException(403, "ingest is disabled: the server has no API token (set BRIEFGRAPH_API_TOKEN)")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(401, "a bearer token is required (Authorization: Bearer TOKEN)",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode(), settings.token.encode()):
        raise HTTPException(403, "the bearer token is not valid")


def _plain(part: object) -> bool:
    """A location part a user can act on (not pydantic's name of a union branch or model)."""
    text = str(part)
    return "[" not in text and not (text[:1].isupper() and text.isidentifier())


def create_app(settings: Settings | None = None) -> FastAPI:
    """The briefgraph HTTP app over `settings.store` (or a store opened at `settings.db`)."""
    from . import api

    settings = settings or Settings.from_env()
    store = settings.store or Store(settings.db)
    app = FastAPI(title="briefgraph", version="0.1.0",
                  description="Sourced, structured event data from geopolitical briefs: "
                              "timelines, actor networks, quotes, full-text search, ingest.")
    app.state.settings = settings
    app.state.store = store
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.include_router(api.router)
    from . import brief_api, pages  # issue 12: the brief endpoint and the web pages

    app.include_router(brief_api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(HTTPException)
    async def _http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        return error_response(exc.status_code, str(exc.detail), headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = [{"location": ".".join(str(part) for part in err.get("loc", ()) if _plain(part)),
                   "message": err.get("msg", "")} for err in exc.errors()]
        first = detail[0] if detail else {"location": "request", "message": "invalid"}
        return error_response(422, f"{first['location']}: {first['message']}", detail)

    @app.exception_handler(NotFound)
    async def _not_found(_request: Request, exc: NotFound) -> JSONResponse:
        return error_response(404, str(exc))

    @app.exception_handler(QueryError)
    async def _bad_query(_request: Request, exc: QueryError) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(StoreError)
    async def _store_down(_request: Request, exc: StoreError) -> JSONResponse:
        return error_response(503, str(exc))

    @app.exception_handler(Exception)
    async def _bug(_request: Request, exc: Exception) -> JSONResponse:  # a bug, still answered in JSON
        return error_response(500, f"internal error: {type(exc).__name__}")

    return app
