"""The FastAPI application: the store, the routers, the size limit and JSON errors.
Settings live in `settings.py`, token checks in `auth.py`, routes in `api.py`.

Every error is a JSON object `{"error": message, "status": code}` (plus
`"detail"` for invalid parameters): bad parameters are 4xx, never 500.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from ..errors import StoreError
from ..query import NotFound, QueryError
from ..store import Store
from . import api, brief_api, map_api, pages
from .headers import SecurityHeaders
from .limits import BodyLimit
from .responses import error_response
from .settings import Settings

STATIC = Path(__file__).parent / "static"


def _plain(part: object) -> bool:
    """A location part a user can act on (not pydantic's name of a union branch or model)."""
    text = str(part)
    return "[" not in text and not (text[:1].isupper() and text.isidentifier())


def create_app(settings: Settings | None = None) -> FastAPI:
    """The briefgraph HTTP app over `settings.store` (or a store opened at `settings.db`)."""
    settings = settings or Settings.from_env()
    store = settings.store or Store(settings.db)
    app = FastAPI(title="briefgraph", version="0.1.0",
                  description="Sourced, structured event data from geopolitical briefs: "
                              "timelines, actor networks, quotes, full-text search, ingest.")
    app.state.settings = settings
    app.state.store = store
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)  # outermost: on every answer, the 413s included
    app.include_router(api.router)
    app.include_router(brief_api.router)
    app.include_router(map_api.router)
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
