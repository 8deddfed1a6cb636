"""Bearer-token checks for the API: writes always need the token, reads when the
server protects them. Tokens are compared in constant time."""

from __future__ import annotations

import hmac

from fastapi import Request
from starlette.exceptions import HTTPException

from .settings import Settings


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


def read_access(request: Request) -> None:
    check_token(request, request.app.state.settings.protect_reads)


def write_access(request: Request) -> None:
    check_token(request, True)
