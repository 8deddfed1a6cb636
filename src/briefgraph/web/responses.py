"""The one shape of every error answer: `{"error": message, "status": code}`."""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse


def error_response(status: int, message: str, detail: Any = None, headers: dict[str, str] | None = None
                   ) -> JSONResponse:
    body: dict[str, Any] = {"error": message, "status": status}
    if detail is not None:
        body["detail"] = detail
    return JSONResponse(body, status_code=status, headers=headers)
